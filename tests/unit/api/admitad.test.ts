// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ADMITAD_SCOPES, base64Utf8, createAdmitadClient } from '../../../lib/api/admitad';
import { createMemoryCacheStore, DEFAULT_CACHE_TTL_MS } from '../../../lib/api/cache';
import { FAKE_ADMITAD_CAMPAIGN_ID, FAKE_ADMITAD_CREDENTIALS, FAKE_ADMITAD_WEBSITE_ID } from '../../fakes/index.mjs';
import { answering, createClock, useFakeAdmitad } from './support';

const HOT_URL = 'https://www.aliexpress.com/item/1005006789012345.html';
const NON_AFFILIATE_URL = 'https://www.aliexpress.com/item/1005009999999999.html';
const UNKNOWN_URL = 'https://aliexpress.ru/item/32961877911.html';
const program = { websiteId: FAKE_ADMITAD_WEBSITE_ID, campaignId: FAKE_ADMITAD_CAMPAIGN_ID };

const clock = createClock();
/** Two-minute tokens: renewed a minute before they expire. */
const fake = useFakeAdmitad(clock, 120);

const tokenRequests = () => fake.api.requests.filter((request) => request.path === '/token/');
const apiRequests = () => fake.api.requests.filter((request) => request.path !== '/token/');

describe('base64Utf8', () => {
  // "Client authorization": the documented header for these example credentials.
  // https://developers.admitad.com/knowledge-base/article/client-authorization_2
  it('builds the documented Basic credentials', () => {
    const actual = base64Utf8('cb281d918a37e346b45e9aea1c6eb7:a0f8a8b24de8b8182a0ddd2e89f5b1');
    expect(actual).toBe('Y2IyODFkOTE4YTM3ZTM0NmI0NWU5YWVhMWM2ZWI3OmEwZjhhOGIyNGRlOGI4MTgyYTBkZGQyZTg5ZjViMQ==');
  });

  it('encodes non-Latin text as UTF-8', () => {
    expect(base64Utf8('ключ')).toBe(Buffer.from('ключ', 'utf8').toString('base64'));
  });
});

