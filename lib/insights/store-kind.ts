/**
 * The one store fact a link carries itself. Seed 004 (`004_8627bb1cc9c85cbb.txt`) names two
 * storefronts by their host: "Products from tmall.aliexpress.com and plaza.aliexpress.com are not
 * subject to commission", so a URL on one of those hosts is that store's product. Seed 001's
 * Tmall "with delivery from Russia" reads the same fact.
 *
 * No link or API answer carries any other store kind or the seller's country: seed 002's special
 * electronics stores, CHUWI Global and the stores without commission (seeds 001, 002) are lists
 * the seeds point to without containing, and neither API answer names a store kind or a seller
 * country (`aliexpress.affiliate.productdetail.get` gives `shop_id` and `shop_url`; Admitad's
 * deeplink and commission-rate answers give affiliation, rates and the product name). The
 * publisher types them in the popup (./product-facts.ts); callers of the library that know them
 * pass them in `assessLink`'s `product`.
 */
import type { StoreKind } from '../rates/types';

/** `https://tmall.aliexpress.com/…`, `//plaza.aliexpress.com/…`: the host alone, any case. */
const STOREFRONT_HOST = /^\s*(?:https?:)?\/\/(tmall|plaza)\.aliexpress\.com(?=[/?#:]|$)/i;

/** `tmall` or `plaza` for a URL on that storefront's own host; null for anything else. */
export function storeKindFromUrl(url: unknown): Extract<StoreKind, 'tmall' | 'plaza'> | null {
  if (typeof url !== 'string') return null;
  const host = STOREFRONT_HOST.exec(url.slice(0, 64))?.[1]?.toLowerCase();
  return host === 'tmall' || host === 'plaza' ? host : null;
}
