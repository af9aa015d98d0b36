/**
 * The AliExpress Open Platform client for the affiliate (Portals) APIs, called through the
 * gateway's `/sync` endpoint. Runs in the background service worker: Web Crypto for signing,
 * an injected `fetch`, no globals besides `crypto` and timers.
 *
 * System parameters ("Calling parameters", https://developer.alibaba.com/docs/doc.htm?articleId=120691&docType=1&treeId=727):
 * `app_key`, `timestamp` ("in UTC or digital format, like 2017-11-11T12:00:00Z or 1517886554000",
 * within 7200 seconds of UTC), `sign_method`, `sign`, plus `method` (the API name) for `/sync`.
 * `format=json` and `v=2.0` are the Taobao-era parameters the `md5` form needs and the gateway
 * accepts with either form. Everything is sent as one form-encoded POST body, so the signed
 * query never lands in a server's access log.
 */
import { z } from 'zod';
import { createTtlCache, type CacheStore } from './cache';
import {
  gatewayErrorSchema,
  hotProductResultSchema,
  linkGenerateResultSchema,
  productDetailResultSchema,
  respResultSchema,
  type GatewayError,
  type RawProduct,
} from './aliexpress-schema';
import { parseJsonBody, sendRequest, type ClientDeps } from './http';
import { createTokenBucket, type RateLimiter } from './rate-limit';
import { fail, ok, type ApiResult } from './result';
import { signAliExpressRequest, type AliExpressSignMethod } from './sign';

export const ALIEXPRESS_SYNC_URL = 'https://api-sg.aliexpress.com/sync';

export const ALIEXPRESS_METHODS = {
  linkGenerate: 'aliexpress.affiliate.link.generate',
  productDetail: 'aliexpress.affiliate.productdetail.get',
  hotProducts: 'aliexpress.affiliate.hotproduct.query',
} as const;

export interface AliExpressCredentials {
  readonly appKey: string;
  readonly appSecret: string;
  /** `sha256` unless the app was set up for the older form. */
  readonly signMethod?: AliExpressSignMethod;
}

export interface AliExpressClientOptions extends ClientDeps {
  readonly credentials: AliExpressCredentials;
  /** Per-product answers (details, links) are kept here for `cacheTtlMs` (one hour by default). */
  readonly cache?: CacheStore;
  readonly cacheTtlMs?: number;
  /** The gateway URL; tests and the e2e suite point it at a local fake. */
  readonly baseUrl?: string;
}

/** `promotion_link_type`: 0 "normal link which has standard commission", 2 "hot link which has hot product commission". */
export type PromotionLinkType = 'normal' | 'hot';
const PROMOTION_LINK_TYPE: { readonly [K in PromotionLinkType]: string } = { normal: '0', hot: '2' };

export interface PromotionLink {
  readonly link: string;
  readonly sourceUrl: string;
  readonly linkType: PromotionLinkType;
  readonly trackingId: string;
}

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export interface ProductCategory {
  readonly id: string;
  readonly name?: string;
}

export interface AliExpressProduct {
  readonly productId: string;
  readonly title?: string;
  readonly detailUrl?: string;
  /** Percent, e.g. 3.5 for "3.5%"; null when the API gave none. */
  readonly commissionRate: number | null;
  readonly hotCommissionRate: number | null;
  /** A hot-sale product: the API gave it a hot-product commission rate above zero. */
  readonly isHot: boolean;
  readonly firstLevelCategory?: ProductCategory;
  readonly secondLevelCategory?: ProductCategory;
  /** Price in the store's currency (`sale_price`, `sale_price_currency`). */
  readonly salePrice?: Money;
  /** Price in the requested `target_currency` for the audience country (`target_sale_price…`). */
  readonly targetSalePrice?: Money;
}

export interface HotProductPage {
  readonly pageNo: number;
  readonly totalRecordCount: number | null;
  readonly products: readonly AliExpressProduct[];
}