describe('Admitad client: token', () => {
  it('asks for a client-credentials token with only the scopes it uses', async () => {
    await fake.client().generateDeeplink({ ...program, url: HOT_URL });
    const body = new URLSearchParams(tokenRequests()[0]?.body);
    expect(Object.fromEntries(body)).toEqual({ grant_type: 'client_credentials', client_id: FAKE_ADMITAD_CREDENTIALS.clientId, scope: ADMITAD_SCOPES.join(' ') });
  });

  it('reuses the token until shortly before it expires, then gets a new one', async () => {
    const client = fake.client();
    await client.generateDeeplink({ ...program, url: HOT_URL });
    clock.advance(59_000);
    await client.validateLink('https://ad.admitad.com/g/abc/');
    expect(tokenRequests()).toHaveLength(1);
    clock.advance(2_000);
    const actual = await client.validateLink('https://ad.admitad.com/g/abc/');
    expect(actual.ok).toBe(true);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('shares one token request between calls made at the same time', async () => {
    const client = fake.client();
    const actual = await Promise.all([client.validateLink('https://ad.admitad.com/g/a/'), client.validateLink('https://ad.admitad.com/g/b/'), client.getCommissionRates([HOT_URL])]);
    expect(actual.map((result) => result.ok)).toEqual([true, true, true]);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('gets a new token once when Admitad no longer knows the cached one', async () => {
    const client = fake.client();
    await client.validateLink('https://ad.admitad.com/g/a/');
    fake.api.revokeTokens();
    const actual = await client.validateLink('https://ad.admitad.com/g/a/');
    expect(actual.ok).toBe(true);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('stops after one retry when every token is refused', async () => {
    fake.api.setBehaviour('invalid-token');
    const actual = await fake.client().validateLink('https://ad.admitad.com/g/a/');
    expect(actual).toEqual({ ok: false, error: { kind: 'auth', code: 'invalid_token', message: "Admitad link check: Token doesn't exist (invalid_token)" } });
    expect(apiRequests()).toHaveLength(2);
  });

  it('reports refused client credentials as an auth error', async () => {
    const client = fake.client({ credentials: { ...FAKE_ADMITAD_CREDENTIALS, clientSecret: 'wrong-secret-value' } });
    const actual = await client.generateDeeplink({ ...program, url: HOT_URL });
    expect(actual).toEqual({ ok: false, error: { kind: 'auth', code: 'invalid_client', message: 'Admitad token: Client authentication failed. (invalid_client)' } });
    expect(apiRequests()).toHaveLength(0);
  });

  it('refuses missing credentials without a request', async () => {
    const actual = await fake.client({ credentials: { clientId: '', clientSecret: '' } }).validateLink('https://ad.admitad.com/g/a/');
    expect(!actual.ok && [actual.error.kind, actual.error.code]).toEqual(['auth', 'missing-credentials']);
    expect(fake.api.requests).toHaveLength(0);
  });
});

describe('Admitad client: deeplinks', () => {
  it.each([
    { name: 'an affiliate product', url: HOT_URL, mode: 'ok' as const, expected: true },
    { name: 'a non-affiliate product', url: NON_AFFILIATE_URL, mode: 'ok' as const, expected: false },
    { name: 'any product when Admitad says non-affiliate', url: HOT_URL, mode: 'not-affiliate' as const, expected: false },
    { name: 'a page outside AliExpress (no data)', url: 'https://shop.example.test/p/1', mode: 'ok' as const, expected: null },
  ])('returns the link and is_affiliate_product for $name', async ({ url, mode, expected }) => {
    fake.api.setBehaviour(mode);
    const actual = await fake.client().generateDeeplink({ ...program, url, subIds: { subid: 'blog', subid2: 'post 42' } });
    expect(actual.ok && actual.value.isAffiliateProduct).toBe(expected);
    expect(actual.ok && new URL(actual.value.link).searchParams.get('ulp')).toBe(url);
  });

  it('sends ulp and the set sub-ids to the documented path', async () => {
    await fake.client().generateDeeplink({ ...program, url: HOT_URL, subIds: { subid: 'blog', subid1: '', subid4: 'x'.repeat(120) } });
    const request = apiRequests()[0];
    expect(request?.path).toBe(`/deeplink/${FAKE_ADMITAD_WEBSITE_ID}/advcampaign/${FAKE_ADMITAD_CAMPAIGN_ID}/`);
    expect(request?.query).toEqual({ subid: 'blog', subid4: 'x'.repeat(120), ulp: HOT_URL });
  });

  it('answers a repeated deeplink from the cache for an hour', async () => {
    const cache = createMemoryCacheStore();
    await fake.client({ cache }).generateDeeplink({ ...program, url: HOT_URL });
    await fake.client({ cache }).generateDeeplink({ ...program, url: HOT_URL });
    expect(apiRequests()).toHaveLength(1);
    clock.advance(DEFAULT_CACHE_TTL_MS);
    await fake.client({ cache }).generateDeeplink({ ...program, url: HOT_URL });
    expect(apiRequests()).toHaveLength(2);
  });

  it('reads the earlier answer form, a list of link strings', async () => {
    const client = createAdmitadClient({ fetch: scripted([tokenAnswer, ['https://ad.admitad.com/g/abc/?ulp=x']]), now: clock, credentials: FAKE_ADMITAD_CREDENTIALS, timeoutMs: 1000 });
    const actual = await client.generateDeeplink({ ...program, url: HOT_URL });
    expect(actual).toEqual({ ok: true, value: { link: 'https://ad.admitad.com/g/abc/?ulp=x', isAffiliateProduct: null } });
  });

  it.each([
    { name: 'non-numeric ids', request: { websiteId: 'w1', campaignId: '1', url: HOT_URL } },
    { name: 'an http target', request: { ...program, url: 'http://www.aliexpress.com/item/1.html' } },
  ])('refuses $name before any request', async ({ request }) => {
    const actual = await fake.client().generateDeeplink(request);
    expect(!actual.ok && actual.error.code).toBe('invalid-input');
    expect(fake.api.requests).toHaveLength(0);
  });
});

describe('Admitad client: commission rates', () => {
  it('returns rates in the order asked, null for products Admitad does not know', async () => {
    const actual = await fake.client().getCommissionRates([UNKNOWN_URL, HOT_URL]);
    expect(actual).toEqual({
      ok: true,
      value: [
        { url: UNKNOWN_URL, productName: null, commissionRate: null, hotCommissionRate: null, isHot: false },
        { url: HOT_URL, productName: 'Sample product 1005006789012345: USB-C cable, 2 m', commissionRate: 7, hotCommissionRate: 9, isHot: true },
      ],
    });
    expect(JSON.parse(apiRequests()[0]?.body ?? '{}')).toEqual({ urls: [UNKNOWN_URL, HOT_URL] });
  });

  it('asks only for links it has not cached', async () => {
    const cache = createMemoryCacheStore();
    await fake.client({ cache }).getCommissionRates([HOT_URL]);
    const actual = await fake.client({ cache }).getCommissionRates([HOT_URL, UNKNOWN_URL, HOT_URL]);
    expect(actual.ok && actual.value.map((rate) => rate.url)).toEqual([HOT_URL, UNKNOWN_URL, HOT_URL]);
    expect(apiRequests().map((request) => JSON.parse(request.body).urls)).toEqual([[HOT_URL], [UNKNOWN_URL]]);
  });

  it('reads rates given as text, as the field table documents them', async () => {
    const body = { commission_rates: [{ url: HOT_URL, product_name: 'x', commission_rate: '5.0', hot_commission_rate: '', is_hot: false }] };
    const client = createAdmitadClient({ fetch: scripted([tokenAnswer, body]), now: clock, credentials: FAKE_ADMITAD_CREDENTIALS, timeoutMs: 1000 });
    const actual = await client.getCommissionRates([HOT_URL]);
    expect(actual.ok && actual.value[0]).toEqual({ url: HOT_URL, productName: 'x', commissionRate: 5, hotCommissionRate: null, isHot: false });
  });

  it('refuses an answer that leaves out a link', async () => {
    const client = createAdmitadClient({ fetch: scripted([tokenAnswer, { commission_rates: [] }]), now: clock, credentials: FAKE_ADMITAD_CREDENTIALS, timeoutMs: 1000 });
    const actual = await client.getCommissionRates([HOT_URL]);
    expect(!actual.ok && actual.error.kind).toBe('bad-response');
  });

  it('answers an empty list without a request', async () => {
    expect(await fake.client().getCommissionRates([])).toEqual({ ok: true, value: [] });
    expect(fake.api.requests).toHaveLength(0);
  });
});

describe('Admitad client: link checker', () => {
  it.each([
    { name: 'a good link', link: `https://ad.admitad.com/g/abc/?ulp=${encodeURIComponent(HOT_URL)}`, expected: { valid: true, message: 'Link successfully tested.', problem: null } },
    { name: 'a non-affiliate product', link: `https://ad.admitad.com/g/abc/?ulp=${encodeURIComponent(NON_AFFILIATE_URL)}`, expected: { valid: false, message: 'Link tested.', problem: 'Attention! This product is non-affiliated.' } },
    { name: 'another domain', link: 'https://example.com/g/abc/', expected: { valid: false, message: 'Link tested.', problem: 'Wrong domain name.' } },
  ])('reports $name', async ({ link, expected }) => {
    const actual = await fake.client().validateLink(link);
    expect(actual).toEqual({ ok: true, value: expected });
    expect(apiRequests()[0]?.query).toEqual({ link });
  });
});

describe('Admitad client: errors', () => {
  it.each([
    { mode: 'rate-limited' as const, kind: 'rate-limited', code: 'rate_limit_exceeded' },
    { mode: 'insufficient-scope' as const, kind: 'auth', code: 'insufficient_scope' },
    { mode: 'wrong-shape' as const, kind: 'bad-response', code: undefined },
    { mode: 'invalid-json' as const, kind: 'bad-response', code: undefined },
    { mode: 'truncated' as const, kind: 'bad-response', code: undefined },
    { mode: 'html' as const, kind: 'bad-response', code: undefined },
    { mode: 'empty' as const, kind: 'bad-response', code: undefined },
    { mode: 'http-500' as const, kind: 'api', code: 'http-500' },
    { mode: 'connection-reset' as const, kind: 'network', code: undefined },
  ])('maps a $mode answer to a $kind error, with a valid token in hand', async ({ mode, kind, code }) => {
    const client = fake.client();
    expect((await client.validateLink('https://ad.admitad.com/g/a/')).ok).toBe(true);
    fake.api.setBehaviour(mode);
    const actual = await client.generateDeeplink({ ...program, url: HOT_URL });
    expect(!actual.ok && [actual.error.kind, actual.error.code]).toEqual([kind, code]);
  });

  it.each(['invalid-json', 'html', 'truncated', 'http-500'] as const)('maps a %s token answer to an error', async (mode) => {
    fake.api.setBehaviour(mode);
    const actual = await fake.client().generateDeeplink({ ...program, url: HOT_URL });
    expect(actual.ok).toBe(false);
    expect(apiRequests()).toHaveLength(0);
  });

  it('times out on a slow token answer', async () => {
    fake.api.setBehaviour({ mode: 'slow', delayMs: 3000 });
    const actual = await fake.client({ timeoutMs: 150 }).generateDeeplink({ ...program, url: HOT_URL });
    expect(actual).toEqual({ ok: false, error: { kind: 'timeout', message: 'Admitad token: no answer within 150 ms' } });
  });

  it('times out on a slow API answer', async () => {
    const client = fake.client({ timeoutMs: 150 });
    await client.validateLink('https://ad.admitad.com/g/a/');
    fake.api.setBehaviour({ mode: 'slow', delayMs: 3000 });
    const actual = await client.getCommissionRates([HOT_URL]);
    expect(actual).toEqual({ ok: false, error: { kind: 'timeout', message: 'Admitad commission rates: no answer within 150 ms' } });
  });

  it('reads an HTML 503 from a load balancer as an outage, not a rate limit', async () => {
    const client = createAdmitadClient({ fetch: scripted([tokenAnswer, { status: 503, text: '<html>Service Unavailable</html>' }]), now: clock, credentials: FAKE_ADMITAD_CREDENTIALS, timeoutMs: 1000 });
    const actual = await client.validateLink('https://ad.admitad.com/g/a/');
    expect(!actual.ok && [actual.error.kind, actual.error.code]).toEqual(['api', 'http-503']);
  });

  it('reads HTTP 429 as rate-limited', async () => {
    const client = createAdmitadClient({ fetch: scripted([tokenAnswer, { status: 429, text: '' }]), now: clock, credentials: FAKE_ADMITAD_CREDENTIALS, timeoutMs: 1000 });
    const actual = await client.validateLink('https://ad.admitad.com/g/a/');
    expect(!actual.ok && actual.error.kind).toBe('rate-limited');
  });

  it('refuses a token answer without expires_in', async () => {
    const client = createAdmitadClient({ fetch: answering({ access_token: 'abc', token_type: 'bearer' }), now: clock, credentials: FAKE_ADMITAD_CREDENTIALS, timeoutMs: 1000 });
    const actual = await client.validateLink('https://ad.admitad.com/g/a/');
    expect(!actual.ok && actual.error.kind).toBe('bad-response');
  });
});

const tokenAnswer = { access_token: 'scripted-token-0123', token_type: 'bearer', expires_in: 3600 };

/** A fetch that gives the answers in turn: JSON bodies, or `{ status, text }`. */
function scripted(answers: readonly unknown[]): typeof fetch {
  let next = 0;
  return async () => {
    const answer = answers[Math.min(next++, answers.length - 1)];
    if (typeof answer === 'object' && answer !== null && 'status' in answer && 'text' in answer) {
      const { status, text } = answer as { status: number; text: string };
      return new Response(text, { status, headers: { 'content-type': 'text/html' } });
    }
    return answering(answer)('');
  };
}
