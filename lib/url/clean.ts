import { desktopHostOf, DESKTOP_HOST, type AliExpressHost } from './hosts';
import { isKeptPageParam, paramValue, type QueryParam } from './params';
import { LOCALES, type CanonicalOptions, type ProductRef } from './types';

const LOCALE_SET: ReadonlySet<string> = new Set(LOCALES);
const DIGITS = /^\d+$/;
const ENCODED_SPACE = /%20/g;

function encodeFormComponent(value: string): string | null {
  try {
    return encodeURIComponent(value).replace(ENCODED_SPACE, '+');
  } catch {
    // Lone surrogates cannot be encoded; such a parameter is dropped rather than corrupting the URL.
    return null;
  }
}

const PROSE_TRAILERS = new Set(['.', ',', ';', ':', '!', "'", '*', ')', ']', '}']);

/**
 * URLs we hand out end up in prose, where a final `.` or `)` reads as punctuation and gets dropped (by
 * people and by our own parser). Percent-encoding that last character means the same URL to the server.
 */
export function protectTrailingPunctuation(url: string): string {
  const last = url[url.length - 1];
  if (last === undefined || !PROSE_TRAILERS.has(last)) return url;
  return url.slice(0, -1) + '%' + last.charCodeAt(0).toString(16).toUpperCase();
}

/** https, desktop twin of the host, same path, only the parameters that change what the page shows. */
export function buildCleanPageUrl(host: AliExpressHost, path: string, params: readonly QueryParam[]): string {
  let query = '';
  for (const param of params) {
    if (param.raw === '' || !isKeptPageParam(param.key)) continue;
    const k = encodeFormComponent(param.key);
    const v = encodeFormComponent(paramValue(param));
    if (k === null || v === null) continue;
    query += (query === '' ? '?' : '&') + k + '=' + v;
  }
  return protectTrailingPunctuation(`https://${desktopHostOf(host)}${path === '' ? '/' : path}${query}`);
}

/** The desktop host of the storefront a product URL was on (`es.aliexpress.com`, `aliexpress.ru`, ...). */
export function storefrontHostOf(ref: ProductRef): string {
  return ref.site === 'com' && ref.locale !== undefined && LOCALE_SET.has(ref.locale) ? `${ref.locale}.aliexpress.com` : DESKTOP_HOST[ref.site];
}

export function buildCanonicalProductUrl(ref: ProductRef, options: CanonicalOptions = {}): string {
  if (!DIGITS.test(ref.id)) throw new RangeError(`ProductRef id must be a run of digits, got ${JSON.stringify(ref.id)}`);
  const host = storefrontHostOf(ref);
  const sku = options.keepSku && ref.skuId !== undefined && DIGITS.test(ref.skuId) ? `?sku_id=${ref.skuId}` : '';
  return `https://${host}/item/${ref.id}.html${sku}`;
}
