/**
 * The estimate for one delivery region, before the cap and money: which of the seeds' product
 * classes applies (virtual goods, excluded stores and sellers, store rates, hot sale, affiliate
 * or not) and the facts that decided it. Each step is one function that answers or passes;
 * `estimateRegion` tries them in the order the seeds rank them. No zod (popup code).
 */
import { fact, type Fact } from './facts';
import { selectRate, type RateQuery } from './lookup';
import { SEED } from './seeds';
import type { CategoryKey, RateEntry, RateRange, RateTable, RateTables, RegionId, SellerKind, SourceRef, StoreKind } from './types';

/** How directly the link leads to the product (seed 001's attribution priority). */
export type LinkKind = 'product' | 'store' | 'page';

/** The product facts after checking their types, plus what the region lookup needs. */
export interface Known {
  readonly category: CategoryKey | undefined;
  readonly storeKind: StoreKind | undefined;
  readonly seller: SellerKind | undefined;
  readonly affiliate: boolean | undefined;
  readonly hot: boolean;
  readonly hotRate: number | undefined;
  readonly linkKind: LinkKind | null;
  readonly country: string | undefined;
  readonly day: string;
}

export interface RegionResult {
  readonly rate: RateRange;
  readonly best: number | null;
  readonly byCategory: boolean;
  readonly hot: boolean;
  readonly facts: readonly Fact[];
  /** The statement the result rests on, when it is a single one. */
  readonly entry?: RateEntry;
}

export const UNBOUNDED: RateRange = { min: 0, max: null };

/** Four decimals: enough for any seed's rate, and it hides float noise like 2.2999999999999998. */
export const roundPct = (value: number) => Math.round(value * 1e4) / 1e4;

export function widen(range: RateRange, other: RateRange): RateRange {
  return { min: Math.min(range.min, other.min), max: range.max === null || other.max === null ? null : Math.max(range.max, other.max) };
}

const exact = (range: RateRange): number | null => (range.max !== null && range.min === range.max ? range.min : null);

const plain = (rate: RateRange, facts: readonly Fact[], entry?: RateEntry): RegionResult => ({
  rate,
  best: exact(rate),
  byCategory: false,
  hot: false,
  facts,
  ...(entry ? { entry } : {}),
});

const zero = (facts: Fact[]): RegionResult => plain({ min: 0, max: 0 }, facts);

export function rangeFact(entry: RateEntry): Fact {
  const { min, max } = entry.rate;
  const from = entry.scaledFrom;
  if (from && from.max !== null && max !== null) {
    return fact('rateRangeDerived', { productClass: entry.productClass, fromMinPct: from.min, fromMaxPct: from.max, minPct: min, maxPct: max }, entry.source);
  }
  if (max === null) return fact('rateFrom', { productClass: entry.productClass, minPct: min }, entry.source);
  if (min === max) return fact('rateFixed', { productClass: entry.productClass, ratePct: min }, entry.source);
  return fact('rateRange', { productClass: entry.productClass, minPct: min, maxPct: max }, entry.source);
}

const HOT_DIRECT_LINK_SOURCE: SourceRef = {
  seed: SEED.ww,
  quote: 'To receive an increased percentage of hot sale products, the user must follow your affiliate link, which leads directly to this product',
};

/**
 * WW prints no per-category rates; RU&CIS NEW prints them and says it pays non-CIS orders at 50%
 * of WW (seed 002). So WW's guess for a category is that rate over the share, kept inside WW's
 * own stated range.
 */
function derivedCategoryRate(tables: RateTables, table: RateTable, region: RegionId, known: Known, bounds: RateRange): { best: number; facts: Fact[] } | null {
  if (!known.category) return null;
  for (const other of Object.values(tables)) {
    if (!other || other.program === table.program) continue;
    const advice = other.advice.find((a) => a.region === region && a.preferProgram === table.program && a.factorPct);
    if (!advice?.factorPct) continue;
    const selection = selectRate(other, { region, productClass: 'affiliate', category: known.category, day: known.day });
    const entry = selection?.entry;
    const rate = entry?.categories ? exact(entry.rate) : null;
    if (!entry || rate === null) continue;
    let best = roundPct((rate * 100) / advice.factorPct);
    best = Math.max(bounds.min, bounds.max === null ? best : Math.min(bounds.max, best));
    return {
      best,
      facts: [
        fact('rateByCategory', { category: known.category, ratePct: rate }, entry.source),
        fact(
          'derivedFromProgram',
          { category: known.category, otherProgram: other.program, otherPct: rate, factorPct: advice.factorPct, ratePct: best },
          advice.source,
        ),
      ],
    };
  }
  return null;
}

