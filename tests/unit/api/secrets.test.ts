// @vitest-environment node
// docs/architecture.md, 'Hard rules' 4: secrets never reach messages or logs. Every error path of both clients
// is run here, against the fakes and against a transport that fails with the secret in its own
// error text; no result may carry a secret in any form, nothing may be thrown, nothing logged.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { base64Utf8, createAdmitadClient, type AdmitadClient } from '../../../lib/api/admitad';
import type { AliExpressClient } from '../../../lib/api/aliexpress';
import { buildPortalsLink } from '../../../lib/api/portals-link';
import { createTokenBucket } from '../../../lib/api/rate-limit';
import { REDACTED, type ApiResult } from '../../../lib/api/result';
import { ADMITAD_MODES, ALIEXPRESS_MODES, FAKE_ADMITAD_CAMPAIGN_ID, FAKE_ADMITAD_CREDENTIALS, FAKE_ADMITAD_WEBSITE_ID, FAKE_ALIEXPRESS_CREDENTIALS } from '../../fakes/index.mjs';
import { createClock, nodeFetch, useFakeAdmitad, useFakeAliExpress } from './support';

const HOT_URL = 'https://www.aliexpress.com/item/1005006789012345.html';
const clock = createClock();
const aliexpress = useFakeAliExpress(clock);
const admitad = useFakeAdmitad(clock);

/** Access tokens the fake issued, read off the wire: they are secrets as well. */
const issuedTokens: string[] = [];
const tokenWatchingFetch: typeof fetch = async (input, init) => {
  const response = await nodeFetch(input, init);
  if (String(input).endsWith('/token/')) {
    const text = await response.clone().text();
    const token = /"access_token":\s*"([^"]+)"/.exec(text)?.[1];
    if (token) issuedTokens.push(token);
  }
  return response;
};

/** A transport whose failure text repeats everything it was given, and the client's secret, as a leaky stack might. */
const echoingFailure =
  (secret: string): typeof fetch =>
  async (input, init) => {
    throw new TypeError(`fetch failed for ${String(input)} with ${JSON.stringify(init?.headers)} body ${String(init?.body)} secret ${secret}`);
  };

function secretForms(): string[] {
  const raw = [FAKE_ALIEXPRESS_CREDENTIALS.appSecret, FAKE_ADMITAD_CREDENTIALS.clientSecret, base64Utf8(`${FAKE_ADMITAD_CREDENTIALS.clientId}:${FAKE_ADMITAD_CREDENTIALS.clientSecret}`), ...issuedTokens];
  return raw.flatMap((secret) => [secret, encodeURIComponent(secret)]);
}

function expectNoSecret(result: unknown): void {
  const text = JSON.stringify(result);
  for (const secret of secretForms()) expect(text, `a result leaks a secret: ${text}`).not.toContain(secret);
}

/** Runs a call, failing the test if it throws (a thrown error is where secrets leak). */
async function settle<T>(call: () => Promise<ApiResult<T>> | Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    throw new Error(`a client threw instead of answering: ${String(error)}`);
  }
}

let consoleSpies: MockInstance[] = [];
beforeEach(() => {
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) => vi.spyOn(console, method));
});
afterEach(() => {
  for (const spy of consoleSpies) expect(spy, 'the clients must not log').not.toHaveBeenCalled();
});

function aliExpressCalls(client: AliExpressClient): Array<() => Promise<unknown>> {
  return [
    () => client.getProductDetail({ productId: '1005006789012345', trackingId: 'blog', audience: { country: 'DE', targetCurrency: 'EUR', targetLanguage: 'DE' } }),
    () => client.generateLink({ sourceUrl: HOT_URL, trackingId: 'blog', linkType: 'hot' }),
    () => client.queryHotProducts({ pageSize: 10 }),
    () => buildPortalsLink(client, { target: HOT_URL, keepSku: false, trackingId: 'blog', tracking: { af: 'tg' }, audienceCountry: 'DE' }),
  ];
}

function admitadCalls(client: AdmitadClient): Array<() => Promise<unknown>> {
  return [
    () => client.generateDeeplink({ websiteId: FAKE_ADMITAD_WEBSITE_ID, campaignId: FAKE_ADMITAD_CAMPAIGN_ID, url: HOT_URL, subIds: { subid: 'blog' } }),
    () => client.getCommissionRates([HOT_URL]),
    () => client.validateLink(`https://ad.admitad.com/g/abc/?ulp=${encodeURIComponent(HOT_URL)}`),
  ];
}

