/**
 * The background's side of the network APIs: one service that holds the clients, their
 * shared rate limiters and the per-product cache, and answers the popup's `productInsights` and
 * the copy action's Portals links. Secrets are read from lib/api/credentials.ts here and go no
 * further than the clients: every answer is built from results, and is scrubbed of every secret
 * form once more before it leaves (docs/architecture.md, 'Hard rules' 4). Factories over
 * injected dependencies, testable without a browser.
 */
import { createAdmitadClient, createAdmitadRateLimiter, type AdmitadClient } from './admitad';
import { createAliExpressClient, createAliExpressRateLimiter, type AliExpressClient, type AliExpressProduct, type PromotionLinkType } from './aliexpress';
import { createMemoryCacheStore, createTtlCache, DEFAULT_CACHE_TTL_MS, type CacheStore } from './cache';
import type { FetchLike } from './http';
import { API_HOST_PERMISSIONS } from './hosts';
import { buildPortalsLink } from './portals-link';
import { redactSecrets, type ApiError, type ApiErrorKind } from './result';
import { secretsOf, type AdmitadApiCredentials, type AliExpressApiCredentials, type ApiCredentials, type ApiService } from './credentials';
import type { PortalsAccount } from '../networks/portals';
import { resolveTarget } from '../networks/target';
import { portalsTrackingId } from '../networks/portals-tracking';
import type { Account } from '../networks/types';
import type { Preset } from '../presets/types';
import type { StoredState } from '../storage/state';
import { canonicalProductUrl, parseProductUrl } from '../url';
import type { ParsedUrl } from '../url/types';
import { z } from 'zod';
import { API_CACHE_PREFIX } from '../storage/items';

export type InsightsSource = 'aliexpress-api' | 'admitad-api';

/** Percent values, e.g. 7 for 7%. `isHot`: a hot-sale product (its hot rate applies through a hot link). */
export interface ApiRate {
  readonly commissionRate: number | null;
  readonly hotCommissionRate: number | null;
  readonly isHot: boolean;
}

export interface ApiErrorView {
  readonly kind: ApiErrorKind;
  /** English and redacted, for developer tools; the popup shows a catalog message by kind and code. */
  readonly message: string;
  readonly code?: string;
}

/** Why no API was asked: the popup keeps its local result and says nothing, or points at the options. */
export type InsightsSkipReason = 'no-preset' | 'no-api' | 'no-credentials' | 'no-access' | 'not-aliexpress';

export type ProductInsightsReply =
  | { readonly source: null; readonly reason: InsightsSkipReason; readonly service?: ApiService }
  | {
      readonly source: InsightsSource;
      readonly rate?: ApiRate;
      /** The category path the API gives, e.g. "Consumer Electronics › Cables". */
      readonly category?: string;
      /** The price for the preset's audience (target currency), else the store's. */
      readonly price?: { readonly amount: number; readonly currency: string };
      readonly title?: string;
      /** Portals: the promotion link with the preset's tracking strings; `hot` when it is the hot link. */
      readonly link?: { readonly url: string; readonly kind: PromotionLinkType };
      /** Admitad's `is_affiliate_product` (or its link checker), or the AliExpress API knowing the product; absent when unknown. */
      readonly affiliate?: boolean;
      /** The first failure; whatever arrived before it is still in the answer. */
      readonly error?: ApiErrorView;
    };

export interface ProductInsightsRequest {
  readonly url: string;
  readonly presetId: string | null;
}

/** A Portals link for the copy action (context menu, shortcut). */
export type PortalsCopyLink = { readonly ok: true; readonly link: string } | { readonly ok: false; readonly failure: 'needs-api' | 'api-error'; readonly reason?: string };

export type CredentialsCheck = { readonly ok: true } | { readonly ok: false; readonly reason: 'no-credentials' | 'no-access' } | { readonly ok: false; readonly error: ApiErrorView };

export interface ApiServiceDeps {
  readonly fetch: FetchLike;
  readonly now: () => number;
  loadState(): Promise<StoredState>;
  loadCredentials(): Promise<ApiCredentials>;
  /** permissions.contains for these origins. */
  hasAccess(origins: readonly string[]): Promise<boolean>;
  /** Where per-product answers live for an hour: storage.session when the browser has it. */
  readonly cache?: CacheStore;
  readonly timeoutMs?: number;
  /** Tests point the clients at the fakes; the extension always uses the real hosts. */
  readonly baseUrls?: { readonly aliexpress?: string; readonly admitad?: string };
}