/**
 * Who the prices and rates are for. `country` filters to products that ship there and prices
 * them with its taxes; currency and language are among the API's documented values
 * (see `aliExpressAudience`).
 */
export interface AliExpressAudience {
  readonly country?: string;
  readonly targetCurrency?: string;
  readonly targetLanguage?: string;
}

export interface ProductDetailRequest {
  readonly productId: string;
  readonly trackingId?: string;
  readonly audience?: AliExpressAudience;
}

export interface LinkRequest {
  /** The clean URL to promote, others' tracking already stripped (docs/architecture.md, 'Hard rules' 3). */
  readonly sourceUrl: string;
  readonly trackingId: string;
  readonly linkType: PromotionLinkType;
}

export interface HotProductQuery {
  readonly pageNo?: number;
  readonly pageSize?: number;
  readonly categoryIds?: readonly string[];
  readonly keywords?: string;
  readonly trackingId?: string;
  readonly audience?: AliExpressAudience;
}

export interface AliExpressClient {
  /** `aliexpress.affiliate.link.generate` for one URL. Cached per (tracking id, type, URL). */
  generateLink(request: LinkRequest): Promise<ApiResult<PromotionLink>>;
  /**
   * `aliexpress.affiliate.productdetail.get` for one product. `value: null` means the API knows
   * no affiliate product with this id (not an error: the popup says so). Cached per product and audience.
   */
  getProductDetail(request: ProductDetailRequest): Promise<ApiResult<AliExpressProduct | null>>;
  /** One page of `aliexpress.affiliate.hotproduct.query`, for the hot-sale store. Not cached. */
  queryHotProducts(query?: HotProductQuery): Promise<ApiResult<HotProductPage>>;
}

const PRODUCT_ID = /^\d{1,20}$/;
/** Tracking ids are made by the publisher in the Portals console; this bound keeps junk out of requests. */
const TRACKING_ID = /^[\w.-]{1,64}$/;
const COUNTRY = /^[A-Z]{2}$/;
const CODE = /^[A-Z]{2,3}$/;

/** Values a client hands back, re-checked when read from the cache (storage is untrusted). */
const moneySchema = z.object({ amount: z.number(), currency: z.string() });
const categorySchema = z.object({ id: z.string(), name: z.string().optional() });
const productSchema = z.object({
  productId: z.string(),
  title: z.string().optional(),
  detailUrl: z.string().optional(),
  commissionRate: z.number().nullable(),
  hotCommissionRate: z.number().nullable(),
  isHot: z.boolean(),
  firstLevelCategory: categorySchema.optional(),
  secondLevelCategory: categorySchema.optional(),
  salePrice: moneySchema.optional(),
  targetSalePrice: moneySchema.optional(),
});
const cachedDetailSchema = z.object({ product: productSchema.nullable() });
const cachedLinkSchema = z.object({
  link: z.string(),
  sourceUrl: z.string(),
  linkType: z.enum(['normal', 'hot']),
  trackingId: z.string(),
});

/**
 * No per-app rate for the affiliate APIs is published; the gateway answers `ApiCallLimit`
 * ("this ban will last 1 seconds") to apps that call too often, which publishers on GitHub met
 * even calling one at a time. A popup open costs two calls (details, link), so: bursts of 5,
 * then 2 a second, waiting up to a second for a token before answering `rate-limited`.
 */
export function createAliExpressRateLimiter(now: () => number): RateLimiter {
  return createTokenBucket({ capacity: 5, refillPerSecond: 2, maxWaitMs: 1000, now });
}

