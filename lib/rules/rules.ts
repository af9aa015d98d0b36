/**
 * One pure function per rule (docs/architecture.md, 'Domain facts'). Each returns the warnings it finds
 * (usually none or one) with its seed; numbers, regions and exclusions are read from the rate
 * tables, so a remote table that changes a country list changes the rules with it.
 */
import { normalizeCountry } from '../rates/countries';
import type { ProductFacts } from '../rates/estimate';
import type { ParamValue } from '../rates/facts';
import { isoDay, regionFor, selectRate } from '../rates/lookup';
import { CATEGORY_KEYS, STORE_KINDS, type CategoryKey, type RateTable, type RateTables, type SourceRef, type StoreKind } from '../rates/types';
import { activeOccurrence } from './sale-windows';
import { RULE_SOURCES } from './citations';
import type { Rank, RuleCode, RuleContext, RuleParams, Warning } from './types';

function warning<K extends RuleCode>(code: K, rank: Rank, params: RuleParams<K>, sources: readonly [SourceRef, ...SourceRef[]]): Warning {
  return { code, rank, seed: sources[0].seed, params, sources } as Warning;
}

const tableOf = (context: RuleContext, tables: RateTables): RateTable | undefined =>
  context.program === 'other' ? undefined : tables[context.program];

const audienceOf = (context: RuleContext) => normalizeCountry(context.audienceCountry);
const shipToOf = (context: RuleContext) => normalizeCountry(context.shipToCountry);
/** Buyers order to where they click from; the ship-to setting stands in when the preset has no audience. */
const deliveryOf = (context: RuleContext) => audienceOf(context) ?? shipToOf(context);

function productOf(context: RuleContext): ProductFacts {
  return typeof context.product === 'object' && context.product !== null ? context.product : {};
}
const categoryOf = (product: ProductFacts): CategoryKey | undefined =>
  (CATEGORY_KEYS as readonly string[]).includes(product.categoryKey as string) ? (product.categoryKey as CategoryKey) : undefined;
const storeKindOf = (product: ProductFacts): StoreKind | undefined =>
  (STORE_KINDS as readonly string[]).includes(product.storeKind as string) ? (product.storeKind as StoreKind) : undefined;

/** The link kind the deeplink will have: only product URLs lead "directly to the product". */
const isDirectProductLink = (context: RuleContext) => context.parsed?.kind === 'product';

/** Seeds 001 and 002 tie their rates to the click country; the other seeds do not mention it. */
const COUNTRY_BOUND_PROGRAMS = new Set(['ww', 'ru-cis-new']);

/** Seeds 001 (since 2021-10-15) and 002: delivery country must match the click's IP country. */
export function countryMatchWarnings(context: RuleContext): Warning[] {
  const audience = audienceOf(context);
  const shipTo = shipToOf(context);
  if (!audience || !shipTo || audience === shipTo) return [];
  return [warning('countryMismatch', 'blocking', { audienceCountry: audience, shipTo }, [RULE_SOURCES.clickCountrySince2021, RULE_SOURCES.vpnZero])];
}

export function audienceUnknownWarnings(context: RuleContext): Warning[] {
  if (audienceOf(context) || !COUNTRY_BOUND_PROGRAMS.has(context.program)) return [];
  return [warning('audienceUnknown', 'info', {}, [RULE_SOURCES.clickCountrySince2021])];
}

/**
 * Program vs region (seed 002): RU&CIS NEW pays non-CIS orders at 50% of WW and says to use WW
 * for them; its target GEO is the CIS, so CIS orders belong there rather than in WW. Checked for
 * the audience and the ship-to country alike: either may be where orders go.
 */
export function programRegionWarnings(context: RuleContext, tables: RateTables): Warning[] {
  const table = tableOf(context, tables);
  if (!table) return [];
  const countries = [...new Set([audienceOf(context), shipToOf(context)].filter((c): c is string => c !== null))];
  const found: Warning[] = [];
  for (const country of countries) {
    const region = regionFor(table, country);
    for (const advice of table.advice.filter((a) => a.region === region?.id)) {
      found.push(
        advice.factorPct === undefined
          ? warning('regionBelongsToOtherProgram', 'costly', { country, otherProgram: advice.preferProgram }, [advice.source])
          : warning('paysShareOfOtherProgram', 'costly', { country, factorPct: advice.factorPct, otherProgram: advice.preferProgram }, [advice.source]),
      );
    }
  }
  return found;
}