describe('no secret in any AliExpress client answer', () => {
  const failingModes = ALIEXPRESS_MODES.filter((mode) => mode !== 'ok');

  it.each(failingModes)('behaviour %s', async (mode) => {
    aliexpress.api.setBehaviour(mode === 'slow' ? { mode, delayMs: 1000 } : mode);
    const client = aliexpress.client({ timeoutMs: 100 });
    for (const call of aliExpressCalls(client)) {
      const result = await settle(call);
      expect((result as { ok: boolean }).ok, `behaviour ${mode} should fail`).toBe(false);
      expectNoSecret(result);
    }
  });

  it('redacts a secret the server echoes back', async () => {
    aliexpress.api.setBehaviour('echo-secret');
    const result = await aliexpress.client().getProductDetail({ productId: '1005006789012345' });
    expect(!result.ok && result.error.message).toContain(REDACTED);
    expectNoSecret(result);
  });

  it.each([
    { name: 'a wrong secret', overrides: { credentials: { ...FAKE_ALIEXPRESS_CREDENTIALS, appSecret: `${FAKE_ALIEXPRESS_CREDENTIALS.appSecret}-old` } } },
    { name: 'a wrong app key', overrides: { credentials: { ...FAKE_ALIEXPRESS_CREDENTIALS, appKey: '1' } } },
    { name: 'a skewed clock', overrides: { now: () => clock() + 3 * 3600 * 1000 } },
    { name: 'a transport failing with the secret in its text', overrides: { fetch: echoingFailure(FAKE_ALIEXPRESS_CREDENTIALS.appSecret) } },
    { name: 'an unreachable gateway', overrides: { baseUrl: 'http://127.0.0.1:1/sync' } },
    { name: 'an empty rate limiter', overrides: { rateLimiter: createTokenBucket({ capacity: 1, refillPerSecond: 0.001, now: clock }) } },
    { name: 'missing credentials', overrides: { credentials: { appKey: '', appSecret: FAKE_ALIEXPRESS_CREDENTIALS.appSecret } } },
  ])('$name', async ({ overrides }) => {
    const client = aliexpress.client(overrides);
    for (const call of aliExpressCalls(client)) expectNoSecret(await settle(call));
  });

  it('invalid input', async () => {
    const client = aliexpress.client();
    const results = await Promise.all([
      settle(() => client.getProductDetail({ productId: FAKE_ALIEXPRESS_CREDENTIALS.appSecret })),
      settle(() => client.generateLink({ sourceUrl: `https://example.com/?k=${FAKE_ALIEXPRESS_CREDENTIALS.appSecret}`, trackingId: 'blog', linkType: 'normal' })),
      settle(() => client.queryHotProducts({ pageNo: 0 })),
    ]);
    for (const result of results) expectNoSecret(result);
  });

  it('signing misuse rejects without the secret in the text', async () => {
    const { signAliExpressRequest } = await import('../../../lib/api/sign');
    const error = await signAliExpressRequest({ sign_method: 'md5' }, FAKE_ALIEXPRESS_CREDENTIALS.appSecret, 'sha256').catch((caught: unknown) => caught);
    expect(String(error)).not.toContain(FAKE_ALIEXPRESS_CREDENTIALS.appSecret);
  });
});

