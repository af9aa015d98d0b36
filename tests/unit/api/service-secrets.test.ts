// @vitest-environment node
// docs/architecture.md, 'Hard rules' 4: no secret appears in storage.sync, in any message
// to a UI page, or in console output. The background's message router is driven as the popup and
// the options page drive it, with the credentials stored through it, against the fakes in every
// mode (including a server that echoes the secret back); every reply, storage area and console
// call is searched for each secret in every form it could take.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiService, createAreaCacheStore } from '../../../lib/api/service';
import { base64Utf8 } from '../../../lib/api/admitad';
import { createApiMessageHandlers } from '../../../lib/background/message-handlers';
import { createCredentialsStore } from '../../../lib/api/credentials';
import { createMessageRouter, type MessageHandlers } from '../../../lib/messaging/protocol';
import type { Account } from '../../../lib/networks/types';
import type { Preset } from '../../../lib/presets/types';
import { STATE_STORAGE_KEYS } from '../../../lib/storage/keys';
import { parseState } from '../../../lib/storage/state';
import { ADMITAD_MODES, ALIEXPRESS_MODES, FAKE_ADMITAD_CAMPAIGN_ID, FAKE_ADMITAD_CREDENTIALS, FAKE_ADMITAD_WEBSITE_ID, FAKE_ALIEXPRESS_CREDENTIALS } from '../../fakes/index.mjs';
import { createClock, nodeFetch, useFakeAdmitad, useFakeAliExpress } from './support';
import { handlersNotUsed } from '../support/message-handlers';

const clock = createClock();
const aliexpress = useFakeAliExpress(clock);
const admitad = useFakeAdmitad(clock);

const own = { extensionId: 'sublink-id', extensionOrigin: 'chrome-extension://sublink-id/' };
const optionsPage = { id: 'sublink-id', url: 'chrome-extension://sublink-id/options.html' };
const popupPage = { id: 'sublink-id', url: 'chrome-extension://sublink-id/popup.html' };

const accounts: Account[] = [
  { id: 'acc-p', network: 'portals', name: 'Portals', appKey: FAKE_ALIEXPRESS_CREDENTIALS.appKey, trackingId: 'blog_main' },
  { id: 'acc-a', network: 'admitad', name: 'Admitad', code: 'abc123def456abc123def456abc123' },
];
const presets: Preset[] = [
  { id: 'pp', name: 'Portals', accountId: 'acc-p', program: 'portals', audienceCountry: 'US', subIds: {}, keepSku: false, portals: { af: 'tg' } },
  { id: 'pa', name: 'Admitad', accountId: 'acc-a', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false },
];
const PRODUCTS = ['https://www.aliexpress.com/item/1005006789012345.html', 'https://www.aliexpress.com/item/1005009999999999.html', 'https://www.aliexpress.com/store/1102345'];

/** Access tokens the fake issued, read off the wire: secrets as well. */
const issuedTokens: string[] = [];
const tokenWatchingFetch: typeof fetch = async (input, init) => {
  const response = await nodeFetch(input, init);
  if (String(input).endsWith('/token/')) {
    const token = /"access_token":\s*"([^"]+)"/.exec(await response.clone().text())?.[1];
    if (token) issuedTokens.push(token);
  }
  return response;
};

function secretForms(): string[] {
  const raw = [
    FAKE_ALIEXPRESS_CREDENTIALS.appSecret,
    FAKE_ADMITAD_CREDENTIALS.clientSecret,
    base64Utf8(`${FAKE_ADMITAD_CREDENTIALS.clientId}:${FAKE_ADMITAD_CREDENTIALS.clientSecret}`),
    ...issuedTokens,
  ];
  return raw.flatMap((secret) => [secret, encodeURIComponent(secret), secret.slice(0, 12)]);
}

function expectNoSecret(what: string, value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const secret of secretForms()) expect(text, `${what} leaks a secret: ${text}`).not.toContain(secret);
}

function setup() {
  const area = fakeBrowser.storage.local;
  const credentials = createCredentialsStore({ get: (key) => area.get(key), set: (items) => area.set(items), remove: (key) => area.remove(key) });
  const api = createApiService({
    fetch: tokenWatchingFetch,
    now: clock,
    loadState: async () => parseState(await area.get(STATE_STORAGE_KEYS)),
    loadCredentials: credentials.load,
    hasAccess: async () => true,
    cache: createAreaCacheStore(fakeBrowser.storage.session, { now: clock }),
    timeoutMs: 300,
    baseUrls: { aliexpress: aliexpress.api.url, admitad: admitad.api.url },
  });
  const handlers: MessageHandlers = { ...handlersNotUsed(), ...createApiMessageHandlers(api, credentials) };
  const route = createMessageRouter(handlers, own);
  const replies: unknown[] = [];
  /** Sends as a UI page does and keeps every reply (or rejection) that page would receive. */
  const send = async (type: string, data: unknown, sender = optionsPage): Promise<unknown> => {
    try {
      const reply = await route({ type, data }, sender);
      replies.push(reply);
      return reply;
    } catch (error) {
      const seen = error instanceof Error ? { name: error.name, message: error.message } : String(error);
      replies.push(seen);
      return seen;
    }
  };
  return { send, replies };
}

