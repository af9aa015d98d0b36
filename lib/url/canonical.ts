import { buildCanonicalProductUrl } from './clean';
import { parseProductUrl } from './parse';
import type { CanonicalOptions, ProductRef } from './types';

/**
 * The clean product URL a deeplink should wrap: https, the product's own storefront, `/item/ID.html`,
 * and nothing else unless `keepSku` asks for `?sku_id=`.
 * @throws RangeError when `ref.id` is not a run of digits (a ProductRef that did not come from the parser).
 */
export function canonicalProductUrl(ref: ProductRef, options?: CanonicalOptions): string;
/** Parses `input` first; null when it is not a product URL (store, page, short link, anything else). */
export function canonicalProductUrl(input: string, options?: CanonicalOptions): string | null;
export function canonicalProductUrl(refOrInput: ProductRef | string, options?: CanonicalOptions): string | null {
  if (typeof refOrInput !== 'string') return buildCanonicalProductUrl(refOrInput, options);
  const parsed = parseProductUrl(refOrInput);
  return parsed.kind === 'product' ? buildCanonicalProductUrl(parsed.product, options) : null;
}
