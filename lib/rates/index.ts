/**
 * Rates without zod: types, embedded tables, the estimator and message helpers. Safe for the
 * popup (load it lazily). The zod schema and the remote cache are imported by path, from the
 * background and options only: `lib/rates/schema`, `lib/background/rate-cache`.
 */
export * from './types';
export { SEED, SEED_FILE_NAME, seedDocumentKey } from './seeds';
export { CIS_SEED_001, CIS_TARGET_GEO_SEED_002, RUSSIAN_SPEAKERS_SEED_004, EU_MEMBER_STATES, normalizeCountry } from './countries';
export { DEFAULT_RATE_TABLES, EMBEDDED_RATES_VERSION, WW_TABLE, RU_CIS_NEW_TABLE, PORTALS_TABLE, EU_BENELUX_TABLE } from './tables';
export { estimateCommission, type Estimate, type EstimateInput, type ProductFacts, type LinkKind, type Money, type CommissionAmount } from './estimate';
export { linkKindOf } from './link-kind';
export { FACT_PARAMS, type Fact, type FactId, type FactParams, type ParamValue } from './facts';
export {
  factMessage,
  messageArgs,
  catalogFormatters,
  plainFormatters,
  categoryLabelKey,
  regionLabelKey,
  productClassLabelKey,
  storeLabelKey,
  programLabelKey,
  type MessageFormatters,
} from './format';
export {
  RATE_CACHE_ERROR_CODES,
  EMPTY_RATE_CACHE,
  tablesFromStoredCache,
  rateCacheErrorMessage,
  mergeRateTables,
  type StoredRateCache,
  type RateCacheError,
  type RateCacheErrorCode,
} from './stored';
export { isoDay, regionFor, selectRate } from './lookup';
