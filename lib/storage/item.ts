/**
 * One stored item: where it lives, its version and the migrations that bring an older stored
 * value up to that version. Modelled on WXT's `storage.defineItem` with `version` and
 * `migrations` (https://wxt.dev/guide/extension-apis/storage.html#versioning), and on its
 * conventions: the version is kept beside the value under `<key>$` as `{ v }`, and a value
 * without one is version 1. Everything stored before items had versions reads as version 1.
 *
 * Not WXT's wrapper itself: the popup reads every item it needs in one `storage.local.get` from
 * a preload script, and the wrapper costs about 4 KB gzip of its 15 KB budget. No imports here,
 * so that script can use the item definitions.
 *
 * Pure functions only: reading is `storedValueOf(item, snapshot)` on what a `get` returned, and
 * writing is `storedEntries(item, value)` passed to a `set`. The I/O is in lib/storage/area.ts
 * and lib/storage/local.ts.
 */

export type StorageAreaName = 'local' | 'session';

/** A pure function from the previous version's raw value to this version's raw value. */
export type Migration = (raw: unknown) => unknown;

export interface StoredItem {
  readonly area: StorageAreaName;
  /** The key in the storage area, e.g. `presets`. */
  readonly key: string;
  /** Where the stored version is kept, WXT's `<key>$`. */
  readonly metaKey: string;
  /** The version this code reads and writes; 1 until the stored shape first changes. */
  readonly version: number;
  /** `migrations[n]` turns a version n-1 value into a version n value. */
  readonly migrations: Readonly<Record<number, Migration>>;
  /**
   * The keys a `get` must ask for to read this item. The version is needed only once a migration
   * exists: a version 1 item has nothing to migrate, so it is read with its key alone.
   */
  readonly readKeys: readonly string[];
}

export interface StoredItemOptions {
  /** `area:key`, as WXT spells it: `local:presets`, `session:menusBuilt`. */
  readonly key: `${StorageAreaName}:${string}`;
  readonly version?: number;
  readonly migrations?: Readonly<Record<number, Migration>>;
}

/*#__NO_SIDE_EFFECTS__*/
export function defineStoredItem({ key: areaKey, version = 1, migrations = {} }: StoredItemOptions): StoredItem {
  const at = areaKey.indexOf(':');
  const area = areaKey.slice(0, at) as StorageAreaName;
  const key = areaKey.slice(at + 1);
  const metaKey = `${key}$`;
  return { area, key, metaKey, version, migrations, readKeys: version > 1 ? [key, metaKey] : [key] };
}

/**
 * What is wrong with a definition: a version below 1, or a version without its migration. Checked
 * by a unit test over every item (tests/unit/storage/migrations.test.ts) rather than on each
 * definition, which the popup and its preload script would pay for on every open.
 */
export function definitionProblems(item: StoredItem): string[] {
  if (!Number.isInteger(item.version) || item.version < 1) return [`${item.key}: the version must be a whole number from 1`];
  const missing: string[] = [];
  for (let target = 2; target <= item.version; target += 1) {
    if (typeof item.migrations[target] !== 'function') missing.push(`${item.key}: no migration to version ${target}`);
  }
  return missing;
}

/** The version a stored value was written at: its `<key>$` record, else 1. */
export function storedVersionOf(item: StoredItem, snapshot: Readonly<Record<string, unknown>>): number {
  const meta = snapshot[item.metaKey];
  const v = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/**
 * `raw` (stored at `from`) brought up to the item's version. A value from a newer version (a
 * downgrade) is returned as it is: its readers use what they can read of it and a save keeps
 * the rest (lib/storage/local.ts `saveList`). Nothing stored (undefined) stays nothing.
 */
export function migrateStoredValue(item: StoredItem, raw: unknown, from: number): unknown {
  if (raw === undefined) return undefined;
  let value: unknown = raw;
  for (let target = from + 1; target <= item.version; target += 1) value = item.migrations[target]!(value);
  return value;
}

/** The item's value, at the current version, from what a `get` of `item.readKeys` returned. */
export function storedValueOf(item: StoredItem, snapshot: Readonly<Record<string, unknown>>): unknown {
  return migrateStoredValue(item, snapshot[item.key], storedVersionOf(item, snapshot));
}

/** What to `set` to store `value`: the value, and its version once the item has more than one. */
export function storedEntries(item: StoredItem, value: unknown): Record<string, unknown> {
  return item.version > 1 ? { [item.key]: value, [item.metaKey]: { v: item.version } } : { [item.key]: value };
}

/** Every key a single `get` needs for these items. */
export const readKeysOf = (items: readonly StoredItem[]): string[] => items.flatMap((item) => item.readKeys);