/** Ask for the category only where knowing it would give a rate. */
function categoryWouldHelp(tables: RateTables, table: RateTable, region: RegionId, known: Known, bounds: RateRange): boolean {
  if (known.category) return false;
  return (
    table.rates.some((r) => r.categories && r.region === region) ||
    derivedCategoryRate(tables, table, region, { ...known, category: 'otherCategories' }, bounds) !== null
  );
}

function affiliateResult(tables: RateTables, table: RateTable, region: RegionId, known: Known): RegionResult | null {
  const query: RateQuery = { region, productClass: 'affiliate', category: known.category, seller: known.seller, country: known.country, day: known.day };
  const entry = selectRate(table, query)?.entry;
  if (!entry) return null;
  if (entry.categories && known.category) {
    const fixed = exact(entry.rate);
    const categoryFact =
      fixed === null
        ? fact('categoryRange', { category: known.category, minPct: entry.rate.min, maxPct: entry.rate.max ?? 100 }, entry.source)
        : fact('rateByCategory', { category: known.category, ratePct: fixed }, entry.source);
    return { rate: entry.rate, best: fixed, byCategory: true, hot: false, facts: [categoryFact], entry };
  }
  const derived = derivedCategoryRate(tables, table, region, known, entry.rate);
  if (derived) return { rate: entry.rate, best: derived.best, byCategory: true, hot: false, facts: [rangeFact(entry), ...derived.facts] };
  const facts = categoryWouldHelp(tables, table, region, known, entry.rate) ? [rangeFact(entry), fact('categoryUnknown', {})] : [rangeFact(entry)];
  return plain(entry.rate, facts, entry);
}

function nonAffiliateResult(table: RateTable, region: RegionId, known: Known): RegionResult | null {
  const entry = selectRate(table, { region, productClass: 'nonAffiliate', category: known.category, country: known.country, day: known.day })?.entry;
  if (!entry) return null;
  const facts = entry.countries ? [fact('brazilComputerOffice', { date: entry.from ?? entry.source.date ?? '' }, entry.source)] : [rangeFact(entry)];
  return plain(entry.rate, facts, entry);
}

/** Virtual goods, travel, coupons, books: 0% only where the program's own terms say so (seed 003 is silent). */
function virtualGoodsResult(table: RateTable, region: RegionId, known: Known): RegionResult | null {
  if (known.category !== 'specialCategory') return null;
  const selected = selectRate(table, { region, productClass: 'virtual', day: known.day })?.entry;
  const entry = selected?.productClass === 'virtual' ? selected : undefined;
  const exclusion = table.notCommissionable.find((e) => e.kind === 'virtualGoods');
  if (!entry && !exclusion) return null;
  return zero([fact('virtualZero', {}, entry?.source ?? exclusion?.source ?? null)]);
}

/** What the store and seller say before any rate: zero outright, or a caveat that lowers the minimum. */
type Exclusions = { readonly zero: RegionResult } | { readonly zero?: undefined; readonly mayBeZero: boolean; readonly facts: Fact[] };

function exclusionsFor(table: RateTable, known: Known): Exclusions {
  const facts: Fact[] = [];
  let mayBeZero = false;
  if (known.storeKind) {
    const excluded = table.notCommissionable.find((e) => e.kind === 'store' && e.storeKind === known.storeKind);
    if (excluded?.kind === 'store' && excluded.condition === undefined) return { zero: zero([fact('storeExcluded', { store: known.storeKind }, excluded.source)]) };
    if (excluded?.kind === 'store' && excluded.condition === 'shipsFromRussia') {
      mayBeZero = true;
      facts.push(fact('tmallFromRussia', {}, excluded.source));
    }
  }
  const sellerRule = table.notCommissionable.find((e) => e.kind === 'sellerOrigin');
  if (known.seller && sellerRule?.kind === 'sellerOrigin' && sellerRule.excluded.includes(known.seller)) {
    return { zero: zero([fact('sellerExcluded', {}, sellerRule.source)]) };
  }
  return { mayBeZero, facts };
}

/**
 * Store rates (special electronics stores, CHUWI) are for affiliate goods: seed 002 warns that
 * "some products in the above-mentioned stores are non-affiliate" and earn nothing.
 */
function storeRateResult(table: RateTable, region: RegionId, known: Known): RegionResult | null {
  if (!known.storeKind || known.affiliate === false) return null;
  const selection = selectRate(table, { region, productClass: 'store', storeKind: known.storeKind, day: known.day });
  if (!selection) return null;
  const { entry, alternatives } = selection;
  let rate = alternatives.reduce((range, alt) => widen(range, alt.rate), entry.rate);
  const facts = [fact('storeRate', { store: known.storeKind, ratePct: entry.rate.min }, entry.source)];
  if (alternatives.length > 0) facts.push(fact('seedConflict', { minPct: rate.min, maxPct: rate.max ?? 100 }, alternatives[0]!.source));
  if (known.affiliate === undefined && entry.rate.min > 0) {
    rate = { ...rate, min: 0 };
    facts.push(fact('affiliateUnknown', {}));
  }
  return { rate, best: exact(entry.rate), byCategory: false, hot: false, facts };
}

