/**
 * The estimate's stored data (rate cache, hot list, category picks, typed product facts) from what one `get` of
 * ESTIMATE_STORAGE_KEYS returned, each value migrated to its item's current version. The domain
 * (lib/insights, lib/batch) validates the values; it never sees storage keys.
 */
import type { RawEstimateData } from '../insights';
import { storedValueOf } from './item';
import { categoryPicksItem, hotListItem, productFactsItem, rateCacheItem } from './items';

// Snapshots are replaced, never changed in place: the popup recomputes its estimate often, and a
// migrated hot list must stay the same object so lib/insights parses it once.
const bySnapshot = new WeakMap<object, RawEstimateData>();

export function estimateDataOf(snapshot: Readonly<Record<string, unknown>>): RawEstimateData {
  let data = bySnapshot.get(snapshot);
  if (!data) {
    data = {
      rateCache: storedValueOf(rateCacheItem, snapshot),
      hotList: storedValueOf(hotListItem, snapshot),
      categoryPicks: storedValueOf(categoryPicksItem, snapshot),
      productFacts: storedValueOf(productFactsItem, snapshot),
    };
    bySnapshot.set(snapshot, data);
  }
  return data;
}
