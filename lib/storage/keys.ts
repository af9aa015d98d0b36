/** Storage keys, in a module with no imports so the popup's preload script can use them. */
export const STORAGE_KEYS = {
  version: 'storageVersion',
  accounts: 'accounts',
  presets: 'presets',
  settings: 'settings',
  history: 'history',
} as const;

/** The user's category pick per product id, for the estimate. */
export const CATEGORY_PICKS_KEY = 'categoryPicks';
/** Written by the background (lib/background/rate-cache.ts, lib/hotlist); named here so the popup preload can read them. */
export const RATE_CACHE_KEY = 'rateCache';
export const HOT_LIST_KEY = 'hotList';

/**
 * API credentials, written and read by the background only (lib/api/credentials.ts). Never in
 * storage.sync, never among the keys the popup reads (STATE_STORAGE_KEYS, ESTIMATE_STORAGE_KEYS),
 * never in a settings export: UI pages get masked views through messages
 * (docs/architecture.md, 'Hard rules' 4).
 */
export const API_CREDENTIALS_KEY = 'apiCredentials';

/** What `parseState` reads (accounts, presets, settings): everything a link needs. */
export const STATE_STORAGE_KEYS = [STORAGE_KEYS.accounts, STORAGE_KEYS.presets, STORAGE_KEYS.settings];
/**
 * What the estimate reads (popup, badge, batch converter), apart from the state: a hot list may
 * hold up to 200,000 ids (lib/hotlist/parse.ts), megabytes to copy across processes, so a read
 * for a link never includes it. The popup reads these in a second `get` on open.
 */
export const ESTIMATE_STORAGE_KEYS = [RATE_CACHE_KEY, HOT_LIST_KEY, CATEGORY_PICKS_KEY];