/**
 * One pure function per rule. Each fires only for the programs whose seed states it, and ranks
 * its warning by the seed's own words: `blocking` where the seed says zero or "not paid",
 * `costly` where it says reduced, "not in full", 50%, "may not" or "standard instead of hot",
 * `info` otherwise. Numbers, regions and exclusions are read from the rate tables, so a remote
 * table that changes a country list changes the rules with it.
 *
 * The delivery country is the audience's: where the buyers are. The publisher's own AliExpress
 * site or ship-to setting says nothing about buyers and no rule reads it.
 */
import { normalizeCountry } from '../rates/countries';
import type { ProductFacts } from '../rates/estimate';
import type { ParamValue } from '../rates/facts';
import { isoDay, regionFor, selectRate } from '../rates/lookup';
import { isAdmitadTerms, programTermsOf, resolveTerms, type ProgramTerms } from '../rates/program-table';
import { CATEGORY_KEYS, STORE_KINDS, type CategoryKey, type RateTable, type RateTables, type SourceRef, type StoreKind } from '../rates/types';
import { activeOccurrence } from './sale-windows';
import { RULE_SOURCES } from './citations';
import type { Rank, RuleCode, RuleContext, RuleParams, Warning } from './types';

function warning<K extends RuleCode>(code: K, rank: Rank, params: RuleParams<K>, sources: readonly [SourceRef, ...SourceRef[]]): Warning {
  return { code, rank, seed: sources[0].seed, params, sources } as Warning;
}

const tableOf = (context: RuleContext, tables: RateTables): RateTable | undefined =>
  (context.resolved === undefined ? resolveTerms(tables, context.program, context.network) : context.resolved)?.table;
const termsOf = (context: RuleContext): ProgramTerms | null => programTermsOf(context.program, context.network);

/** Buyers order to where they are: the preset's audience. */
const deliveryOf = (context: RuleContext) => normalizeCountry(context.audienceCountry);

function productOf(context: RuleContext): ProductFacts {
  return typeof context.product === 'object' && context.product !== null ? context.product : {};
}
const categoryOf = (product: ProductFacts): CategoryKey | undefined =>
  (CATEGORY_KEYS as readonly string[]).includes(product.categoryKey as string) ? (product.categoryKey as CategoryKey) : undefined;
const storeKindOf = (product: ProductFacts): StoreKind | undefined =>
  (STORE_KINDS as readonly string[]).includes(product.storeKind as string) ? (product.storeKind as StoreKind) : undefined;

/** The link kind the deeplink will have: only product URLs lead "directly to the product". */
const isDirectProductLink = (context: RuleContext) => context.parsed?.kind === 'product';

/** Seed 001 (WW) and seed 002 (Admitad's programs) tie commission to the buyer's click country. */
const isClickCountryBound = (terms: ProgramTerms | null) => terms === 'ww' || isAdmitadTerms(terms);

export function audienceUnknownWarnings(context: RuleContext): Warning[] {
  const terms = termsOf(context);
  if (deliveryOf(context) || !isClickCountryBound(terms)) return [];
  return [warning('audienceUnknown', 'info', {}, [RULE_SOURCES.clickCountrySince2021])];
}

/** Seed 002: RU&CIS NEW pays non-CIS orders at 50% of WW and says to use WW for the full rate. */
export function programShareWarnings(context: RuleContext, tables: RateTables): Warning[] {
  const table = tableOf(context, tables);
  const country = deliveryOf(context);
  if (!table || !country) return [];
  const region = regionFor(table, country);
  return table.advice
    .filter((a) => a.region === region?.id && a.factorPct !== undefined)
    .map((advice) => warning('paysShareOfOtherProgram', 'costly', { country, factorPct: advice.factorPct!, otherProgram: advice.preferProgram }, [advice.source]));
}

/**
 * Non-affiliate goods where the program's table pays them nothing: RU&CIS NEW's CIS and non-CIS
 * orders since 2022-03-01 (seed 002). Unknown affiliation there is worth a check.
 */
