/**
 * The Admitad publisher API client: a client-credentials token, the deeplink generator (which
 * tells whether an AliExpress product is affiliate), AliExpress commission rates, and the link
 * checker. Runs in the background service worker with an injected `fetch`.
 *
 * - Token: `POST https://api.admitad.com/token/`, form body `grant_type=client_credentials&client_id=…&scope=…`,
 *   HTTP Basic with base64(client_id:client_secret); answer `access_token`, `token_type`
 *   "bearer", `expires_in` seconds ("Client authorization",
 *   https://developers.admitad.com/knowledge-base/article/client-authorization_2; answer fields
 *   in https://developers.admitad.com/knowledge-base/article/access_token-refresh_2).
 * - Deeplinks: `GET /deeplink/{w_id}/advcampaign/{c_id}/?ulp=…&subid=…`, scope `deeplink_generator`;
 *   answer `[{"link": "…", "is_affiliate_product": true | false | null}]`, null when the program
 *   is not AliExpress (https://developers.admitad.com/knowledge-base/article/deeplink-generator_1).
 * - Commission rates: `POST /aliexpress/commission_rates/`, JSON `{"urls": […]}`, scope
 *   `aliexpress_commission`; answer `{"commission_rates": [{product_name, commission_rate,
 *   hot_commission_rate, is_hot, url}]}` (https://developers.admitad.com/knowledge-base/article/aliexpress_1).
 * - Link checker: `GET /validate_links/?link=…`, scope `validate_links`; answer `message` and,
 *   for a problem, `error_description` (https://developers.admitad.com/knowledge-base/article/checking-links_1).
 * - Errors: `{"error": "invalid_token", "error_description": "Token doesn't exist", "error_code": 1}`;
 *   403/401 for rights, 503 (error_code 4) past "600 requests per minute for the application"
 *   (https://developers.admitad.com/knowledge-base/article/help-on-api-response-codes_2).
 */
import { z } from 'zod';
import { cutExternalText, EXTERNAL_LINK_MAX } from './bounds';
import { createTtlCache, type CacheStore } from './cache';
import { parseJsonBody, sendRequest, type ClientDeps, type HttpAnswer } from './http';
import { createTokenBucket, type RateLimiter } from './rate-limit';
import { fail, ok, type ApiResult } from './result';
import { presentSubIds } from '../networks/subids';
import type { SubIds } from '../networks/types';

export const ADMITAD_API_URL = 'https://api.admitad.com';

/** Only the rights these three methods need: a leaked token can do no more than that. */
export const ADMITAD_SCOPES = ['deeplink_generator', 'aliexpress_commission', 'validate_links'] as const;

/** Renew this long before `expires_in` runs out, so a token never expires in flight. */
const TOKEN_RENEW_MARGIN_MS = 60_000;

/** The deeplink generator's documented maximum of `ulp` values per request. */
const MAX_URLS_PER_REQUEST = 200;

export interface AdmitadCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface AdmitadClientOptions extends ClientDeps {
  readonly credentials: AdmitadCredentials;
  readonly cache?: CacheStore;
  readonly cacheTtlMs?: number;
  readonly baseUrl?: string;
}

export interface AdmitadDeeplink {
  readonly link: string;
  /** true: affiliate product; false: not affiliate (earns nothing); null: Admitad has no data (not an AliExpress program). */
  readonly isAffiliateProduct: boolean | null;
}

export interface AdmitadCommissionRate {
  readonly url: string;
  readonly productName: string | null;
  /** Percent; null when Admitad does not know the product. */
  readonly commissionRate: number | null;
  readonly hotCommissionRate: number | null;
  readonly isHot: boolean;
}

export interface AdmitadLinkCheck {
  /** No problem reported. */
  readonly valid: boolean;
  readonly message: string | null;
  /** Admitad's description of the problem, e.g. "Attention! This product is non-affiliated." */
  readonly problem: string | null;
}

export interface DeeplinkRequest {
  /** The ad space id (`w_id`). */
  readonly websiteId: string;
  /** The affiliate program id (`c_id`), the AliExpress program the ad space is connected to. */
  readonly campaignId: string;
  /** The clean AliExpress URL (`ulp`). */
  readonly url: string;
  readonly subIds?: SubIds;
}

