import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCopyLinkAction, createMenuClickHandler, createShortcutHandler } from '@/lib/background/copy';
import { createApiService, createAreaCacheStore } from '@/lib/api/service';
import { createApiMessageHandlers, createCopyRecorder, createMessageHandlers, createSourceMessageHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import { createCopyFlash, createProductBadge } from '@/lib/background/badge';
import { browserActionApi, browserBadgeEstimator, browserLinkAssessor, touchesBadgeHosts } from '@/lib/background/badge/browser';
import { badgeText } from '@/lib/background/badge/text';
import { createBrowserClipboard } from '@/lib/background/clipboard/browser';
import { createCredentialsStore } from '@/lib/api/credentials';
import { loadHistory, saveHistory } from '@/lib/storage/history';
import { createMenuRegistry, buildMenuSpec } from '@/lib/background/menus';
import { browserMenusApi, createBuiltMenuMarker } from '@/lib/background/menus/browser';
import { menuText } from '@/lib/background/menus/text';
import { createMessageRouter } from '@/lib/messaging/protocol';
import { createRateCache, sleep } from '@/lib/background/rate-cache';
import { createFirstInstallHandler } from '@/lib/background/first-install';
import { createSourcesService } from '@/lib/background/rate-source';
import { loadState, saveSettings } from '@/lib/storage/local';
import { RATE_CACHE_KEY } from '@/lib/storage/keys';

/** Storage keys whose change can change the menu (preset names, the default). */
const MENU_KEYS = ['presets', 'settings'];

// Every listener is added synchronously in main(), before anything is awaited: an MV3 worker
// woken by an event only sees the listeners registered in its first turn. Nothing lives only
// in these closures: presets, settings, history and the built-menu marker are all in storage.
export default defineBackground(() => {
  // Created first so the click listener below can be the very first one registered.
  const deps: BackgroundDeps = {
    loadPresets: async () => (await loadState()).presets,
    loadSettings: async () => (await loadState()).settings,
    saveSettings,
    loadHistory: async () => (await loadHistory()).entries,
    saveHistory,
    now: Date.now,
  };
  const recorder = createCopyRecorder(deps);
  const action = browserActionApi();
  const productBadge = createProductBadge({
    action,
    tabs: { query: (filter) => browser.tabs.query(filter), get: (tabId) => browser.tabs.get(tabId) },
    loadState,
    estimate: browserBadgeEstimator(),
    text: badgeText,
  });
  const credentials = createCredentialsStore({
    get: (key) => browser.storage.local.get(key),
    set: (items) => browser.storage.local.set(items),
    remove: (key) => browser.storage.local.remove(key),
  });
  // Per-product API answers for an hour: storage.session outlives the worker's short lives but not
  // the browser session; without it (older Firefox), the service keeps them in memory.
  const session = browser.storage.session;
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
    flash: createCopyFlash({ action, text: badgeText, restore: productBadge.restoreTab, setTimer: (callback, ms) => setTimeout(callback, ms) }),
    now: () => performance.now(),
    portalsLink: apiService.portalsCopyLink,
    assess: browserLinkAssessor(),
    // For `npm run bench`: handler start to clipboard written, read from the worker's timeline.
    onTiming: ({ surface, startedAt, clipboardWrittenAt }) =>
      performance.measure('sublink:copy-to-clipboard', { start: startedAt, end: clipboardWrittenAt, detail: { surface } }),
  });
  const handleMenuClick = createMenuClickHandler(copyAffiliateLink);
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
  const storageLocal = {
    get: async (key: string) => (await browser.storage.local.get(key))[key],
    set: (values: Record<string, unknown>) => browser.storage.local.set(values),
  };
  const sources = createSourcesService({
    cache: createRateCache({
      fetch: (url, init) => fetch(url, init),
      storage: { get: () => storageLocal.get(RATE_CACHE_KEY), set: (value) => storageLocal.set({ [RATE_CACHE_KEY]: value }) },
      now: () => new Date(),
      sleep,
    }),
    storage: storageLocal,
    alarms: browser.alarms,
    now: () => new Date(),
  });
  const logFailure = (what: string) => (error: unknown) => console.error(`[sublink] ${what} failed`, error);

  browser.contextMenus.onClicked.addListener((info, tab) => void handleMenuClick(info, tab).catch(logFailure('context menu copy')));
  browser.commands.onCommand.addListener((command, tab) => void handleCommand(command, tab).catch(logFailure('shortcut copy')));
  browser.runtime.onMessage.addListener(
    createMessageRouter(
      { ...createMessageHandlers(deps, recorder), ...createSourceMessageHandlers(sources), ...createApiMessageHandlers(apiService, credentials) },
      { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
    ),
  );
  // Issue 6: the first install opens the options page once, in its setup mode.
  const openSetupOnInstall = createFirstInstallHandler({
    getURL: (path) => browser.runtime.getURL(path as '/options.html'),
    openTab: (url) => browser.tabs.create({ url }),
  });
  browser.runtime.onInstalled.addListener((details) => void openSetupOnInstall(details).catch(logFailure('setup page')));
  browser.alarms.onAlarm.addListener((alarm) => void sources.onAlarm(alarm.name).catch(logFailure('rate-table refresh')));
  const onStart = () => {
    void menus.rebuild().catch(logFailure('menu build'));
    void sources.ensureSchedule().catch(logFailure('rate-table schedule'));
  };
  browser.runtime.onInstalled.addListener(onStart);
  browser.runtime.onStartup.addListener(onStart);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && MENU_KEYS.some((key) => key in changes)) void menus.ensure().catch(logFailure('menu update'));
    void productBadge.onStorageChanged(changes, area).catch(logFailure('badge update'));
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void productBadge.onTabUpdated(tabId, change, tab).catch(logFailure('badge update')));
  const onPermissions = (permissions: { origins?: string[] }) => {
    if (touchesBadgeHosts(permissions)) void productBadge.onPermissionsChanged().catch(logFailure('badge update'));
  };
  browser.permissions.onAdded.addListener(onPermissions);
  browser.permissions.onRemoved.addListener(onPermissions);

  // A worker stopped halfway through a menu build left the marker unset: finish it now.
  void menus.ensure().catch(logFailure('menu check'));
});