export function nonAffiliateWarnings(context: RuleContext, tables: RateTables): Warning[] {
  const table = tableOf(context, tables);
  const country = deliveryOf(context);
  const { affiliate } = productOf(context);
  if (!table || !country || affiliate === true) return [];
  const region = regionFor(table, country);
  if (!region) return [];
  const entry = selectRate(table, { region: region.id, productClass: 'nonAffiliate', day: isoDay(context.now) })?.entry;
  if (!entry || entry.rate.max !== 0) return [];
  if (affiliate === false) return [warning('nonAffiliateUnpaid', 'blocking', { country, date: entry.from ?? entry.source.date ?? '' }, [entry.source])];
  return [warning('affiliateUnknown', 'info', { country }, [entry.source])];
}

/** Seed 001: non-affiliate Computer & Office goods shipped to Brazil earn 0% since 2022-10-20. */
export function brazilComputerOfficeWarnings(context: RuleContext, tables: RateTables): Warning[] {
  const table = tableOf(context, tables);
  const country = deliveryOf(context);
  const product = productOf(context);
  const category = categoryOf(product);
  if (!table || !country || !category || product.affiliate === true) return [];
  const region = regionFor(table, country);
  if (!region) return [];
  const entry = selectRate(table, { region: region.id, productClass: 'nonAffiliate', category, country, day: isoDay(context.now) })?.entry;
  if (!entry?.countries || entry.rate.max !== 0) return [];
  const rank: Rank = product.affiliate === false ? 'blocking' : 'costly';
  return [warning('brazilComputerOffice', rank, { date: entry.from ?? entry.source.date ?? '' }, [entry.source])];
}

/** Seeds 001, 002, 004: virtual goods, travel, coupons and books earn nothing (seed 003 is silent). */
export function virtualGoodsWarnings(context: RuleContext, tables: RateTables): Warning[] {
  const table = tableOf(context, tables);
  const exclusion = table?.notCommissionable.find((e) => e.kind === 'virtualGoods');
  if (!exclusion || categoryOf(productOf(context)) !== 'specialCategory') return [];
  return [warning('virtualNoCommission', 'blocking', {}, [exclusion.source])];
}

/**
 * Stores the program does not pay for: seed 001/002's stores without commission, seed 004's
 * Tmall and plaza, and seed 001's Tmall "with delivery from Russia" (which may or may not apply).
 */
export function storeWarnings(context: RuleContext, tables: RateTables): Warning[] {
  const table = tableOf(context, tables);
  const storeKind = storeKindOf(productOf(context));
  if (!table || !storeKind) return [];
  const exclusion = table.notCommissionable.find((e) => e.kind === 'store' && e.storeKind === storeKind);
  if (exclusion?.kind !== 'store') return [];
  if (exclusion.condition === 'shipsFromRussia') return [warning('tmallFromRussia', 'costly', {}, [exclusion.source])];
  if (storeKind === 'noCommission') return [warning('noCommissionStore', 'blocking', {}, [exclusion.source])];
  return [warning('storeExcluded', 'blocking', { store: storeKind }, [exclusion.source])];
}

/**
 * Sellers outside the program: seed 004 pays for sellers from the PRC only. (Seeds 001 and 002
 * also count a Russian seller's product only through a link to it or to its store; a category,
 * search or home link has no one seller for anyone to name, so that rule has no input and is not
 * checked.)
 */
export function russianSellerWarnings(context: RuleContext, tables: RateTables): Warning[] {
  if (normalizeCountry(productOf(context).sellerCountry) !== 'RU') return [];
  const table = tableOf(context, tables);
  const exclusion = table?.notCommissionable.find((e) => e.kind === 'sellerOrigin');
  if (exclusion?.kind === 'sellerOrigin' && exclusion.excluded.includes('russian')) {
    return [warning('russianSellerExcluded', 'blocking', {}, [exclusion.source])];
  }
  return [];
}

