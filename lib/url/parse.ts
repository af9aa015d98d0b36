import { buildCleanPageUrl, protectTrailingPunctuation } from './clean';
import { classifyAliExpressHost, desktopHostOf, FOREIGN_SHORT_LINK_HOSTS, shortLinkHostKind, type AliExpressHost } from './hosts';
import {
  findSkuId,
  hasAppShareParams,
  hasPublisherTracking,
  isAffiliateWrapper,
  paramUrlValue,
  parseQuery,
  relativeTargetBase,
  wrapperParamName,
  type QueryParam,
} from './params';
import type { InvalidReason, PageKind, ParsedUrl, ProductRef, Provenance } from './types';

/** Longer input is not a link anybody pasted; refusing it bounds the work done on hostile text. */
export const MAX_URL_LENGTH = 8192;

/** Enough for Google -> Admitad -> s.click -> product; deeper chains are not links people share. */
const MAX_UNWRAP_DEPTH = 4;

const INVALID: Readonly<Record<InvalidReason, ParsedUrl>> = {
  empty: { kind: 'invalid', reason: 'empty' },
  'too-long': { kind: 'invalid', reason: 'too-long' },
  'not-a-url': { kind: 'invalid', reason: 'not-a-url' },
  'unsupported-scheme': { kind: 'invalid', reason: 'unsupported-scheme' },
};

/**
 * Any string -> what it points at on AliExpress. Never throws: input is arbitrary user text (clipboard,
 * context menu, batch converter) and a parser bug must degrade to "not a URL", not break the popup.
 */
export function parseProductUrl(input: string): ParsedUrl {
  if (typeof input !== 'string') return INVALID['not-a-url'];
  try {
    return parseAt(input, 0);
  } catch {
    return INVALID['not-a-url'];
  }
}

function parseAt(input: string, depth: number): ParsedUrl {
  let parts = splitPlainHttpUrl(input);
  if (parts === null) {
    const prepared = prepareInput(input);
    if ('reason' in prepared) return INVALID[prepared.reason];
    parts = splitPlainHttpUrl(prepared.href) ?? splitWithUrlStandard(prepared.href);
    if (parts === null) return INVALID['not-a-url'];
  }

  const { host, query } = parts;
  // Hand-edited and templated links double slashes (`/item//1005.html`, `//item/1005.html`); servers fold them.
  const path = parts.path.includes('//') ? parts.path.replace(REPEATED_SLASHES, '/') : parts.path;
  const ae = classifyAliExpressHost(host);
  if (ae === null) {
    const shortKind = FOREIGN_SHORT_LINK_HOSTS.get(host);
    if (shortKind !== undefined) return shortLink(host, path, shortKind === 'app-share');
    const params = parseQuery(query);
    return unwrap(params, depth, false, { host, path, base: relativeTargetBase(host, params), onAliExpress: false }) ?? { kind: 'not-aliexpress', host };
  }

  const params = parseQuery(query);
  const shortKind = shortLinkHostKind(ae);
  if (shortKind !== null) {
    // deep_link.htm?dl_target_url= names its target, so it is resolvable offline after all.
    const onShortHost = { host, path, base: DESKTOP_HOST_OF_SHORT, onAliExpress: true };
    return unwrap(params, depth, false, onShortHost) ?? shortLink(ae.host, path, shortKind === 'app-share');
  }
  if (path.charCodeAt(1) === 101 && SHORT_PATH.test(path)) return shortLink(ae.host, path, true); // `/e/...`

  const appShare = (params.length > 0 && hasAppShareParams(params)) || isSharePage(ae, path);
  const productId = productIdFromPath(path);
  if (productId !== undefined) return product(ae, productId, params, appShare);

  const unwrapped = params.length === 0 ? null : unwrap(params, depth, appShare, { host, path, base: desktopHostOf(ae), onAliExpress: true });
  if (unwrapped !== null) return unwrapped;

  const foreign = !appShare && hasPublisherTracking(params);
  const storeId = storeIdFromPath(path);
  if (storeId !== undefined) {
    return withFlags({ kind: 'store', site: ae.site, storeId, url: buildCleanPageUrl(ae, path, params) }, appShare, foreign);
  }
  const storeHomeId = storeIdFromQuery(path, params);
  if (storeHomeId !== undefined) {
    // The mobile store home names its store in the query, which a cleaned URL drops: link the store's own page.
    const url = buildCleanPageUrl(ae, `/store/${storeHomeId}`, []);
    return withFlags({ kind: 'store', site: ae.site, storeId: storeHomeId, url }, appShare, foreign);
  }
  return withFlags({ kind: 'page', site: ae.site, page: pageKind(ae, path), url: buildCleanPageUrl(ae, path, params) }, appShare, foreign);
}

