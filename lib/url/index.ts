export { parseProductUrl, MAX_URL_LENGTH } from './parse';
export { canonicalProductUrl, cleanPageUrl } from './canonical';
export { isAliExpressHost } from './hosts';
export { TRACKING_PARAMS, TRACKING_PARAM_PREFIXES, KEPT_PAGE_PARAMS, WRAPPER_PARAMS, isTrackingParam } from './params';
export { LOCALES } from './types';
export type {
  CanonicalOptions,
  InvalidReason,
  Locale,
  PageKind,
  ParsedUrl,
  ProductRef,
  Provenance,
  Site,
} from './types';