export function createAliExpressClient(options: AliExpressClientOptions): AliExpressClient {
  const { credentials, now } = options;
  const deps: ClientDeps = { fetch: options.fetch, now, timeoutMs: options.timeoutMs, rateLimiter: options.rateLimiter ?? createAliExpressRateLimiter(now) };
  const baseUrl = options.baseUrl ?? ALIEXPRESS_SYNC_URL;
  const signMethod = credentials.signMethod ?? 'sha256';
  const secrets = [credentials.appSecret];
  const cache = createTtlCache(options.cache, now, options.cacheTtlMs);

  /** One signed call; `value` is the API's `result` object, not yet validated. */
  async function call(method: string, business: Record<string, string>): Promise<ApiResult<unknown>> {
    if (credentials.appKey.trim() === '' || credentials.appSecret === '') {
      return fail('auth', 'AliExpress: the app key or app secret is missing', secrets, 'missing-credentials');
    }
    const params: Record<string, string> = {
      ...business,
      app_key: credentials.appKey,
      method,
      sign_method: signMethod,
      timestamp: String(now()),
      format: 'json',
      v: '2.0',
    };
    let sign: string;
    try {
      sign = await signAliExpressRequest(params, credentials.appSecret, signMethod);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail('auth', `AliExpress: the request could not be signed (${reason})`, secrets, 'sign-failed');
    }
    const answer = await sendRequest(
      deps,
      {
        url: baseUrl,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json' },
        body: new URLSearchParams({ ...params, sign }).toString(),
      },
      secrets,
      method,
    );
    if (!answer.ok) return answer;
    const json = parseJsonBody(answer.value, method, secrets);
    if (!json.ok) {
      // A gateway outage page is a server error, not garbage from a working API.
      if (answer.value.status >= 500) return fail('api', `${method}: the gateway answered HTTP ${answer.value.status}`, secrets, `http-${answer.value.status}`);
      return json;
    }
    return readEnvelope(method, answer.value.status, json.value, secrets);
  }

  async function generateLink(request: LinkRequest): Promise<ApiResult<PromotionLink>> {
    const method = ALIEXPRESS_METHODS.linkGenerate;
    if (!TRACKING_ID.test(request.trackingId)) return fail('api', `${method}: the tracking id is empty or has characters Portals does not use`, secrets, 'invalid-input');
    if (!isAliExpressUrl(request.sourceUrl)) return fail('api', `${method}: the source is not an AliExpress https URL`, secrets, 'invalid-input');

    const key = `aliexpress:v1:link:${credentials.appKey}:${request.trackingId}:${request.linkType}:${request.sourceUrl}`;
    const cached = await cache.read(key, cachedLinkSchema);
    if (cached) return ok(cached);

    const result = await call(method, {
      promotion_link_type: PROMOTION_LINK_TYPE[request.linkType],
      source_values: request.sourceUrl,
      tracking_id: request.trackingId,
    });
    if (!result.ok) return result;
    const parsed = linkGenerateResultSchema.safeParse(result.value);
    if (!parsed.success) return badShape(method, parsed.error, secrets);
    const first = parsed.data.promotion_links[0];
    if (!first) return fail('api', `${method}: the API returned no link for this URL`, secrets, 'no-link');
    if (!isAliExpressUrl(first.promotion_link)) return fail('bad-response', `${method}: the returned link is not an AliExpress https URL`, secrets);
    const value: PromotionLink = { link: first.promotion_link, sourceUrl: request.sourceUrl, linkType: request.linkType, trackingId: request.trackingId };
    await cache.write(key, value);
    return ok(value);
  }

  async function getProductDetail(request: ProductDetailRequest): Promise<ApiResult<AliExpressProduct | null>> {
    const method = ALIEXPRESS_METHODS.productDetail;
    if (!PRODUCT_ID.test(request.productId)) return fail('api', `${method}: the product id must be digits`, secrets, 'invalid-input');
    if (request.trackingId !== undefined && !TRACKING_ID.test(request.trackingId)) return fail('api', `${method}: the tracking id has characters Portals does not use`, secrets, 'invalid-input');
    const audience = checkedAudience(request.audience);
    if (!audience) return fail('api', `${method}: the audience country, currency or language is not a code`, secrets, 'invalid-input');

    const key = `aliexpress:v1:detail:${credentials.appKey}:${request.productId}:${audience.country ?? ''}:${audience.targetCurrency ?? ''}:${audience.targetLanguage ?? ''}:${request.trackingId ?? ''}`;
    const cached = await cache.read(key, cachedDetailSchema);
    if (cached) return ok(cached.product);

    const business: Record<string, string> = { product_ids: request.productId };
    if (request.trackingId) business['tracking_id'] = request.trackingId;
    if (audience.country) business['country'] = audience.country;
    if (audience.targetCurrency) business['target_currency'] = audience.targetCurrency;
    if (audience.targetLanguage) business['target_language'] = audience.targetLanguage;
    const result = await call(method, business);
    if (!result.ok) return result;
    const parsed = productDetailResultSchema.safeParse(result.value ?? {});
    if (!parsed.success) return badShape(method, parsed.error, secrets);
    // Asked for one id: the matching product, or none. A product for another id is not ours.
    const raw = parsed.data.products.find((product) => product.product_id === request.productId);
    const product = raw ? toProduct(raw) : null;
    await cache.write(key, { product });
    return ok(product);
  }

  async function queryHotProducts(query: HotProductQuery = {}): Promise<ApiResult<HotProductPage>> {
    const method = ALIEXPRESS_METHODS.hotProducts;
    const audience = checkedAudience(query.audience);
    if (!audience) return fail('api', `${method}: the audience country, currency or language is not a code`, secrets, 'invalid-input');
    const pageNo = query.pageNo ?? 1;
    const pageSize = query.pageSize ?? 50;
    if (!Number.isInteger(pageNo) || pageNo < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) {
      return fail('api', `${method}: page numbers start at 1 and pages hold 1 to 50 products`, secrets, 'invalid-input');
    }
    const business: Record<string, string> = { page_no: String(pageNo), page_size: String(pageSize) };
    if (query.categoryIds?.length) business['category_ids'] = query.categoryIds.join(',');
    if (query.keywords) business['keywords'] = query.keywords;
    if (query.trackingId) business['tracking_id'] = query.trackingId;
    // hotproduct.query names the country `ship_to_country` (productdetail.get says `country`).
    if (audience.country) business['ship_to_country'] = audience.country;
    if (audience.targetCurrency) business['target_currency'] = audience.targetCurrency;
    if (audience.targetLanguage) business['target_language'] = audience.targetLanguage;
    const result = await call(method, business);
    if (!result.ok) return result;
    const parsed = hotProductResultSchema.safeParse(result.value ?? {});
    if (!parsed.success) return badShape(method, parsed.error, secrets);
    // Everything this API lists is a hot product, whether or not it repeats the hot rate.
    const products = parsed.data.products.map((raw) => ({ ...toProduct(raw), isHot: true }));
    return ok({ pageNo: parsed.data.current_page_no ?? pageNo, totalRecordCount: parsed.data.total_record_count ?? null, products });
  }

  return { generateLink, getProductDetail, queryHotProducts };
}