// ---------------------------------------------------------------------------------------------------
// Input clean-up

const LEADING_PUNCTUATION = new Set(['(', '[', '{', '<', '"', "'", '«', '“', '‘', '*']);
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', '"', "'", '»', '”', '’', '…', '>', '*']);
const CLOSER_TO_OPENER: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
/**
 * The printable ASCII the URL standard leaves alone, as code ranges: not whitespace, non-ASCII or
 * `"<>\\`{}`, which it would percent-encode or reinterpret.
 */
const PLAIN_URL_RANGES: readonly (readonly [number, number])[] = [[0x21, 0x21], [0x23, 0x3b], [0x3d, 0x3d], [0x3f, 0x5b], [0x5d, 0x5f], [0x61, 0x7a], [0x7c, 0x7c], [0x7e, 0x7e]];
const WHITESPACE = /\s/;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/g;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** A host name (optionally after userinfo) at the start of scheme-less input: `aliexpress.com/item/1.html`. */
const BARE_HOST_START =
  /^(?:[^\s/?#@]*@)?(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]*[a-z0-9\u00a1-\uffff])?\.)+(?:[a-z\u00a1-\uffff]{2,}|xn--[a-z0-9-]+)\.?(?::\d{1,5})?(?:[/?#\\]|$)/i;

interface PreparedInput {
  /** An absolute http(s) URL string. */
  readonly href: string;
}

function prepareInput(input: string): PreparedInput | { readonly reason: InvalidReason } {
  let s = input.trim();
  if (s === '') return { reason: 'empty' };
  if (s.length > MAX_URL_LENGTH) return { reason: 'too-long' };
  s = stripProsePunctuation(s);
  if (s === '') return { reason: 'not-a-url' };
  if (WHITESPACE.test(s)) {
    // Mail clients and chat apps wrap long links; the URL standard drops tabs and newlines likewise.
    s = s.replace(LINE_BREAKS_AND_TABS, '');
    if (WHITESPACE.test(s)) return { reason: 'not-a-url' };
  }

  if (s.startsWith('//')) return { href: 'https:' + s };
  const scheme = SCHEME.exec(s);
  if (scheme !== null) {
    const name = scheme[1]!.toLowerCase();
    if (name === 'http' || name === 'https') return { href: s };
    // `aliexpress.com:443/item/1.html` and `localhost:3000` only look like schemes.
    const next = s.charCodeAt(scheme[0].length);
    const isHostPort = name.includes('.') || (next >= 48 && next <= 57);
    if (!isHostPort) return { reason: 'unsupported-scheme' };
  }
  return BARE_HOST_START.test(s) ? { href: 'https://' + s } : { reason: 'not-a-url' };
}

/**
 * Users copy links out of prose: "(see https://…/item/1.html)." must still be the link. A closing
 * bracket is the URL's own when the URL opened one (`…?SearchText=usb+hub+(4+ports)`), the rule
 * linkifiers use (GitHub Flavored Markdown spec, "Autolinks (extension)"). Linear in the input:
 * bracket counts are taken once and kept up to date as characters are stripped, because a pasted
 * line may end in thousands of `)` (each recount would make this quadratic). Exported so the batch
 * converter and the context menu cut URLs out of text the same way.
 */
export function stripProsePunctuation(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && LEADING_PUNCTUATION.has(s[start]!)) start++;
  let counts: Record<string, number> | undefined;
  while (end > start) {
    const last = s[end - 1]!;
    if (TRAILING_PUNCTUATION.has(last)) {
      end--;
      continue;
    }
    const opener = CLOSER_TO_OPENER[last];
    if (opener === undefined) break;
    counts ??= countBrackets(s, start, end);
    // A closing bracket belongs to the URL only when the URL itself opened one.
    if (counts[last]! <= counts[opener]!) break;
    counts[last]!--;
    end--;
  }
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function countBrackets(s: string, start: number, end: number): Record<string, number> {
  const counts: Record<string, number> = { '(': 0, ')': 0, '[': 0, ']': 0, '{': 0, '}': 0 };
  for (let i = start; i < end; i++) {
    const ch = s[i]!;
    if (ch in counts) counts[ch]!++;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------
// Splitting: a fast path for plain ASCII URLs, WHATWG URL for everything else

/** 1 for the characters in PLAIN_URL_RANGES, by char code (filled from the ranges: no regex runs when the module loads). */
const PLAIN_CHAR = new Uint8Array(128);
for (const [from, to] of PLAIN_URL_RANGES) PLAIN_CHAR.fill(1, from, to + 1);
const LAST_CHAR_NEEDS_CLEANUP: ReadonlySet<number> = new Set([...TRAILING_PUNCTUATION, ...Object.keys(CLOSER_TO_OPENER)].map((ch) => ch.charCodeAt(0)));

/**
 * The common case in one pass: a pasted or tab URL that starts with `http://` or `https://`, has a plain
 * host name (no userinfo, port or IDN), no character the URL standard would change, no dot segment or
 * `%` in its path and nothing prose could have added at its end. Anything else returns null and takes
 * the general path (prepareInput, then splitHttpUrl), which gives the same parts for these inputs.
 */
function splitPlainHttpUrl(s: string): UrlParts | null {
  const length = s.length;
  if (length > MAX_URL_LENGTH || length < 8 || s.charCodeAt(0) !== 104 || s.charCodeAt(1) !== 116 || s.charCodeAt(2) !== 116 || s.charCodeAt(3) !== 112) return null;
  let i = s.charCodeAt(4) === 115 ? 5 : 4; // https / http
  if (s.charCodeAt(i) !== 58 || s.charCodeAt(i + 1) !== 47 || s.charCodeAt(i + 2) !== 47) return null;
  i += 3;
  const last = s.charCodeAt(length - 1);
  if (LAST_CHAR_NEEDS_CLEANUP.has(last)) return null;

  const hostStart = i;
  let upper = false;
  let labelStart = true;
  for (; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) break; // / ? #
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45) labelStart = false;
    else if (c >= 65 && c <= 90) {
      upper = true;
      labelStart = false;
    } else if (c === 46 && !labelStart) labelStart = true;
    else return null;
  }
  if (i === hostStart) return null;
  let hostEnd = i;
  if (s.charCodeAt(hostEnd - 1) === 46) hostEnd--; // a trailing dot names the same host
  if (hostEnd === hostStart) return null;
  const rawHost = s.slice(hostStart, hostEnd);

  const pathStart = i;
  let previous = 47;
  for (; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c === 63 || c === 35) break;
    if (c >= 128 || PLAIN_CHAR[c] === 0 || c === 37 || (c === 46 && previous === 47)) return null; // % and /. go the careful way
    previous = c;
  }
  const path = i === pathStart ? '/' : s.slice(pathStart, i);
  let query = '';
  if (i < length && s.charCodeAt(i) === 63) {
    const queryStart = i + 1;
    for (i = queryStart; i < length; i++) {
      const c = s.charCodeAt(i);
      if (c === 35) break;
      if (c >= 128 || PLAIN_CHAR[c] === 0) return null;
    }
    query = s.slice(queryStart, i);
  }
  for (; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || PLAIN_CHAR[c] === 0) return null;
  }
  return { host: upper ? rawHost.toLowerCase() : rawHost, path, query };
}

