/**
 * Clients for the AliExpress Open Platform and Admitad APIs. Background only: the popup never
 * imports this module (zod and the clients would break its size budget, and secrets stay in the
 * background, DESIGN.md hard rule 4).
 */
export { signAliExpressRequest, aliExpressSigningString, ALIEXPRESS_SIGN_METHODS, type AliExpressSignMethod } from './sign';
export { md5 } from './md5';
export {
  createAliExpressClient,
  createAliExpressRateLimiter,
  aliExpressAudience,
  isAliExpressUrl,
  ALIEXPRESS_SYNC_URL,
  ALIEXPRESS_METHODS,
  type AliExpressClient,
  type AliExpressClientOptions,
  type AliExpressCredentials,
  type AliExpressAudience,
  type AliExpressProduct,
  type HotProductPage,
  type HotProductQuery,
  type LinkRequest,
  type Money,
  type ProductCategory,
  type ProductDetailRequest,
  type PromotionLink,
  type PromotionLinkType,
} from './aliexpress';
export {
  createAdmitadClient,
  createAdmitadRateLimiter,
  base64Utf8,
  ADMITAD_API_URL,
  ADMITAD_SCOPES,
  type AdmitadClient,
  type AdmitadClientOptions,
  type AdmitadCredentials,
  type AdmitadCommissionRate,
  type AdmitadDeeplink,
  type AdmitadLinkCheck,
  type DeeplinkRequest,
} from './admitad';
export {
  buildPortalsLink,
  appendPortalsTracking,
  validatePortalsTracking,
  PORTALS_TRACKING_KEYS,
  type PortalsLinkRequest,
  type PortalsLinkResult,
  type PortalsTracking,
  type PortalsTrackingKey,
} from './portals-link';
export { createTokenBucket, type RateLimiter, type TokenBucketOptions } from './rate-limit';
export { createMemoryCacheStore, createTtlCache, DEFAULT_CACHE_TTL_MS, type CacheStore, type TtlCache } from './cache';
export { redactSecrets, REDACTED, type ApiError, type ApiErrorKind, type ApiResult } from './result';
export type { ClientDeps, FetchLike } from './http';
