/**
 * What a link will likely earn: a rate range, a best guess, the cap, the commission on a given
 * price, and the chain of facts it came from, each citing its seed (docs/architecture.md,
 * 'Source documents'). Pure and total: it never throws, and unknown inputs give a wide range with a fact
 * saying why. No zod here or in anything imported: the popup loads this.
 *
 * Rates are percents (1.15 = 1.15%). Money is in the price's currency, goods only.
 */
import type { AccountNetwork } from '../networks/types';
import type { ProgramId } from '../presets/types';
import { normalizeCountry } from './countries';
import { fact, type Fact } from './facts';
import { inEffect, isoDay, regionFor } from './lookup';
import { CLICK_COUNTRY_SOURCES, isAdmitadTerms, resolveTerms, BOTH_PROGRAMS_RULES, type ProgramTerms, type ResolvedTerms } from './program-table';
import { combineRegions, estimateRegion, roundPct, UNBOUNDED, type Known, type LinkKind, type RegionResult } from './region-estimate';
import { SEED } from './seeds';
import {
  CATEGORY_KEYS,
  STORE_KINDS,
  type CategoryKey,
  type Currency,
  type RateRange,
  type RateTable,
  type RateTables,
  type Region,
  type RegionId,
  type SourceRef,
  type StoreKind,
} from './types';

export type { LinkKind };

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
  /** The preset account's network: AliExpress WW's terms differ between ePN and Admitad (./program-table.ts). */
  readonly network?: AccountNetwork | null;
  /**
   * From the preset: where the buyers are, hence where orders are delivered. The publisher's own
   * AliExpress site or ship-to setting says nothing about buyers and is not an input here.
   */
  readonly audienceCountry: string | null;
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
  /** Whose terms the estimate follows (WW differs by network); null without a table. */
  readonly terms: ProgramTerms | null;
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
  /**
   * The goods price above which the cap limits the commission, at the best guess (else the
   * highest stated rate): $38.5 at 7% bites above $550. Null without a cap or a rate.
   */
  readonly capBitesAbove: { readonly price: number; readonly currency: Currency; readonly ratePct: number } | null;
  readonly commission: CommissionAmount | null;
  readonly newBuyerBonus: { readonly amount: number; readonly currency: Currency; readonly country: string; readonly source: SourceRef } | null;
  readonly cookie: { readonly kind: 'days'; readonly days: number } | { readonly kind: 'session' } | null;
  readonly facts: readonly Fact[];
}

const ROUNDING_SOURCE: SourceRef = { seed: SEED.ww, quote: 'The commission is always “cut off” to downwards by AliExpress.' };

/** Seed 001: AliExpress rounds commission down; the epsilon keeps 1.15 from flooring to 1.14. */
const floorCents = (value: number) => Math.floor(value * 100 + 1e-6) / 100;

const isPercent = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

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

function capBitesAbove(table: RateTable, ratePct: number | null): Estimate['capBitesAbove'] {
  if (!table.cap || ratePct === null || ratePct <= 0) return null;
  // Up to the cent: at exactly this price the commission equals the cap.
  const price = Math.ceil(((table.cap.amount * 100) / ratePct) * 100 - 1e-6) / 100;
  return { price, currency: table.cap.currency, ratePct: roundPct(ratePct) };
}

function cookieFor(table: RateTable, region: RegionId | null): { cookie: Estimate['cookie']; fact: Fact } | null {
  const rule = table.cookies.find((c) => c.region !== undefined && c.region === region) ?? table.cookies.find((c) => c.region === undefined);
  if (!rule) return null;
  return rule.kind === 'days'
    ? { cookie: { kind: 'days', days: rule.days }, fact: fact('cookieDays', { days: rule.days }, rule.source) }
    : { cookie: { kind: 'session' }, fact: fact('cookieSession', {}, rule.source) };
}

/** Where the buyers' orders go, and the fact saying where that came from. */
function deliveryOf(input: EstimateInput): { country: string | null; fact: Fact } {
  const audience = normalizeCountry(input.audienceCountry);
  if (audience) return { country: audience, fact: fact('deliveryFromAudience', { country: audience }) };
  return { country: null, fact: fact('deliveryUnknown', {}) };
}