/**
 * The gateway wraps an API's answer as `<method with _ for .>_response` (e.g.
 * `aliexpress_affiliate_link_generate_response`), or answers `error_response` when it refuses
 * the call; with `simplify=true` the wrapper is dropped. Success is `resp_result.resp_code` 200.
 */
function readEnvelope(method: string, status: number, json: unknown, secrets: readonly string[]): ApiResult<unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('bad-response', `${method}: the answer is not a JSON object`, secrets);
  const body = json as Record<string, unknown>;

  if ('error_response' in body) {
    const parsed = gatewayErrorSchema.safeParse(body['error_response']);
    if (!parsed.success) return fail('bad-response', `${method}: the gateway refused the call with an unreadable error`, secrets);
    return gatewayFailure(method, parsed.data, secrets);
  }
  // The gateway also answers some refusals with the fields at the top level, e.g. `{"type":"ISV",
  // "code":"IncompleteSignature","message":"…","request_id":"…"}` for `/sync` (quoted in
  // https://mail.desenvolvedor.org/apps/searcherros/aliexpress-dropshipping-api-persistent-incompletesignature-error-on-token-exchange-node-js-typescrip-3363.html).
  if (!('resp_result' in body) && typeof body['code'] === 'string' && typeof body['type'] === 'string') {
    const parsed = gatewayErrorSchema.safeParse(body);
    if (parsed.success) return gatewayFailure(method, parsed.data, secrets);
  }

  const wrapperKey = `${method.replace(/\./g, '_')}_response`;
  const inner = wrapperKey in body ? body[wrapperKey] : body;
  if (typeof inner !== 'object' || inner === null || !('resp_result' in inner)) {
    if (status >= 500) return fail('api', `${method}: the gateway answered HTTP ${status}`, secrets, `http-${status}`);
    return fail('bad-response', `${method}: the answer has no resp_result`, secrets);
  }
  const resp = respResultSchema.safeParse((inner as Record<string, unknown>)['resp_result']);
  if (!resp.success) return badShape(method, resp.error, secrets);
  const { resp_code: code, resp_msg: message = '' } = resp.data;
  if (code === 200) return ok(resp.data.result ?? {});
  // "This publisher is not registered": the app works, but its owner has no Portals account.
  if (code === 401) return fail('not-registered', `${method}: ${message || 'the publisher is not registered'}`, secrets, String(code));
  return fail('api', `${method}: ${message || 'the API refused the request'} (resp_code ${code})`, secrets, String(code));
}