interface UrlParts {
  readonly host: string;
  readonly path: string;
  readonly query: string;
}


function splitWithUrlStandard(href: string): UrlParts | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  if (host === '') return null;
  return { host, path: url.pathname, query: url.search.slice(1) };
}

// ---------------------------------------------------------------------------------------------------
// Classification

/**
 * `/item/ID.html`, `/i/ID.html`, `/item/ID`, `/item/slug/ID.html` (`.htm` too, as some tools write it), and the
 * mobile site's `/s/item/ID.html` (`m.aliexpress.com/s/item/32607181070.html?trace=storeDetail2msiteDetail`,
 * quoted in public forum archives on GitHub).
 */
const PRODUCT_PATH = /^\/(?:(?:s\/)?item\/(?:[^/]+\/)?|i\/)(\d+)(?:\.html?)?\/?$/i;
const REPEATED_SLASHES = /\/{2,}/g;
/** Relative targets of AliExpress' own short-link hosts (`s.click` deep links) resolve on the main storefront. */
const DESKTOP_HOST_OF_SHORT = 'www.aliexpress.com';
/** `/store/product/slug/STORE_PRODUCT.html`: the product id is after the underscore. */
const STORE_PRODUCT_PATH = /^\/store\/product\/[^/]+\/(?:\d+_)?(\d+)\.html?$/i;
const STORE_PATH = /^\/store\/(\d+)(?:\/|$)/i;
/** `/store/group/slug/STORE_GROUP.html` (seen on `qntsq.aliexpress.ru` and `beddingoutlet.aliexpress.com`). */
const STORE_GROUP_PATH = /^\/store\/group\/[^/]+\/(\d+)_\d+\.html?$/i;
/**
 * A store's sections, `/store/<section>/ID.html` (and `/store/sale-items/ID/2.html`): `all-wholesale-products`
 * (GitHub code search "aliexpress.com/store/all-wholesale-products/"), `sale-items`
 * ("aliexpress.com/store/sale-items/614016.html?promotionType=fixed"), and the like.
 */
