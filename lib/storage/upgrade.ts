/**
 * The upgrade of stored data after an extension update: every item migrated to its current
 * version and written back with it, and the first layout's global version removed. Runs in the
 * background on `runtime.onInstalled` with reason `update`. Readers migrate on read as well
 * (lib/storage/item.ts `storedValueOf`), so a page that reads before this has run, or a worker
 * stopped halfway through it, still sees current values; this saves them the work and leaves
 * storage in one layout.
 */
import type { StorageArea } from './area';
import { storedEntries, storedValueOf, storedVersionOf, type StoredItem } from './item';
import { LOCAL_ITEMS } from './items';

/** The first layout's one version for all of `storage.local`, written beside every save. */
export const LAYOUT_VERSION_KEY = 'storageVersion';

/**
 * Layout 1 kept `storageVersion: 1` beside every value; layout 2 keeps a version per item
 * (`<key>$`, lib/storage/items.ts). Every value stored under layout 1 is version 1 of its item,
 * which is what an item without a `<key>$` is read as, so the values stay as they are and only
 * the global key goes. A `storageVersion` other than 1 was never written by Sublink: it is left
 * alone rather than guessed at.
 */
export function migrateLayoutV1ToV2(snapshot: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (snapshot[LAYOUT_VERSION_KEY] !== 1) return { ...snapshot };
  const { [LAYOUT_VERSION_KEY]: _layout, ...items } = snapshot;
  return items;
}

/** Only items with migrations can hold an older version; the others need no read. */
const migratable = (items: readonly StoredItem[]) => items.filter((item) => item.version > 1);

export interface StorageUpgrade {
  readonly set: Record<string, unknown>;
  readonly remove: readonly string[];
}

/** What to write and remove to bring `snapshot` (a `get` of `upgradeKeys(items)`) to the current layout and versions. */
export function planStorageUpgrade(snapshot: Readonly<Record<string, unknown>>, items: readonly StoredItem[] = LOCAL_ITEMS): StorageUpgrade {
  const laidOut = migrateLayoutV1ToV2(snapshot);
  const remove = Object.keys(snapshot).filter((key) => !Object.hasOwn(laidOut, key));
  let set: Record<string, unknown> = {};
  for (const item of migratable(items)) {
    // The raw value is migrated whole: a list's unreadable entries pass through the migration and stay.
    if (laidOut[item.key] !== undefined && storedVersionOf(item, laidOut) < item.version) set = { ...set, ...storedEntries(item, storedValueOf(item, laidOut)) };
  }
  return { set, remove };
}

/** The keys the upgrade reads: the layout version and each migratable item with its version. */
export const upgradeKeys = (items: readonly StoredItem[] = LOCAL_ITEMS): string[] => [LAYOUT_VERSION_KEY, ...migratable(items).flatMap((item) => item.readKeys)];

/** Reads, migrates and writes back; rejects when storage does (the next update tries again). */
export async function upgradeStoredData(area: StorageArea, items: readonly StoredItem[] = LOCAL_ITEMS): Promise<StorageUpgrade> {
  const plan = planStorageUpgrade(await area.get(upgradeKeys(items)), items);
  if (Object.keys(plan.set).length > 0) await area.set(plan.set);
  if (plan.remove.length > 0) await area.remove(plan.remove);
  return plan;
}
