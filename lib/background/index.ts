/**
 * The background, composed: every service built from the browser's APIs, and one listener per
 * event, ready to register. Composition only: the behaviour lives in the modules imported here.
 *
 * Every listener catches and logs its own failure (an unhandled rejection in a worker shows
 * nowhere useful) and returns the work's promise, which browsers ignore and tests await.
 */
import type { WxtBrowser } from 'wxt/browser';
import { createApiService, createAreaCacheStore } from '../api/service';
import { createCredentialsStore } from '../api/credentials';
import { createPortAnswerer } from '../messaging/port';
import { createMessageRouter } from '../messaging/protocol';
import { createHistoryStore, createHistoryWriteFailureNote } from '../storage/history';
import { RATE_CACHE_KEY } from '../storage/keys';
import { createItemValues, loadState, saveAccounts, savePresets, saveSettings } from '../storage/local';
import { localArea, sessionArea, syncArea, type StorageChanges } from '../storage/area';
import { upgradeStoredData } from '../storage/upgrade';
import { createCopyFlash, createProductBadge } from './badge';
import { createDeadLinkBadge, deadLinksView } from './badge/dead-links';
import { browserActionApi, browserBadgeEstimator, browserLinkAssessor, touchesBadgeHosts } from './badge/browser';
import { badgeText, deadLinkText } from './badge/text';
import { createBrowserClipboard } from './clipboard/browser';
import { createCopyLinkAction, createMenuClickHandler, createPostTextMaker, createShortcutHandler } from './copy';
import { postWords, renderPostText } from '../i18n/post';
import { createFirstInstallHandler } from './first-install';
import { createCopyRecorder } from './history-writer';
import { buildMenuSpec, createMenuRegistry } from './menus';
import { browserMenusApi, createBuiltMenuMarker } from './menus/browser';
import { menuText } from './menus/text';
import {
  createApiMessageHandlers,
  createHistoryMessageHandlers,
  createLinkHealthMessageHandlers,
  createSourceMessageHandlers,
  createSyncMessageHandlers,
  createWeeklyRecheckMessageHandlers,
  type HistoryMessageDeps,
} from './message-handlers';
import { createSettingsSync } from './sync';
import { createSyncStateStore, syncStateKey } from '../storage/sync';
import { createLinkHealthChecker, linkHealthReadiness } from './link-health';
import { createBatchLinkHealthStore, createLinkHealthStore } from '../storage/link-health';
import { API_HOST_PERMISSIONS } from '../api/hosts';
import { createRateCache, sleep } from './rate-cache';
import { createSourcesService } from './rate-source';
import { createWeeklyRecheck } from './weekly-recheck';
import { createWeeklyRecheckStore } from '../storage/weekly-recheck';

/** Storage keys whose change can change the menu (preset names, the default). */
const MENU_KEYS = ['presets', 'settings'];

/** The router as both listeners: `runtime.onMessage`, and `runtime.onConnect` for the UI pages' ports. */
const answerers = (route: ReturnType<typeof createMessageRouter>) => ({ answerMessage: route, answerPort: createPortAnswerer(route) });

const logFailure = (what: string) => (error: unknown) => console.error(`[sublink] ${what} failed`, error);
const logged = (what: string, work: Promise<unknown>): Promise<void> => work.then(() => undefined, logFailure(what));

