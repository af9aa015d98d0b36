export { parseProductUrl, stripProsePunctuation, MAX_URL_LENGTH } from './parse';
export { canonicalProductUrl } from './canonical';
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
