/**
 * The options page's badge switch as a small signals model. Turning it on asks for the
 * AliExpress host access first and saves the setting only if it was granted; turning it off
 * saves the setting (the background then clears every badge) and gives the access back.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { BADGE_HOST_PERMISSIONS } from '../background/badge/hosts';
import { loadState, saveBadgeOptIn, type SaveResult } from '../storage/local';

export interface BadgeOptInDeps {
  /** permissions.request for BADGE_HOST_PERMISSIONS; must run inside the click (user gesture). */
  requestAccess(): Promise<boolean>;
  removeAccess(): Promise<boolean>;
  hasAccess(): Promise<boolean>;
  loadOptIn(): Promise<boolean>;
  saveOptIn(enabled: boolean): Promise<SaveResult>;
}

/** `storage-full`: the save failed because storage.local is full, said in those words. */
export type BadgeOptInProblem = 'denied' | 'save-failed' | 'storage-full' | null;

export interface BadgeOptInModel {
  /** On only when the setting is on and the access is granted (the user may revoke it in the browser). */
  readonly enabled: ReadonlySignal<boolean>;
  readonly busy: ReadonlySignal<boolean>;
  readonly problem: ReadonlySignal<BadgeOptInProblem>;
  load(): Promise<void>;
  setEnabled(enabled: boolean): Promise<void>;
}

export function createBadgeOptInModel(deps: BadgeOptInDeps): BadgeOptInModel {
  const enabled = signal(false);
  const busy = signal(false);
  const problem = signal<BadgeOptInProblem>(null);

  return {
    enabled,
    busy,
    problem,

    async load() {
      const [optIn, access] = await Promise.all([deps.loadOptIn(), deps.hasAccess()]);
      enabled.value = optIn && access;
    },

    async setEnabled(next) {
      // Browsers grant a permission request only from a user action: this call comes first,
      // before anything is awaited, so it still runs inside the click.
      const granted = next ? deps.requestAccess().catch(() => false) : undefined;
      busy.value = true;
      problem.value = null;
      try {
        if (granted) {
          if (!(await granted)) {
            problem.value = 'denied';
            return;
          }
          const saved = await deps.saveOptIn(true);
          if (!saved.ok) {
            problem.value = saved.error.kind === 'quota' ? 'storage-full' : 'save-failed';
            return;
          }
          enabled.value = true;
        } else {
          const saved = await deps.saveOptIn(false);
          if (!saved.ok) {
            problem.value = saved.error.kind === 'quota' ? 'storage-full' : 'save-failed';
            return;
          }
          enabled.value = false;
          // Best effort: the setting alone already turns the badge off.
          await deps.removeAccess().catch(() => false);
        }
      } finally {
        busy.value = false;
      }
    },
  };
}

/** The real permissions and storage behind the switch. */
export const browserBadgeOptInDeps = (): BadgeOptInDeps => ({
  requestAccess: () => browser.permissions.request({ origins: BADGE_HOST_PERMISSIONS }),
  removeAccess: () => browser.permissions.remove({ origins: BADGE_HOST_PERMISSIONS }),
  hasAccess: () => browser.permissions.contains({ origins: BADGE_HOST_PERMISSIONS }),
  loadOptIn: async () => (await loadState()).settings.badgeOptIn === true,
  saveOptIn: saveBadgeOptIn,
});
