// @vitest-environment node
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMemoryCacheStore, DEFAULT_CACHE_TTL_MS } from '../../../lib/api/cache';
import { aliExpressAudience, createAliExpressClient, isAliExpressUrl } from '../../../lib/api/aliexpress';
import { createTokenBucket } from '../../../lib/api/rate-limit';
import { FAKE_ALIEXPRESS_CREDENTIALS, promotionLink } from '../../fakes/index.mjs';
import { answering, createClock, nodeFetch, useFakeAliExpress } from './support';

const HOT_ID = '1005006789012345';
const NORMAL_ID = '1005001234567890';
const NON_AFFILIATE_ID = '1005009999999999';
const productUrl = (id: string): string => `https://www.aliexpress.com/item/${id}.html`;

const clock = createClock();
const fake = useFakeAliExpress(clock);

describe('AliExpress client against the fake gateway: answers', () => {
  it('gets a hot product with its rates, categories and audience price', async () => {
    const actual = await fake.client().getProductDetail({ productId: HOT_ID, trackingId: 'blog', audience: aliExpressAudience('DE') });
    expect(actual).toEqual({
      ok: true,
      value: {
        productId: HOT_ID,
        title: 'Sample product 1005006789012345: USB-C cable, 2 m',
        detailUrl: productUrl(HOT_ID),
        commissionRate: 7,
        hotCommissionRate: 9,
        isHot: true,
        firstLevelCategory: { id: '44', name: 'Consumer Electronics' },
        secondLevelCategory: { id: '200216607', name: 'Cables' },
        salePrice: { amount: 3.99, currency: 'USD' },
        targetSalePrice: { amount: 3.67, currency: 'EUR' },
      },
    });
  });

  it('sends the audience as the documented parameters', async () => {
    await fake.client().getProductDetail({ productId: NORMAL_ID, trackingId: 'blog', audience: aliExpressAudience('RU') });
    const params = fake.api.requests[0]?.params;
    expect(params).toMatchObject({ method: 'aliexpress.affiliate.productdetail.get', product_ids: NORMAL_ID, tracking_id: 'blog', country: 'RU', target_currency: 'RUB', target_language: 'RU' });
  });

  it('reads a product with a zero hot rate as not hot', async () => {
    const actual = await fake.client().getProductDetail({ productId: NORMAL_ID });
    expect(actual.ok && { isHot: actual.value?.isHot, hot: actual.value?.hotCommissionRate, rate: actual.value?.commissionRate }).toEqual({ isHot: false, hot: 0, rate: 5 });
  });

  it('answers null for a product outside the affiliate catalog', async () => {
    const actual = await fake.client().getProductDetail({ productId: NON_AFFILIATE_ID });
    expect(actual).toEqual({ ok: true, value: null });
  });

  it.each([
    { linkType: 'normal' as const, expectedType: '0' },
    { linkType: 'hot' as const, expectedType: '2' },
  ])('generates a $linkType promotion link (promotion_link_type $expectedType)', async ({ linkType, expectedType }) => {
    const sourceUrl = productUrl(HOT_ID);
    const actual = await fake.client().generateLink({ sourceUrl, trackingId: 'blog', linkType });
    expect(actual).toEqual({ ok: true, value: { link: promotionLink(sourceUrl, 'blog', linkType), sourceUrl, linkType, trackingId: 'blog' } });
    expect(fake.api.requests[0]?.params).toMatchObject({ promotion_link_type: expectedType, source_values: sourceUrl, tracking_id: 'blog' });
  });

  it('lists hot products as hot, with ship_to_country for the audience', async () => {
    const actual = await fake.client().queryHotProducts({ pageSize: 20, audience: aliExpressAudience('GB') });
    expect(actual.ok && actual.value.products.map((product) => [product.productId, product.isHot])).toEqual([[HOT_ID, true]]);
    expect(fake.api.requests[0]?.params).toMatchObject({ method: 'aliexpress.affiliate.hotproduct.query', page_no: '1', page_size: '20', ship_to_country: 'GB', target_currency: 'GBP' });
  });

  it.each(['sha256', 'md5'] as const)('is accepted by the gateway signing with %s', async (signMethod) => {
    const client = fake.client({ credentials: { ...FAKE_ALIEXPRESS_CREDENTIALS, signMethod } });
    const actual = await client.getProductDetail({ productId: HOT_ID });
    expect(actual.ok).toBe(true);
    expect(fake.api.requests[0]).toMatchObject({ verdict: 'ok', params: { sign_method: signMethod, app_key: FAKE_ALIEXPRESS_CREDENTIALS.appKey, format: 'json', v: '2.0' } });
  });

  it('sends the timestamp in milliseconds from the injected clock and never the secret', async () => {
    await fake.client().getProductDetail({ productId: HOT_ID });
    const params = fake.api.requests[0]?.params ?? {};
    expect(params['timestamp']).toBe(String(clock()));
    expect(JSON.stringify(params)).not.toContain(FAKE_ALIEXPRESS_CREDENTIALS.appSecret);
  });
});

