/**
 * The public library API: stable names that tests and outside checks import. Everything here
 * is pure and runs without a browser.
 */
export { parseProductUrl, canonicalProductUrl } from './url';
export type { ParsedUrl, ProductRef, Site, Locale, PageKind, InvalidReason, CanonicalOptions } from './url/types';
export { buildDeeplink, validateAccount, accountSchema, networkIds } from './networks';
export type { Account, DeeplinkResult, DeeplinkErrorCode, FieldIssue, NetworkId, SubIds, ValidationCode } from './networks/types';
export { presetSchema, validatePreset } from './presets';
export type { Preset, ProgramId } from './presets/types';
export { estimateCommission, DEFAULT_RATE_TABLES } from './rates';
export type { Estimate, EstimateInput, ProductFacts, LinkKind, Money, CommissionAmount, Fact, FactId, RateRange, RateTables } from './rates';
export { signAliExpressRequest, type AliExpressSignMethod } from './api/sign';
export { buildPortalsLink, appendPortalsTracking, type PortalsLinkRequest, type PortalsLinkResult } from './api/portals-link';
export { assessLink, pickedCategory, withCategoryPick } from './insights';
export type { AssessLinkInput, LinkAssessment, LinkProductFacts, CategoryPicks } from './insights';
export type { Warning, Rank, RuleCode } from './rules/types';