/**
 * Non-affiliate goods where the table pays them nothing: CIS since 2022-03-01 (seed 002, for
 * "all sellers"), and RU&CIS NEW's non-CIS orders. Unknown affiliation there is worth a check.
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

/** Seeds 001, 002, 004: virtual goods, travel, coupons and books earn nothing. */
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
 * Russian sellers: seed 004 pays for sellers from the PRC only; seeds 001 and 002 count them
 * only through a link to the product or to the Russian store itself.
 */
export function russianSellerWarnings(context: RuleContext, tables: RateTables): Warning[] {
  if (normalizeCountry(productOf(context).sellerCountry) !== 'RU') return [];
  const table = tableOf(context, tables);
  const exclusion = table?.notCommissionable.find((e) => e.kind === 'sellerOrigin');
  if (exclusion?.kind === 'sellerOrigin' && exclusion.excluded.includes('russian')) {
    return [warning('russianSellerExcluded', 'blocking', {}, [exclusion.source])];
  }
  const kind = context.parsed?.kind;
  if (COUNTRY_BOUND_PROGRAMS.has(context.program) && kind !== 'product' && kind !== 'store') {
    return [warning('russianSellerNeedsDirectLink', 'costly', {}, [RULE_SOURCES.russianStoresWw, RULE_SOURCES.russianStoresRuCis])];
  }
  return [];
}

/** Seeds 001 and 002: the hot-sale rate needs a link straight to the product. */
export function hotSaleLinkWarnings(context: RuleContext): Warning[] {
  if (productOf(context).hot !== true || isDirectProductLink(context)) return [];
  return [warning('hotNeedsProductLink', 'costly', {}, [RULE_SOURCES.hotDirectLinkWw, RULE_SOURCES.hotDirectLinkRuCis])];
}

/** Seed 001: a product link outranks store, category and home links in attribution. */
export function pagePriorityWarnings(context: RuleContext): Warning[] {
  const kind = context.parsed?.kind;
  if (kind !== 'page' && kind !== 'store') return [];
  return [warning('nonProductPage', 'costly', {}, [RULE_SOURCES.pagePriority])];
}

/** Seed 001 (`s.click` links) and seed 002 (links from the mobile app) may lose commission. */
export function linkFormWarnings(context: RuleContext): Warning[] {
  const parsed = context.parsed;
  if (!parsed) return [];
  if (parsed.kind === 'short-link') {
    return parsed.appShare
      ? [warning('appShareLink', 'costly', {}, [RULE_SOURCES.appLinks])]
      : [warning('sClickLink', 'costly', {}, [RULE_SOURCES.sClick])];
  }
  if ((parsed.kind === 'product' || parsed.kind === 'store' || parsed.kind === 'page') && parsed.appShare) {
    return [warning('appShareLink', 'costly', {}, [RULE_SOURCES.appLinks])];
  }
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

/**
 * Seed 004: EU buyers pay a service fee of up to 8% that earns no commission. The fee is
 * AliExpress's, not the program's, so it is shown for any program when orders go to the EU.
 */
export function serviceFeeWarnings(context: RuleContext, tables: RateTables): Warning[] {
  const country = deliveryOf(context);
  for (const table of [tableOf(context, tables), ...Object.values(tables)]) {
    const fee = table?.notCommissionable.find((e) => e.kind === 'serviceFee');
    if (fee?.kind !== 'serviceFee') continue;
    const applies = country ? fee.countries.includes(country) : context.program === table!.program;
    return applies ? [warning('euServiceFee', 'info', { maxPct: fee.upToPct }, [fee.source])] : [];
  }
  return [];
}

/** Seed 000: first-cookie-win during the 11.11 pre-sale; carts must be paid during the sale. */
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