describe('AliExpress client against the fake gateway: refusals', () => {
  it('reports a wrong secret as an auth error (the gateway checks the signature)', async () => {
    const client = fake.client({ credentials: { ...FAKE_ALIEXPRESS_CREDENTIALS, appSecret: 'not-the-right-secret' } });
    const actual = await client.getProductDetail({ productId: HOT_ID });
    expect(actual).toEqual({ ok: false, error: { kind: 'auth', code: 'IncompleteSignature', message: 'aliexpress.affiliate.productdetail.get: The request signature does not conform to platform standards (IncompleteSignature)' } });
  });

  it('reports a wrong app key as an auth error', async () => {
    const client = fake.client({ credentials: { ...FAKE_ALIEXPRESS_CREDENTIALS, appKey: '999999' } });
    const actual = await client.getProductDetail({ productId: HOT_ID });
    expect(!actual.ok && [actual.error.kind, actual.error.code]).toEqual(['auth', 'InvalidAppKey']);
  });

  it.each([
    { name: 'two hours and a minute slow', skewMs: -(7200 + 60) * 1000 },
    { name: 'two hours and a minute fast', skewMs: (7200 + 60) * 1000 },
  ])('is refused with a clock $name (the gateway allows 7200 s)', async ({ skewMs }) => {
    const client = fake.client({ now: () => clock() + skewMs });
    const actual = await client.getProductDetail({ productId: HOT_ID });
    expect(!actual.ok && [actual.error.kind, actual.error.code]).toEqual(['api', 'InvalidTimestamp']);
  });

  it('is accepted with a clock an hour off', async () => {
    const client = fake.client({ now: () => clock() - 3600 * 1000 });
    expect((await client.getProductDetail({ productId: HOT_ID })).ok).toBe(true);
  });

  it.each([
    { mode: 'not-registered' as const, kind: 'not-registered', code: '401', message: 'aliexpress.affiliate.link.generate: This publisher is not registered:7000000001' },
    { mode: 'resp-error' as const, kind: 'api', code: '402', message: 'aliexpress.affiliate.link.generate: Invalid input parameter (resp_code 402)' },
    { mode: 'signature-error' as const, kind: 'auth', code: 'IncompleteSignature', message: undefined },
    { mode: 'app-key-error' as const, kind: 'auth', code: 'InvalidAppKey', message: undefined },
    { mode: 'rate-limited' as const, kind: 'rate-limited', code: 'ApiCallLimit', message: 'aliexpress.affiliate.link.generate: Api access frequency exceeds the limit. this ban will last 1 seconds (ApiCallLimit)' },
    { mode: 'top-error' as const, kind: 'api', code: '15/isv.invalid-parameter', message: 'aliexpress.affiliate.link.generate: Remote service error: Invalid parameter (15/isv.invalid-parameter)' },
    { mode: 'top-level-error' as const, kind: 'auth', code: 'IncompleteSignature', message: undefined },
    { mode: 'wrong-shape' as const, kind: 'bad-response', code: undefined, message: undefined },
    { mode: 'invalid-json' as const, kind: 'bad-response', code: undefined, message: 'aliexpress.affiliate.link.generate: the answer is not valid JSON (cut off or garbled) (HTTP 200)' },
    { mode: 'truncated' as const, kind: 'bad-response', code: undefined, message: undefined },
    { mode: 'html' as const, kind: 'bad-response', code: undefined, message: 'aliexpress.affiliate.link.generate: the answer is an HTML page, not JSON (HTTP 200)' },
    { mode: 'empty' as const, kind: 'bad-response', code: undefined, message: 'aliexpress.affiliate.link.generate: the answer is empty (HTTP 200)' },
    { mode: 'http-500' as const, kind: 'api', code: 'http-500', message: undefined },
    { mode: 'connection-reset' as const, kind: 'network', code: undefined, message: undefined },
  ])('maps the $mode answer to a $kind error', async ({ mode, kind, code, message }) => {
    fake.api.setBehaviour(mode);
    const actual = await fake.client().generateLink({ sourceUrl: productUrl(HOT_ID), trackingId: 'blog', linkType: 'normal' });
    expect(actual.ok).toBe(false);
    if (actual.ok) return;
    expect(actual.error.kind).toBe(kind);
    expect(actual.error.code).toBe(code);
    if (message !== undefined) expect(actual.error.message).toBe(message);
  });

  it('times out on a slow answer and says how long it waited', async () => {
    fake.api.setBehaviour({ mode: 'slow', delayMs: 3000 });
    const started = Date.now();
    const actual = await fake.client({ timeoutMs: 200 }).getProductDetail({ productId: HOT_ID });
    expect(actual).toEqual({ ok: false, error: { kind: 'timeout', message: 'aliexpress.affiliate.productdetail.get: no answer within 200 ms' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a refused connection as a network error', async () => {
    const port = await unusedPort();
    const client = fake.client({ baseUrl: `http://127.0.0.1:${port}/sync` });
    const actual = await client.getProductDetail({ productId: HOT_ID });
    expect(!actual.ok && actual.error.kind).toBe('network');
  });

  it('answers rate-limited at once when the local bucket is empty, without a request', async () => {
    const rateLimiter = createTokenBucket({ capacity: 1, refillPerSecond: 0.001, now: clock });
    const client = fake.client({ rateLimiter });
    await client.getProductDetail({ productId: HOT_ID });
    const actual = await client.getProductDetail({ productId: NORMAL_ID });
    expect(!actual.ok && [actual.error.kind, actual.error.code]).toEqual(['rate-limited', 'local-rate-limit']);
    expect(fake.api.requests).toHaveLength(1);
  });
});

describe('AliExpress client: one-hour cache', () => {
  it('answers a repeated product detail from the cache, then asks again after an hour', async () => {
    const cache = createMemoryCacheStore();
    const first = await fake.client({ cache }).getProductDetail({ productId: HOT_ID, audience: aliExpressAudience('DE') });
    // A new client, as after the service worker restarted: the store is what persists.
    const second = await fake.client({ cache }).getProductDetail({ productId: HOT_ID, audience: aliExpressAudience('DE') });
    expect(second).toEqual(first);
    expect(fake.api.requests).toHaveLength(1);

    clock.advance(DEFAULT_CACHE_TTL_MS);
    await fake.client({ cache }).getProductDetail({ productId: HOT_ID, audience: aliExpressAudience('DE') });
    expect(fake.api.requests).toHaveLength(2);
  });

  it('keeps audiences apart', async () => {
    const cache = createMemoryCacheStore();
    await fake.client({ cache }).getProductDetail({ productId: HOT_ID, audience: aliExpressAudience('DE') });
    await fake.client({ cache }).getProductDetail({ productId: HOT_ID, audience: aliExpressAudience('US') });
    expect(fake.api.requests).toHaveLength(2);
  });

  it('caches "not an affiliate product" too', async () => {
    const cache = createMemoryCacheStore();
    await fake.client({ cache }).getProductDetail({ productId: NON_AFFILIATE_ID });
    const actual = await fake.client({ cache }).getProductDetail({ productId: NON_AFFILIATE_ID });
    expect(actual).toEqual({ ok: true, value: null });
    expect(fake.api.requests).toHaveLength(1);
  });

  it('caches links per tracking id and link type, and never caches errors', async () => {
    const cache = createMemoryCacheStore();
    const sourceUrl = productUrl(HOT_ID);
    fake.api.setBehaviour('rate-limited');
    await fake.client({ cache }).generateLink({ sourceUrl, trackingId: 'blog', linkType: 'hot' });
    fake.api.setBehaviour('ok');
    await fake.client({ cache }).generateLink({ sourceUrl, trackingId: 'blog', linkType: 'hot' });
    await fake.client({ cache }).generateLink({ sourceUrl, trackingId: 'blog', linkType: 'hot' });
    await fake.client({ cache }).generateLink({ sourceUrl, trackingId: 'blog', linkType: 'normal' });
    await fake.client({ cache }).generateLink({ sourceUrl, trackingId: 'tg', linkType: 'hot' });
    expect(fake.api.requests).toHaveLength(4);
  });
});

describe('AliExpress client: answer shapes', () => {
  const product = { product_id: 1005006789012345, commission_rate: '7.0%', hot_product_commission_rate: '9.0%' };
  const detailAnswer = (products: unknown) => ({ aliexpress_affiliate_productdetail_get_response: { resp_result: { resp_code: 200, resp_msg: 'Call succeeds', result: { current_record_count: 1, products } } } });
  const client = (body: unknown, status = 200) => createAliExpressClient({ fetch: answering(body, status), now: clock, credentials: FAKE_ALIEXPRESS_CREDENTIALS, timeoutMs: 1000 });

  it.each([
    { name: 'wrapped array', input: detailAnswer({ product: [product] }) },
    { name: 'wrapped single object', input: detailAnswer({ product }) },
    { name: 'bare array (simplify=true)', input: detailAnswer([product]) },
    { name: 'resp_result as a JSON string', input: { aliexpress_affiliate_productdetail_get_response: { resp_result: JSON.stringify(detailAnswer([product]).aliexpress_affiliate_productdetail_get_response.resp_result) } } },
    { name: 'no wrapper (simplify=true)', input: detailAnswer([product]).aliexpress_affiliate_productdetail_get_response },
    { name: 'resp_code as text and the id as text', input: { aliexpress_affiliate_productdetail_get_response: { resp_result: { resp_code: '200', result: { products: { product: [{ ...product, product_id: '1005006789012345' }] } } } } } },
  ])('reads a $name', async ({ input }) => {
    const actual = await client(input).getProductDetail({ productId: HOT_ID });
    expect(actual.ok && actual.value && [actual.value.productId, actual.value.commissionRate, actual.value.hotCommissionRate, actual.value.isHot]).toEqual([HOT_ID, 7, 9, true]);
  });

  it.each([
    { name: 'an empty list', input: detailAnswer({ product: [] }) },
    { name: 'no products key', input: { aliexpress_affiliate_productdetail_get_response: { resp_result: { resp_code: 200, result: { current_record_count: 0 } } } } },
    { name: 'another product only', input: detailAnswer({ product: [{ ...product, product_id: 42 }] }) },
  ])('reads $name as "no affiliate product"', async ({ input }) => {
    const actual = await client(input).getProductDetail({ productId: HOT_ID });
    expect(actual).toEqual({ ok: true, value: null });
  });

  it.each([
    { name: 'a rate over 100%', input: detailAnswer([{ ...product, commission_rate: '250%' }]), where: 'products.0.commission_rate' },
    { name: 'a rate that is not a number', input: detailAnswer([{ ...product, commission_rate: 'high' }]), where: 'products.0.commission_rate' },
    { name: 'a product without an id', input: detailAnswer([{ commission_rate: '7%' }]), where: 'products.0.product_id' },
    { name: 'a price that is not a number', input: detailAnswer([{ ...product, sale_price: 'US $3.99' }]), where: 'products.0.sale_price' },
  ])('refuses $name, naming where', async ({ input, where }) => {
    const actual = await client(input).getProductDetail({ productId: HOT_ID });
    expect(!actual.ok && actual.error.kind).toBe('bad-response');
    expect(!actual.ok && actual.error.message).toContain(where);
  });

  it.each([
    { name: 'a JSON array', input: [1, 2] },
    { name: 'an object without resp_result', input: { something: 'else' } },
    { name: 'an unreadable error_response', input: { error_response: 'oops' } },
  ])('refuses $name as a bad response', async ({ input }) => {
    const actual = await client(input).getProductDetail({ productId: HOT_ID });
    expect(!actual.ok && actual.error.kind).toBe('bad-response');
  });

  it('refuses a promotion link outside AliExpress (the link goes to the clipboard)', async () => {
    const body = { aliexpress_affiliate_link_generate_response: { resp_result: { resp_code: 200, result: { promotion_links: { promotion_link: [{ promotion_link: 'https://evil.example/e/_x', source_value: productUrl(HOT_ID) }] } } } } };
    const actual = await client(body).generateLink({ sourceUrl: productUrl(HOT_ID), trackingId: 'blog', linkType: 'normal' });
    expect(!actual.ok && actual.error.kind).toBe('bad-response');
  });

  it('says so when the API returns no link', async () => {
    const body = { aliexpress_affiliate_link_generate_response: { resp_result: { resp_code: 200, result: { promotion_links: {} } } } };
    const actual = await client(body).generateLink({ sourceUrl: productUrl(HOT_ID), trackingId: 'blog', linkType: 'normal' });
    expect(!actual.ok && [actual.error.kind, actual.error.code]).toEqual(['api', 'no-link']);
  });

  it('maps a gateway outage page (HTTP 502, HTML) to an api error with the status', async () => {
    const actual = await createAliExpressClient({ fetch: answering('<html>Bad gateway</html>', 502, 'text/html'), now: clock, credentials: FAKE_ALIEXPRESS_CREDENTIALS, timeoutMs: 1000 }).getProductDetail({ productId: HOT_ID });
    expect(!actual.ok && [actual.error.kind, actual.error.code]).toEqual(['api', 'http-502']);
  });
});

describe('AliExpress client: input checks, before any request', () => {
  let calls = 0;
  const counting: typeof fetch = async (input, init) => {
    calls += 1;
    return nodeFetch(input, init);
  };
  const client = () => fake.client({ fetch: counting });

  it.each([
    { name: 'an empty app secret', run: () => fake.client({ fetch: counting, credentials: { appKey: '1', appSecret: '' } }).getProductDetail({ productId: HOT_ID }), code: 'missing-credentials' },
    { name: 'a product id with letters', run: () => client().getProductDetail({ productId: '12ab' }), code: 'invalid-input' },
    { name: 'a lower-case country', run: () => client().getProductDetail({ productId: HOT_ID, audience: { country: 'de' } }), code: 'invalid-input' },
    { name: 'an empty tracking id', run: () => client().generateLink({ sourceUrl: productUrl(HOT_ID), trackingId: '', linkType: 'normal' }), code: 'invalid-input' },
    { name: 'a source outside AliExpress', run: () => client().generateLink({ sourceUrl: 'https://example.com/item/1.html', trackingId: 'blog', linkType: 'normal' }), code: 'invalid-input' },
    { name: 'a page size over 50', run: () => client().queryHotProducts({ pageSize: 51 }), code: 'invalid-input' },
  ])('refuses $name', async ({ run, code }) => {
    calls = 0;
    const actual = await run();
    expect(!actual.ok && actual.error.code).toBe(code);
    expect(calls).toBe(0);
  });
});

describe('aliExpressAudience', () => {
  it.each([
    { input: 'DE', expected: { country: 'DE', targetCurrency: 'EUR', targetLanguage: 'DE' } },
    { input: 'BR', expected: { country: 'BR', targetCurrency: 'BRL', targetLanguage: 'PT' } },
    { input: 'KZ', expected: { country: 'KZ', targetCurrency: 'USD', targetLanguage: 'RU' } },
    { input: 'NG', expected: { country: 'NG', targetCurrency: 'USD', targetLanguage: 'EN' } },
    { input: null, expected: { targetCurrency: 'USD', targetLanguage: 'EN' } },
  ])('$input -> $expected', ({ input, expected }) => {
    expect(aliExpressAudience(input)).toEqual(expected);
  });
});

describe('isAliExpressUrl', () => {
  it.each([
    { input: 'https://s.click.aliexpress.com/e/_abc', expected: true },
    { input: 'https://aliexpress.ru/item/1.html', expected: true },
    { input: 'http://s.click.aliexpress.com/e/_abc', expected: false },
    { input: 'https://aliexpress.com.evil.example/e/_abc', expected: false },
    { input: 'https://user:pw@s.click.aliexpress.com/e/_abc', expected: false },
    { input: 'not a url', expected: false },
  ])('$input -> $expected', ({ input, expected }) => {
    expect(isAliExpressUrl(input)).toBe(expected);
  });
});

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('AliExpress client: fetch binding', () => {
  it("calls fetch detached, as the browser's fetch requires", async () => {
    // Chrome's fetch throws "Illegal invocation" when called as a method of another object.
    const strictFetch = function (this: unknown, input: string | URL | Request, init?: RequestInit) {
      if (this !== undefined && this !== globalThis) return Promise.reject(new TypeError('Illegal invocation'));
      return nodeFetch(input, init);
    } as typeof fetch;
    const actual = await fake.client({ fetch: strictFetch }).getProductDetail({ productId: HOT_ID });
    expect(actual.ok).toBe(true);
  });
});
