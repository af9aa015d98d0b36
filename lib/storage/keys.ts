/**
 * The key lists of the reads that several pages make, from the item definitions
 * (lib/storage/items.ts). No imports beyond those, so the popup's preload script can use them.
 */
import { readKeysOf } from './item';
import { accountsItem, apiCredentialsItem, categoryPicksItem, historyItem, hotListItem, presetsItem, productFactsItem, rateCacheItem, settingsItem } from './items';

/** Storage keys by item, for code that names one key (a change listener, a test). */
export const STORAGE_KEYS = {
  accounts: accountsItem.key,
  presets: presetsItem.key,
  settings: settingsItem.key,
  history: historyItem.key,
} as const;

export const CATEGORY_PICKS_KEY = categoryPicksItem.key;
export const RATE_CACHE_KEY = rateCacheItem.key;
export const HOT_LIST_KEY = hotListItem.key;
/**
 * API credentials, written and read by the background, and by the options page for an export
 * the user asks for (lib/storage/api-credentials.ts). Never in storage.sync, never among the keys
 * the popup reads (STATE_STORAGE_KEYS, ESTIMATE_STORAGE_KEYS): UI pages get masked views through messages
 * (docs/architecture.md, 'Hard rules' 4).
 */
export const API_CREDENTIALS_KEY = apiCredentialsItem.key;

/** What `parseState` reads (accounts, presets, settings): everything a link needs. */
export const STATE_ITEMS = [accountsItem, presetsItem, settingsItem];
export const STATE_STORAGE_KEYS = readKeysOf(STATE_ITEMS);
/**
 * What the estimate reads (popup, badge, batch converter), apart from the state: a hot list may
 * hold up to 200,000 ids (lib/hotlist/parse.ts), megabytes to copy across processes, so a read
 * for a link never includes it. The popup reads these in a second `get` on open.
 */
export const ESTIMATE_ITEMS = [rateCacheItem, hotListItem, categoryPicksItem, productFactsItem];
export const ESTIMATE_STORAGE_KEYS = readKeysOf(ESTIMATE_ITEMS);