/**
 * Classifies a gateway refusal by what it says, since the codes differ between the two gateway
 * generations (`IncompleteSignature`/`InvalidAppKey` vs Taobao's numeric codes with `sub_code`)
 * and no complete list is published: signature, key, token or session trouble is `auth`;
 * frequency limits (`ApiCallLimit`: "this ban will last 1 seconds", Taobao's
 * `accesscontrol.limited-by-app-access-count`) are `rate-limited`.
 */
function gatewayFailure(method: string, error: GatewayError, secrets: readonly string[]): ApiResult<never> {
  const text = [error.code, error.sub_code, error.msg, error.message, error.sub_msg].filter(Boolean).join(' ');
  const code = error.sub_code ? `${error.code}/${error.sub_code}` : error.code;
  const said = [error.msg ?? error.message, error.sub_msg].filter(Boolean).join(': ') || 'the gateway refused the call';
  const message = `${method}: ${said} (${code})`;
  if (/limit|frequency|ban will last|too many/i.test(text)) return fail('rate-limited', message, secrets, code);
  if (/signature|app ?key|appkey|access ?token|session|unauthori[sz]ed|invalid.?client/i.test(text)) return fail('auth', message, secrets, code);
  return fail('api', message, secrets, code);
}

function badShape(method: string, error: z.ZodError, secrets: readonly string[]): ApiResult<never> {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return fail('bad-response', `${method}: unexpected answer at ${where}: ${issue?.message ?? 'invalid'}`, secrets);
}

function toProduct(raw: RawProduct): AliExpressProduct {
  const hotCommissionRate = raw.hot_product_commission_rate ?? null;
  const product: {
    -readonly [K in keyof AliExpressProduct]: AliExpressProduct[K];
  } = {
    productId: raw.product_id,
    commissionRate: raw.commission_rate ?? null,
    hotCommissionRate,
    isHot: hotCommissionRate !== null && hotCommissionRate > 0,
  };
  if (raw.product_title) product.title = raw.product_title;
  if (raw.product_detail_url) product.detailUrl = raw.product_detail_url;
  if (raw.first_level_category_id) product.firstLevelCategory = category(raw.first_level_category_id, raw.first_level_category_name);
  if (raw.second_level_category_id) product.secondLevelCategory = category(raw.second_level_category_id, raw.second_level_category_name);
  if (raw.sale_price !== undefined && raw.sale_price_currency) product.salePrice = { amount: raw.sale_price, currency: raw.sale_price_currency };
  if (raw.target_sale_price !== undefined && raw.target_sale_price_currency) {
    product.targetSalePrice = { amount: raw.target_sale_price, currency: raw.target_sale_price_currency };
  }
  return product;
}

