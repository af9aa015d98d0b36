/** Which AliExpress storefront a URL belongs to. Locale subdomains belong to `com`. */
export type Site = 'com' | 'ru' | 'us';

/** Locale subdomains of aliexpress.com (docs/architecture.md, 'Domain facts'). */
export const LOCALES = [
  'es', 'pt', 'fr', 'de', 'it', 'nl', 'pl', 'tr', 'ru', 'he', 'ar', 'ja', 'ko', 'th', 'vi', 'id',
] as const;
export type Locale = (typeof LOCALES)[number];

/** What identifies a product: everything else in a URL is noise or somebody else's tracking. */
export interface ProductRef {
  /** The run of digits in the id position, as a string (ids exceed 2^53). */
  readonly id: string;
  readonly site: Site;
  /** Locale subdomain the URL was on, if any (`es.aliexpress.com` -> `es`). */
  readonly locale?: Locale;
  /** SKU id when the URL selected one (`sku_id=`, `skuId=`, `pdp_ext_f`). */
  readonly skuId?: string;
}

export type PageKind = 'home' | 'category' | 'campaign' | 'search' | 'other';

export type InvalidReason = 'empty' | 'too-long' | 'not-a-url' | 'unsupported-scheme';

/** How the input was found: directly, or unwrapped from another party's redirect parameter. */
export interface Provenance {
  /** Parameter name the AliExpress URL was unwrapped from (`redirectUrl`, `dl_target_url`, `ulp`, `to`). */
  readonly unwrappedFrom?: string;
  /** True for app share / mobile share links (seed 002: may lose tracking). */
  readonly appShare?: boolean;
  /**
   * True when the input was another publisher's affiliate link: a network's wrapper (Admitad `ulp`, ePN
   * `to`, Awin `ued`, TradeTracker `u`, Portals `dl_target_url`) or their tracking parameters. The clean
   * link drops it (docs/architecture.md, 'Hard rules' 3), and the user is told.
   */
  readonly foreignAffiliate?: boolean;
}

export type ParsedUrl =
  | ({ readonly kind: 'product'; readonly product: ProductRef } & Provenance)
  | ({ readonly kind: 'store'; readonly site: Site; readonly storeId: string; readonly url: string } & Provenance)
  | ({ readonly kind: 'page'; readonly site: Site; readonly page: PageKind; readonly url: string } & Provenance)
  | {
      readonly kind: 'short-link';
      readonly host: string;
      readonly url: string;
      /** True for the app's share shorteners (`a.aliexpress.com/_x`), as opposed to affiliate `s.click` links. */
      readonly appShare?: boolean;
    }
  | { readonly kind: 'not-aliexpress'; readonly host: string }
  | { readonly kind: 'invalid'; readonly reason: InvalidReason };

export interface CanonicalOptions {
  /** Keep the selected SKU (`sku_id`) in the URL. Off by default. */
  readonly keepSku?: boolean;
}
