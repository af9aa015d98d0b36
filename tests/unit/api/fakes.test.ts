// @vitest-environment node
// The fakes are test infrastructure the e2e suite relies on too: their checks are tested here
// with hand-built requests, independent of the clients.
import { spawn } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADMITAD_MODES,
  ALIEXPRESS_MODES,
  FAKE_ADMITAD_CREDENTIALS,
  FAKE_ALIEXPRESS_CREDENTIALS,
  expectedSign,
  parseGatewayTimestamp,
  startFakeAdmitadApi,
  startFakeAliExpressApi,
} from '../../fakes/index.mjs';
import { createClock, useFakeAdmitad, useFakeAliExpress } from './support';

const clock = createClock();
const aliexpress = useFakeAliExpress(clock);
const admitad = useFakeAdmitad(clock, 120);

function signed(params: Record<string, string>, secret = FAKE_ALIEXPRESS_CREDENTIALS.appSecret): Record<string, string> {
  const all = { app_key: FAKE_ALIEXPRESS_CREDENTIALS.appKey, sign_method: 'sha256', timestamp: String(clock()), method: 'aliexpress.affiliate.productdetail.get', product_ids: '1005006789012345', ...params };
  return { ...all, sign: expectedSign(all, secret) ?? '' };
}

async function post(url: string, params: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(params) });
  return response.json();
}

const gatewayCode = (body: unknown): unknown => (body as { error_response?: { code?: unknown } }).error_response?.code ?? 'accepted';

describe('fake AliExpress gateway: checks', () => {
  it.each<{ name: string; params: Record<string, string>; expected: string }>([
    { name: 'a correct sha256 signature', params: {}, expected: 'accepted' },
    { name: 'a correct md5 signature', params: { sign_method: 'md5' }, expected: 'accepted' },
    { name: "Taobao's timestamp form (GMT+8)", params: { timestamp: topTimestamp(clock()) }, expected: 'accepted' },
    { name: 'an ISO 8601 timestamp', params: { timestamp: new Date(clock()).toISOString().replace(/\.\d+Z$/, 'Z') }, expected: 'accepted' },
    { name: 'a timestamp 2 h 1 min old', params: { timestamp: String(clock() - 7260 * 1000) }, expected: 'InvalidTimestamp' },
    { name: 'no timestamp', params: { timestamp: '' }, expected: 'InvalidTimestamp' },
    { name: 'another app key', params: { app_key: '1' }, expected: 'InvalidAppKey' },
    { name: 'an unknown sign_method', params: { sign_method: 'hmac' }, expected: 'IncompleteSignature' },
    { name: 'an unknown API', params: { method: 'aliexpress.affiliate.order.get' }, expected: 'InvalidApiPath' },
  ])('$name: $expected', async ({ params, expected }) => {
    const body = await post(aliexpress.api.url, signed(params));
    expect(gatewayCode(body)).toBe(expected);
  });

  it('refuses a signature made with another secret', async () => {
    const body = await post(aliexpress.api.url, signed({}, 'another-secret'));
    expect(body).toMatchObject({ error_response: { type: 'ISV', code: 'IncompleteSignature', msg: 'The request signature does not conform to platform standards' } });
  });

  it('refuses a parameter changed after signing', async () => {
    const body = await post(aliexpress.api.url, { ...signed({}), product_ids: '1005001234567890' });
    expect(gatewayCode(body)).toBe('IncompleteSignature');
  });

  it('reads system parameters from the query and business ones from the body, as the SDKs send them', async () => {
    const { product_ids, ...system } = signed({});
    const response = await fetch(`${aliexpress.api.url}?${new URLSearchParams(system).toString()}`, { method: 'POST', body: new URLSearchParams({ product_ids: product_ids ?? '' }) });
    expect(gatewayCode(await response.json())).toBe('accepted');
  });

  it('answers in the wrapped form documented for the method', async () => {
    const body = await post(aliexpress.api.url, signed({}));
    expect(body).toMatchObject({ aliexpress_affiliate_productdetail_get_response: { resp_result: { resp_code: 200, result: { products: { product: [{ product_id: 1005006789012345 }] } } } } });
  });
});

describe('fake servers: behaviour switching', () => {
  it('switches over HTTP, for harnesses in another process', async () => {
    const switched = await fetch(`${aliexpress.api.origin}/__fake__/behaviour`, { method: 'POST', body: JSON.stringify({ mode: 'not-registered' }) });
    expect(switched.status).toBe(200);
    const body = await post(aliexpress.api.url, signed({}));
    expect(body).toMatchObject({ aliexpress_affiliate_productdetail_get_response: { resp_result: { resp_code: 401 } } });
    const recorded = (await (await fetch(`${aliexpress.api.origin}/__fake__/requests`)).json()) as { requests: unknown[] };
    expect(recorded.requests).toHaveLength(1);
  });

  it('refuses an unknown mode, over HTTP and in process', async () => {
    const response = await fetch(`${admitad.api.origin}/__fake__/behaviour`, { method: 'POST', body: JSON.stringify({ mode: 'sometimes' }) });
    expect(response.status).toBe(400);
    // @ts-expect-error: not a mode
    expect(() => admitad.api.setBehaviour('sometimes')).toThrow(/unknown behaviour/);
  });

  it('declares every mode in the type file', async () => {
    const { readFile } = await import('node:fs/promises');
    const declarations = await readFile(path.resolve(import.meta.dirname, '../../fakes/index.d.mts'), 'utf8');
    for (const mode of [...ALIEXPRESS_MODES, ...ADMITAD_MODES]) expect(declarations).toContain(`'${mode}'`);
  });
});

