/**
 * The rate-table model: what the seeds say about each program, as plain data. No zod here: the
 * popup imports the embedded tables and the estimator lazily and must stay small; the zod schema
 * that checks remote tables lives in ./schema.ts and is tested against these types.
 *
 * Units: every rate is a PERCENT of the goods price (1.15 means 1.15%), because the seeds state
 * percents and the UI shows percents; fractions would turn 1.15 into 0.011499999999999998.
 */

/** Programs with a rate table. `other` (a network's own program) has none. */
export const RATE_PROGRAM_IDS = ['ww', 'ru-cis-new', 'portals', 'eu-benelux'] as const;
export type RateProgramId = (typeof RATE_PROGRAM_IDS)[number];

/** Delivery regions the seeds define; which countries they hold differs per program. */
export const REGION_IDS = ['cis', 'nonCis', 'russianSpeakers', 'otherCountries', 'everywhere'] as const;
export type RegionId = (typeof REGION_IDS)[number];

/**
 * Product classes of the seeds' rate tables. `all` is a program-wide rate (Portals' "minimum 8%"),
 * `store` a rate set for particular stores (special electronics stores, CHUWI, stores without
 * commission).
 */
export const PRODUCT_CLASSES = ['all', 'hotSale', 'affiliate', 'nonAffiliate', 'virtual', 'store'] as const;
export type ProductClass = (typeof PRODUCT_CLASSES)[number];

