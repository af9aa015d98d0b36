/**
 * Which warnings the popup shows at once: at most three, ranked (blocking, costly, info), with
 * near-duplicates merged into the first of their kind, the rest behind "more". Pure, so the
 * batch converter or any other surface can show the same selection.
 */
import type { RuleCode, Warning } from '../rules/types';

/**
 * Warnings that give the same advice: a later one of a group is folded into the first shown,
 * whose expanded sources then list both.
 */
const SAME_ADVICE: readonly (readonly RuleCode[])[] = [
  // Link straight to the product.
  ['hotNeedsProductLink', 'nonProductPage'],
  // Use the product's own URL, not a short or app link.
  ['sClickLink', 'appShareLink'],
  // Non-affiliate goods earn nothing.
  ['nonAffiliateUnpaid', 'brazilComputerOffice', 'affiliateUnknown'],
  // The product or store earns nothing in this program.
  ['virtualNoCommission', 'noCommissionStore', 'storeExcluded', 'russianSellerExcluded'],
];

const groupOf = (code: RuleCode): number => SAME_ADVICE.findIndex((group) => group.includes(code));

export interface PresentedWarning {
  readonly warning: Warning;
  /** Warnings merged into this one: the same advice from another rule or seed. */
  readonly merged: readonly Warning[];
}

export interface PresentedWarnings {
  readonly shown: readonly PresentedWarning[];
  readonly more: readonly PresentedWarning[];
}

/** `warnings` as evaluateRules ranks them; `limit` visible at once. */
export function presentWarnings(warnings: readonly Warning[], limit = 3): PresentedWarnings {
  const items: { warning: Warning; merged: Warning[] }[] = [];
  const byGroup = new Map<number, { warning: Warning; merged: Warning[] }>();
  for (const warning of warnings) {
    const group = groupOf(warning.code);
    const first = group >= 0 ? byGroup.get(group) : undefined;
    if (first) {
      first.merged.push(warning);
      continue;
    }
    const item = { warning, merged: [] };
    items.push(item);
    if (group >= 0) byGroup.set(group, item);
  }
  return { shown: items.slice(0, limit), more: items.slice(limit) };
}
