export interface QueryParam {
  /** Decoded name, original case. */
  readonly key: string;
  /** Still percent-encoded: most values are never looked at, so decoding waits for `paramValue`. */
  readonly raw: string;
}

const PLUS = /\+/g;
const PERCENT_RUN = /(?:%[0-9a-f]{2})+/gi;

function needsDecoding(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 37 || c === 43) return true; // % +
  }
  return false;
}

/** `plusIsSpace` is the form-encoding reading of `+`; a URL carried unencoded in a parameter means a literal `+`. */
export function decodeComponent(raw: string, plusIsSpace = true): string {
  if (!needsDecoding(raw)) return raw;
  const spaced = plusIsSpace ? raw.replace(PLUS, ' ') : raw;
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A stray `%` or broken UTF-8 somewhere must not cost us the parts that do decode.
    return spaced.replace(PERCENT_RUN, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** The decoded value (`+` read as a space, as browsers submit forms). */
export function paramValue(param: QueryParam): string {
  return decodeComponent(param.raw);
}

/** A wrapper's target: `+` stays `+`, since a space cannot be part of the URL it holds. */
export function paramUrlValue(param: QueryParam): string {
  return decodeComponent(param.raw, false);
}

/** `query` without the leading `?` and without the fragment. */
export function parseQuery(query: string): QueryParam[] {
  const params: QueryParam[] = [];
  if (query === '') return params;
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf('&', start);
    if (end === -1) end = query.length;
    if (end > start) {
      const eq = query.indexOf('=', start);
      if (eq === -1 || eq > end) params.push({ key: decodeComponent(query.slice(start, end)), raw: '' });
      else params.push({ key: decodeComponent(query.slice(start, eq)), raw: query.slice(eq + 1, end) });
    }
    start = end + 1;
  }
  return params;
}

/**
 * Parameters that carry another party's redirect target, in the order they are tried.
 * Evidence (all seen holding an encoded AliExpress URL unless noted):
 * - `dl_target_url`: Portals deep links `s.click.aliexpress.com/deep_link.htm?aff_short_key=..&dl_target_url=..`
 *   (github edlbiedlby/Aliexpress-Affiliate-Telegram-Bot bot.py).
 * - `redirectUrl`: the app's share page `star.aliexpress.com/share/share.htm?platform=AE&businessType=ProductDetail&redirectUrl=..`
 *   (AliExpress affiliate Telegram bots on GitHub pass links through it).
 * - `ulp`: Admitad (`ad.admitad.com/g/<code>/?ulp=`, also `alitems.com`, `rzekl.com`), see docs/architecture.md.
 * - `to`: ePN (`<host>/redirect/cpa/o/<code>/?to=`), see docs/architecture.md; also vk.com `away.php?to=`.
 * - `url`: Google `/url?url=`, Alitools `aliexitem.com/go?..&url=` (ClearURLs/Addon#490), reddit `out.reddit.com`.
 * - `q`: Google `/url?q=`; `u`: Facebook `l.php?u=` (idlewan/link_cleaner background.js).
 * - `returnUrl`: AliExpress' own login wall `aliexpress.com/p/ug-login-page/login.html?returnUrl=` (uBlockOrigin/uAssets#33158).
 * - `target`, `adurl`, `uddg`: generic redirectors (zhihu, Google Ads, DuckDuckGo), accepted only when they hold an AliExpress URL.
 * - `ued`: Awin (`www.awin1.com/cread.php?awinmid=..&awinaffid=..&ued=<encoded URL>`, GitHub code search
 *   "awin1.com/cread.php?awinmid=" shows publishers building it).
 * - `u` also carries TradeTracker's target, a path on the campaign's site
 *   (`tc.tradetracker.net/?c=15640&m=12&a=417111&r=&u=%2Fitem%2F1005001640685908.html`, GitHub code search).
 */
export const WRAPPER_PARAMS: readonly string[] = [
  'dl_target_url',
  'redirectUrl',
  'ulp',
  'to',
  'url',
  'q',
  'u',
  'returnUrl',
  'target',
  'adurl',
  'uddg',
  'ued',
];
const WRAPPER_BY_LOWER: ReadonlyMap<string, string> = new Map(WRAPPER_PARAMS.map((name) => [name.toLowerCase(), name]));

/** The canonical spelling of a wrapper parameter, or undefined when `key` is not one. */
export function wrapperParamName(key: string): string | undefined {
  return WRAPPER_BY_LOWER.get(key.toLowerCase());
}

/**
 * The only parameters a cleaned store/page URL keeps: they change what the page shows.
 * Seen on search/category pages in scrapers (`wholesale?SearchText=..&page=..&SortType=..`,
 * `af/category/44.html?CatId=44&isFreeShip=y&isFavorite=y&SortType=..&page=..`), mobile search
 * (`m.es.aliexpress.com/wholesale/x.html?keywords=`), store lists (`store/<id>/pages/all-items.html?sortType=..`)
 * and bundle pages (`ssr/300000512/BundleDeals2?productIds=..`). Matched case-insensitively.
 * Everything else is dropped (rule 3: other parties' tracking must not ride along); the tracking names
 * seen on real URLs, with where each was seen, are test data in tests/unit/url/tracking-names.ts.
 */
export const KEPT_PAGE_PARAMS: readonly string[] = [
  'SearchText',
  'keywords',
  'page',
  'CatId',
  'SortType',
  'shop_sortType',
  'g',
  'isFreeShip',
  'isFavorite',
  'minPrice',
  'maxPrice',
  'shipFromCountry',
  'productIds',
];
const KEPT_LOWER: ReadonlySet<string> = new Set(KEPT_PAGE_PARAMS.map((name) => name.toLowerCase()));

export function isKeptPageParam(key: string): boolean {
  return KEPT_LOWER.has(key.toLowerCase());
}

/**
 * Wrappers that are another publisher's affiliate link, not a plain redirect: Admitad `ulp`, Awin `ued`,
 * Portals deep links `dl_target_url` (with the publisher's `aff_short_key`), ePN's `/redirect/cpa/` `to`
 * and TradeTracker's `u`. Google's `url=`/`q=` or the login wall's `returnUrl=` carry nobody's commission.
 */
export function isAffiliateWrapper(name: string, host: string, path: string): boolean {
  switch (name) {
    case 'ulp':
    case 'ued':
    case 'dl_target_url':
      return true;
    case 'to':
      return path.includes('/redirect/cpa/');
    case 'u':
      return host === 'tradetracker.net' || host.endsWith('.tradetracker.net');
    default:
      return false;
  }
}

/**
 * TradeTracker campaigns whose site is AliExpress, so a relative `u=` path is a path on it. 15640 is the
 * campaign of public AliExpress TradeTracker links (GitHub code search "tc.tradetracker.net/?c=15640":
 * `'aliexpress': 'https://tc.tradetracker.net/?c=15640&m=12&a=448474&r=disax&u=%2F'` in a shop-link map).
 */
const ALIEXPRESS_TRADETRACKER_CAMPAIGNS: ReadonlySet<string> = new Set(['15640']);

/** The AliExpress host a foreign wrapper's relative target lives on, or null when it is not known to be one. */
export function relativeTargetBase(host: string, params: readonly QueryParam[]): string | null {
  if (host !== 'tc.tradetracker.net') return null;
  const campaign = params.find((p) => p.key === 'c');
  return campaign !== undefined && ALIEXPRESS_TRADETRACKER_CAMPAIGNS.has(campaign.raw) ? 'www.aliexpress.com' : null;
}

/**
 * Parameters that mark a landing from someone's affiliate link: the Portals custom tracking strings
 * `af`, `cn`, `cv`, `dp` (seed 003), the click's `aff_trace_key`, `terminal_id` and `sk` of Portals
 * landings, `mall_affr` and `mfadid` (network markers), and `aff_platform=link-c-tool` (the Portals link
 * generator; see hasAppShareParams). Google ads landings carry `aff_fcid`, `aff_short_key` and
 * `aff_platform=aaf` of AliExpress' own (the same key on every ad seen), so those do not count. App share
 * links carry the sharer's `sk`/`aff_trace_key`; their own warning covers them (callers check appShare).
 */
export function hasPublisherTracking(params: readonly QueryParam[]): boolean {
  for (const p of params) {
    switch (p.key) {
      case 'af':
      case 'cn':
      case 'cv':
      case 'dp':
      case 'aff_trace_key':
      case 'terminal_id':
      case 'sk':
      case 'mall_affr':
      case 'mfadid':
        if (p.raw !== '') return true;
        break;
      case 'aff_platform':
        if (p.raw === 'link-c-tool') return true;
        break;
    }
  }
  return false;
}

const DIGITS = /^\d+$/;
const SKU_IN_JSON = /"sku_?id"\s*:\s*"?(\d+)/i;

/**
 * `sku_id=` (aliexpress.ru, e.g. `item/1005009024495784.html?sku_id=12000047620457684`), `skuId=`, or the
 * `pdp_ext_f={"sku_id":"..."}` JSON that search results append (ClearURLs/Rules#17).
 */
export function findSkuId(params: readonly QueryParam[]): string | undefined {
  let fromJson: string | undefined;
  for (const p of params) {
    const lower = p.key.toLowerCase();
    if (lower === 'sku_id' || lower === 'skuid') {
      const value = paramValue(p);
      if (DIGITS.test(value)) return value;
    } else if (lower === 'pdp_ext_f' && fromJson === undefined) {
      fromJson = SKU_IN_JSON.exec(paramValue(p))?.[1];
    }
  }
  return fromJson;
}

/**
 * App share links are told apart by what the app's share sheet adds. Every real share link seen carries
 * `spreadType=socialShare` with `srcSns=sns_<Channel>` (sns_Copy, sns_WhatsApp, sns_KakaoTalk, sns_More),
 * `shareId=`, `social_params=`, `bizType=ProductDetail`, `businessType=ProductDetail`, `platform=AE`, usually
 * `aff_platform=default` (newer: `shareComponent-detail`), e.g.
 *   pt.aliexpress.com/item/1005007989431712.html?srcSns=sns_Copy&spreadType=socialShare&bizType=ProductDetail&social_params=..&shareId=..&businessType=ProductDetail&platform=AE&..
 *   aliexpress.ru/item/1005009450643460.html?businessType=ProductDetail&sku_id=..&spreadType=socialShare&srcSns=sns_More (ClearURLs/Rules#317).
 * Deliberately NOT signals: `aff_platform=link-c-tool` marks a Portals link-generator landing (someone
 * else's affiliate link, often with `af`/`dp`/`mfadid=adm`), `aff_platform=aaf` a Google Shopping ad,
 * and `_randl_shipto` rides on Google Shopping and `gatewayAdapt` geo redirects; none of them is a share.
 */
export function hasAppShareParams(params: readonly QueryParam[]): boolean {
  let fromApp = false;
  let productDetail = false;
  for (const p of params) {
    switch (p.key) {
      case 'platform':
        fromApp ||= p.raw === 'AE';
        break;
      case 'businessType':
        productDetail ||= p.raw === 'ProductDetail';
        break;
      case 'spreadType':
        if (p.raw === 'socialShare') return true;
        break;
      case 'srcSns':
      case 'shareId':
      case 'social_params':
        return true;
      case 'aff_platform':
        if (p.raw.startsWith('shareComponent')) return true;
        break;
    }
  }
  // The share page (`star.aliexpress.com/share/share.htm?platform=AE&businessType=ProductDetail`) sets only these two.
  return fromApp && productDetail;
}