export interface ApiServiceApi {
  productInsights(request: ProductInsightsRequest): Promise<ProductInsightsReply>;
  portalsCopyLink(preset: Preset, account: PortalsAccount, sourceUrl: string): Promise<PortalsCopyLink>;
  checkCredentials(service: ApiService): Promise<CredentialsCheck>;
}

/**
 * Long enough for the gateway on a slow line, short enough that a popup user still reads the
 * reason: a Portals answer is two calls (details, then the link), so it takes at most twice this.
 */
export const API_TIMEOUT_MS = 5000;

/** Product pages, stores and campaign pages can be linked; short links and other sites cannot. */
type Linkable = Extract<ParsedUrl, { kind: 'product' | 'store' | 'page' }>;
const isLinkable = (parsed: ParsedUrl): parsed is Linkable => parsed.kind === 'product' || parsed.kind === 'store' || parsed.kind === 'page';

const linkCheckSchema = z.object({ nonAffiliate: z.boolean() });

export function createApiService(deps: ApiServiceDeps): ApiServiceApi {
  const timeoutMs = deps.timeoutMs ?? API_TIMEOUT_MS;
  const cacheStore = deps.cache ?? createMemoryCacheStore();
  const cache = createTtlCache(cacheStore, deps.now, DEFAULT_CACHE_TTL_MS);
  // One bucket per API for the whole worker, shared by every client made from it.
  const limiters = { aliexpress: createAliExpressRateLimiter(deps.now), admitad: createAdmitadRateLimiter(deps.now) };
  const shared = { fetch: deps.fetch, now: deps.now, timeoutMs, cache: cacheStore };
  const aliexpressClient = clientPerCredentials(
    (credentials: AliExpressApiCredentials): AliExpressClient =>
      createAliExpressClient({
        ...shared,
        rateLimiter: limiters.aliexpress,
        credentials: { appKey: credentials.appKey, appSecret: credentials.appSecret },
        ...(deps.baseUrls?.aliexpress ? { baseUrl: deps.baseUrls.aliexpress } : {}),
      }),
  );
  const admitadClient = clientPerCredentials(
    (credentials: AdmitadApiCredentials): AdmitadClient =>
      createAdmitadClient({
        ...shared,
        rateLimiter: limiters.admitad,
        credentials: { clientId: credentials.clientId, clientSecret: credentials.clientSecret },
        ...(deps.baseUrls?.admitad ? { baseUrl: deps.baseUrls.admitad } : {}),
      }),
  );

  const access = (service: ApiService): Promise<boolean> => deps.hasAccess(API_HOST_PERMISSIONS[service]).catch(() => false);

  async function portalsInsights(parsed: Linkable, preset: Preset, account: PortalsAccount, credentials: ApiCredentials): Promise<ProductInsightsReply> {
    const saved = credentials.aliexpress;
    // A secret is used only for the app it was saved for.
    if (!saved || saved.appKey !== account.appKey) return { source: null, reason: 'no-credentials', service: 'aliexpress' };
    if (!(await access('aliexpress'))) return { source: null, reason: 'no-access', service: 'aliexpress' };
    const source = 'aliexpress-api';
    const trackingId = portalsTrackingId(preset.portals?.trackingId, account, saved.trackingId);
    if (!trackingId) return { source, error: { kind: 'api', message: 'Portals: no tracking id in the preset, the account or the credentials', code: 'no-tracking-id' } };

    const result = await buildPortalsLink(aliexpressClient(saved), {
      target: parsed,
      keepSku: preset.keepSku,
      ...(preset.neutralLinks !== undefined && { neutralLinks: preset.neutralLinks }),
      trackingId,
      tracking: preset.portals ?? {},
      audienceCountry: preset.audienceCountry,
    });
    if (!result.ok) {
      if (result.code === 'api') return { source, error: errorView(result.error) };
      return { source, error: { kind: 'api', message: `Portals: the link cannot be built (${result.code})`, code: result.code } };
    }
    const reply: Mutable<Extract<ProductInsightsReply, { source: InsightsSource }>> = { source, link: { url: result.url, kind: result.linkType } };
    if (result.product) Object.assign(reply, productFacts(result.product));
    // productdetail.get lists affiliate products only: none for a product id means none to earn on.
    if (parsed.kind === 'product' && !result.productError) reply.affiliate = result.product !== null;
    if (result.productError) reply.error = errorView(result.productError);
    return reply;
  }

  async function admitadInsights(parsed: Linkable, preset: Preset, credentials: ApiCredentials): Promise<ProductInsightsReply> {
    const saved = credentials.admitad;
    if (!saved) return { source: null, reason: 'no-credentials', service: 'admitad' };
    if (!(await access('admitad'))) return { source: null, reason: 'no-access', service: 'admitad' };
    const source = 'admitad-api';
    const client = admitadClient(saved);
    const target = targetUrl(parsed, preset);
    const isProduct = parsed.kind === 'product';
    const [deeplink, rates] = await Promise.all([
      client.generateDeeplink({ websiteId: saved.websiteId, campaignId: saved.campaignId, url: target, subIds: preset.subIds }),
      isProduct ? client.getCommissionRates([target]) : Promise.resolve(undefined),
    ]);
    const reply: Mutable<Extract<ProductInsightsReply, { source: InsightsSource }>> = { source };
    const errors: ApiError[] = [];
    if (rates?.ok) {
      const entry = rates.value[0];
      if (entry && entry.commissionRate !== null) reply.rate = { commissionRate: entry.commissionRate, hotCommissionRate: entry.hotCommissionRate, isHot: entry.isHot };
      if (entry?.productName) reply.title = entry.productName;
    } else if (rates) errors.push(rates.error);
    if (deeplink.ok) {
      let affiliate = deeplink.value.isAffiliateProduct;
      // No flag from the generator: Admitad's link checker names non-affiliate products ("Attention! This product is non-affiliated.").
      if (affiliate === null && isProduct) {
        const checked = await checkAdmitadLink(client, deeplink.value.link);
        if (checked.ok) affiliate = checked.nonAffiliate ? false : null;
        else errors.push(checked.error);
      }
      if (affiliate !== null && isProduct) reply.affiliate = affiliate;
    } else errors.push(deeplink.error);
    const first = errors[0];
    if (first) reply.error = errorView(first);
    return reply;
  }

  /** The link checker's verdict, cached like every per-product answer (the client does not cache it). */
  async function checkAdmitadLink(client: AdmitadClient, link: string): Promise<{ ok: true; nonAffiliate: boolean } | { ok: false; error: ApiError }> {
    const key = `service:v1:admitad-check:${link}`;
    const cached = await cache.read(key, linkCheckSchema);
    if (cached) return { ok: true, nonAffiliate: cached.nonAffiliate };
    const checked = await client.validateLink(link);
    if (!checked.ok) return { ok: false, error: checked.error };
    const nonAffiliate = /non-?affiliat/i.test(checked.value.problem ?? '');
    await cache.write(key, { nonAffiliate });
    return { ok: true, nonAffiliate };
  }

  async function productInsights(request: ProductInsightsRequest): Promise<ProductInsightsReply> {
    const [state, credentials] = await Promise.all([deps.loadState(), deps.loadCredentials()]);
    const preset = request.presetId === null ? undefined : state.presets.find((candidate) => candidate.id === request.presetId);
    if (!preset) return { source: null, reason: 'no-preset' };
    const account: Account | undefined = preset.accountId === null ? undefined : state.accounts.find((candidate) => candidate.id === preset.accountId);
    const parsed = parseProductUrl(request.url);
    if (!isLinkable(parsed)) return { source: null, reason: 'not-aliexpress' };
    let reply: ProductInsightsReply;
    if (account?.network === 'portals') reply = await portalsInsights(parsed, preset, account, credentials);
    else if (account?.network === 'admitad') reply = await admitadInsights(parsed, preset, credentials);
    else reply = { source: null, reason: 'no-api' };
    return scrubbed(reply, secretsOf(credentials));
  }

  async function portalsCopyLink(preset: Preset, account: PortalsAccount, sourceUrl: string): Promise<PortalsCopyLink> {
    const parsed = parseProductUrl(sourceUrl);
    if (!isLinkable(parsed)) return { ok: false, failure: 'api-error', reason: 'not an AliExpress page' };
    const credentials = await deps.loadCredentials();
    const reply = scrubbed(await portalsInsights(parsed, preset, account, credentials), secretsOf(credentials));
    if (reply.source === null) return { ok: false, failure: 'needs-api', reason: reply.reason };
    if (reply.link) return { ok: true, link: reply.link.url };
    return { ok: false, failure: 'api-error', ...(reply.error ? { reason: reply.error.message } : {}) };
  }

  async function checkCredentials(service: ApiService): Promise<CredentialsCheck> {
    const credentials = await deps.loadCredentials();
    if (!(await access(service))) return { ok: false, reason: 'no-access' };
    const secrets = secretsOf(credentials);
    if (service === 'aliexpress') {
      const saved = credentials.aliexpress;
      if (!saved) return { ok: false, reason: 'no-credentials' };
      // One hot product: signed, and answered only for a registered publisher; no product id needed.
      const result = await aliexpressClient(saved).queryHotProducts({ pageSize: 1, ...(saved.trackingId ? { trackingId: saved.trackingId } : {}) });
      return result.ok ? { ok: true } : scrubbed({ ok: false, error: errorView(result.error) }, secrets);
    }
    const saved = credentials.admitad;
    if (!saved) return { ok: false, reason: 'no-credentials' };
    // A deeplink to the home page proves the token, its scope, the ad space and the program at once.
    const result = await admitadClient(saved).generateDeeplink({ websiteId: saved.websiteId, campaignId: saved.campaignId, url: 'https://www.aliexpress.com/' });
    return result.ok ? { ok: true } : scrubbed({ ok: false, error: errorView(result.error) }, secrets);
  }

  return { productInsights, portalsCopyLink, checkCredentials };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Clients live as long as their credentials: the Admitad token is reused until it expires. */
function clientPerCredentials<Credentials extends object, Client>(create: (credentials: Credentials) => Client): (credentials: Credentials) => Client {
  let current: { readonly of: Credentials; readonly client: Client } | undefined;
  return (credentials) => {
    if (!current || !sameValues(current.of, credentials)) current = { of: credentials, client: create(credentials) };
    return current.client;
  };
}

function sameValues<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The same target every surface links to (lib/networks/target.ts); a Linkable always resolves. */
function targetUrl(parsed: Linkable, preset: Preset): string {
  const resolved = resolveTarget(parsed, preset);
  return resolved.ok ? resolved.target.url : parsed.kind === 'product' ? canonicalProductUrl(parsed.product, { keepSku: preset.keepSku }) : parsed.url;
}

function errorView(error: ApiError): ApiErrorView {
  return error.code === undefined ? { kind: error.kind, message: error.message } : { kind: error.kind, message: error.message, code: error.code };
}

function productFacts(product: AliExpressProduct): Pick<Extract<ProductInsightsReply, { source: InsightsSource }>, 'rate' | 'category' | 'price' | 'title'> {
  const facts: Mutable<Pick<Extract<ProductInsightsReply, { source: InsightsSource }>, 'rate' | 'category' | 'price' | 'title'>> = {};
  if (product.commissionRate !== null || product.hotCommissionRate !== null) {
    facts.rate = { commissionRate: product.commissionRate, hotCommissionRate: product.hotCommissionRate, isHot: product.isHot };
  }
  const categories = [product.firstLevelCategory?.name, product.secondLevelCategory?.name].filter((name): name is string => Boolean(name));
  if (categories.length > 0) facts.category = categories.join(' › ');
  const price = product.targetSalePrice ?? product.salePrice;
  if (price) facts.price = { amount: price.amount, currency: price.currency };
  if (product.title) facts.title = product.title;
  return facts;
}

/**
 * The last line of defence: every string in an answer, redacted of every secret form. The
 * clients already redact their messages; this also covers what an API echoes into a title or a
 * link, which no client message check sees.
 */
export function scrubbed<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const walk = (input: unknown): unknown => {
    if (typeof input === 'string') return redactSecrets(input, secrets);
    if (Array.isArray(input)) return input.map(walk);
    if (typeof input === 'object' && input !== null) return Object.fromEntries(Object.entries(input).map(([key, inner]) => [key, walk(inner)]));
    return input;
  };
  return walk(value) as T;
}