const STORE_SECTION_PATH = /^\/store\/[a-z][a-z-]*\/(\d+)(?:[/.]|$)/i;
/** The mobile store home `m.aliexpress.com/store/storeHome.htm?storeNo=ID` (GitHub code search "store/storeHome.htm?storeNo="). */
const STORE_HOME_PATH = /^\/store\/storehome\.htm/i;
const DIGITS_ONLY = /^\d+$/;
/** AliExpress Russia's share shortener `aliexpress.ru/e/_X` (a Go bot's resolver lists it as the RU share form). */
const SHORT_PATH = /^\/e\/[^/]+\/?$/i;
const CATEGORY_PATH = /^\/(?:category|af|premium)\/|^\/w\/wholesale-/i;
const SEARCH_PATH = /^\/(?:wholesale|glosearch)(?:[/.]|$)/i;
const CAMPAIGN_PATH = /^\/(?:gcp|ssr|wow|campaign|p|__pc|__mobile)\//i;
const CAMPAIGN_SUBS: ReadonlySet<string> = new Set(['campaign', 'sale']);
/** Hosts whose root is the storefront's home page rather than a service's landing page. */
const HOME_SUBS: ReadonlySet<string> = new Set(['', 'www', 'best']);

const ITEM_PREFIX = '/item/';
const HTML_SUFFIX = '.html';