function category(id: string, name: string | undefined): ProductCategory {
  return name ? { id, name } : { id };
}

function checkedAudience(audience: AliExpressAudience | undefined): AliExpressAudience | undefined {
  if (!audience) return {};
  if (audience.country !== undefined && !COUNTRY.test(audience.country)) return undefined;
  if (audience.targetCurrency !== undefined && !CODE.test(audience.targetCurrency)) return undefined;
  if (audience.targetLanguage !== undefined && !CODE.test(audience.targetLanguage)) return undefined;
  return audience;
}

/** AliExpress's own hosts: aliexpress.com, .ru, .us and their subdomains (s.click.aliexpress.com…), over https. */
export function isAliExpressUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && /(?:^|\.)aliexpress\.(?:com|ru|us)$/i.test(url.hostname);
}

/**
 * `target_currency` values the affiliate APIs document (productdetail.get: "USD, GBP, CAD, EUR,
 * UAH, MXN, TRY, RUB, BRL, AUD, INR, JPY, IDR, SEK, KRW"), by the country that pays in them.
 */
const CURRENCY_BY_COUNTRY: Readonly<Record<string, string>> = {
  US: 'USD', GB: 'GBP', CA: 'CAD', UA: 'UAH', MX: 'MXN', TR: 'TRY', RU: 'RUB', BR: 'BRL', AU: 'AUD', IN: 'INR', JP: 'JPY', ID: 'IDR', SE: 'SEK', KR: 'KRW',
  AT: 'EUR', BE: 'EUR', CY: 'EUR', DE: 'EUR', EE: 'EUR', ES: 'EUR', FI: 'EUR', FR: 'EUR', GR: 'EUR', HR: 'EUR', IE: 'EUR', IT: 'EUR', LT: 'EUR', LU: 'EUR', LV: 'EUR', MT: 'EUR', NL: 'EUR', PT: 'EUR', SI: 'EUR', SK: 'EUR',
};

/**
 * `target_language` values the affiliate APIs document ("EN, RU, PT, ES, FR, ID, IT, TH, JA, AR,
 * VI, TR, DE, HE, KO, NL, PL, MX, CL, IW, IN"), by the country whose main language they are.
 */
const LANGUAGE_BY_COUNTRY: Readonly<Record<string, string>> = {
  RU: 'RU', BY: 'RU', KZ: 'RU', BR: 'PT', PT: 'PT', ES: 'ES', MX: 'MX', CL: 'CL', FR: 'FR', BE: 'FR', ID: 'ID', IT: 'IT', TH: 'TH', JP: 'JA',
  SA: 'AR', AE: 'AR', EG: 'AR', VN: 'VI', TR: 'TR', DE: 'DE', AT: 'DE', IL: 'HE', KR: 'KO', NL: 'NL', PL: 'PL',
};

/**
 * The API's audience parameters for a preset's audience country (null: unknown or mixed, so
 * prices come in US dollars and English). Countries without a documented currency or language
 * fall back to USD and EN, which the API always accepts.
 */
export function aliExpressAudience(country: string | null): AliExpressAudience {
  if (country === null || !COUNTRY.test(country)) return { targetCurrency: 'USD', targetLanguage: 'EN' };
  return { country, targetCurrency: CURRENCY_BY_COUNTRY[country] ?? 'USD', targetLanguage: LANGUAGE_BY_COUNTRY[country] ?? 'EN' };
}
