/**
 * The stored values an estimate reads (rate cache, hot list, category picks, typed product facts), parsed. The caller
 * reads them from storage under lib/storage's keys and hands over the raw values; this module
 * only knows their shapes.
 */
import { parseHotListStore, type HotListStore } from '../hotlist';
import { tablesFromStoredCache } from '../rates/stored';
import type { RateTables } from '../rates/types';

export interface EstimateData {
  readonly tables: RateTables;
  readonly hotList: HotListStore;
  /** Product id -> the user's category pick (a raw map; `pickedCategory` reads it safely). */
  readonly categoryPicks: unknown;
  /** What the user typed per product (a raw list; `typedFactsOf` in ./product-facts.ts reads it safely). */
  readonly productFacts: unknown;
}

/** The raw stored values (lib/storage/estimate.ts `estimateDataOf`); an absent one reads as nothing stored. */
export interface RawEstimateData {
  readonly rateCache?: unknown;
  readonly hotList?: unknown;
  readonly categoryPicks?: unknown;
  readonly productFacts?: unknown;
}

/**
 * Parses each stored value once, however often a page recomputes (a preset, a category pick, an
 * API answer): validating a 200,000-id hot list takes ~15 ms. Stored values are replaced, never
 * changed in place, so the object itself is the key.
 */
function parsedOncePerValue<T>(parse: (raw: unknown) => T): (raw: unknown) => T {
  const parsed = new WeakMap<object, T>();
  return (raw) => {
    if (typeof raw !== 'object' || raw === null) return parse(raw);
    if (!parsed.has(raw)) parsed.set(raw, parse(raw));
    return parsed.get(raw) as T;
  };
}

export function createEstimateDataReader(): (raw: RawEstimateData) => EstimateData {
  const tables = parsedOncePerValue((raw) => tablesFromStoredCache(raw));
  const hotList = parsedOncePerValue((raw) => parseHotListStore(raw).store);
  return (raw) => ({ tables: tables(raw.rateCache), hotList: hotList(raw.hotList), categoryPicks: raw.categoryPicks, productFacts: raw.productFacts });
}
