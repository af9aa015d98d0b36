/**
 * Settings sync through `storage.sync`: what is written there, how big it may be, and this
 * browser's own record of the sync (`local:syncState`, lib/storage/items.ts).
 *
 * One key per preset and per account (`sublink:p:<id>`, `sublink:a:<id>`) and one for the default
 * preset (`sublink:settings`), each `{ value, at, by }`: the browsers' sync keeps the last write
 * per key, so a conflict is settled per preset, by the last change. API credentials never come
 * here (docs/architecture.md, 'Hard rules' 4): the writer takes presets, accounts and the default
 * preset only, and `syncEntriesProblems` refuses anything else.
 *
 * Quotas, from the `storage.sync` documentation
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync): 8,192 bytes
 * per item (its key plus its value as JSON), 102,400 bytes in all, 512 items. Firefox documents
 * the same numbers (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/storage/sync).
 */
import { storedEntries, storedValueOf } from './item';
import { syncStateItem } from './items';
import type { StorageArea } from './area';
import { array, boolean, finiteNumber, nullable, object, oneOf, optional, record, schema, string } from '../schema/reader';

export const SYNC_QUOTA = { bytesPerItem: 8192, bytes: 102_400, items: 512 } as const;

export const SYNC_PREFIX = 'sublink:';
export const SYNC_SETTINGS_KEY = `${SYNC_PREFIX}settings`;
export const syncPresetKey = (id: string): string => `${SYNC_PREFIX}p:${id}`;
export const syncAccountKey = (id: string): string => `${SYNC_PREFIX}a:${id}`;

/** One synced value and who wrote it when. */
export interface SyncRecord<T = unknown> {
  readonly value: T;
  /** ms since the epoch, the writer's clock. */
  readonly at: number;
  /** The writing browser's `deviceId`. */
  readonly by: string;
}

export const readSyncRecord = (raw: unknown): SyncRecord | null => {
  if (typeof raw !== 'object' || raw === null) return null;
  const { value, at, by } = raw as Record<string, unknown>;
  return value !== undefined && typeof at === 'number' && Number.isFinite(at) && typeof by === 'string' ? { value, at, by } : null;
};

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/** What one item costs against the quotas: its key and its value as JSON. */
export const syncItemBytes = (key: string, value: unknown): number => utf8Bytes(key) + utf8Bytes(JSON.stringify(value));

export type SyncProblem =
  | { readonly kind: 'item-too-large'; readonly key: string; readonly bytes: number }
  | { readonly kind: 'full'; readonly bytes: number }
  | { readonly kind: 'too-many'; readonly items: number }
  | { readonly kind: 'foreign-key'; readonly key: string };

/**
 * Why `entries` (everything Sublink would keep in `storage.sync`) cannot be written, or nothing.
 * Checked before every write, so a full sync area is said in words and nothing half-written.
 */
export function syncEntriesProblems(entries: Readonly<Record<string, unknown>>): SyncProblem[] {
  const problems: SyncProblem[] = [];
  let total = 0;
  const keys = Object.keys(entries);
  for (const key of keys) {
    if (!key.startsWith(SYNC_PREFIX)) problems.push({ kind: 'foreign-key', key });
    const bytes = syncItemBytes(key, entries[key]);
    total += bytes;
    if (bytes > SYNC_QUOTA.bytesPerItem) problems.push({ kind: 'item-too-large', key, bytes });
  }
  if (total > SYNC_QUOTA.bytes) problems.push({ kind: 'full', bytes: total });
  if (keys.length > SYNC_QUOTA.items) problems.push({ kind: 'too-many', items: keys.length });
  return problems;
}

// --- this browser's record of the sync -----------------------------------------------------------

export type SyncError =
  | SyncProblem
  /** The browser refused the write (quota, write rate, no sync service); its message, in English. */
  | { readonly kind: 'browser'; readonly message: string };

/** A local preset replaced by a newer one from another browser: the last change wins, and is shown. */
export interface SyncReplacement {
  readonly presetId: string;
  readonly name: string;
  readonly at: number;
}

export interface SyncState {
  readonly enabled: boolean;
  /** Random, made when sync is first turned on: tells this browser's writes from the others'. */
  readonly deviceId: string;
  readonly lastSyncAt: number | null;
  readonly lastError: SyncError | null;
  /** Per sync key, the value (as JSON) this browser and `storage.sync` last agreed on. */
  readonly agreed: Readonly<Record<string, string>>;
  /** Newest first, at most 20. */
  readonly replaced: readonly SyncReplacement[];
}

export const SYNC_REPLACED_MAX = 20;

const errorReader = object({
  kind: oneOf(['item-too-large', 'full', 'too-many', 'foreign-key', 'browser'] as const),
  key: optional(string({ max: 600 })),
  bytes: optional(finiteNumber()),
  items: optional(finiteNumber()),
  message: optional(string({ max: 2000 })),
});

export const syncStateSchema = schema<SyncState>(
  object({
    enabled: boolean(),
    deviceId: string({ min: 1, max: 64 }),
    lastSyncAt: nullable(finiteNumber()),
    lastError: nullable((input, path) => errorReader(input, path) as SyncError),
    agreed: record(string({ max: 20_000 })),
    replaced: array(object({ presetId: string({ max: 64 }), name: string({ max: 200 }), at: finiteNumber() }), { max: SYNC_REPLACED_MAX }),
  }),
);

export const syncStateKey = syncStateItem.key;

export const readSyncState = (raw: unknown): SyncState | null => {
  const parsed = syncStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

export interface SyncStateStore {
  load(): Promise<SyncState | null>;
  save(state: SyncState): Promise<void>;
}

export function createSyncStateStore(area: StorageArea): SyncStateStore {
  return {
    load: async () => readSyncState(storedValueOf(syncStateItem, await area.get(syncStateItem.readKeys))),
    save: (state) => area.set(storedEntries(syncStateItem, state)),
  };
}