function productIdFromPath(path: string): string | undefined {
  // Most product URLs are exactly `/item/<digits>.html`: read that without a regular expression.
  if (path.startsWith(ITEM_PREFIX) && path.endsWith(HTML_SUFFIX)) {
    const end = path.length - HTML_SUFFIX.length;
    let i = ITEM_PREFIX.length;
    while (i < end) {
      const c = path.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    if (i === end && end > ITEM_PREFIX.length) return path.slice(ITEM_PREFIX.length, end);
  }
  return (PRODUCT_PATH.exec(path) ?? STORE_PRODUCT_PATH.exec(path))?.[1];
}

function storeIdFromPath(path: string): string | undefined {
  return (STORE_PATH.exec(path) ?? STORE_GROUP_PATH.exec(path) ?? STORE_SECTION_PATH.exec(path))?.[1];
}

function storeIdFromQuery(path: string, params: readonly QueryParam[]): string | undefined {
  if (!STORE_HOME_PATH.test(path)) return undefined;
  for (const p of params) {
    if ((p.key === 'storeNo' || p.key === 'storeId') && DIGITS_ONLY.test(p.raw)) return p.raw;
  }
  return undefined;
}

function pageKind(ae: AliExpressHost, path: string): PageKind {
  if (CAMPAIGN_SUBS.has(ae.sub)) return 'campaign';
  if (path === '/' || path === '/index.html' || path === '/index.htm') {
    return HOME_SUBS.has(ae.sub) || ae.locale !== undefined ? 'home' : 'other';
  }
  if (CATEGORY_PATH.test(path)) return 'category';
  if (SEARCH_PATH.test(path)) return 'search';
  if (CAMPAIGN_PATH.test(path)) return 'campaign';
  return 'other';
}

/** The app's share landing `star.aliexpress.com/share/share.htm?platform=AE&businessType=ProductDetail&redirectUrl=..`. */
function isSharePage(ae: AliExpressHost, path: string): boolean {
  return ae.sub === 'star' && path.toLowerCase().startsWith('/share/');
}

function product(ae: AliExpressHost, id: string, params: readonly QueryParam[], appShare: boolean): ParsedUrl {
  const skuId = findSkuId(params);
  const ref: { -readonly [K in keyof ProductRef]: ProductRef[K] } = { id, site: ae.site };
  if (ae.locale !== undefined) ref.locale = ae.locale;
  if (skuId !== undefined) ref.skuId = skuId;
  return withFlags({ kind: 'product', product: ref }, appShare, !appShare && hasPublisherTracking(params));
}

function shortLink(host: string, path: string, appShare: boolean): ParsedUrl {
  // The query of a short link is its owner's tracking (seed 003 `af`/`cn`/`cv`/`dp`), not part of the target.
  const url = protectTrailingPunctuation(`https://${host}${path}`);
  return appShare ? { kind: 'short-link', host, url, appShare } : { kind: 'short-link', host, url };
}

/** Sets the provenance flags on a result this module has just built (so not yet shared: mutating it is safe). */
function withFlags<T extends ParsedUrl>(result: T, appShare: boolean, foreignAffiliate: boolean): T {
  const flagged = result as { -readonly [K in keyof Provenance]: Provenance[K] };
  if (appShare) flagged.appShare = true;
  if (foreignAffiliate) flagged.foreignAffiliate = true;
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Unwrapping other parties' redirects

/** The value's first URL delimiter is itself encoded: `https%3A%2F%2F..`, `%2F%2F..`, `aliexpress.com%2Fitem..`. */
const ENCODED_URL_START = /^(?:[a-z][a-z0-9+.-]*%3a|%2f%2f|[^/?#%]*%2f)/i;
const MENTIONS_ALIEXPRESS = /aliexpress\.|ali\.click/i;

/** Where a wrapper parameter sits: its host and path, and the host a relative target resolves against. */
interface WrapperContext {
  readonly host: string;
  readonly path: string;
  /** Null when relative targets cannot be resolved (a redirector whose site is not AliExpress). */
  readonly base: string | null;
  readonly onAliExpress: boolean;
}

function unwrap(params: readonly QueryParam[], depth: number, appShare: boolean, wrapper: WrapperContext): ParsedUrl | null {
  if (depth >= MAX_UNWRAP_DEPTH) return null;
  for (const param of params) {
    const name = wrapperParamName(param.key);
    if (name === undefined || param.raw === '') continue;
    let target = decodeNested(paramUrlValue(param));
    // TradeTracker's `u=%2Fitem%2F1005001640685908.html` and AliExpress' own `returnUrl=%2Fitem..` are paths.
    const relative = wrapper.base !== null && target.charCodeAt(0) === 47 && target.charCodeAt(1) !== 47;
    if (relative) target = `https://${wrapper.base}${target}`;
    else if (!MENTIONS_ALIEXPRESS.test(target)) continue;
    const inner = parseAt(target, depth + 1);
    // On an AliExpress page, a relative path that names no product or store says less than the page itself.
    if (relative && wrapper.onAliExpress && inner.kind === 'page') continue;
    switch (inner.kind) {
      case 'product':
      case 'store':
      case 'page':
        // The innermost wrapper is the one that held the AliExpress URL itself, e.g. `dl_target_url`
        // inside a Google `url=` redirect: that is the fact attribution warnings care about.
        return withProvenance(inner, inner.unwrappedFrom ?? name, inner.appShare === true || appShare, inner.foreignAffiliate === true || isAffiliateWrapper(name, wrapper.host, wrapper.path));
      case 'short-link':
        return inner;
      default:
        continue;
    }
  }
  return null;
}

type Linkable = Extract<ParsedUrl, { kind: 'product' | 'store' | 'page' }>;

/** The result with where it was unwrapped from; built field by field, as object spread is slow on this path. */
function withProvenance(inner: Linkable, unwrappedFrom: string, appShare: boolean, foreignAffiliate: boolean): ParsedUrl {
  let result: Record<string, unknown>;
  switch (inner.kind) {
    case 'product':
      result = { kind: 'product', product: inner.product, unwrappedFrom };
      break;
    case 'store':
      result = { kind: 'store', site: inner.site, storeId: inner.storeId, url: inner.url, unwrappedFrom };
      break;
    case 'page':
      result = { kind: 'page', site: inner.site, page: inner.page, url: inner.url, unwrappedFrom };
      break;
  }
  if (appShare) result.appShare = true;
  if (foreignAffiliate) result.foreignAffiliate = true;
  return result as ParsedUrl;
}

/**
 * Redirect targets are often encoded twice (`ulp=https%253A%252F%252F..` is still encoded after the query
 * parser decoded it once). Decoding stops as soon as the URL structure is readable, so a target's own
 * encoded parameters (`?q=a%20b`) are left for the inner parse.
 */
function decodeNested(value: string): string {
  let v = value;
  for (let i = 0; i < 3 && ENCODED_URL_START.test(v); i++) {
    let next: string;
    try {
      next = decodeURIComponent(v);
    } catch {
      break;
    }
    if (next === v) break;
    v = next;
  }
  return v;
}