/** The hot-sale rate, which seeds 001 and 002 pay only through a link straight to the product. */
function hotSaleResult(table: RateTable, region: RegionId, known: Known): RegionResult {
  const entry = selectRate(table, { region, productClass: 'hotSale', country: known.country, day: known.day })?.entry;
  const base = entry ?? selectRate(table, { region, productClass: 'affiliate', seller: known.seller, day: known.day })?.entry;
  const rate = base ? (known.hotRate === undefined ? base.rate : widen(base.rate, { min: known.hotRate, max: known.hotRate })) : UNBOUNDED;
  const facts = [...(base ? [rangeFact(base)] : []), ...(known.hotRate === undefined ? [] : [fact('hotRate', { ratePct: known.hotRate })])];
  return { rate, best: known.hotRate ?? null, byCategory: false, hot: true, facts };
}

/** Affiliate or not: one of them when affiliation is known, else a range covering both. */
function productClassResult(tables: RateTables, table: RateTable, region: RegionId, known: Known): RegionResult {
  const affiliate = known.affiliate === false ? null : affiliateResult(tables, table, region, known);
  const nonAffiliate = known.affiliate === true ? null : nonAffiliateResult(table, region, known);
  // Affiliation known (only one was looked up), or the table states only one of the two.
  if (!affiliate || !nonAffiliate) return affiliate ?? nonAffiliate ?? plain(UNBOUNDED, [fact('noRatesStated', {}, table.source)]);
  // One program-wide statement answers both (Portals' "minimum 8%"): affiliation changes nothing.
  if (affiliate.entry !== undefined && affiliate.entry === nonAffiliate.entry) return affiliate;
  // Affiliation unknown: the range covers both, the guess assumes an affiliate store (the only
  // kind that earns everywhere the seeds state a rate).
  return {
    rate: widen(affiliate.rate, nonAffiliate.rate),
    best: affiliate.best,
    byCategory: affiliate.byCategory,
    hot: false,
    facts: [...affiliate.facts, fact('affiliateUnknown', {}), ...nonAffiliate.facts],
  };
}

export function estimateRegion(tables: RateTables, table: RateTable, region: RegionId, known: Known): RegionResult {
  const virtual = virtualGoodsResult(table, region, known);
  if (virtual) return virtual;
  const exclusions = exclusionsFor(table, known);
  if (exclusions.zero) return exclusions.zero;
  const facts = [...exclusions.facts];
  const finish = (result: RegionResult): RegionResult => ({
    ...result,
    rate: exclusions.mayBeZero ? { ...result.rate, min: 0 } : result.rate,
    facts: [...facts, ...result.facts],
  });

  const store = storeRateResult(table, region, known);
  if (store) return finish(store);
  if (known.hot && known.linkKind === 'product') return finish(hotSaleResult(table, region, known));
  if (known.hot) facts.push(fact('hotNeedsDirectLink', {}, HOT_DIRECT_LINK_SOURCE));
  return finish(productClassResult(tables, table, region, known));
}

const sourceKeys = new WeakMap<SourceRef, string>();

/**
 * `JSON.stringify([id, params, source])`, the identity of a fact by value. Sources are shared
 * objects from the tables and carry the long quotes, so each one's text is built once.
 */
function factKey(f: Fact): string {
  let source = 'null';
  if (f.source !== null) {
    const known = sourceKeys.get(f.source);
    if (known === undefined) sourceKeys.set(f.source, (source = JSON.stringify(f.source)));
    else source = known;
  }
  return `[${JSON.stringify(f.id)},${JSON.stringify(f.params)},${source}]`;
}

/** Delivery country unknown: every region's result at once, as one wider range. */
export function combineRegions(results: readonly RegionResult[]): RegionResult {
  const [first, ...rest] = results;
  if (!first) return plain(UNBOUNDED, []);
  const seen = new Set<string>();
  const facts: Fact[] = [];
  for (const result of results) {
    for (const f of result.facts) {
      const key = factKey(f);
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push(f);
    }
  }
  return {
    rate: rest.reduce((range, r) => widen(range, r.rate), first.rate),
    best: rest.every((r) => r.best === first.best) ? first.best : null,
    byCategory: results.every((r) => r.byCategory),
    hot: results.some((r) => r.hot),
    facts,
  };
}