describe('no secret in any Admitad client answer', () => {
  const failingModes = ADMITAD_MODES.filter((mode) => mode !== 'ok' && mode !== 'not-affiliate');

  it.each(failingModes)('behaviour %s, before and after a token is cached', async (mode) => {
    const client = createAdmitadClient({ fetch: tokenWatchingFetch, now: clock, credentials: FAKE_ADMITAD_CREDENTIALS, timeoutMs: 100, baseUrl: admitad.api.url });
    const behaviour = mode === 'slow' ? { mode, delayMs: 1000 } : mode;
    admitad.api.setBehaviour(behaviour);
    for (const call of admitadCalls(client)) {
      const result = await settle(call);
      expect((result as { ok: boolean }).ok, `behaviour ${mode} should fail`).toBe(false);
      expectNoSecret(result);
    }
    admitad.api.setBehaviour('ok');
    expect(((await settle(admitadCalls(client)[2] as () => Promise<unknown>)) as { ok: boolean }).ok).toBe(true);
    admitad.api.setBehaviour(behaviour);
    for (const call of admitadCalls(client)) expectNoSecret(await settle(call));
  });

  it('redacts the Basic header and the secret the server echoes back', async () => {
    admitad.api.setBehaviour('echo-secret');
    const result = await admitad.client().validateLink('https://ad.admitad.com/g/abc/');
    expect(!result.ok && result.error.message).toContain(REDACTED);
    expectNoSecret(result);
  });

  it('redacts a bearer token the server echoes back', async () => {
    const client = createAdmitadClient({ fetch: tokenWatchingFetch, now: clock, credentials: FAKE_ADMITAD_CREDENTIALS, timeoutMs: 1000, baseUrl: admitad.api.url });
    await client.validateLink('https://ad.admitad.com/g/abc/');
    admitad.api.setBehaviour('echo-secret');
    const result = await client.validateLink('https://ad.admitad.com/g/abc/');
    expect(issuedTokens.length).toBeGreaterThan(0);
    expect(!result.ok && result.error.message).toContain(REDACTED);
    expectNoSecret(result);
  });

  it.each([
    { name: 'a wrong secret', overrides: { credentials: { ...FAKE_ADMITAD_CREDENTIALS, clientSecret: `${FAKE_ADMITAD_CREDENTIALS.clientSecret}-old` } } },
    { name: 'a transport failing with the secret in its text', overrides: { fetch: echoingFailure(FAKE_ADMITAD_CREDENTIALS.clientSecret) } },
    { name: 'an unreachable API', overrides: { baseUrl: 'http://127.0.0.1:1' } },
    { name: 'an empty rate limiter', overrides: { rateLimiter: createTokenBucket({ capacity: 1, refillPerSecond: 0.001, now: clock }) } },
    { name: 'missing credentials', overrides: { credentials: { clientId: '', clientSecret: FAKE_ADMITAD_CREDENTIALS.clientSecret } } },
  ])('$name', async ({ overrides }) => {
    const client = admitad.client(overrides);
    for (const call of admitadCalls(client)) expectNoSecret(await settle(call));
  });

  it('invalid input', async () => {
    const client = admitad.client();
    const results = await Promise.all([
      settle(() => client.generateDeeplink({ websiteId: FAKE_ADMITAD_CREDENTIALS.clientSecret, campaignId: '1', url: HOT_URL })),
      settle(() => client.getCommissionRates([`http://x/${FAKE_ADMITAD_CREDENTIALS.clientSecret}`])),
      settle(() => client.validateLink(FAKE_ADMITAD_CREDENTIALS.clientSecret)),
    ]);
    for (const result of results) expectNoSecret(result);
  });
});

describe('what goes over the wire', () => {
  it('AliExpress: the secret is never sent, only the signature', async () => {
    await aliexpress.client().getProductDetail({ productId: '1005006789012345' });
    expect(JSON.stringify(aliexpress.api.requests)).not.toContain(FAKE_ALIEXPRESS_CREDENTIALS.appSecret);
  });

  it('Admitad: the secret goes only to /token/, in the Basic header; API calls carry only the token', async () => {
    const seen: Array<{ url: string; headers: string; body: string }> = [];
    const recording: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), headers: JSON.stringify(init?.headers ?? {}), body: String(init?.body ?? '') });
      return nodeFetch(input, init);
    };
    const client = createAdmitadClient({ fetch: recording, now: clock, credentials: FAKE_ADMITAD_CREDENTIALS, timeoutMs: 1000, baseUrl: admitad.api.url });
    for (const call of admitadCalls(client)) await call();
    const basic = base64Utf8(`${FAKE_ADMITAD_CREDENTIALS.clientId}:${FAKE_ADMITAD_CREDENTIALS.clientSecret}`);
    const withCredentials = seen.filter((request) => request.headers.includes(basic)).map((request) => new URL(request.url).pathname);
    expect(withCredentials).toEqual(['/token/']);
    expect(JSON.stringify(seen)).not.toContain(FAKE_ADMITAD_CREDENTIALS.clientSecret);
  });
});
