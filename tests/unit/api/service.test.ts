// @vitest-environment node
// The background's API service against the local fakes: Portals links with the preset's
// tracking strings, exact rates, Admitad's affiliation verdict, the hour-long cache, failures that
// keep whatever arrived, and the copy action's Portals links.
import { describe, expect, it, vi } from 'vitest';
import { createCopyLinkAction } from '../../../lib/background/copy/copy-link';
import { createApiService, createAreaCacheStore, type ApiServiceDeps, type ProductInsightsReply } from '../../../lib/api/service';
import { createMemoryCacheStore } from '../../../lib/api/cache';
import type { ApiCredentials } from '../../../lib/api/credentials';
import type { Account } from '../../../lib/networks/types';
import type { Preset } from '../../../lib/presets/types';
import type { StoredState } from '../../../lib/storage/state';
import { signAliExpressRequest } from '../../../lib/index';
import { FAKE_ADMITAD_CAMPAIGN_ID, FAKE_ADMITAD_CREDENTIALS, FAKE_ADMITAD_WEBSITE_ID, FAKE_ALIEXPRESS_CREDENTIALS, expectedSign, promotionLink } from '../../fakes/index.mjs';
import { createClock, nodeFetch, useFakeAdmitad, useFakeAliExpress } from './support';

const clock = createClock();
const aliexpress = useFakeAliExpress(clock);
const admitad = useFakeAdmitad(clock);

const HOT_ID = '1005006789012345';
const ORDINARY_ID = '1005001234567890';
const NON_AFFILIATE_ID = '1005009999999999';
const productUrl = (id: string) => `https://www.aliexpress.com/item/${id}.html?spm=a2g0o.detail&aff_fcid=someone-else`;
const clean = (id: string) => `https://www.aliexpress.com/item/${id}.html`;