/** Seeds 001 and 002: a hot product earns the standard rate, not the hot one, without a direct link. */
export function hotSaleLinkWarnings(context: RuleContext, tables: RateTables): Warning[] {
  if (productOf(context).hot !== true || isDirectProductLink(context)) return [];
  // Only programs whose terms state a hot-sale rate (not Portals or EU/Benelux).
  if (!tableOf(context, tables)?.rates.some((r) => r.productClass === 'hotSale')) return [];
  const terms = termsOf(context);
  return [warning('hotNeedsProductLink', 'costly', {}, [terms === 'ww' ? RULE_SOURCES.hotDirectLinkWw : RULE_SOURCES.hotDirectLinkRuCis])];
}

/**
 * Seed 001 (AliExpress WW): a product link outranks store, category and home links in
 * attribution. Worth knowing rather than a loss: the seed says nothing is paid less.
 */
export function pagePriorityWarnings(context: RuleContext): Warning[] {
  const kind = context.parsed?.kind;
  if (context.program !== 'ww' || (kind !== 'page' && kind !== 'store')) return [];
  return [warning('nonProductPage', 'info', {}, [RULE_SOURCES.pagePriority])];
}

/**
 * Seed 001 (WW): a deeplink made from an `s.click` link "may not" earn. Seed 002 (Admitad's
 * programs): links from the mobile app may not be tracked. Not for Portals, whose own links are
 * `s.click` links (seed 003).
 */
export function linkFormWarnings(context: RuleContext): Warning[] {
  const parsed = context.parsed;
  const terms = termsOf(context);
  if (!parsed) return [];
  const appShare = (parsed.kind === 'short-link' || parsed.kind === 'product' || parsed.kind === 'store' || parsed.kind === 'page') && parsed.appShare;
  if (appShare && isAdmitadTerms(terms)) return [warning('appShareLink', 'costly', {}, [RULE_SOURCES.appLinks])];
  if (parsed.kind === 'short-link' && context.program === 'ww') return [warning('sClickLink', 'costly', {}, [RULE_SOURCES.sClick])];
  return [];
}

/** Seed 004: only orders paid in US dollars earn. The shown price's currency hints at the payment's. */
export function paymentCurrencyWarnings(context: RuleContext, tables: RateTables): Warning[] {
  const table = tableOf(context, tables);
  const exclusion = table?.notCommissionable.find((e) => e.kind === 'paymentCurrency');
  const currency = productOf(context).price?.currency;
  if (exclusion?.kind !== 'paymentCurrency' || typeof currency !== 'string') return [];
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || (exclusion.allowed as readonly string[]).includes(code)) return [];
  return [warning('nonUsdPayment', 'costly', { currency: code, allowed: exclusion.allowed.join('/') }, [exclusion.source])];
}

/** Seed 004: EU buyers pay a service fee of up to 8% that earns no commission in its program. */
export function serviceFeeWarnings(context: RuleContext, tables: RateTables): Warning[] {
  const country = deliveryOf(context);
  const fee = tableOf(context, tables)?.notCommissionable.find((e) => e.kind === 'serviceFee');
  if (fee?.kind !== 'serviceFee') return [];
  const applies = country === null || fee.countries.includes(country);
  return applies ? [warning('euServiceFee', 'info', { maxPct: fee.upToPct }, [fee.source])] : [];
}

/** Seed 000 (Admitad's 11.11 manual): first-cookie-win during the pre-sale; carts must be paid during the sale. */
export function saleWindowWarnings(context: RuleContext, tables: RateTables): Warning[] {
  const table = tableOf(context, tables);
  if (!table) return [];
  const found: Warning[] = [];
  for (const window of table.saleWindows) {
    const active = activeOccurrence(window, context.now);
    if (!active) continue;
    const params: { start: ParamValue; end: ParamValue } = { start: active.startText, end: active.endText };
    found.push(
      window.attribution === 'firstCookieWin'
        ? warning('saleFirstCookieWin', 'costly', params, [window.source])
        : warning('salePaymentWindow', 'info', params, [window.source]),
    );
  }
  return found;
}