/**
 * A `CacheStore` over a storage area (storage.session in the worker): one item per key under a
 * prefix, with expired items swept every `sweepEvery` writes so the area stays small. Values are
 * API answers, never secrets (lib/api/cache.ts).
 */
export interface CacheArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export function createAreaCacheStore(area: CacheArea, { now, prefix = API_CACHE_PREFIX, ttlMs = DEFAULT_CACHE_TTL_MS, sweepEvery = 50 }: { now: () => number; prefix?: string; ttlMs?: number; sweepEvery?: number }): CacheStore {
  let writes = 0;
  const sweep = async (): Promise<void> => {
    const all = await area.get(null);
    const stale = Object.entries(all)
      .filter(([key, value]) => key.startsWith(prefix) && !(typeof value === 'object' && value !== null && typeof (value as { storedAt?: unknown }).storedAt === 'number' && now() - (value as { storedAt: number }).storedAt < ttlMs))
      .map(([key]) => key);
    if (stale.length > 0) await area.remove(stale);
  };
  return {
    async get(key) {
      return (await area.get(prefix + key))[prefix + key];
    },
    async set(key, value) {
      await area.set({ [prefix + key]: value });
      if (++writes % sweepEvery === 0) await sweep().catch(() => undefined);
    },
  };
}