describe('fake Admitad API: checks', () => {
  const token = async (headers: Record<string, string>, form: Record<string, string>) => {
    const response = await fetch(`${admitad.api.url}/token/`, { method: 'POST', headers, body: new URLSearchParams(form) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const basic = `Basic ${Buffer.from(`${FAKE_ADMITAD_CREDENTIALS.clientId}:${FAKE_ADMITAD_CREDENTIALS.clientSecret}`).toString('base64')}`;
  const form = { grant_type: 'client_credentials', client_id: FAKE_ADMITAD_CREDENTIALS.clientId, scope: 'validate_links' };

  it.each<{ name: string; headers: Record<string, string>; form: Record<string, string>; expected: number }>([
    { name: 'the right Basic header', headers: { authorization: basic }, form, expected: 200 },
    { name: 'no Basic header', headers: {}, form, expected: 401 },
    { name: 'a Basic header with another secret', headers: { authorization: `Basic ${Buffer.from(`${FAKE_ADMITAD_CREDENTIALS.clientId}:x`).toString('base64')}` }, form, expected: 401 },
    { name: 'an unknown scope', headers: { authorization: basic }, form: { ...form, scope: 'everything' }, expected: 400 },
    { name: 'another grant type', headers: { authorization: basic }, form: { ...form, grant_type: 'password' }, expected: 400 },
  ])('token with $name: HTTP $expected', async ({ headers, form: body, expected }) => {
    expect((await token(headers, body)).status).toBe(expected);
  });

  it('grants a documented token answer and checks bearer, expiry and scope', async () => {
    const granted = await token({ authorization: basic }, form);
    expect(granted.body).toMatchObject({ token_type: 'bearer', expires_in: 120, scope: 'validate_links' });
    const bearer = { authorization: `Bearer ${String(granted.body['access_token'])}` };
    const check = (headers: Record<string, string>, url = `${admitad.api.url}/validate_links/?link=https%3A%2F%2Fad.admitad.com%2Fg%2Fx%2F`) => fetch(url, { headers });

    expect((await check(bearer)).status).toBe(200);
    expect((await check({ authorization: 'Bearer not-a-token' })).status).toBe(401);
    expect((await check(bearer, `${admitad.api.url}/deeplink/1/advcampaign/2/?ulp=x`)).status).toBe(403);
    clock.advance(121_000);
    const expired = await check(bearer);
    expect([expired.status, await expired.json()]).toEqual([401, { error_description: 'The token expired', error_code: 0, error: 'invalid_token' }]);
  });
});

describe('fake servers: start and stop', () => {
  it('serve HTTPS with the test certificate when asked', async () => {
    const api = await startFakeAliExpressApi({ tls: true });
    try {
      expect(api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/sync$/);
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpsRequest(`${api.origin}/__fake__/behaviour`, { rejectUnauthorized: false }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
      expect(status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('end a slow answer when closed', async () => {
    const api = await startFakeAdmitadApi({ behaviour: { mode: 'slow', delayMs: 60_000 } });
    const pending = fetch(`${api.url}/token/`, { method: 'POST' }).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await api.close();
    expect(await pending).toBe('cut');
  });

  it('start from a script: node tests/fakes/start.mjs', async () => {
    const script = path.resolve(import.meta.dirname, '../../fakes/start.mjs');
    const child = spawn(process.execPath, [script, '--aliexpress=rate-limited'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('Ctrl+C')) resolve(text);
        });
        child.once('exit', (code) => reject(new Error(`start.mjs exited with ${code}: ${text}`)));
      });
      const origin = /AliExpress Open Platform fake: (http:\/\/127\.0\.0\.1:\d+)\/sync/.exec(output)?.[1];
      const behaviour = (await (await fetch(`${origin}/__fake__/behaviour`)).json()) as { behaviour: { mode: string } };
      expect(behaviour.behaviour.mode).toBe('rate-limited');
      expect(output).toMatch(/Admitad API fake: +http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('parseGatewayTimestamp', () => {
  it.each([
    { input: '1517820392000', expected: 1517820392000 },
    { input: '2017-11-11T12:00:00Z', expected: Date.UTC(2017, 10, 11, 12, 0, 0) },
    // Taobao's example time "2016-01-01 12:00:00" is GMT+8: 04:00 UTC.
    { input: '2016-01-01 12:00:00', expected: Date.UTC(2016, 0, 1, 4, 0, 0) },
    { input: 'yesterday', expected: Number.NaN },
  ])('$input', ({ input, expected }) => {
    expect(parseGatewayTimestamp(input)).toBe(expected);
  });
});

function topTimestamp(at: number): string {
  const local = new Date(at + 8 * 3600 * 1000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}