let consoleSpies: MockInstance[] = [];
beforeEach(async () => {
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) => vi.spyOn(console, method));
  await fakeBrowser.storage.local.set({ accounts, presets, settings: { defaultPresetId: 'pp', lastUsedPresetId: null } });
});
afterEach(() => {
  for (const spy of consoleSpies) expectNoSecret('console output', spy.mock.calls);
});

describe('secrets never leave the background', () => {
  it('saving, reading, checking and removing credentials answers masked views only', async () => {
    const { send, replies } = setup();
    const aliexpressInput = { service: 'aliexpress', ...FAKE_ALIEXPRESS_CREDENTIALS, trackingId: 'blog_main' };
    const admitadInput = { service: 'admitad', ...FAKE_ADMITAD_CREDENTIALS, websiteId: FAKE_ADMITAD_WEBSITE_ID, campaignId: FAKE_ADMITAD_CAMPAIGN_ID };
    const saved = await send('saveApiCredentials', aliexpressInput);
    expect(saved).toMatchObject({ ok: true, view: { aliexpress: { appKey: FAKE_ALIEXPRESS_CREDENTIALS.appKey, appSecret: `••••${FAKE_ALIEXPRESS_CREDENTIALS.appSecret.slice(-4)}` } } });
    await send('saveApiCredentials', admitadInput);
    // A bad value is answered with field issues, never with the value.
    expect(await send('saveApiCredentials', { ...admitadInput, websiteId: 'abc', clientSecret: `${FAKE_ADMITAD_CREDENTIALS.clientSecret} x` })).toMatchObject({ ok: false });
    // Too long for the protocol: refused with the field's path, not its value.
    await send('saveApiCredentials', { ...aliexpressInput, appSecret: FAKE_ALIEXPRESS_CREDENTIALS.appSecret.repeat(20) });
    await send('getApiCredentials', {});
    await send('checkApiCredentials', { service: 'aliexpress' });
    await send('checkApiCredentials', { service: 'admitad' });
    expect(await send('getApiCredentials', {})).toMatchObject({ aliexpress: { trackingId: 'blog_main' }, admitad: { websiteId: FAKE_ADMITAD_WEBSITE_ID } });
    for (const reply of replies) expectNoSecret('a reply to the options page', reply);

    // Kept in storage.local under one key, and nowhere else.
    const local = await fakeBrowser.storage.local.get(null);
    expect(local['apiCredentials']).toMatchObject({ aliexpress: { appSecret: FAKE_ALIEXPRESS_CREDENTIALS.appSecret }, admitad: { clientSecret: FAKE_ADMITAD_CREDENTIALS.clientSecret } });
    const { apiCredentials: _stored, ...rest } = local;
    expectNoSecret('storage.local outside apiCredentials', rest);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});

    expect(await send('removeApiCredentials', { service: 'aliexpress' })).toMatchObject({ aliexpress: null });
    expect(await send('removeApiCredentials', { service: 'admitad' })).toEqual({ aliexpress: null, admitad: null });
    expect(await fakeBrowser.storage.local.get('apiCredentials')).toEqual({});
  });

  it.each(ALIEXPRESS_MODES.filter((mode) => mode !== 'slow'))('popup answers carry no secret: AliExpress %s', async (mode) => {
    const { send, replies } = setup();
    await send('saveApiCredentials', { service: 'aliexpress', ...FAKE_ALIEXPRESS_CREDENTIALS, trackingId: 'blog_main' });
    aliexpress.api.setBehaviour(mode);
    for (const url of PRODUCTS) await send('productInsights', { url, presetId: 'pp' }, popupPage);
    await send('checkApiCredentials', { service: 'aliexpress' });
    for (const reply of replies) expectNoSecret(`a reply in mode ${mode}`, reply);
    expectNoSecret('storage.session', await fakeBrowser.storage.session.get(null));
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it.each(ADMITAD_MODES.filter((mode) => mode !== 'slow'))('popup answers carry no secret: Admitad %s', async (mode) => {
    const { send, replies } = setup();
    await send('saveApiCredentials', { service: 'admitad', ...FAKE_ADMITAD_CREDENTIALS, websiteId: FAKE_ADMITAD_WEBSITE_ID, campaignId: FAKE_ADMITAD_CAMPAIGN_ID });
    admitad.api.setBehaviour(mode);
    for (const url of PRODUCTS) await send('productInsights', { url, presetId: 'pa' }, popupPage);
    await send('checkApiCredentials', { service: 'admitad' });
    for (const reply of replies) expectNoSecret(`a reply in mode ${mode}`, reply);
    expectNoSecret('storage.session', await fakeBrowser.storage.session.get(null));
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('the echoing server really did send the secret: the scrubbing is what keeps it out', async () => {
    const { send } = setup();
    await send('saveApiCredentials', { service: 'aliexpress', ...FAKE_ALIEXPRESS_CREDENTIALS, trackingId: 'blog_main' });
    aliexpress.api.setBehaviour('echo-secret');
    const reply = await send('productInsights', { url: PRODUCTS[0], presetId: 'pp' }, popupPage);
    expect(reply).toMatchObject({ source: 'aliexpress-api', error: { kind: 'auth', message: expect.stringContaining('[redacted]') } });
  });
});
