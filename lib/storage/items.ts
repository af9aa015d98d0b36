/**
 * Every item Sublink stores, defined once: its area and key, its version and its migrations.
 * The key names are the ones stored since the first release, so existing data is found as is.
 *
 * How to add a stored item
 * 1. Define it below (the three items a link needs are in ./link-items.ts) with `defineStoredItem({ key: 'local:name' })`: version 1, no migrations;
 *    add a `storage.local` item to `LOCAL_ITEMS`.
 * 2. Give it one reader that validates the raw value (stored data is untrusted: an older or
 *    newer version, or a hand edit, may have written it): a lib/schema/reader.ts schema when a
 *    UI page reads it, zod when only the background does. The reader takes
 *    `storedValueOf(item, snapshot)`, never `snapshot[key]`, so migrations apply on every read.
 *    Name the reader in the item's comment.
 * 3. Read and write it through lib/storage (lib/storage/local.ts, lib/storage/area.ts): no other
 *    module calls `browser.storage`. Every write carries the item's version: `write` and
 *    `createItemValues` add it for the items in `LOCAL_ITEMS`; other writers use `storedEntries`.
 * 4. Add a value to the upgrade test's snapshot (tests/unit/storage/upgrade.test.ts).
 * 5. When the stored shape changes: raise `version` to n, add `migrations[n]`, an exported pure
 *    function `migrate<Item>V<n-1>ToV<n>` from the old raw value to the new one, and a test
 *    that seeds the old raw value. A list migration maps entry by entry and passes through an
 *    entry it does not recognise: unreadable entries are never dropped (see `saveList`).
 *
 * Where migrations run: on every read (pure, so the popup, the options page and the background
 * read an old value the same way), and once in the background after an update, which writes
 * the migrated values back with their versions (lib/storage/upgrade.ts, on
 * `runtime.onInstalled` with reason `update`). A value from a newer version is read as it is
 * (downgrades are not supported, as in WXT: a browser only installs newer versions).
 *
 * Every item is at version 1: no stored shape has changed since the first release, so no item
 * has a migration yet. The settings of releases before the badge opt-in lack `badgeOptIn`, which
 * the settings schema reads as off, exactly what a save writes.
 *
 * Versions: one scheme for every item, WXT's `<key>$ = { v }` beside the value (lib/storage/item.ts).
 * The global `storageVersion` key of the first layout is removed by `migrateLayoutV1ToV2`
 * (lib/storage/upgrade.ts). The `v: 1` inside the hot list, the rate cache and the credentials
 * values is a field of their version 1 shapes, kept so stored values stay as they are; it does not
 * choose migrations.
 *
 * No imports but lib/storage/item.ts and ./link-items.ts: the popup's preload script reads its keys from here.
 */
import { defineStoredItem } from './item';
import { accountsItem, presetsItem, settingsItem } from './link-items';

// --- storage.local: what a link needs (read by the popup's first `get`) ------------------------
// Defined in ./link-items.ts, a module of their own: the popup's startup chunk holds these three
// and not every other item's definition (docs/architecture.md, 'Budgets').
export { accountsItem, presetsItem, settingsItem };

// --- storage.local: what the estimate reads (the popup's second `get`, the badge, the batch) ----

/**
 * The rate cache `{ v: 1, url, etag, bundle, ... }`, written by the background only. Readers:
 * `storedRateCacheSchema` (zod, lib/background/rate-cache.ts) in the background, and
 * `tablesFromStoredCache` (lib/rates/stored.ts) in the UI pages, which cannot carry zod and only
 * take the tables, table by table, falling back to the embedded ones.
 */
export const rateCacheItem = /*#__PURE__*/ defineStoredItem({ key: 'local:rateCache' });

/** The hot list `{ v: 1, sources }`; reader `parseHotListStore` (lib/hotlist/store.ts). */
export const hotListItem = /*#__PURE__*/ defineStoredItem({ key: 'local:hotList' });

/** The user's category pick per product id, `{ [productId]: CategoryKey }`; reader `pickedCategory` (lib/insights/insights.ts). */
export const categoryPicksItem = /*#__PURE__*/ defineStoredItem({ key: 'local:categoryPicks' });

/**
 * What the user typed per product in the popup (price, store kind, seller's country),
 * `[{ productId, price?: { amount, currency }, storeKind?, sellerCountry? }]`, newest last and at
 * most `PRODUCT_FACTS_LIMIT` products; reader `typedFactsOf` (lib/insights/product-facts.ts),
 * which drops any value that is not a known fact.
 */
export const productFactsItem = /*#__PURE__*/ defineStoredItem({ key: 'local:productFacts' });

// --- storage.local: read by one page or the background only ----------------------------------

/** HistoryEntry[], newest first; reader `loadHistory` (lib/storage/history.ts) with `historyEntrySchema`. */
export const historyItem = /*#__PURE__*/ defineStoredItem({ key: 'local:history' });

