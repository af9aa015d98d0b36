/**
 * What a link will likely earn: a rate range, a best guess, the cap, the commission on a given
 * price, and the chain of facts it came from, each citing its seed (docs/architecture.md,
 * 'Source documents'). Pure and total: it never throws, and unknown inputs give a wide range with a fact
 * saying why. No zod here or in anything imported: the popup loads this.
 *
 * Rates are percents (1.15 = 1.15%). Money is in the price's currency, goods only.
 */
import type { ProgramId } from '../presets/types';
import { normalizeCountry } from './countries';
import { fact, type Fact } from './facts';
import { inEffect, isoDay, regionFor, selectRate, type RateQuery } from './lookup';
import { SEED } from './seeds';
import {
  CATEGORY_KEYS,
  STORE_KINDS,
  type CategoryKey,
  type Currency,
  type RateEntry,
  type RateProgramId,
  type RateRange,
  type RateTable,
  type RateTables,
  type Region,
  type RegionId,
  type SellerKind,
  type SourceRef,
  type StoreKind,
} from './types';

/** How directly the link leads to the product (seed 001's attribution priority). */
export type LinkKind = 'product' | 'store' | 'page';

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** What is known about the product; every field is optional and may be wrong-typed at runtime. */
export interface ProductFacts {
  /** From the product page or the user's pick in the popup (remembered per product). */
  readonly categoryKey?: CategoryKey | null;
  /** In the user's hot-products list (lib/hotlist `hotStatus`). */
  readonly hot?: boolean;
  /** The hot-sale rate in percent, when the list gives one. */
  readonly hotRate?: number | null;
  /** Whether the store takes part in the affiliate program; null or absent when unknown. */
  readonly affiliate?: boolean | null;
  /** Goods price only: shipping is not commissionable. */
  readonly price?: Money | null;
  readonly storeKind?: StoreKind | null;
  /** ISO country of the seller ('CN', 'RU'); decides seed 002's CIS rates and seed 004's exclusion. */
  readonly sellerCountry?: string | null;
}

export interface EstimateInput {
  readonly program: ProgramId;
  /** From the preset: where the audience clicks from. */
  readonly audienceCountry: string | null;
  /** The AliExpress ship-to setting, when read or inferred; null when unknown. */
  readonly shipToCountry: string | null;
  readonly product?: ProductFacts;
  /** null when the URL is a short link or not an AliExpress page. */
  readonly linkKind: LinkKind | null;
  readonly now: Date;
}

export interface CommissionAmount {
  readonly currency: string;
  readonly min: number;
  /** null when the rate has no stated upper bound. */
  readonly max: number | null;
  readonly best: number | null;
  /** True when the per-order cap lowered any of the three. */
  readonly capped: boolean;
}

export interface Estimate {
  readonly program: ProgramId;
  readonly unit: 'percent';
  readonly rate: RateRange;
  readonly best: number | null;
  /** The best guess comes from a category rate: the UI says "by category" and offers the picker. */
  readonly byCategory: boolean;
  /** The hot-sale rate applies (hot item and a direct product link). */
  readonly hot: boolean;
  readonly deliveryCountry: string | null;
  readonly region: RegionId | null;
  readonly cap: { readonly amount: number; readonly currency: Currency; readonly source: SourceRef } | null;
  readonly commission: CommissionAmount | null;
  readonly newBuyerBonus: { readonly amount: number; readonly currency: Currency; readonly country: string; readonly source: SourceRef } | null;
  readonly cookie: { readonly kind: 'days'; readonly days: number } | { readonly kind: 'session' } | null;
  readonly facts: readonly Fact[];
}

const UNBOUNDED: RateRange = { min: 0, max: null };
const ROUNDING_SOURCE: SourceRef = { seed: SEED.ww, quote: 'The commission is always “cut off” to downwards by AliExpress.' };

