import type { ParamValue } from '../rates/facts';
import type { ProductFacts } from '../rates/estimate';
import type { ResolvedTerms } from '../rates/program-table';
import type { RateTables, SourceRef } from '../rates/types';
import type { AccountNetwork } from '../networks/types';
import type { ProgramId } from '../presets/types';
import type { ParsedUrl } from '../url/types';

/**
 * How bad a warning is, and the order the popup shows them in: `blocking` (the seeds say this
 * earns nothing), `costly` (it earns less, or may lose attribution), `info` (worth knowing).
 */
export const RANKS = ['blocking', 'costly', 'info'] as const;
export type Rank = (typeof RANKS)[number];

/**
 * Every warning code with its params, in $1..$n order of the catalog message `rule_<code>`.
 * Listed in the order rules run, which is also the order within a rank.
 */
export const RULE_PARAMS = {
  audienceUnknown: [],
  paysShareOfOtherProgram: ['country', 'factorPct', 'otherProgram'],
  nonAffiliateUnpaid: ['country', 'date'],
  affiliateUnknown: ['country'],
  brazilComputerOffice: ['date'],
  virtualNoCommission: [],
  noCommissionStore: [],
  storeExcluded: ['store'],
  tmallFromRussia: [],
  russianSellerExcluded: [],
  hotNeedsProductLink: [],
  nonProductPage: [],
  sClickLink: [],
  appShareLink: [],
  nonUsdPayment: ['currency', 'allowed'],
  euServiceFee: ['maxPct'],
  saleFirstCookieWin: ['start', 'end'],
  salePaymentWindow: ['start', 'end'],
} as const satisfies Record<string, readonly string[]>;

export type RuleCode = keyof typeof RULE_PARAMS;
export type RuleParams<K extends RuleCode> = { readonly [P in (typeof RULE_PARAMS)[K][number]]: ParamValue };

export type Warning = {
  [K in RuleCode]: {
    readonly code: K;
    readonly rank: Rank;
    /** The seed file the rule comes from (the first of `sources`). */
    readonly seed: string;
    readonly params: RuleParams<K>;
    /** Every seed passage the warning rests on, with its date and a short quote. */
    readonly sources: readonly SourceRef[];
  };
}[RuleCode];

/** What the rules look at. Everything comes from local data: the popup never waits for it. */
export interface RuleContext {
  /** `parseProductUrl(tabUrl)`; null when there is no URL. */
  readonly parsed: ParsedUrl | null;
  /** From the preset. */
  readonly program: ProgramId;
  /** The preset account's network: WW's terms differ between ePN and Admitad. */
  readonly network?: AccountNetwork | null;
  /** Where the buyers are: the delivery country. Never the publisher's own ship-to or site. */
  readonly audienceCountry: string | null;
  readonly product?: ProductFacts;
  readonly now: Date;
  /** The rate tables in use; the embedded defaults when absent. */
  readonly tables?: RateTables;
  /** The program's terms, resolved once per evaluation (evaluateRules sets it); resolved on demand when absent. */
  readonly resolved?: ResolvedTerms | null;
}

export type Rule = (context: RuleContext, tables: RateTables) => readonly Warning[];