export interface AdmitadClient {
  /** One deeplink with its affiliation flag. Cached per ad space, program, URL and sub-ids. */
  generateDeeplink(request: DeeplinkRequest): Promise<ApiResult<AdmitadDeeplink>>;
  /** Rates for each URL, in the order given. Each URL is cached on its own; only unknown URLs are asked for. */
  getCommissionRates(urls: readonly string[]): Promise<ApiResult<readonly AdmitadCommissionRate[]>>;
  /** Admitad's verdict on a link (an `ad.admitad.com/g/…` link or a deeplink). Not cached. */
  validateLink(link: string): Promise<ApiResult<AdmitadLinkCheck>>;
}

const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((type) => type.toLowerCase() === 'bearer', 'expected a bearer token'),
  expires_in: z.number().positive(),
});

const errorSchema = z.object({
  error: z.string().optional(),
  error_description: z.string().optional(),
  error_code: z.union([z.number(), z.string()]).optional(),
  detail: z.string().optional(),
});

const rate = z.preprocess(
  (input) => (input === '' ? null : input),
  z.union([z.number(), z.string().trim().regex(/^\d+(?:\.\d+)?$/).transform(Number)]).refine((value) => value >= 0 && value <= 100, 'a percentage must be between 0 and 100').nullable(),
);

/** Objects per the documentation; bare link strings as earlier versions of the method answered. */
const deeplinkAnswerSchema = z.array(
  z.union([
    z.string().min(1).max(EXTERNAL_LINK_MAX).transform((link) => ({ link, is_affiliate_product: null })),
    z.object({ link: z.string().min(1).max(EXTERNAL_LINK_MAX), is_affiliate_product: z.boolean().nullable().optional() }),
  ]),
);

const ratesAnswerSchema = z.object({
  commission_rates: z.array(
    z.object({
      url: z.string().max(EXTERNAL_LINK_MAX),
      product_name: z.string().transform(cutExternalText).nullable().optional(),
      commission_rate: rate.optional(),
      hot_commission_rate: rate.optional(),
      is_hot: z.boolean().optional(),
    }),
  ),
});

const linkCheckSchema = z
  .object({ message: z.string().nullable().optional(), error_description: z.string().nullable().optional() })
  .refine((answer) => typeof answer.message === 'string' || typeof answer.error_description === 'string', 'expected message or error_description');

const cachedDeeplinkSchema = z.object({ link: z.string(), isAffiliateProduct: z.boolean().nullable() });
const cachedRateSchema = z.object({
  url: z.string(),
  productName: z.string().nullable(),
  commissionRate: z.number().nullable(),
  hotCommissionRate: z.number().nullable(),
  isHot: z.boolean(),
});

const NUMERIC_ID = /^\d{1,12}$/;

interface Token {
  readonly value: string;
  readonly renewAt: number;
}

/** Admitad's documented limit, "up to 600 requests per minute for the application": 10 a second. */
export function createAdmitadRateLimiter(now: () => number): RateLimiter {
  return createTokenBucket({ capacity: 10, refillPerSecond: 10, maxWaitMs: 1000, now });
}