/** The rate for the delivery country's region; every region at once when the country is unknown. */
function rateForDelivery(delivery: string | null, table: RateTable, tables: RateTables, known: Known): { region: Region | undefined; result: RegionResult; facts: Fact[] } {
  const region = delivery ? regionFor(table, delivery) : undefined;
  if (!delivery || !region) {
    return { region: undefined, result: combineRegions(table.regions.map((r) => estimateRegion(tables, table, r.id, known))), facts: [] };
  }
  const facts = [fact('inRegion', { country: delivery, region: region.id }, region.source)];
  const result = estimateRegion(tables, table, region.id, known);
  for (const advice of table.advice.filter((a) => a.region === region.id)) {
    facts.push(
      advice.factorPct === undefined
        ? fact('programAdvice', { otherProgram: advice.preferProgram }, advice.source)
        : fact('programShare', { otherProgram: advice.preferProgram, factorPct: advice.factorPct }, advice.source),
    );
  }
  return { region, result, facts };
}

/** What the program does not pay commission on, for this delivery country. */
function exclusionFacts(table: RateTable, delivery: string | null): Fact[] {
  const facts: Fact[] = [];
  for (const exclusion of table.notCommissionable) {
    if (exclusion.kind === 'shipping') facts.push(fact('goodsOnly', {}, exclusion.source));
    if (exclusion.kind === 'serviceFee' && (delivery === null || exclusion.countries.includes(delivery))) {
      facts.push(fact('serviceFeeExcluded', { maxPct: exclusion.upToPct }, exclusion.source));
    }
    if (exclusion.kind === 'paymentCurrency') facts.push(fact('usdOnly', { currency: exclusion.allowed.join('/') }, exclusion.source));
  }
  return facts;
}

/** Another source's cookie lifetime for the region, when it states a different one than this table. */
function otherCookieFact(terms: ResolvedTerms, region: RegionId | null, mine: Estimate['cookie']): Fact[] {
  const other = terms.alsoStated.cookies.find((c) => c.region !== undefined && c.region === region) ?? terms.alsoStated.cookies.find((c) => c.region === undefined);
  if (other?.kind !== 'days' || mine?.kind !== 'days' || other.days === mine.days) return [];
  return [fact('cookieSourcesDiffer', { days: other.days }, other.source)];
}

/** The cookie lifetime of the region; each region's when delivery is unknown (which applies cannot be told). */
function cookieFacts(terms: ResolvedTerms, region: Region | undefined): { cookie: Estimate['cookie']; facts: Fact[] } {
  const { table } = terms;
  const cookie = cookieFor(table, region?.id ?? null);
  if (cookie && region) return { cookie: cookie.cookie, facts: [cookie.fact, ...otherCookieFact(terms, region.id, cookie.cookie)] };
  if (region) return { cookie: null, facts: [] };
  if (cookie) return { cookie: cookie.cookie, facts: [cookie.fact, ...table.regions.flatMap((r) => otherCookieFact(terms, r.id, cookie.cookie))] };
  const facts = table.regions.flatMap((r) => {
    const regional = cookieFor(table, r.id);
    return regional ? [regional.fact] : [];
  });
  return { cookie: null, facts };
}

/**
 * What the program's terms say about whose country counts, in its seed's words: seed 001 pays
 * "in full" only when the delivery and click countries match; seed 002 pays zero otherwise, and
 * says elsewhere that VPN clicks "may be incorrectly determined" (both are shown).
 */
function clickCountryFacts(terms: ProgramTerms): Fact[] {
  if (terms === 'ww') return [fact('clickCountryInFull', {}, CLICK_COUNTRY_SOURCES.inFull)];
  if (isAdmitadTerms(terms)) return [fact('clickCountryZero', {}, CLICK_COUNTRY_SOURCES.zero), fact('vpnSourcesDiffer', {}, CLICK_COUNTRY_SOURCES.vpnMisdetermined)];
  return [];
}

/** A table no seed prints (WW through Admitad): say so, and what it is derived from. */
function derivedTableFacts(table: RateTable): Fact[] {
  if (!table.derivedFrom) return [];
  const { program, factorPct, source } = table.derivedFrom;
  return [fact('derivedTable', { otherProgram: program, factorPct }, source), fact('bothProgramsRules', { otherProgram: program }, BOTH_PROGRAMS_RULES)];
}

