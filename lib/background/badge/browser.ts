/** lib/background/badge's browser side. */
import { browser } from 'wxt/browser';
import { loadState, saveBadgeOptIn } from '../../storage/local';
import { ESTIMATE_STORAGE_KEYS } from '../../storage/keys';
import { createBadgeEstimator, createStoredLinkAssessor } from './estimate';
import type { ActionApi } from './action';
import { BADGE_HOST_PERMISSIONS } from './hosts';
import type { BadgeOptInDeps } from './opt-in';

/** `action` in Chrome MV3, `browserAction` in Firefox MV2 (the polyfill does not alias them). */
export function browserActionApi(): ActionApi {
  const api = browser.action ?? browser.browserAction;
  return {
    setBadgeText: (details) => api.setBadgeText(details),
    setBadgeBackgroundColor: (details) => api.setBadgeBackgroundColor(details),
    setTitle: (details) => api.setTitle(details),
    getTitle: (details) => api.getTitle(details),
  };
}

export const browserBadgeOptInDeps = (): BadgeOptInDeps => ({
  requestAccess: () => browser.permissions.request({ origins: BADGE_HOST_PERMISSIONS }),
  removeAccess: () => browser.permissions.remove({ origins: BADGE_HOST_PERMISSIONS }),
  hasAccess: () => browser.permissions.contains({ origins: BADGE_HOST_PERMISSIONS }),
  loadOptIn: async () => (await loadState()).settings.badgeOptIn === true,
  saveOptIn: saveBadgeOptIn,
});

/** True when the permissions change concerns the badge's host access. */
export const touchesBadgeHosts = (permissions: { origins?: string[] }): boolean =>
  (permissions.origins ?? []).some((origin) => BADGE_HOST_PERMISSIONS.includes(origin));

/** The estimator over what the popup's estimate reads from storage.local. */
export const browserBadgeEstimator = () =>
  createBadgeEstimator({ loadStored: () => browser.storage.local.get([...ESTIMATE_STORAGE_KEYS]), now: () => new Date() });

/** The copied link's assessment over the same stored values, for the menu and the shortcut. */
export const browserLinkAssessor = () =>
  createStoredLinkAssessor({ loadStored: () => browser.storage.local.get([...ESTIMATE_STORAGE_KEYS]), now: () => new Date() });