const portalsAccount: Account = { id: 'acc-p', network: 'portals', name: 'Portals', appKey: FAKE_ALIEXPRESS_CREDENTIALS.appKey, trackingId: 'blog_main' };
const admitadAccount: Account = { id: 'acc-a', network: 'admitad', name: 'Admitad', code: 'abc123def456abc123def456abc123' };
const epnAccount: Account = { id: 'acc-e', network: 'epn', name: 'ePN', host: 'alipromo.com', code: 'abcdefabcdefabcdefabcdefabcdefab' };
const portalsPreset: Preset = {
  id: 'pp',
  name: 'Portals',
  accountId: 'acc-p',
  program: 'portals',
  audienceCountry: 'US',
  subIds: {},
  keepSku: false,
  portals: { af: 'tg', cn: 'sale 11', cv: '003', dp: 'abc' },
};
const admitadPreset: Preset = { id: 'pa', name: 'Admitad', accountId: 'acc-a', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const epnPreset: Preset = { ...admitadPreset, id: 'pe', name: 'ePN', accountId: 'acc-e' };

const state: StoredState = {
  accounts: [portalsAccount, admitadAccount, epnAccount],
  presets: [portalsPreset, admitadPreset, epnPreset],
  settings: { defaultPresetId: null, lastUsedPresetId: null },
  problems: [],
};
const credentials: ApiCredentials = {
  aliexpress: { ...FAKE_ALIEXPRESS_CREDENTIALS, trackingId: 'default_tid' },
  admitad: { ...FAKE_ADMITAD_CREDENTIALS, websiteId: FAKE_ADMITAD_WEBSITE_ID, campaignId: FAKE_ADMITAD_CAMPAIGN_ID },
};

function service(overrides: Partial<ApiServiceDeps> = {}) {
  const hasAccess = vi.fn(async () => true);
  const deps: ApiServiceDeps = {
    fetch: nodeFetch,
    now: clock,
    loadState: async () => state,
    loadCredentials: async () => credentials,
    hasAccess,
    timeoutMs: 1000,
    cache: createMemoryCacheStore(),
    baseUrls: { aliexpress: aliexpress.api.url, admitad: admitad.api.url },
    ...overrides,
  };
  return { api: createApiService(deps), hasAccess };
}

describe('productInsights for a Portals preset', () => {
  it('answers the hot link with the tracking strings, the exact rates, category, price and title', async () => {
    const { api } = service();
    const actual = await api.productInsights({ url: productUrl(HOT_ID), presetId: 'pp' });
    const expected: ProductInsightsReply = {
      source: 'aliexpress-api',
      link: { url: `${promotionLink(clean(HOT_ID), 'blog_main', 'hot')}?af=tg&cn=sale%2011&cv=003&dp=abc`, kind: 'hot' },
      rate: { commissionRate: 7, hotCommissionRate: 9, isHot: true },
      category: 'Consumer Electronics › Cables',
      price: { amount: 3.99, currency: 'USD' },
      title: 'Sample product 1005006789012345: USB-C cable, 2 m',
      affiliate: true,
    };
    expect(actual).toEqual(expected);
    // The clean URL went to the API, never the other party's tracking (docs/architecture.md, 'Hard rules' 3).
    const link = aliexpress.api.requests.find((request) => request.method === 'aliexpress.affiliate.link.generate');
    expect(link?.params).toMatchObject({ source_values: clean(HOT_ID), tracking_id: 'blog_main', promotion_link_type: '2' });
  });

  it('a normal link for an ordinary product, and the preset\'s tracking id over the account\'s', async () => {
    const { api } = service({ loadState: async () => ({ ...state, presets: [{ ...portalsPreset, portals: { trackingId: 'tg_channel' } }] }) });
    const actual = await api.productInsights({ url: productUrl(ORDINARY_ID), presetId: 'pp' });
    expect(actual).toMatchObject({ source: 'aliexpress-api', link: { url: promotionLink(clean(ORDINARY_ID), 'tg_channel', 'normal'), kind: 'normal' }, rate: { commissionRate: 5, isHot: false } });
  });

  it('says "not an affiliate product" when productdetail.get does not list it, and still gives the link', async () => {
    const { api } = service();
    const actual = await api.productInsights({ url: productUrl(NON_AFFILIATE_ID), presetId: 'pp' });
    expect(actual).toMatchObject({ source: 'aliexpress-api', affiliate: false, link: { kind: 'normal' } });
    expect(actual).not.toHaveProperty('rate');
  });

  it('reopening within the hour costs no request', async () => {
    const { api } = service();
    await api.productInsights({ url: productUrl(HOT_ID), presetId: 'pp' });
    const before = aliexpress.api.requests.length;
    clock.advance(59 * 60 * 1000);
    const actual = await api.productInsights({ url: productUrl(HOT_ID), presetId: 'pp' });
    expect(actual).toMatchObject({ link: { kind: 'hot' } });
    expect(aliexpress.api.requests.length).toBe(before);
    clock.advance(2 * 60 * 1000);
    await api.productInsights({ url: productUrl(HOT_ID), presetId: 'pp' });
    expect(aliexpress.api.requests.length).toBe(before + 2);
  });

  it.each([
    { mode: 'not-registered' as const, expected: { kind: 'not-registered', code: '401' } },
    { mode: 'signature-error' as const, expected: { kind: 'auth', code: 'IncompleteSignature' } },
    { mode: 'rate-limited' as const, expected: { kind: 'rate-limited', code: 'ApiCallLimit' } },
    { mode: 'html' as const, expected: { kind: 'bad-response' } },
  ])('answers $mode as an error with no link', async ({ mode, expected }) => {
    aliexpress.api.setBehaviour(mode);
    const { api } = service();
    const actual = await api.productInsights({ url: productUrl(HOT_ID), presetId: 'pp' });
    expect(actual).toMatchObject({ source: 'aliexpress-api', error: expected });
    expect(actual).not.toHaveProperty('link');
  });

  it('answers a timeout within the time budget', async () => {
    aliexpress.api.setBehaviour({ mode: 'slow', delayMs: 5000 });
    const { api } = service({ timeoutMs: 200 });
    const actual = await api.productInsights({ url: productUrl(ORDINARY_ID), presetId: 'pp' });
    expect(actual).toMatchObject({ source: 'aliexpress-api', error: { kind: 'timeout' } });
  });

  it.each([
    { name: 'no credentials', overrides: { loadCredentials: async () => ({}) }, expected: { source: null, reason: 'no-credentials', service: 'aliexpress' } },
    {
      name: 'credentials for another app key',
      overrides: { loadCredentials: async () => ({ aliexpress: { appKey: '999999', appSecret: 'another-secret-0000', trackingId: '' } }) },
      expected: { source: null, reason: 'no-credentials', service: 'aliexpress' },
    },
    { name: 'no host access', overrides: { hasAccess: async () => false }, expected: { source: null, reason: 'no-access', service: 'aliexpress' } },
  ])('asks nothing with $name', async ({ overrides, expected }) => {
    const { api } = service(overrides);
    const actual = await api.productInsights({ url: productUrl(HOT_ID), presetId: 'pp' });
    expect(actual).toEqual(expected);
    expect(aliexpress.api.requests).toEqual([]);
  });

  it('without any tracking id says so instead of asking', async () => {
    const { api } = service({
      loadState: async () => ({ ...state, accounts: [{ ...portalsAccount, trackingId: '' }] }),
      loadCredentials: async () => ({ aliexpress: { ...FAKE_ALIEXPRESS_CREDENTIALS, trackingId: '' } }),
    });
    const actual = await api.productInsights({ url: productUrl(HOT_ID), presetId: 'pp' });
    expect(actual).toMatchObject({ source: 'aliexpress-api', error: { code: 'no-tracking-id' } });
  });

  it('asks the host permission for the gateway only', async () => {
    const { api, hasAccess } = service();
    await api.productInsights({ url: productUrl(HOT_ID), presetId: 'pp' });
    expect(hasAccess).toHaveBeenCalledWith(['https://api-sg.aliexpress.com/*']);
  });
});

describe('productInsights for an Admitad preset', () => {
  it('answers the exact rate and the affiliation', async () => {
    const { api } = service();
    const actual = await api.productInsights({ url: productUrl(HOT_ID), presetId: 'pa' });
    expect(actual).toEqual({
      source: 'admitad-api',
      rate: { commissionRate: 7, hotCommissionRate: 9, isHot: true },
      title: 'Sample product 1005006789012345: USB-C cable, 2 m',
      affiliate: true,
    });
    const deeplink = admitad.api.requests.find((request) => request.path.startsWith('/deeplink/'));
    expect(deeplink?.query).toMatchObject({ ulp: clean(HOT_ID), subid: 'blog' });
  });

  it('says "not an affiliate product" when Admitad says so', async () => {
    admitad.api.setBehaviour('not-affiliate');
    const { api } = service();
    const actual = await api.productInsights({ url: productUrl(ORDINARY_ID), presetId: 'pa' });
    expect(actual).toMatchObject({ source: 'admitad-api', affiliate: false });
  });

  it('answers refused credentials (HTTP 401) as auth', async () => {
    admitad.api.setBehaviour('invalid-client');
    const { api } = service();
    const actual = await api.productInsights({ url: productUrl(HOT_ID), presetId: 'pa' });
    expect(actual).toMatchObject({ source: 'admitad-api', error: { kind: 'auth', code: 'invalid_client' } });
  });

  it('answers a slow API as a timeout', async () => {
    admitad.api.setBehaviour({ mode: 'slow', delayMs: 5000 });
    const { api } = service({ timeoutMs: 200 });
    const actual = await api.productInsights({ url: productUrl(HOT_ID), presetId: 'pa' });
    expect(actual).toMatchObject({ source: 'admitad-api', error: { kind: 'timeout' } });
  });

  it('reopening within the hour costs no request, not even a token', async () => {
    const deps = { cache: createMemoryCacheStore() };
    await service(deps).api.productInsights({ url: productUrl(HOT_ID), presetId: 'pa' });
    const before = admitad.api.requests.length;
    // A new service: as after the worker was stopped, with the session cache kept.
    const actual = await service(deps).api.productInsights({ url: productUrl(HOT_ID), presetId: 'pa' });
    expect(actual).toMatchObject({ affiliate: true, rate: { commissionRate: 7 } });
    expect(admitad.api.requests.length).toBe(before);
  });
});

describe('productInsights without an API', () => {
  it.each([
    { name: 'an ePN preset', request: { url: productUrl(HOT_ID), presetId: 'pe' }, expected: { source: null, reason: 'no-api' } },
    { name: 'no preset', request: { url: productUrl(HOT_ID), presetId: null }, expected: { source: null, reason: 'no-preset' } },
    { name: 'a deleted preset', request: { url: productUrl(HOT_ID), presetId: 'gone' }, expected: { source: null, reason: 'no-preset' } },
    { name: 'a short link', request: { url: 'https://s.click.aliexpress.com/e/_abc', presetId: 'pp' }, expected: { source: null, reason: 'not-aliexpress' } },
    { name: 'another site', request: { url: 'https://shop.example.test/x', presetId: 'pp' }, expected: { source: null, reason: 'not-aliexpress' } },
  ])('answers $name without a request', async ({ request, expected }) => {
    const { api } = service();
    const actual = await api.productInsights(request);
    expect(actual).toEqual(expected);
    expect([...aliexpress.api.requests, ...admitad.api.requests]).toEqual([]);
  });
});

describe('checkCredentials', () => {
  it('accepts working credentials with one call each', async () => {
    const { api } = service();
    expect(await api.checkCredentials('aliexpress')).toEqual({ ok: true });
    expect(await api.checkCredentials('admitad')).toEqual({ ok: true });
    expect(aliexpress.api.requests.map((request) => request.method)).toEqual(['aliexpress.affiliate.hotproduct.query']);
  });

  it('reports the API\'s refusal', async () => {
    aliexpress.api.setBehaviour('not-registered');
    const { api } = service();
    expect(await api.checkCredentials('aliexpress')).toMatchObject({ ok: false, error: { kind: 'not-registered' } });
  });

  it('reports missing credentials and missing access', async () => {
    expect(await service({ loadCredentials: async () => ({}) }).api.checkCredentials('admitad')).toEqual({ ok: false, reason: 'no-credentials' });
    expect(await service({ hasAccess: async () => false }).api.checkCredentials('admitad')).toEqual({ ok: false, reason: 'no-access' });
  });
});

describe('the copy action with a Portals preset', () => {
  const setup = (overrides: Partial<ApiServiceDeps> = {}) => {
    const { api } = service(overrides);
    const clipboard = { writeText: vi.fn(async (_text: string) => ({ ok: true as const })) };
    const record = vi.fn(async () => ({ recorded: true as const }));
    const copy = createCopyLinkAction({
      loadState: async () => ({ ...state, settings: { defaultPresetId: 'pp', lastUsedPresetId: null } }),
      clipboard,
      record,
      begin: async () => ({ recorded: true as const, finish: async () => ({ recorded: true as const }) }),
      flash: async () => undefined,
      now: () => 0,
      portalsLink: api.portalsCopyLink,
    });
    return { copy, clipboard, record };
  };

  it('copies the API\'s link with the tracking strings', async () => {
    const { copy, clipboard } = setup();
    const actual = await copy({ surface: 'context-menu', sourceUrl: productUrl(HOT_ID), presetId: null, tabId: 1 });
    const expected = `${promotionLink(clean(HOT_ID), 'blog_main', 'hot')}?af=tg&cn=sale%2011&cv=003&dp=abc`;
    expect(actual).toEqual({ ok: true, link: expected, presetId: 'pp' });
    expect(clipboard.writeText).toHaveBeenCalledWith(expected);
  });

  it('copies nothing when the API fails, and records why', async () => {
    aliexpress.api.setBehaviour('not-registered');
    const { copy, clipboard, record } = setup();
    const actual = await copy({ surface: 'shortcut', sourceUrl: productUrl(HOT_ID), presetId: 'pp', tabId: 1 });
    expect(actual).toMatchObject({ ok: false, failure: 'api-error' });
    expect(clipboard.writeText).not.toHaveBeenCalled();
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ failure: 'api-error', link: '' }));
  });

  it('copies nothing without credentials (needs-api)', async () => {
    const { copy, clipboard } = setup({ loadCredentials: async () => ({}) });
    const actual = await copy({ surface: 'shortcut', sourceUrl: productUrl(HOT_ID), presetId: 'pp', tabId: 1 });
    expect(actual).toMatchObject({ ok: false, failure: 'needs-api' });
    expect(clipboard.writeText).not.toHaveBeenCalled();
  });
});