export function createAdmitadClient(options: AdmitadClientOptions): AdmitadClient {
  const { credentials, now } = options;
  const deps: ClientDeps = { fetch: options.fetch, now, timeoutMs: options.timeoutMs, rateLimiter: options.rateLimiter ?? createAdmitadRateLimiter(now) };
  const baseUrl = (options.baseUrl ?? ADMITAD_API_URL).replace(/\/+$/, '');
  const basic = base64Utf8(`${credentials.clientId}:${credentials.clientSecret}`);
  // The Basic header carries the secret base64-encoded; tokens are secrets too.
  const secrets: string[] = [credentials.clientSecret, basic];
  const cache = createTtlCache(options.cache, now, options.cacheTtlMs);
  let token: Token | undefined;
  let pendingToken: Promise<ApiResult<Token>> | undefined;

  const remember = (value: string): void => {
    if (!secrets.includes(value)) secrets.push(value);
  };

  async function requestToken(): Promise<ApiResult<Token>> {
    const name = 'Admitad token';
    if (credentials.clientId.trim() === '' || credentials.clientSecret === '') {
      return fail('auth', `${name}: the client id or client secret is missing`, secrets, 'missing-credentials');
    }
    const answer = await sendRequest(
      deps,
      {
        url: `${baseUrl}/token/`,
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId, scope: ADMITAD_SCOPES.join(' ') }).toString(),
      },
      secrets,
      name,
    );
    if (!answer.ok) return answer;
    if (answer.value.status !== 200) return httpFailure(name, answer.value, secrets);
    const json = parseJsonBody(answer.value, name, secrets);
    if (!json.ok) return json;
    const parsed = tokenSchema.safeParse(json.value);
    if (!parsed.success) return badShape(name, parsed.error, secrets);
    remember(parsed.data.access_token);
    const lifetimeMs = parsed.data.expires_in * 1000;
    return ok({ value: parsed.data.access_token, renewAt: now() + Math.max(lifetimeMs - TOKEN_RENEW_MARGIN_MS, lifetimeMs / 2) });
  }

  /** The cached token until it is due for renewal; concurrent callers share one token request. */
  async function currentToken(): Promise<ApiResult<Token>> {
    if (token && now() < token.renewAt) return ok(token);
    pendingToken ??= requestToken().finally(() => {
      pendingToken = undefined;
    });
    const result = await pendingToken;
    if (result.ok) token = result.value;
    return result;
  }

  /**
   * One authorised call. A 401 on a cached token (revoked, or expired early) drops it and
   * retries once with a fresh one; a second refusal is the answer.
   */
  async function authorised(name: string, request: { path: string; method: 'GET' | 'POST'; json?: unknown }): Promise<ApiResult<unknown>> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const bearer = await currentToken();
      if (!bearer.ok) return bearer;
      const headers: Record<string, string> = { authorization: `Bearer ${bearer.value.value}`, accept: 'application/json' };
      if (request.json !== undefined) headers['content-type'] = 'application/json';
      const answer = await sendRequest(
        deps,
        { url: `${baseUrl}${request.path}`, method: request.method, headers, ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }) },
        secrets,
        name,
      );
      if (!answer.ok) return answer;
      if (answer.value.status === 401 && attempt === 0) {
        if (token === bearer.value) token = undefined;
        continue;
      }
      if (answer.value.status !== 200) return httpFailure(name, answer.value, secrets);
      return parseJsonBody(answer.value, name, secrets);
    }
    return fail('auth', `${name}: the token was refused`, secrets);
  }

  async function generateDeeplink(request: DeeplinkRequest): Promise<ApiResult<AdmitadDeeplink>> {
    const name = 'Admitad deeplink';
    if (!NUMERIC_ID.test(request.websiteId) || !NUMERIC_ID.test(request.campaignId)) {
      return fail('api', `${name}: the ad space id and program id must be numbers`, secrets, 'invalid-input');
    }
    if (!isHttpsUrl(request.url)) return fail('api', `${name}: the target is not an https URL`, secrets, 'invalid-input');
    const query = new URLSearchParams();
    for (const [key, value] of presentSubIds(request.subIds ?? {})) query.append(key, value);
    query.append('ulp', request.url);

    const key = `admitad:v1:deeplink:${credentials.clientId}:${request.websiteId}:${request.campaignId}:${query.toString()}`;
    const cached = await cache.read(key, cachedDeeplinkSchema);
    if (cached) return ok(cached);

    const result = await authorised(name, { path: `/deeplink/${request.websiteId}/advcampaign/${request.campaignId}/?${query.toString()}`, method: 'GET' });
    if (!result.ok) return result;
    const parsed = deeplinkAnswerSchema.safeParse(result.value);
    if (!parsed.success) return badShape(name, parsed.error, secrets);
    const first = parsed.data[0];
    if (!first) return fail('api', `${name}: Admitad returned no link for this URL`, secrets, 'no-link');
    if (!isHttpsUrl(first.link)) return fail('bad-response', `${name}: the returned link is not an https URL`, secrets);
    const value: AdmitadDeeplink = { link: first.link, isAffiliateProduct: first.is_affiliate_product ?? null };
    await cache.write(key, value);
    return ok(value);
  }

  async function getCommissionRates(urls: readonly string[]): Promise<ApiResult<readonly AdmitadCommissionRate[]>> {
    const name = 'Admitad commission rates';
    if (urls.length === 0) return ok([]);
    if (urls.length > MAX_URLS_PER_REQUEST) return fail('api', `${name}: at most ${MAX_URLS_PER_REQUEST} links per request`, secrets, 'invalid-input');
    if (!urls.every(isHttpsUrl)) return fail('api', `${name}: every link must be an https URL`, secrets, 'invalid-input');

    const keyOf = (url: string): string => `admitad:v1:rate:${credentials.clientId}:${url}`;
    const known = new Map<string, AdmitadCommissionRate>();
    for (const url of new Set(urls)) {
      const cached = await cache.read(keyOf(url), cachedRateSchema);
      if (cached) known.set(url, cached);
    }
    const missing = [...new Set(urls)].filter((url) => !known.has(url));
    if (missing.length > 0) {
      const result = await authorised(name, { path: '/aliexpress/commission_rates/', method: 'POST', json: { urls: missing } });
      if (!result.ok) return result;
      const parsed = ratesAnswerSchema.safeParse(result.value);
      if (!parsed.success) return badShape(name, parsed.error, secrets);
      for (const entry of parsed.data.commission_rates) {
        if (!missing.includes(entry.url)) continue;
        const value: AdmitadCommissionRate = {
          url: entry.url,
          productName: entry.product_name ?? null,
          commissionRate: entry.commission_rate ?? null,
          hotCommissionRate: entry.hot_commission_rate ?? null,
          isHot: entry.is_hot ?? false,
        };
        known.set(entry.url, value);
        await cache.write(keyOf(entry.url), value);
      }
    }
    const unanswered = urls.find((url) => !known.has(url));
    if (unanswered !== undefined) return fail('bad-response', `${name}: the answer leaves out a requested link`, secrets);
    return ok(urls.map((url) => known.get(url) as AdmitadCommissionRate));
  }

  async function validateLink(link: string): Promise<ApiResult<AdmitadLinkCheck>> {
    const name = 'Admitad link check';
    if (!isHttpsUrl(link)) return fail('api', `${name}: the link is not an https URL`, secrets, 'invalid-input');
    const result = await authorised(name, { path: `/validate_links/?${new URLSearchParams({ link }).toString()}`, method: 'GET' });
    if (!result.ok) return result;
    const parsed = linkCheckSchema.safeParse(result.value);
    if (!parsed.success) return badShape(name, parsed.error, secrets);
    const problem = parsed.data.error_description ?? null;
    return ok({ valid: problem === null || problem === '', message: parsed.data.message ?? null, problem: problem || null });
  }

  return { generateDeeplink, getCommissionRates, validateLink };
}

