import { buildCanonicalProductUrl, storefrontHostOf } from './clean';
import { LOCALES, type CanonicalOptions, type ProductRef } from './types';
import { globalProductId, isUsProductId } from './us-id';

/**
 * The host every buyer can use: www.aliexpress.com serves each visitor the language and country
 * storefront of their own (its `gatewayAdapt=glo2esp`, `glo2deu`, `glo2usa` redirects, seen in the
 * URLs of tests/unit/url/real-world.test.ts), while a locale subdomain, aliexpress.ru or
 * aliexpress.us hands the publisher's own storefront to every buyer.
 */
export const NEUTRAL_HOST = 'www.aliexpress.com';

/** What the link builder changed about the URL it was given, for the user to see. */
export type LinkChange =
  /** The storefront host became the neutral one (`es.aliexpress.com` -> `www.aliexpress.com`). */
  | { readonly kind: 'host'; readonly from: string; readonly to: string }
  /** An aliexpress.us id became the global id of the same product (lib/url/us-id.ts). */
  | { readonly kind: 'us-id'; readonly from: string; readonly to: string }
  /** Another publisher's affiliate wrapper or tracking parameters were removed. */
  | { readonly kind: 'foreign-affiliate' };

export interface ProductLink {
  readonly url: string;
  /** The product the URL names: the global id when the link is neutral. */
  readonly product: ProductRef;
  readonly changes: readonly LinkChange[];
}

export interface ProductLinkOptions extends CanonicalOptions {
  /** Keep the product's own storefront (host and id) instead of the locale-neutral link. */
  readonly keepStorefront?: boolean;
}

/** `https://www.aliexpress.com/item/<global id>.html`, plus `?sku_id=` when `keepSku` asks. */
export function neutralProductUrl(ref: ProductRef, options: CanonicalOptions = {}): string {
  return buildCanonicalProductUrl(neutralRef(ref), options);
}

const NO_CHANGES: readonly LinkChange[] = Object.freeze([]);

function neutralRef(ref: ProductRef): ProductRef {
  // Most links already are neutral: keep the object rather than copy it.
  if (ref.site === 'com' && ref.locale === undefined && !isUsProductId(ref.id)) return ref;
  const neutral: { -readonly [K in keyof ProductRef]: ProductRef[K] } = { id: globalProductId(ref.id), site: 'com' };
  if (ref.skuId !== undefined) neutral.skuId = ref.skuId;
  return neutral;
}

/** The product URL a deeplink wraps, and what building it changed. */
export function productLink(ref: ProductRef, options: ProductLinkOptions = {}): ProductLink {
  if (options.keepStorefront) return { url: buildCanonicalProductUrl(ref, options), product: ref, changes: NO_CHANGES };
  const product = neutralRef(ref);
  if (product === ref) return { url: buildCanonicalProductUrl(ref, options), product, changes: NO_CHANGES };
  const changes: LinkChange[] = [];
  const from = storefrontHostOf(ref);
  if (from !== NEUTRAL_HOST) changes.push({ kind: 'host', from, to: NEUTRAL_HOST });
  if (product.id !== ref.id) changes.push({ kind: 'us-id', from: ref.id, to: product.id });
  return { url: buildCanonicalProductUrl(product, options), product, changes };
}

const LOCALE_HOSTS: ReadonlySet<string> = new Set(LOCALES.map((locale) => `${locale}.aliexpress.com`));

/**
 * A cleaned store or page URL on a locale subdomain moved to the neutral host; other hosts are kept
 * (a store's own subdomain, aliexpress.ru and aliexpress.us list stores and pages of their own).
 */
export function neutralPageUrl(url: string): { readonly url: string; readonly changes: readonly LinkChange[] } {
  const hostEnd = url.indexOf('/', 8);
  const host = url.slice(8, hostEnd === -1 ? url.length : hostEnd);
  if (!url.startsWith('https://') || !LOCALE_HOSTS.has(host)) return { url, changes: NO_CHANGES };
  return { url: `https://${NEUTRAL_HOST}${hostEnd === -1 ? '/' : url.slice(hostEnd)}`, changes: [{ kind: 'host', from: host, to: NEUTRAL_HOST }] };
}