describe('createAreaCacheStore', () => {
  function fakeArea() {
    const items = new Map<string, unknown>();
    return {
      items,
      get: async (keys: string | null) => (keys === null ? Object.fromEntries(items) : items.has(keys) ? { [keys]: items.get(keys) } : {}),
      set: async (values: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(values)) items.set(key, value);
      },
      remove: async (keys: string[]) => {
        for (const key of keys) items.delete(key);
      },
    };
  }

  it('keeps values under its prefix and sweeps expired ones, leaving other keys alone', async () => {
    const area = fakeArea();
    area.items.set('unrelated', 1);
    const now = createClock(1_000_000);
    const store = createAreaCacheStore(area, { now, ttlMs: 1000, sweepEvery: 2 });
    await store.set('a', { storedAt: now(), value: 1 });
    expect(await store.get('a')).toEqual({ storedAt: 1_000_000, value: 1 });
    now.advance(2000);
    await store.set('b', { storedAt: now(), value: 2 });
    expect([...area.items.keys()].sort()).toEqual(['apiCache:b', 'unrelated']);
  });
});

describe('lib/index', () => {
  it('exports the signer as signAliExpressRequest, agreeing with the fake gateway\'s node:crypto check', async () => {
    const params = { app_key: '500123', method: 'aliexpress.affiliate.link.generate', sign_method: 'sha256', timestamp: '1517886554000', tracking_id: 'blog_main' };
    const actual = await signAliExpressRequest(params, FAKE_ALIEXPRESS_CREDENTIALS.appSecret, 'sha256');
    expect(actual).toBe(expectedSign(params, FAKE_ALIEXPRESS_CREDENTIALS.appSecret));
  });
});
