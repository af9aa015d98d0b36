/**
 * What the popup shows under the link: the estimate, the HOT flag and the ranked warnings, from
 * local data only: the estimate appears at once, from cached or embedded tables, and works
 * offline (docs/architecture.md, 'Tab URL to link on screen'). Loaded lazily by the popup,
 * after the link is on screen; no zod in here.
 */
import type { Preset } from '../presets/types';
import { CATEGORY_KEYS, estimateCommission, linkKindOf, tablesFromStoredCache, type CategoryKey, type Estimate } from '../rates';
import { evaluateRules, resolveShipTo, type Warning } from '../rules';
import { hotStatus, parseHotListStore, type HotStatus } from '../hotlist';
import type { ParsedUrl } from '../url/types';

/**
 * The stored values the estimate reads, raw but at their items' current versions (read and
 * migrated by lib/storage/estimate.ts `estimateDataOf`); validated here, value by value.
 */
export interface StoredEstimateData {
  readonly rateCache?: unknown;
  readonly hotList?: unknown;
  readonly categoryPicks?: unknown;
}

export interface InsightsInput {
  readonly parsed: ParsedUrl;
  readonly preset: Preset;
  /** What the popup read from storage.local (rate cache, hot list, category picks among it). */
  readonly stored: StoredEstimateData;
  /** The raw `aep_usuc_f` cookie, when the user allowed reading it. */
  readonly shipToCookie: string | null;
  readonly now: Date;
  /** What a network API said about the product, once it has answered. */
  readonly api?: ApiProductFacts;
}

/** The API's facts the estimate and the rules use: affiliation, hotness and the hot rate. */
export interface ApiProductFacts {
  readonly affiliate?: boolean;
  readonly hot?: boolean;
  readonly hotRate?: number | null;
}

export interface Insights {
  readonly estimate: Estimate;
  readonly warnings: readonly Warning[];
  readonly hot: HotStatus;
  readonly shipTo: { readonly country: string; readonly from: 'cookie' | 'site' } | null;
  /** The category the estimate used: the user's pick for this product, or null. */
  readonly categoryKey: CategoryKey | null;
}

const isCategoryKey = (value: unknown): value is CategoryKey => typeof value === 'string' && (CATEGORY_KEYS as readonly string[]).includes(value);

/** The user's category pick for a product, from the stored picks (a plain id -> key map). */
export function pickedCategory(stored: StoredEstimateData, productId: string): CategoryKey | null {
  const picks = stored.categoryPicks;
  if (typeof picks !== 'object' || picks === null || !Object.hasOwn(picks, productId)) return null;
  const value = (picks as Record<string, unknown>)[productId];
  return isCategoryKey(value) ? value : null;
}

/**
 * Parses each stored value once, however often the popup recomputes (a preset, a category pick,
 * an API answer): validating a 200,000-id hot list takes ~15 ms. Stored values are replaced,
 * never changed in place, so the object itself is the key.
 */
function parsedOncePerValue<T>(parse: (raw: unknown) => T): (raw: unknown) => T {
  const parsed = new WeakMap<object, T>();
  return (raw) => {
    if (typeof raw !== 'object' || raw === null) return parse(raw);
    if (!parsed.has(raw)) parsed.set(raw, parse(raw));
    return parsed.get(raw) as T;
  };
}
const storedTables = parsedOncePerValue((raw) => tablesFromStoredCache(raw));
const storedHotList = parsedOncePerValue((raw) => parseHotListStore(raw).store);

export function computeInsights({ parsed, preset, stored, shipToCookie, now, api }: InsightsInput): Insights {
  const tables = storedTables(stored.rateCache);
  const productId = parsed.kind === 'product' ? parsed.product.id : null;
  const hot = productId ? hotStatus(productId, storedHotList(stored.hotList)) : { hot: false as const };
  const site = parsed.kind === 'product' ? parsed.product.site : parsed.kind === 'store' || parsed.kind === 'page' ? parsed.site : null;
  const shipTo = resolveShipTo({ cookieValue: shipToCookie, site });
  const categoryKey = productId ? pickedCategory(stored, productId) : null;
  // The API knows better than the user's hot list: its answer wins where it gave one.
  const apiHot = api?.hot === true;
  const product = {
    categoryKey,
    hot: hot.hot || apiHot,
    hotRate: apiHot ? (api?.hotRate ?? null) : hot.hot ? hot.ratePct : null,
    affiliate: api?.affiliate ?? null,
    price: null,
    storeKind: null,
    sellerCountry: null,
  };
  const shipToCountry = shipTo?.country ?? null;
  const common = { program: preset.program, audienceCountry: preset.audienceCountry, shipToCountry, product, now };
  return {
    estimate: estimateCommission({ ...common, linkKind: linkKindOf(parsed) }, tables),
    warnings: evaluateRules({ ...common, parsed, tables }),
    hot,
    shipTo,
    categoryKey,
  };
}

/** Adds or replaces one pick, keeping the newest `limit` products so the map stays small. */
export function withCategoryPick(stored: unknown, productId: string, key: CategoryKey | null, limit = 500): Record<string, CategoryKey> {
  const current = typeof stored === 'object' && stored !== null ? Object.entries(stored as Record<string, unknown>) : [];
  const kept = current.filter((entry): entry is [string, CategoryKey] => entry[0] !== productId && isCategoryKey(entry[1]));
  const next = key ? [...kept, [productId, key] as [string, CategoryKey]] : kept;
  return Object.fromEntries(next.slice(-limit));
}