export function createBackground(browser: WxtBrowser) {
  const local = localArea(browser);
  const session = sessionArea(browser);
  const historyStore = createHistoryStore(local);
  const historyDeps: HistoryMessageDeps = {
    loadAccounts: async () => (await loadState()).accounts,
    loadPresets: async () => (await loadState()).presets,
    loadPresetsWithAccounts: async () => {
      const { presets, accounts } = await loadState();
      return { presets, accounts };
    },
    loadSettings: async () => (await loadState()).settings,
    saveSettings,
    restoreHistory: (entries) => historyStore.restore(entries),
    history: historyStore,
    failureNote: createHistoryWriteFailureNote(session),
    now: Date.now,
  };
  const recorder = createCopyRecorder(historyDeps);
  const action = browserActionApi();
  const weeklyStore = createWeeklyRecheckStore(local);
  const productBadge = createProductBadge({
    action,
    tabs: { query: (filter) => browser.tabs.query(filter), get: (tabId) => browser.tabs.get(tabId) },
    loadState,
    estimate: browserBadgeEstimator(),
    text: badgeText,
    // A tab with nothing of its own shows the weekly re-check's count (lib/background/badge/dead-links.ts).
    ground: async () => deadLinksView((await weeklyStore.load()).deadLinks, deadLinkText),
  });
  const credentials = createCredentialsStore(local);
  // Per-product API answers for an hour: storage.session outlives the worker's short lives but not
  // the browser session; without it (older Firefox), the service keeps them in memory.
  const apiService = createApiService({
    fetch: (url, init) => fetch(url, init),
    now: Date.now,
    loadState,
    loadCredentials: credentials.load,
    hasAccess: (origins) => browser.permissions.contains({ origins: [...origins] }),
    ...(session ? { cache: createAreaCacheStore(session, { now: Date.now }) } : {}),
  });
  const copyAffiliateLink = createCopyLinkAction({
    loadState,
    clipboard: createBrowserClipboard(),
    record: recorder.record,
    begin: recorder.begin,
    flash: createCopyFlash({ action, text: badgeText, restore: productBadge.restoreTab, setTimer: (callback, ms) => setTimeout(callback, ms) }),
    now: () => performance.now(),
    portalsLink: apiService.portalsCopyLink,
    assess: browserLinkAssessor(),
    postText: createPostTextMaker({ assess: browserLinkAssessor(), productInsights: apiService.productInsights, render: renderPostText, words: postWords }),
    // For `npm run bench`: handler start to clipboard written, read from the worker's timeline.
    onTiming: ({ surface, startedAt, clipboardWrittenAt }) =>
      performance.measure('sublink:copy-to-clipboard', { start: startedAt, end: clipboardWrittenAt, detail: { surface } }),
  });
  const handleMenuClick = createMenuClickHandler(copyAffiliateLink);
  const hasAccess = (origins: readonly string[]) => browser.permissions.contains({ origins: [...origins] }).catch(() => false);
  const linkHealthStore = createLinkHealthStore(local);
  const linkHealth = createLinkHealthChecker({
    store: linkHealthStore,
    batchStore: createBatchLinkHealthStore(local),
    loadHistory: async () => (await createHistoryStore(local).loadHistory()).entries,
    check: apiService.productInsights,
    readiness: async (presetIds) => {
      const [state, saved, aliexpress, admitad] = await Promise.all([loadState(), credentials.load(), hasAccess(API_HOST_PERMISSIONS.aliexpress), hasAccess(API_HOST_PERMISSIONS.admitad)]);
      return linkHealthReadiness(presetIds, state, saved, { aliexpress, admitad });
    },
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    newId: () => crypto.randomUUID(),
  });
  const weekly = createWeeklyRecheck({
    store: weeklyStore,
    runs: linkHealthStore,
    checker: linkHealth,
    loadHistory: async () => (await historyStore.loadHistory()).entries,
    loadPresetIds: async () => (await loadState()).presets.map((preset) => preset.id),
    readiness: async (presetIds) => {
      const [state, saved, aliexpress, admitad] = await Promise.all([loadState(), credentials.load(), hasAccess(API_HOST_PERMISSIONS.aliexpress), hasAccess(API_HOST_PERMISSIONS.admitad)]);
      return linkHealthReadiness(presetIds, state, saved, { aliexpress, admitad });
    },
    alarms: browser.alarms,
    badge: createDeadLinkBadge({ action, text: deadLinkText, tabs: { query: (filter) => browser.tabs.query(filter) }, restoreTab: productBadge.restoreTab }),
    now: Date.now,
  });
  const handleCommand = createShortcutHandler({
    copy: copyAffiliateLink,
    activeTab: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0],
  });
  const menus = createMenuRegistry({
    menus: browserMenusApi(),
    loadSpec: async () => {
      const { presets, settings } = await loadState();
      return buildMenuSpec(presets, settings, menuText);
    },
    built: createBuiltMenuMarker(),
  });
  const storageLocal = createItemValues(local);
  const sources = createSourcesService({
    cache: createRateCache({
      fetch: (url, init) => fetch(url, init),
      hasAccess: (url) => browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] }),
      storage: { get: () => storageLocal.get(RATE_CACHE_KEY), set: (value) => storageLocal.set({ [RATE_CACHE_KEY]: value }) },
      now: () => new Date(),
      sleep,
    }),
    storage: storageLocal,
    alarms: browser.alarms,
    now: () => new Date(),
  });
  const openSetupOnInstall = createFirstInstallHandler({
    getURL: (path) => browser.runtime.getURL(path as '/options.html'),
    openTab: (url) => browser.tabs.create({ url }),
  });
  const updateBadge = (work: Promise<void>) => logged('badge update', work);
  const sync = syncArea(browser);
  const settingsSync = sync
    ? createSettingsSync({ loadState, savePresets, saveAccounts, saveSettings, sync, state: createSyncStateStore(local), now: Date.now, newId: () => crypto.randomUUID() })
    : null;
  /** Local changes that sync carries, and the switch itself (not the sync state's other writes, which the sync makes). */
  const touchesSync = (changes: StorageChanges, area: string): boolean => {
    if (area === 'sync') return true;
    if (area !== 'local') return false;
    if (MENU_KEYS.some((key) => key in changes) || 'accounts' in changes) return true;
    const change = changes[syncStateKey];
    return change !== undefined && (change.oldValue as { enabled?: unknown } | undefined)?.enabled !== (change.newValue as { enabled?: unknown } | undefined)?.enabled;
  };

  return {
    copyFromMenu: (info: Parameters<typeof handleMenuClick>[0], tab: Parameters<typeof handleMenuClick>[1]) =>
      logged('context menu copy', handleMenuClick(info, tab)),
    copyFromShortcut: (command: string, tab: Parameters<typeof handleCommand>[1]) => logged('shortcut copy', handleCommand(command, tab)),
    ...answerers(
      createMessageRouter(
        {
          ...createHistoryMessageHandlers(historyDeps, recorder),
          ...createSourceMessageHandlers(sources),
          ...createApiMessageHandlers(apiService, credentials),
          ...createLinkHealthMessageHandlers(linkHealth),
          ...createWeeklyRecheckMessageHandlers(weekly),
          ...createSyncMessageHandlers(settingsSync),
        },
        { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
      ),
    ),
    /** After an update: the previous version's stored data migrated and written back (lib/storage/upgrade.ts). */
    upgradeStorageOnUpdate: async ({ reason }: { reason: string }) => {
      if (reason === 'update') await logged('storage upgrade', upgradeStoredData(local));
    },
    /** The first install opens the options page once, in its setup mode. */
    openSetupOnInstall: (details: { reason: string }) => logged('setup page', openSetupOnInstall(details)),
    refreshRatesOnAlarm: (alarm: { name: string }) => logged('rate-table refresh', sources.onAlarm(alarm.name)),
    /** The weekly re-check's alarm: a run over the latest links, then their dead-link count on the icon. */
    recheckLinksOnAlarm: (alarm: { name: string }) => logged('weekly link re-check', weekly.onAlarm(alarm.name)),
    /** Install and browser start: menus from scratch, and the rate refresh alarm if one is due. */
    rebuildOnStart: () =>
      Promise.all([logged('menu build', menus.rebuild()), logged('rate-table schedule', sources.ensureSchedule())]).then(() => undefined),
    followStorageChange: (changes: StorageChanges, area: string) =>
      Promise.all([
        area === 'local' && MENU_KEYS.some((key) => key in changes) ? logged('menu update', menus.ensure()) : undefined,
        updateBadge(productBadge.onStorageChanged(changes, area)),
        settingsSync && touchesSync(changes, area) ? logged('settings sync', settingsSync.reconcile()) : undefined,
      ]).then(() => undefined),
    updateBadgeOnTabChange: (...args: Parameters<typeof productBadge.onTabUpdated>) => updateBadge(productBadge.onTabUpdated(...args)),
    updateBadgeOnPermissionChange: async (permissions: { origins?: string[] }) => {
      if (touchesBadgeHosts(permissions)) await updateBadge(productBadge.onPermissionsChanged());
    },
    /**
     * Access to the rate table's origin revoked: refresh now, which fetches nothing and records
     * why, so the options page says it at once rather than at the next scheduled refresh.
     */
    stopRatesOnAccessRemoved: (permissions: { origins?: string[] }) =>
      permissions.origins?.length ? logged('rate-table access check', sources.onAccessRemoved(permissions.origins)) : Promise.resolve(),
    /** A worker stopped halfway through a menu build left the built-menu marker unset: finish it. */
    finishMenuBuild: () => logged('menu check', menus.ensure()),
    /**
     * On worker start: the journal entries the previous worker wrote merged into the history's
     * list, so the ring has room (lib/background/history-writer.ts). Queued: a copy that woke the
     * worker waits for it, which costs one small read when the ring is empty.
     */
    compactHistory: () => logged('history compaction', recorder.compact()),
    /**
     * On worker start: a link re-check that was running when the previous worker stopped goes on;
     * a weekly one's dead links then go to the icon.
     */
    resumeLinkHealth: () => logged('link re-check', linkHealth.resume().then(() => weekly.settle())),
    /** On worker start: the weekly alarm back if the browser lost it (Firefox does on quit), and its count on the icon. */
    scheduleWeeklyRecheck: () => logged('weekly re-check schedule', weekly.ensureSchedule()),
    /** On worker start: what changed in another browser while this one had no worker (sync is opt-in; off, this reads one key). */
    reconcileSync: () => (settingsSync ? logged('settings sync', settingsSync.reconcile()) : Promise.resolve()),
  };
}

export type Background = ReturnType<typeof createBackground>;
