/**
 * Reading a rate table: which region a country is in, and which rate statement applies. Shared by
 * the estimator and the rules so both read the tables the same way. No zod (popup code).
 */
import type { CategoryKey, ProductClass, RateEntry, RateTable, Region, RegionId, SellerKind, StoreKind } from './types';

let lastTime = Number.NaN;
let lastDay = '';

/** The UTC calendar day of `now`, the granularity the seeds date their changes at. */
export function isoDay(now: Date): string {
  // One estimate and its rules ask for the same moment several times: format it once.
  const time = now.getTime();
  if (time !== lastTime) {
    lastDay = now.toISOString().slice(0, 10);
    lastTime = time;
  }
  return lastDay;
}

export function inEffect(entry: { readonly from?: string; readonly until?: string }, day: string): boolean {
  return (entry.from === undefined || entry.from <= day) && (entry.until === undefined || day < entry.until);
}

/** The listed region holding `country`, else the table's rest-of-world region. */
export function regionFor(table: RateTable, country: string): Region | undefined {
  return (
    table.regions.find((region) => region.kind === 'listed' && region.countries.includes(country)) ??
    table.regions.find((region) => region.kind === 'rest')
  );
}

export interface RateQuery {
  readonly region: RegionId;
  readonly productClass: ProductClass;
  readonly category?: CategoryKey;
  readonly country?: string;
  readonly storeKind?: StoreKind;
  readonly seller?: SellerKind;
  readonly day: string;
}

export interface RateSelection {
  readonly entry: RateEntry;
  /** Entries the table marks as contradicting `entry` (same thing, another number). */
  readonly alternatives: readonly RateEntry[];
}

function matches(entry: RateEntry, query: RateQuery): boolean {
  return (
    (entry.productClass === query.productClass || entry.productClass === 'all') &&
    (entry.region === undefined || entry.region === query.region) &&
    (entry.categories === undefined || (query.category !== undefined && entry.categories.includes(query.category))) &&
    (entry.countries === undefined || (query.country !== undefined && entry.countries.includes(query.country))) &&
    (entry.storeKind === undefined || entry.storeKind === query.storeKind) &&
    (entry.seller === undefined || entry.seller === query.seller) &&
    inEffect(entry, query.day)
  );
}

/** More selectors set means a narrower statement, which overrides a broader one. */
function specificity(entry: RateEntry): number {
  return (
    (entry.productClass === 'all' ? 0 : 1) +
    (entry.region === undefined ? 0 : 1) +
    (entry.categories === undefined ? 0 : 2) +
    (entry.countries === undefined ? 0 : 2) +
    (entry.storeKind === undefined ? 0 : 2) +
    (entry.seller === undefined ? 0 : 2)
  );
}

const selections = new WeakMap<RateTable, Map<string, RateSelection | null>>();
/** Enough for every query of a day's links; the map restarts when full rather than growing. */
const SELECTION_CACHE_LIMIT = 4096;

/**
 * The statement that applies: the most specific match; among equals the latest `from` (the
 * seed's own chronology; undated counts as oldest). The estimate and the rules ask the same few
 * questions of a table for every link, so answers are kept per table (tables are replaced, never
 * changed in place).
 */
export function selectRate(table: RateTable, query: RateQuery): RateSelection | null {
  let cache = selections.get(table);
  if (!cache) selections.set(table, (cache = new Map()));
  const key = `${query.region}|${query.productClass}|${query.category ?? ''}|${query.country ?? ''}|${query.storeKind ?? ''}|${query.seller ?? ''}|${query.day}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const selection = selectRateUncached(table, query);
  if (cache.size >= SELECTION_CACHE_LIMIT) cache.clear();
  cache.set(key, selection);
  return selection;
}

function selectRateUncached(table: RateTable, query: RateQuery): RateSelection | null {
  let best: RateEntry | undefined;
  for (const entry of table.rates) {
    if (!matches(entry, query)) continue;
    if (!best) {
      best = entry;
      continue;
    }
    const byScope = specificity(entry) - specificity(best);
    if (byScope > 0 || (byScope === 0 && (entry.from ?? '') > (best.from ?? ''))) best = entry;
  }
  if (!best) return null;
  const chosen = best;
  const alternatives = table.rates.filter(
    (entry) =>
      entry !== chosen &&
      (chosen.conflictsWith?.includes(entry.id) || entry.conflictsWith?.includes(chosen.id)) &&
      matches(entry, query),
  );
  return { entry: chosen, alternatives };
}