/**
 * The history's journal: a fixed ring of slots, each holding one `HistoryEntry` (with its `id`)
 * or null. A copy writes one slot in a single `set`, without reading the list first, so a worker
 * stopped at any point leaves either the whole entry or nothing; the writer
 * (lib/background/history-writer.ts) later merges the slots into `history` and empties them in
 * one `set`. Reader `loadHistory` (lib/storage/history.ts), which merges list and slots by id.
 * 32 slots: several copies between two compactions, and a `get` of every slot stays small.
 */
export const HISTORY_JOURNAL_SLOTS = 32;
export const historyJournalItems = /*#__PURE__*/ Array.from({ length: HISTORY_JOURNAL_SLOTS }, (_, slot) => defineStoredItem({ key: `local:historyJournal${slot}` }));

/** The remote rate table's `{ url, intervalMinutes }`; reader `readRateSource` (lib/storage/rate-source.ts). */
export const rateSourceItem = /*#__PURE__*/ defineStoredItem({ key: 'local:rateSource' });

/**
 * `{ v: 1, aliexpress?, admitad? }`; reader `parseStoredCredentials` (zod, lib/storage/api-credentials.ts).
 * Secrets: `storage.local` only, never `storage.sync`, never in a key list a UI page reads on
 * open, never in a message to a UI page.
 */
export const apiCredentialsItem = /*#__PURE__*/ defineStoredItem({ key: 'local:apiCredentials' });

/**
 * Link health: the current (or last) re-check of the history, `LinkHealthRun` with its results and
 * the last rate seen per product; written by the background every few checks. Reader
 * `linkHealthRunSchema` (lib/storage/link-health.ts).
 */
export const linkHealthItem = /*#__PURE__*/ defineStoredItem({ key: 'local:linkHealth' });

/** The re-check's queue, `LinkHealthTask[]`, written once when a run starts; reader `loadQueue` (lib/storage/link-health.ts). */
export const linkHealthQueueItem = /*#__PURE__*/ defineStoredItem({ key: 'local:linkHealthQueue' });

/**
 * Link health of a batch: the last re-check of the batch converter's product rows, the same
 * `LinkHealthRun` as the history's, kept apart so that neither run replaces the other's results.
 * Reader `createBatchLinkHealthStore` (lib/storage/link-health.ts).
 */
export const linkHealthBatchItem = /*#__PURE__*/ defineStoredItem({ key: 'local:linkHealthBatch' });

/** The batch re-check's queue, `LinkHealthTask[]` (one per product row), written once when a run starts. */
export const linkHealthBatchQueueItem = /*#__PURE__*/ defineStoredItem({ key: 'local:linkHealthBatchQueue' });

/**
 * The weekly re-check of the history's latest links, `WeeklyRecheck`: the user's switch and how
 * many links (off by default), when the next run is due, the run the last alarm started, and the
 * count of dead links the toolbar shows until the user opens the results. Written by the background
 * only (lib/background/weekly-recheck.ts; the options page asks it through `setWeeklyRecheck`);
 * reader `readWeeklyRecheck` (lib/storage/weekly-recheck.ts).
 */
export const weeklyRecheckItem = /*#__PURE__*/ defineStoredItem({ key: 'local:linkHealthWeekly' });

/**
 * This browser's record of the settings sync: on or off, its device id, what it and
 * `storage.sync` last agreed on per synced key, the last error, presets replaced from another
 * browser. Written by the background (lib/background/sync.ts) and by the options page's switch;
 * reader `syncStateSchema` (lib/storage/sync.ts). The synced values themselves live in
 * `storage.sync` under `sublink:` keys, never secrets.
 */
export const syncStateItem = /*#__PURE__*/ defineStoredItem({ key: 'local:syncState' });

// --- storage.session: gone when the browser closes -------------------------------------------

/** The menu the background built last, as JSON; reader `createMenusBuiltMarker` (lib/storage/session.ts). */
export const menusBuiltItem = /*#__PURE__*/ defineStoredItem({ key: 'session:menusBuilt' });

/**
 * API answers for an hour, one key per request under `apiCache:` (`{ storedAt, value }`); reader
 * `createTtlCache` (lib/api/cache.ts) with each answer's schema; never secrets.
 */
export const apiCacheItem = /*#__PURE__*/ defineStoredItem({ key: 'session:apiCache' });
export const API_CACHE_PREFIX = `${apiCacheItem.key}:`;

/**
 * The last history write that failed in this browser session, `{ at, kind }` (`kind` a
 * `SaveError` kind); removed by the next one that succeeds. In `storage.session`, whose quota is
 * separate from `storage.local`'s, so it can be written when the local area is full. Reader
 * `readHistoryWriteFailure` (lib/storage/history.ts); the options page's history section shows it.
 */
export const historyWriteFailureItem = /*#__PURE__*/ defineStoredItem({ key: 'session:historyWriteFailure' });

/** Every item in `storage.local`, for the upgrade (lib/storage/upgrade.ts). */
export const LOCAL_ITEMS = [accountsItem, presetsItem, settingsItem, rateCacheItem, hotListItem, categoryPicksItem, productFactsItem, historyItem, ...historyJournalItems, rateSourceItem, apiCredentialsItem, linkHealthItem, linkHealthQueueItem, linkHealthBatchItem, linkHealthBatchQueueItem, weeklyRecheckItem, syncStateItem];