/** Four decimals: enough for any seed's rate, and it hides float noise like 2.2999999999999998. */
const roundPct = (value: number) => Math.round(value * 1e4) / 1e4;
/** Seed 001: AliExpress rounds commission down; the epsilon keeps 1.15 from flooring to 1.14. */
const floorCents = (value: number) => Math.floor(value * 100 + 1e-6) / 100;

const isPercent = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

function widen(range: RateRange, other: RateRange): RateRange {
  return { min: Math.min(range.min, other.min), max: range.max === null || other.max === null ? null : Math.max(range.max, other.max) };
}

const exact = (range: RateRange): number | null => (range.max !== null && range.min === range.max ? range.min : null);

/** The estimate for one delivery region, before cap and money. */
interface RegionResult {
  readonly rate: RateRange;
  readonly best: number | null;
  readonly byCategory: boolean;
  readonly hot: boolean;
  readonly facts: readonly Fact[];
  /** The statement the result rests on, when it is a single one. */
  readonly entry?: RateEntry;
}

interface Known {
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

function readProduct(input: EstimateInput, country: string | null, day: string): Known {
  const product = (typeof input.product === 'object' && input.product !== null ? input.product : {}) as ProductFacts;
  const sellerCountry = normalizeCountry(product.sellerCountry);
  return {
    category: oneOf(CATEGORY_KEYS, product.categoryKey),
    storeKind: oneOf(STORE_KINDS, product.storeKind),
    seller: sellerCountry === null ? undefined : sellerCountry === 'RU' ? 'russian' : 'crossborder',
    affiliate: typeof product.affiliate === 'boolean' ? product.affiliate : undefined,
    hot: product.hot === true,
    hotRate: isPercent(product.hotRate) ? product.hotRate : undefined,
    linkKind: input.linkKind,
    country: country ?? undefined,
    day,
  };
}

function rangeFact(entry: RateEntry): Fact {
  const { min, max } = entry.rate;
  if (max === null) return fact('rateFrom', { productClass: entry.productClass, minPct: min }, entry.source);
  if (min === max) return fact('rateFixed', { productClass: entry.productClass, ratePct: min }, entry.source);
  return fact('rateRange', { productClass: entry.productClass, minPct: min, maxPct: max }, entry.source);
}

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

function affiliateResult(tables: RateTables, table: RateTable, region: RegionId, known: Known): RegionResult | null {
  const query: RateQuery = { region, productClass: 'affiliate', category: known.category, seller: known.seller, country: known.country, day: known.day };
  const selection = selectRate(table, query);
  if (!selection) return null;
  const { entry } = selection;
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
  // Ask for the category only where knowing it would give a rate.
  const categoryWouldHelp =
    !known.category &&
    (table.rates.some((r) => r.categories && r.region === region) ||
      derivedCategoryRate(tables, table, region, { ...known, category: 'otherCategories' }, entry.rate) !== null);
  const facts = categoryWouldHelp ? [rangeFact(entry), fact('categoryUnknown', {})] : [rangeFact(entry)];
  return { rate: entry.rate, best: exact(entry.rate), byCategory: false, hot: false, facts, entry };
}

function nonAffiliateResult(table: RateTable, region: RegionId, known: Known): RegionResult | null {
  const selection = selectRate(table, { region, productClass: 'nonAffiliate', category: known.category, country: known.country, day: known.day });
  if (!selection) return null;
  const { entry } = selection;
  const facts = entry.countries ? [fact('brazilComputerOffice', { date: entry.from ?? entry.source.date ?? '' }, entry.source)] : [rangeFact(entry)];
  return { rate: entry.rate, best: exact(entry.rate), byCategory: false, hot: false, facts, entry };
}

const zero = (facts: Fact[]): RegionResult => ({ rate: { min: 0, max: 0 }, best: 0, byCategory: false, hot: false, facts });

function estimateRegion(tables: RateTables, table: RateTable, region: RegionId, known: Known): RegionResult {
  if (known.category === 'specialCategory') {
    // Only where the program's own terms say so: Portals' FAQ (seed 003) is silent on it.
    const selected = selectRate(table, { region, productClass: 'virtual', day: known.day })?.entry;
    const entry = selected?.productClass === 'virtual' ? selected : undefined;
    const exclusion = table.notCommissionable.find((e) => e.kind === 'virtualGoods');
    if (entry || exclusion) return zero([fact('virtualZero', {}, entry?.source ?? exclusion?.source ?? null)]);
  }

  const facts: Fact[] = [];
  let mayBeZero = false;
  if (known.storeKind) {
    const excluded = table.notCommissionable.find((e) => e.kind === 'store' && e.storeKind === known.storeKind);
    if (excluded?.kind === 'store' && excluded.condition === undefined) return zero([fact('storeExcluded', { store: known.storeKind }, excluded.source)]);
    if (excluded?.kind === 'store' && excluded.condition === 'shipsFromRussia') {
      mayBeZero = true;
      facts.push(fact('tmallFromRussia', {}, excluded.source));
    }
  }
  const sellerRule = table.notCommissionable.find((e) => e.kind === 'sellerOrigin');
  if (known.seller && sellerRule?.kind === 'sellerOrigin' && sellerRule.excluded.includes(known.seller)) {
    return zero([fact('sellerExcluded', {}, sellerRule.source)]);
  }
  const finish = (result: RegionResult): RegionResult => ({
    ...result,
    rate: mayBeZero ? { ...result.rate, min: 0 } : result.rate,
    facts: [...facts, ...result.facts],
  });

  // Store rates (special electronics stores, CHUWI) are for affiliate goods: seed 002 warns
  // that "some products in the above-mentioned stores are non-affiliate" and earn nothing.
  if (known.storeKind && known.affiliate !== false) {
    const selection = selectRate(table, { region, productClass: 'store', storeKind: known.storeKind, day: known.day });
    if (selection) {
      const { entry, alternatives } = selection;
      let rate = alternatives.reduce((range, alt) => widen(range, alt.rate), entry.rate);
      const storeFacts = [fact('storeRate', { store: known.storeKind, ratePct: entry.rate.min }, entry.source)];
      if (alternatives.length > 0) storeFacts.push(fact('seedConflict', { minPct: rate.min, maxPct: rate.max ?? 100 }, alternatives[0]!.source));
      if (known.affiliate === undefined && entry.rate.min > 0) {
        rate = { ...rate, min: 0 };
        storeFacts.push(fact('affiliateUnknown', {}));
      }
      return finish({ rate, best: exact(entry.rate), byCategory: false, hot: false, facts: storeFacts });
    }
  }

  if (known.hot) {
    if (known.linkKind === 'product') {
      const entry = selectRate(table, { region, productClass: 'hotSale', country: known.country, day: known.day })?.entry;
      const base = entry ?? selectRate(table, { region, productClass: 'affiliate', seller: known.seller, day: known.day })?.entry;
      const rate = base ? (known.hotRate === undefined ? base.rate : widen(base.rate, { min: known.hotRate, max: known.hotRate })) : UNBOUNDED;
      const hotFacts = [...(base ? [rangeFact(base)] : []), ...(known.hotRate === undefined ? [] : [fact('hotRate', { ratePct: known.hotRate })])];
      return finish({ rate, best: known.hotRate ?? null, byCategory: false, hot: true, facts: hotFacts });
    }
    facts.push(fact('hotNeedsDirectLink', {}, HOT_DIRECT_LINK_SOURCE));
  }

  const affiliate = known.affiliate === false ? null : affiliateResult(tables, table, region, known);
  const nonAffiliate = known.affiliate === true ? null : nonAffiliateResult(table, region, known);
  // Affiliation known (only one was looked up), or the table states only one of the two.
  if (!affiliate || !nonAffiliate) {
    return finish(affiliate ?? nonAffiliate ?? { rate: UNBOUNDED, best: null, byCategory: false, hot: false, facts: [fact('noRatesStated', {}, table.source)] });
  }
  // One program-wide statement answers both (Portals' "minimum 8%"): affiliation changes nothing.
  if (affiliate.entry !== undefined && affiliate.entry === nonAffiliate.entry) return finish(affiliate);
  // Affiliation unknown: the range covers both, the guess assumes an affiliate store (the only
  // kind that earns everywhere the seeds state a rate).
  return finish({
    rate: widen(affiliate.rate, nonAffiliate.rate),
    best: affiliate.best,
    byCategory: affiliate.byCategory,
    hot: false,
    facts: [...affiliate.facts, fact('affiliateUnknown', {}), ...nonAffiliate.facts],
  });
}

const HOT_DIRECT_LINK_SOURCE: SourceRef = {
  seed: SEED.ww,
  quote: 'To receive an increased percentage of hot sale products, the user must follow your affiliate link, which leads directly to this product',
};

function combineRegions(results: readonly RegionResult[]): RegionResult {
  const [first, ...rest] = results;
  if (!first) return { rate: UNBOUNDED, best: null, byCategory: false, hot: false, facts: [] };
  const seen = new Set<string>();
  const facts = results.flatMap((r) => r.facts).filter((f) => {
    const key = JSON.stringify([f.id, f.params, f.source]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    rate: rest.reduce((range, r) => widen(range, r.rate), first.rate),
    best: rest.every((r) => r.best === first.best) ? first.best : null,
    byCategory: results.every((r) => r.byCategory),
    hot: results.some((r) => r.hot),
    facts,
  };
}

function commissionOn(price: Money | null | undefined, rate: RateRange, best: number | null, table: RateTable, facts: Fact[]): CommissionAmount | null {
  if (!price || typeof price.amount !== 'number' || !Number.isFinite(price.amount) || price.amount <= 0) return null;
  const currency = typeof price.currency === 'string' ? price.currency.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(currency)) return null;
  const on = (pct: number) => floorCents((price.amount * pct) / 100);
  let min = on(rate.min);
  let max = rate.max === null ? null : on(rate.max);
  let bestAmount = best === null ? null : on(best);
  let capped = false;
  const cap = table.cap;
  if (cap && cap.currency === currency) {
    const limit = (value: number) => {
      if (value <= cap.amount) return value;
      capped = true;
      return cap.amount;
    };
    min = limit(min);
    max = max === null ? cap.amount : limit(max);
    bestAmount = bestAmount === null ? null : limit(bestAmount);
    if (capped) facts.push(fact('capApplied', { amount: cap.amount, currency: cap.currency }, cap.source));
  } else if (cap) {
    facts.push(fact('capOtherCurrency', { currency, capCurrency: cap.currency }, cap.source));
  }
  facts.push(fact('roundedDown', {}, ROUNDING_SOURCE));
  return { currency, min, max, best: bestAmount, capped };
}

function cookieFor(table: RateTable, region: RegionId | null): { cookie: Estimate['cookie']; fact: Fact } | null {
  const rule = table.cookies.find((c) => c.region !== undefined && c.region === region) ?? table.cookies.find((c) => c.region === undefined);
  if (!rule) return null;
  return rule.kind === 'days'
    ? { cookie: { kind: 'days', days: rule.days }, fact: fact('cookieDays', { days: rule.days }, rule.source) }
    : { cookie: { kind: 'session' }, fact: fact('cookieSession', {}, rule.source) };
}

function estimateWithTable(input: EstimateInput, table: RateTable, tables: RateTables): Estimate {
  const audience = normalizeCountry(input.audienceCountry);
  const shipTo = normalizeCountry(input.shipToCountry);
  const delivery = audience ?? shipTo;
  const day = isoDay(input.now);
  const facts: Fact[] = [];
  if (audience) facts.push(fact('deliveryFromAudience', { country: audience }));
  else if (shipTo) facts.push(fact('deliveryFromShipTo', { country: shipTo }));
  else facts.push(fact('deliveryUnknown', {}));

  const known = readProduct(input, delivery, day);
  const region: Region | undefined = delivery ? regionFor(table, delivery) : undefined;
  let result: RegionResult;
  if (delivery && region) {
    facts.push(fact('inRegion', { country: delivery, region: region.id }, region.source));
    result = estimateRegion(tables, table, region.id, known);
    for (const advice of table.advice.filter((a) => a.region === region.id)) {
      facts.push(
        advice.factorPct === undefined
          ? fact('programAdvice', { otherProgram: advice.preferProgram }, advice.source)
          : fact('programShare', { otherProgram: advice.preferProgram, factorPct: advice.factorPct }, advice.source),
      );
    }
  } else {
    result = combineRegions(table.regions.map((r) => estimateRegion(tables, table, r.id, known)));
  }
  facts.push(...result.facts);

  for (const exclusion of table.notCommissionable) {
    if (exclusion.kind === 'shipping') facts.push(fact('goodsOnly', {}, exclusion.source));
    if (exclusion.kind === 'serviceFee' && (delivery === null || exclusion.countries.includes(delivery))) {
      facts.push(fact('serviceFeeExcluded', { maxPct: exclusion.upToPct }, exclusion.source));
    }
    if (exclusion.kind === 'paymentCurrency') facts.push(fact('usdOnly', { currency: exclusion.allowed.join('/') }, exclusion.source));
  }
  if (table.cap) facts.push(fact('cap', { amount: table.cap.amount, currency: table.cap.currency }, table.cap.source));
  const commission = commissionOn(input.product?.price, result.rate, result.best, table, facts);

  const bonus = delivery ? table.newBuyerBonuses.find((b) => b.countries.includes(delivery)) : undefined;
  if (bonus && delivery) facts.push(fact('newBuyerBonus', { country: delivery, amount: bonus.amount, currency: bonus.currency }, bonus.source));
  const cookie = cookieFor(table, region?.id ?? null);
  if (cookie) facts.push(cookie.fact);
  // Delivery unknown: each region's lifetime, since the one that applies cannot be told.
  else if (!region) for (const r of table.regions) {
    const regional = cookieFor(table, r.id);
    if (regional) facts.push(regional.fact);
  }
  if (table.payout && inEffect(table.payout, day)) facts.push(fact('payoutCurrency', { currency: table.payout.currency }, table.payout.source));

  return {
    program: input.program,
    unit: 'percent',
    rate: { min: roundPct(result.rate.min), max: result.rate.max === null ? null : roundPct(result.rate.max) },
    best: result.best === null ? null : roundPct(result.best),
    byCategory: result.byCategory,
    hot: result.hot,
    deliveryCountry: delivery,
    region: region?.id ?? null,
    cap: table.cap ? { amount: table.cap.amount, currency: table.cap.currency, source: table.cap.source } : null,
    commission,
    newBuyerBonus: bonus && delivery ? { amount: bonus.amount, currency: bonus.currency, country: delivery, source: bonus.source } : null,
    cookie: cookie?.cookie ?? null,
    facts,
  };
}

function unknownEstimate(input: EstimateInput, facts: Fact[]): Estimate {
  const program = typeof input?.program === 'string' ? input.program : 'other';
  return {
    program,
    unit: 'percent',
    rate: UNBOUNDED,
    best: null,
    byCategory: false,
    hot: false,
    deliveryCountry: null,
    region: null,
    cap: null,
    commission: null,
    newBuyerBonus: null,
    cookie: null,
    facts,
  };
}

const isRateProgram = (program: string): program is RateProgramId => program !== 'other';

/**
 * Estimates the commission of one link. `tables` is the embedded `DEFAULT_RATE_TABLES`, or those
 * merged with a validated remote bundle (lib/rates/stored.ts `tablesFromStoredCache`).
 */
export function estimateCommission(input: EstimateInput, tables: RateTables): Estimate {
  try {
    const table = typeof input.program === 'string' && isRateProgram(input.program) ? tables[input.program] : undefined;
    if (!table) return unknownEstimate(input, [fact('programNoTable', { program: String(input.program) })]);
    return estimateWithTable(input, table, tables);
  } catch {
    // A table from storage that slipped past validation, an invalid Date: say so, never throw.
    return unknownEstimate(input, [fact('estimateFailed', {})]);
  }
}