/** Maps a non-200 answer by its status and, when present, Admitad's error fields. */
function httpFailure(name: string, answer: HttpAnswer, secrets: readonly string[]): ApiResult<never> {
  let details: z.infer<typeof errorSchema> = {};
  try {
    const parsed = errorSchema.safeParse(JSON.parse(answer.text));
    if (parsed.success) details = parsed.data;
  } catch {
    // Not JSON (an HTML error page): the status alone decides.
  }
  const code = details.error ?? `http-${answer.status}`;
  const said = details.error_description ?? details.detail ?? `HTTP ${answer.status}`;
  const message = `${name}: ${said} (${code})`;
  const errorCode = details.error_code === undefined ? undefined : String(details.error_code);
  // error_code 4: "The maximum number of requests for the period expired" (answered as HTTP 503).
  if (answer.status === 429 || errorCode === '4' || (answer.status === 503 && details.error !== undefined)) return fail('rate-limited', message, secrets, code);
  if (answer.status === 503 && /limit|too many/i.test(answer.text)) return fail('rate-limited', message, secrets, code);
  if (answer.status === 401 || answer.status === 403 || /^invalid_(?:client|grant|token|scope)$|^unauthorized_client$|^insufficient_scope$/.test(details.error ?? '')) {
    return fail('auth', message, secrets, code);
  }
  return fail('api', message, secrets, code);
}

function badShape(name: string, error: z.ZodError, secrets: readonly string[]): ApiResult<never> {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return fail('bad-response', `${name}: unexpected answer at ${where}: ${issue?.message ?? 'invalid'}`, secrets);
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** base64 of UTF-8 text (`btoa` alone takes Latin-1 only). */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
