/** lib/background/badge's browser side. */
import { browser } from 'wxt/browser';
import { readEstimateData } from '../../storage/local';
import { createBadgeEstimator, createStoredLinkAssessor } from './estimate';
import type { ActionApi } from './action';
import { BADGE_HOST_PERMISSIONS } from './hosts';

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

/** True when the permissions change concerns the badge's host access. */
export const touchesBadgeHosts = (permissions: { origins?: string[] }): boolean =>
  (permissions.origins ?? []).some((origin) => BADGE_HOST_PERMISSIONS.includes(origin));

/** The estimator over what the popup's estimate reads from storage.local. */
export const browserBadgeEstimator = () =>
  createBadgeEstimator({ loadStored: readEstimateData, now: () => new Date() });

/** The copied link's assessment over the same stored values, for the menu and the shortcut. */
export const browserLinkAssessor = () => createStoredLinkAssessor({ loadStored: readEstimateData, now: () => new Date() });
