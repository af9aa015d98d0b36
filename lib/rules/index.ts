/**
 * Warnings about what could make a link earn less or nothing, ranked for the popup. Pure: the
 * context is built from local data (parsed URL, preset, ship-to, product facts, the clock).
 * No zod here or in anything imported: the popup loads this.
 */
import { messageArgs, type MessageFormatters } from '../rates/format';
import { resolveTerms } from '../rates/program-table';
import { DEFAULT_RATE_TABLES } from '../rates/tables';
import {
  audienceUnknownWarnings,
  brazilComputerOfficeWarnings,
  hotSaleLinkWarnings,
  linkFormWarnings,
  nonAffiliateWarnings,
  pagePriorityWarnings,
  paymentCurrencyWarnings,
  programShareWarnings,
  russianSellerWarnings,
  saleWindowWarnings,
  serviceFeeWarnings,
  storeWarnings,
  virtualGoodsWarnings,
} from './rules';
import { RANKS, RULE_PARAMS, type Rule, type RuleCode, type RuleContext, type Warning } from './types';

export * from './rules';
export * from './types';
export { activeOccurrence, type SaleWindowOccurrence } from './sale-windows';
export { RULE_SOURCES } from './citations';
export { SHIP_TO_COOKIE, SHIP_TO_PERMISSIONS, resolveShipTo, shipToFromCookie, shipToFromSite, type ShipToSource } from './ship-to';

/** Every rule, in the order their warnings are listed within a rank. */
export const RULES: readonly Rule[] = [
  programShareWarnings,
  nonAffiliateWarnings,
  brazilComputerOfficeWarnings,
  virtualGoodsWarnings,
  storeWarnings,
  russianSellerWarnings,
  hotSaleLinkWarnings,
  pagePriorityWarnings,
  linkFormWarnings,
  paymentCurrencyWarnings,
  saleWindowWarnings,
  serviceFeeWarnings,
  audienceUnknownWarnings,
];

/**
 * Runs every rule and returns the warnings blocking first, then costly, then info. Never throws:
 * a rule that fails on odd input is skipped rather than taking the popup down with it.
 */
export function evaluateRules(context: RuleContext): Warning[] {
  const tables = context.tables ?? DEFAULT_RATE_TABLES;
  // A caller that has resolved the terms already (assessParsed, for its estimate) passes them.
  const resolved = context.resolved === undefined ? { ...context, resolved: resolveTerms(tables, context.program, context.network) } : context;
  const found: Warning[] = [];
  for (const rule of RULES) {
    try {
      for (const warning of rule(resolved, tables)) found.push(warning);
    } catch {
      // Skipped: see above.
    }
  }
  return rankWarnings(found);
}

/**
 * Blocking first, then costly, then info (Array.prototype.sort is stable, so rule order holds
 * within a rank). "Check the store's affiliation" is moot once something else already earns
 * nothing (virtual goods, an excluded store or seller), so it is dropped then.
 */
export function rankWarnings(found: readonly Warning[]): Warning[] {
  if (found.length < 2) return [...found];
  const blocked = found.some((w) => w.rank === 'blocking');
  return found.filter((w) => !(blocked && w.code === 'affiliateUnknown')).sort((a, b) => RANKS.indexOf(a.rank) - RANKS.indexOf(b.rank));
}

export function warningMessage(item: Warning, formatters?: MessageFormatters): { key: `rule_${RuleCode}`; substitutions: string[] } {
  return { key: `rule_${item.code}`, substitutions: messageArgs(item.params, RULE_PARAMS[item.code], formatters) };
}