/** Stores the seeds treat specially. */
export const STORE_KINDS = ['tmall', 'plaza', 'specialElectronics', 'chuwiGlobal', 'noCommission'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** Where the seller is, for seed 002's CIS rates and seed 004's "sellers from PRC only". */
export const SELLER_KINDS = ['russian', 'crossborder'] as const;
export type SellerKind = (typeof SELLER_KINDS)[number];

/** Currencies the seeds use for caps, bonuses and payouts. */
export const CURRENCIES = ['USD', 'EUR', 'RUB'] as const;
export type Currency = (typeof CURRENCIES)[number];

/**
 * Categories with their own rate (seed 002's non-CIS table, in its order) plus the two the other
 * seeds name: `computerOffice` (seed 001's Brazil rule) and `specialCategory` (virtual goods,
 * travel, coupons, books: 0% in seeds 001, 002, 004). Catalog labels are `cat_<key>`.
 */
export const CATEGORY_KEYS = [
  'mobilePhone',
  'computerPeripherals',
  'tablets',
  'desktop',
  'laptopNetbooks',
  'homeAudioVideo',
  'externalStorage',
  'internalStorage',
  'mobilePhoneAccessories',
  'interiorAccessories',
  'gardenSupplies',
  'womensClothing',
  'mensClothing',
  'childrensClothing',
  'otherCategories',
  'computerOffice',
  'specialCategory',
] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

/**
 * Where a number comes from. `date` is the date the seed gives, as the seed gives it: ISO
 * `YYYY-MM-DD` when it names a year, ISO 8601's `--MM-DD` when it does not ("Starting from
 * August 16" is `--08-16`). `quote` is a short verbatim excerpt.
 */
export interface SourceRef {
  readonly seed: string;
  readonly date?: string;
  readonly quote?: string;
}

/** A rate range in percent. `max: null` means the seed states no upper bound ("from 0%"). */
export interface RateRange {
  readonly min: number;
  readonly max: number | null;
}

/**
 * A delivery region: an explicit country list, or `rest` for every country no listed region of
 * the same table holds (seed 001 defines non-CIS as "all countries excluding ...").
 */
export type Region =
  | { readonly id: RegionId; readonly kind: 'listed'; readonly countries: readonly string[]; readonly source: SourceRef }
  | { readonly id: RegionId; readonly kind: 'rest'; readonly source: SourceRef };

/**
 * One rate statement. Selectors narrow where it applies; an absent selector matches anything.
 * The estimator takes the most specific entry that matches and is in effect at `now`; among
 * equally specific ones, the latest `from` wins (undated counts as oldest), and entries named
 * in `conflictsWith` widen the range because the seed contradicts itself there.
 */
export interface RateEntry {
  /** Unique within its table, stable across versions: tests and facts refer to it. */
  readonly id: string;
  readonly region?: RegionId;
  readonly productClass: ProductClass;
  readonly categories?: readonly CategoryKey[];
  /** Delivery countries, for rules narrower than a region (Brazil). */
  readonly countries?: readonly string[];
  readonly storeKind?: StoreKind;
  readonly seller?: SellerKind;
  readonly rate: RateRange;
  /** ISO date the entry takes effect; inferred from the seed's order when the seed gives no year. */
  readonly from?: string;
  /** ISO date the entry stops applying. */
  readonly until?: string;
  /** Ids of entries in the same table stating a different number for the same thing. */
  readonly conflictsWith?: readonly string[];
  /** The rate is derived from a statement rather than printed; the quote states the statement. */
  readonly derived?: boolean;
  /**
   * Runtime-derived tables only (./program-table.ts): the other program's printed range this one
   * was scaled from, so the estimate can show the arithmetic. Never in a stored or remote table.
   */
  readonly scaledFrom?: RateRange;
  readonly source: SourceRef;
}

export interface Cap {
  readonly amount: number;
  readonly currency: Currency;
  readonly source: SourceRef;
}

export type CookieRule =
  | { readonly region?: RegionId; readonly kind: 'days'; readonly days: number; readonly source: SourceRef }
  | { readonly region?: RegionId; readonly kind: 'session'; readonly source: SourceRef };

export interface NewBuyerBonus {
  readonly countries: readonly string[];
  readonly amount: number;
  readonly currency: Currency;
  readonly source: SourceRef;
}

/** What is not commissionable, in the program's own terms. */
export type Exclusion =
  | { readonly kind: 'shipping'; readonly source: SourceRef }
  | { readonly kind: 'virtualGoods'; readonly source: SourceRef }
  /** Seed 004: a third-party service fee of up to `upToPct`% on EU buyers' orders. */
  | { readonly kind: 'serviceFee'; readonly upToPct: number; readonly countries: readonly string[]; readonly source: SourceRef }
  /** `shipsFromRussia`: seed 001 excludes Tmall only for items delivered from Russia. */
  | { readonly kind: 'store'; readonly storeKind: StoreKind; readonly condition?: 'shipsFromRussia'; readonly source: SourceRef }
  /** Seed 004: only sellers of these kinds earn (its program covers sellers from the PRC only). */
  | { readonly kind: 'sellerOrigin'; readonly excluded: readonly SellerKind[]; readonly source: SourceRef }
  | { readonly kind: 'paymentCurrency'; readonly allowed: readonly Currency[]; readonly source: SourceRef }
  /** Seed 001: express delivery from "Yes!" earns nothing in the AliExpress app. */
  | { readonly kind: 'appExpressDelivery'; readonly source: SourceRef };

/**
 * A program pointing orders to another program: RU&CIS NEW pays non-CIS orders at 50% of WW and
 * says to use WW for them (seed 002); its target GEO is the CIS, so CIS audiences belong there.
 */
export interface ProgramAdvice {
  readonly region: RegionId;
  readonly preferProgram: RateProgramId;
  /** What this program pays for the region, as a percent of what `preferProgram` pays. */
  readonly factorPct?: number;
  readonly source: SourceRef;
}

/** A month-day-time in the window's own UTC offset; the seeds give no year. */
export interface YearlyMoment {
  readonly month: number;
  readonly day: number;
  readonly time: string;
}

/**
 * A sale window that recurs yearly (seed 000 names no year: 11.11 happens every year, and the
 * window is evaluated for the year `now` falls in). `purpose` tells the pre-sale (carts and
 * coupons, first-cookie-win) from the sale itself (when carts must be paid).
 */
export interface SaleWindow {
  readonly id: string;
  readonly purpose: 'presale' | 'sale';
  readonly attribution: 'firstCookieWin' | 'lastCookieWin';
  readonly start: YearlyMoment;
  readonly end: YearlyMoment;
  /** `-08:00` for "PST" as the seed writes it. */
  readonly utcOffset: string;
  /** The zone as the seed names it ("PST"), shown beside its wall-clock times. */
  readonly zoneLabel?: string;
  readonly source: SourceRef;
}

export interface Payout {
  readonly currency: Currency;
  readonly from?: string;
  readonly source: SourceRef;
}

export interface RateTable {
  readonly program: RateProgramId;
  /** Free-form version of this table's content, shown in the options page. */
  readonly version: string;
  readonly source: SourceRef;
  readonly regions: readonly Region[];
  readonly rates: readonly RateEntry[];
  readonly cap: Cap | null;
  readonly cookies: readonly CookieRule[];
  readonly newBuyerBonuses: readonly NewBuyerBonus[];
  readonly notCommissionable: readonly Exclusion[];
  readonly advice: readonly ProgramAdvice[];
  readonly saleWindows: readonly SaleWindow[];
  readonly payout: Payout | null;
  /**
   * Runtime-derived tables only (./program-table.ts): no seed prints this table; its rates are
   * another program's over its stated share (`factorPct`), and `source` states that share.
   */
  readonly derivedFrom?: { readonly program: RateProgramId; readonly factorPct: number; readonly source: SourceRef };
}

export type RateTables = { readonly [P in RateProgramId]?: RateTable };

/** What a remote rate-table URL serves: a versioned bundle of one or more program tables. */
export interface RateBundle {
  readonly schemaVersion: 1;
  readonly version: string;
  readonly publishedAt?: string;
  readonly tables: RateTables;
}
