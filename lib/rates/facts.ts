/**
 * The facts an estimate is made of. Each fact id is a catalog key `fact_<id>`, and its params
 * fill the message's $1..$n in the order listed here, so the UI renders a fact with
 * `t(\`fact_${fact.id}\`, messageArgs(fact, formatters))` (see ./format.ts).
 */
import type { SourceRef } from './types';

export const FACT_PARAMS = {
  /** The preset's program has no rate table (a network's own program). */
  programNoTable: ['program'],
  /** The delivery country is taken to be the audience's (buyers order to where they click). */
  deliveryFromAudience: ['country'],
  deliveryUnknown: [],
  inRegion: ['country', 'region'],
  rateRange: ['productClass', 'minPct', 'maxPct'],
  /** A range the seed gives no upper bound for ("from 0%", "minimum 8%"). */
  rateFrom: ['productClass', 'minPct'],
  rateFixed: ['productClass', 'ratePct'],
  rateByCategory: ['category', 'ratePct'],
  categoryRange: ['category', 'minPct', 'maxPct'],
  categoryUnknown: [],
  /** WW's per-category guess: RU&CIS NEW's category rate over its stated share of WW. */
  derivedFromProgram: ['category', 'otherProgram', 'otherPct', 'factorPct', 'ratePct'],
  /** A range scaled from another program's printed range (a derived table's entry). */
  rateRangeDerived: ['productClass', 'fromMinPct', 'fromMaxPct', 'minPct', 'maxPct'],
  /** No seed prints this table: its rates are another program's over its stated share. */
  derivedTable: ['otherProgram', 'factorPct'],
  /** Joining either Admitad program accepts the rules of both (seed 002). */
  bothProgramsRules: ['otherProgram'],
  /** Seed 001: the commission is paid "in full" only when delivery and click countries match. */
  clickCountryInFull: [],
  /** Seed 002: zero commission when they do not match, or through a VPN or proxy. */
  clickCountryZero: [],
  /** Seed 002, elsewhere: VPN orders' rates "may be incorrectly determined". */
  vpnSourcesDiffer: [],
  /** Another source states another cap for this program. */
  capSourcesDiffer: ['amount', 'currency'],
  /** Another source states another cookie lifetime for these orders. */
  cookieSourcesDiffer: ['days'],
  hotRate: ['ratePct'],
  hotNeedsDirectLink: [],
  affiliateUnknown: [],
  brazilComputerOffice: ['date'],
  virtualZero: [],
  storeRate: ['store', 'ratePct'],
  storeExcluded: ['store'],
  tmallFromRussia: [],
  sellerExcluded: [],
  seedConflict: ['minPct', 'maxPct'],
  programShare: ['otherProgram', 'factorPct'],
  programAdvice: ['otherProgram'],
  cap: ['amount', 'currency'],
  capApplied: ['amount', 'currency'],
  /** The goods price above which the cap limits the commission, at the rate named. */
  capBitesAbove: ['price', 'currency', 'ratePct'],
  capOtherCurrency: ['currency', 'capCurrency'],
  goodsOnly: [],
  serviceFeeExcluded: ['maxPct'],
  usdOnly: ['currency'],
  roundedDown: [],
  newBuyerBonus: ['country', 'amount', 'currency'],
  cookieDays: ['days'],
  cookieSession: [],
  payoutCurrency: ['currency'],
  noRatesStated: [],
  estimateFailed: [],
} as const satisfies Record<string, readonly string[]>;

export type FactId = keyof typeof FACT_PARAMS;
export type ParamValue = string | number;

export type FactParams<K extends FactId> = { readonly [P in (typeof FACT_PARAMS)[K][number]]: ParamValue };

/** One step of an estimate, renderable as a sentence; `source` is null for facts about the input. */
export type Fact = {
  [K in FactId]: { readonly id: K; readonly params: FactParams<K>; readonly source: SourceRef | null };
}[FactId];

export function fact<K extends FactId>(id: K, params: FactParams<K>, source: SourceRef | null = null): Fact {
  return { id, params, source } as Fact;
}