function capFacts(terms: ResolvedTerms): Fact[] {
  const { cap } = terms.table;
  if (!cap) return [];
  const other = terms.alsoStated.cap;
  const differs = other && (other.amount !== cap.amount || other.currency !== cap.currency);
  return [
    fact('cap', { amount: cap.amount, currency: cap.currency }, cap.source),
    ...(differs ? [fact('capSourcesDiffer', { amount: other.amount, currency: other.currency }, other.source)] : []),
  ];
}

function estimateWithTable(input: EstimateInput, terms: ResolvedTerms, tables: RateTables): Estimate {
  const { table } = terms;
  const delivery = deliveryOf(input);
  const country = delivery.country;
  const day = isoDay(input.now);
  const known = readProduct(input, country, day);
  const { region, result, facts: regionFacts } = rateForDelivery(country, table, tables, known);
  const facts: Fact[] = [
    delivery.fact,
    ...clickCountryFacts(terms.terms),
    ...derivedTableFacts(table),
    ...regionFacts,
    ...result.facts,
    ...exclusionFacts(table, country),
    ...capFacts(terms),
  ];
  const commission = commissionOn(input.product?.price, result.rate, result.best, table, facts);
  const bites = capBitesAbove(table, result.best ?? result.rate.max);
  if (bites && table.cap) facts.push(fact('capBitesAbove', { price: bites.price, currency: bites.currency, ratePct: bites.ratePct }, table.cap.source));

  const bonus = country ? table.newBuyerBonuses.find((b) => b.countries.includes(country)) : undefined;
  if (bonus && country) facts.push(fact('newBuyerBonus', { country, amount: bonus.amount, currency: bonus.currency }, bonus.source));
  const cookie = cookieFacts(terms, region);
  facts.push(...cookie.facts);
  if (table.payout && inEffect(table.payout, day)) facts.push(fact('payoutCurrency', { currency: table.payout.currency }, table.payout.source));

  return {
    program: input.program,
    terms: terms.terms,
    unit: 'percent',
    rate: { min: roundPct(result.rate.min), max: result.rate.max === null ? null : roundPct(result.rate.max) },
    best: result.best === null ? null : roundPct(result.best),
    byCategory: result.byCategory,
    hot: result.hot,
    deliveryCountry: country,
    region: region?.id ?? null,
    cap: table.cap ? { amount: table.cap.amount, currency: table.cap.currency, source: table.cap.source } : null,
    capBitesAbove: bites,
    commission,
    newBuyerBonus: bonus && country ? { amount: bonus.amount, currency: bonus.currency, country, source: bonus.source } : null,
    cookie: cookie.cookie,
    facts,
  };
}

function unknownEstimate(input: EstimateInput, facts: Fact[]): Estimate {
  const program = typeof input?.program === 'string' ? input.program : 'other';
  return {
    program,
    terms: null,
    unit: 'percent',
    rate: UNBOUNDED,
    best: null,
    byCategory: false,
    hot: false,
    deliveryCountry: null,
    region: null,
    cap: null,
    capBitesAbove: null,
    commission: null,
    newBuyerBonus: null,
    cookie: null,
    facts,
  };
}

/**
 * Estimates the commission of one link. `tables` is the embedded `DEFAULT_RATE_TABLES`, or those
 * merged with a validated remote bundle (lib/rates/stored.ts `tablesFromStoredCache`).
 */
export function estimateCommission(input: EstimateInput, tables: RateTables, resolved?: ResolvedTerms | null): Estimate {
  try {
    // `resolved`: the caller's `resolveTerms(tables, input.program, input.network)`, when it has it.
    const terms = resolved === undefined ? resolveTerms(tables, input.program, input.network) : resolved;
    if (!terms) return unknownEstimate(input, [fact('programNoTable', { program: String(input.program) })]);
    return estimateWithTable(input, terms, tables);
  } catch {
    // A table from storage that slipped past validation, an invalid Date: say so, never throw.
    return unknownEstimate(input, [fact('estimateFailed', {})]);
  }
}
