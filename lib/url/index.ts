export { parseProductUrl, stripProsePunctuation, MAX_URL_LENGTH } from './parse';
export { canonicalProductUrl } from './canonical';
export { neutralProductUrl, neutralPageUrl, productLink, NEUTRAL_HOST, type LinkChange, type ProductLink, type ProductLinkOptions } from './neutral';
export { globalProductId, isUsProductId } from './us-id';
export { isAliExpressHost } from './hosts';
export { KEPT_PAGE_PARAMS, WRAPPER_PARAMS } from './params';
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
