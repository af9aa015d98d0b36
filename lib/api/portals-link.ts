/**
 * AliExpress Portals links: the official promotion link from the Open Platform
 * (`aliexpress.affiliate.link.generate` with the publisher's `tracking_id`), then the preset's
 * custom tracking strings `af`, `cn`, `cv`, `dp` appended (seed 003, "How to add custom tracking
 * strings to your affiliate links": "add a question mark '?' to the end of any affiliate link,
 * followed by the extra parameters", e.g. `https://s.click.aliexpress.com/e/abcD12345?af=001&cn=002&cv=003&dp=abc`).
 *
 * This is the asynchronous seam beside lib/networks: a `Network.wrap` is synchronous and cannot
 * fail after validation, but a Portals link needs an API call that can. The background calls
 * `buildPortalsLink`; the popup keeps showing its local result until the answer arrives.
 */
import { resolveTarget } from '../networks';
import type { ParsedUrl, ProductRef } from '../url/types';
import { PORTALS_TRACKING_KEYS, validatePortalsTracking, type PortalsTracking } from '../networks/portals-tracking';
import type { DeeplinkErrorCode, FieldIssue } from '../networks/types';
import { aliExpressAudience, type AliExpressClient, type AliExpressProduct, type PromotionLinkType } from './aliexpress';
import type { ApiError } from './result';

export { PORTALS_TRACKING_KEYS, validatePortalsTracking, type PortalsTracking, type PortalsTrackingKey } from '../networks/portals-tracking';

/**
 * Appends the set tracking strings, in seed 003's order, after `?` (or `&` when the link already
 * has a query), before any `#fragment`. Strings already on the link under these names are
 * replaced, so the preset's values are the ones AliExpress records. Values are percent-encoded.
 */
export function appendPortalsTracking(link: string, tracking: PortalsTracking): string {
  const pairs = PORTALS_TRACKING_KEYS.flatMap((key) => {
    const value = tracking[key];
    return value === undefined || value === '' ? [] : [`${key}=${encodeURIComponent(value)}`];
  });
  if (pairs.length === 0) return link;

  const hashAt = link.indexOf('#');
  const fragment = hashAt < 0 ? '' : link.slice(hashAt);
  const beforeFragment = hashAt < 0 ? link : link.slice(0, hashAt);
  const queryAt = beforeFragment.indexOf('?');
  const base = queryAt < 0 ? beforeFragment : beforeFragment.slice(0, queryAt);
  const ours = new Set<string>(pairs.map((pair) => pair.slice(0, pair.indexOf('='))));
  const kept = queryAt < 0 ? [] : beforeFragment.slice(queryAt + 1).split('&').filter((part) => part !== '' && !ours.has(part.split('=', 1)[0] ?? ''));
  return `${base}?${[...kept, ...pairs].join('&')}${fragment}`;
}

export interface PortalsLinkRequest {
  /** A tab URL or a parsed product. */
  readonly target: string | ProductRef | ParsedUrl;
  readonly keepSku: boolean;
  /** The preset's choice of the locale-neutral product URL (absent = on, lib/networks/target.ts). */
  readonly neutralLinks?: boolean;
  /** The publisher's Portals tracking id (never another party's: docs/architecture.md, 'Hard rules' 2). */
  readonly trackingId: string;
  readonly tracking?: PortalsTracking;
  /** The preset's audience country, for the product's rates and price. */
  readonly audienceCountry: string | null;
}

export type PortalsLinkResult =
  | {
      readonly ok: true;
      /** The promotion link with the tracking strings. */
      readonly url: string;
      readonly targetUrl: string;
      readonly network: 'portals';
      /** `hot` when the product is a hot-sale item: the hot link earns the hot rate. */
      readonly linkType: PromotionLinkType;
      /** The API's product facts, or null (not a product page, or not an affiliate product). */
      readonly product: AliExpressProduct | null;
      /** Why the product facts are missing although the link was built, if they failed. */
      readonly productError?: ApiError;
    }
  | { readonly ok: false; readonly code: DeeplinkErrorCode; readonly issues?: readonly FieldIssue[] }
  | { readonly ok: false; readonly code: 'api'; readonly error: ApiError };

/**
 * The Portals link for a product or AliExpress page. For a product, its details come first
 * (one cached request), so a hot product gets the hot link (`promotion_link_type` 2); when the
 * details fail, the normal link is still built and the failure travels in `productError`.
 */
export async function buildPortalsLink(client: Pick<AliExpressClient, 'generateLink' | 'getProductDetail'>, request: PortalsLinkRequest): Promise<PortalsLinkResult> {
  const issues = validatePortalsTracking(request.tracking ?? {});
  if (issues.length > 0) return { ok: false, code: 'invalid-subids', issues };

  // The same cleaning as every other network (docs/architecture.md, 'Hard rules' 3).
  const resolved = resolveTarget(request.target, request);
  if (!resolved.ok) return resolved;
  const targetUrl = resolved.target.url;
  const productId = resolved.target.product?.id;

  let product: AliExpressProduct | null = null;
  let productError: ApiError | undefined;
  if (productId !== undefined) {
    const detail = await client.getProductDetail({ productId, trackingId: request.trackingId, audience: aliExpressAudience(request.audienceCountry) });
    if (detail.ok) product = detail.value;
    else productError = detail.error;
    // Credentials or registration trouble will fail the link too: answer it once, now.
    if (!detail.ok && (detail.error.kind === 'auth' || detail.error.kind === 'not-registered')) return { ok: false, code: 'api', error: detail.error };
  }

  const linkType: PromotionLinkType = product?.isHot ? 'hot' : 'normal';
  const link = await client.generateLink({ sourceUrl: targetUrl, trackingId: request.trackingId, linkType });
  if (!link.ok) return { ok: false, code: 'api', error: link.error };

  const url = appendPortalsTracking(link.value.link, request.tracking ?? {});
  return productError === undefined
    ? { ok: true, url, targetUrl, network: 'portals', linkType, product }
    : { ok: true, url, targetUrl, network: 'portals', linkType, product, productError };
}
