// An existing user's storage, as the release before per-item versions wrote it, goes through the
// upgrade the background runs on `runtime.onInstalled` (reason `update`); every item reads back
// equal through the same readers the pages and the background use.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFixture, VALID_FIXTURE } from '../rates/hostile-fixtures';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import type { HistoryEntry } from '@/lib/storage/history';
import { loadHistory } from '@/lib/storage/history';
import { createItemValues, loadState, readEstimateSnapshot, readSnapshot, savePresets } from '@/lib/storage/local';
import { localArea } from '@/lib/storage/area';
import { storedValueOf } from '@/lib/storage/item';
import { apiCredentialsItem, hotListItem, weeklyRecheckItem } from '@/lib/storage/items';
import { readWeeklyRecheck } from '@/lib/storage/weekly-recheck';
import { RATE_CACHE_KEY } from '@/lib/storage/keys';
import { upgradeStoredData } from '@/lib/storage/upgrade';
import { createCredentialsStore } from '@/lib/api/credentials';
import { createRateCache, sleep } from '@/lib/background/rate-cache';
import { RATE_SOURCE_KEY, readRateSource } from '@/lib/background/rate-source';
import { parseHotListStore } from '@/lib/hotlist';
import { computeInsights, createEstimateDataReader, pickedCategory, typedFactsOf } from '@/lib/insights';
import { parseProductUrl } from '@/lib/url';
import background from '@/entrypoints/background';
import { installFakeExtensionApis } from '../support/fake-extension-apis';

const accounts: Account[] = [
  { id: 'acc1', network: 'admitad', name: 'My Admitad', code: 'abc123def456abc123def456abc123' },
  { id: 'acc2', network: 'epn', name: 'ePN', host: 'alipromo.com', code: 'abcdefabcdefabcdefabcdefabcdefab' },
  { id: 'acc3', network: 'custom', name: 'Other net', template: 'https://go.example/?u={url_encoded}&s={subid}' },
  { id: 'acc4', network: 'portals', name: 'My Portals', appKey: '500123', trackingId: 'blog_main' },
];
const presets: Preset[] = [
  { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog', subid1: 'post42' }, keepSku: false },
  { id: 'p2', name: 'Telegram', accountId: 'acc2', program: 'ru-cis-new', audienceCountry: 'RU', subIds: { subid: 'tg' }, keepSku: true },
  { id: 'p3', name: 'Portals', accountId: 'acc4', program: 'portals', audienceCountry: 'ES', subIds: {}, keepSku: false, portals: { trackingId: 'blog_main', af: 'blog' } },
];
const settings = { defaultPresetId: 'p2', lastUsedPresetId: 'p1', badgeOptIn: true };
const history: HistoryEntry[] = [
  { at: 1_764_800_000_000, surface: 'context-menu', sourceUrl: 'https://a.aliexpress.com/_mK', presetId: 'p1', presetName: 'Blog', link: '', productId: null, failure: 'short-link' },
  { at: 1_764_700_000_000, surface: 'shortcut', sourceUrl: 'https://www.aliexpress.com/item/1005006123456789.html', presetId: 'p3', presetName: 'Portals', link: '', productId: '1005006123456789', failure: 'needs-api' },
  {
    at: 1_764_600_000_000,
    surface: 'popup',
    sourceUrl: 'https://www.aliexpress.com/item/1005006123456789.html',
    presetId: 'p1',
    presetName: 'Blog',
    link: 'https://ad.admitad.com/g/abc123def456abc123def456abc123/?ulp=x',
    productId: '1005006123456789',
  },
];
const hotList = { v: 1, sources: [{ id: 'import', label: 'hot.csv', updatedAt: '2026-11-01T00:00:00.000Z', ids: ['1005001234567890', '1005006123456789'], rates: [null, 9] }] };
const bundle = JSON.parse(readFixture(VALID_FIXTURE)) as { version: string };
const rateCache = {
  v: 1,
  url: 'https://rates.example.com/sublink.json',
  etag: '"abc"',
  bundle,
  fetchedAt: '2026-11-20T10:00:00.000Z',
  checkedAt: '2026-11-21T10:00:00.000Z',
  lastError: null,
};
const categoryPicks = { '1005006123456789': 'mobilePhone', '1005001234567890': 'tablets' };
const productFacts = [
  { productId: '1005001234567890', storeKind: 'plaza' },
  { productId: '1005006123456789', price: { amount: 600, currency: 'USD' }, sellerCountry: 'CN' },
];
const apiCredentials = {
  v: 1,
  aliexpress: { appKey: '500123', appSecret: 'abcdef0123456789abcdef0123456789', trackingId: 'blog_main' },
  admitad: { clientId: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3', clientSecret: 'secretsecretsecretsecretsecret', websiteId: '123456', campaignId: '6115' },
};
const rateSource = { url: 'https://rates.example.com/sublink.json', intervalMinutes: 60 };
const linkHealthWeekly = {
  enabled: true,
  count: 30,
  dueAt: 1_765_000_000_000,
  pendingRunId: null,
  deadLinks: { runId: 'run-1', dead: 2, checked: 30, finishedAt: 1_764_900_000_000 },
  lastSkip: null,
};

/** Everything the previous release kept in storage.local for a user of every feature. */
const TODAY: Record<string, unknown> = {
  storageVersion: 1,
  accounts,
  presets,
  settings,
  history,
  hotList,
  rateCache,
  categoryPicks,
  productFacts,
  apiCredentials,
  rateSource,
  linkHealthWeekly,
};

async function upgradeFrom(snapshot: Record<string, unknown>) {
  await fakeBrowser.storage.local.set(structuredClone(snapshot));
  await upgradeStoredData(localArea());
}

describe('upgrading from the stored data of the previous release', () => {
  it('keeps every value as it was and drops only the global version', async () => {
    await upgradeFrom(TODAY);
    const { storageVersion: _gone, ...items } = TODAY;
    expect(await fakeBrowser.storage.local.get(null)).toEqual(items);
  });

  it('every item reads back equal through its reader', async () => {
    await upgradeFrom(TODAY);

    expect(await loadState()).toEqual({ accounts, presets, settings, problems: [] });
    expect(await loadHistory()).toEqual({ entries: history, problems: [] });
    expect(parseHotListStore(storedValueOf(hotListItem, await readSnapshot([hotListItem])))).toEqual({ store: hotList, problems: [] });

    const estimate = await readEstimateSnapshot();
    expect(pickedCategory(estimate.categoryPicks, '1005006123456789')).toBe('mobilePhone');
    expect(pickedCategory(estimate.categoryPicks, '1005001234567890')).toBe('tablets');
    const parsed = parseProductUrl('https://www.aliexpress.com/item/1005006123456789.html');
    const insights = computeInsights({ parsed, preset: presets[0]!, data: createEstimateDataReader()(estimate), shipToCookie: null, now: new Date('2026-11-21T12:00:00Z') });
    expect(insights.hot).toMatchObject({ hot: true, ratePct: 9, label: 'hot.csv' });
    expect(insights.categoryKey).toBe('mobilePhone');
    expect(insights.typed).toEqual({ price: { amount: 600, currency: 'USD' }, sellerCountry: 'CN' });
    expect(typedFactsOf(estimate.productFacts, '1005001234567890')).toEqual({ storeKind: 'plaza' });

    const values = createItemValues(localArea());
    const cache = createRateCache({
      fetch: () => Promise.reject(new Error('no network in this test')),
      hasAccess: async () => false,
      storage: { get: () => values.get(RATE_CACHE_KEY), set: (value) => values.set({ [RATE_CACHE_KEY]: value }) },
      now: () => new Date('2026-11-21T12:00:00Z'),
      sleep,
    });
    const { status } = await cache.load();
    expect(status).toEqual({
      source: 'remote',
      url: rateCache.url,
      version: bundle.version,
      fetchedAt: rateCache.fetchedAt,
      checkedAt: rateCache.checkedAt,
      lastError: null,
    });

    expect(readRateSource(await values.get(RATE_SOURCE_KEY))).toEqual(rateSource);
    expect(readWeeklyRecheck(storedValueOf(weeklyRecheckItem, await readSnapshot([weeklyRecheckItem])))).toEqual(linkHealthWeekly);

    const credentials = createCredentialsStore(localArea());
    const { v: _v, ...stored } = apiCredentials;
    expect(await credentials.load()).toEqual(stored);
    expect(storedValueOf(apiCredentialsItem, await readSnapshot([apiCredentialsItem]))).toEqual(apiCredentials);
  });

  it('reads the same before the upgrade has run (a page opened first) as after', async () => {
    await fakeBrowser.storage.local.set(structuredClone(TODAY));
    const before = { state: await loadState(), history: await loadHistory(), estimate: await readEstimateSnapshot() };
    await upgradeStoredData(localArea());
    const after = { state: await loadState(), history: await loadHistory(), estimate: await readEstimateSnapshot() };
    expect(after).toEqual(before);
  });

  it('a save after the upgrade changes only its own item', async () => {
    await upgradeFrom(TODAY);
    await savePresets([...presets, { ...presets[0]!, id: 'p4', name: 'Newsletter' }]);
    const { storageVersion: _gone, presets: _old, ...others } = TODAY;
    const actual = await fakeBrowser.storage.local.get(null);
    expect(actual).toMatchObject(others);
    expect(actual).not.toHaveProperty('storageVersion');
    expect((actual['presets'] as Preset[]).map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('a fresh install has nothing to upgrade and writes nothing', async () => {
    const actual = await upgradeStoredData(localArea());
    expect(actual).toEqual({ set: {}, remove: [] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it.each([
    { reason: 'update', expected: false },
    { reason: 'install', expected: true },
  ])('the background upgrades stored data when the extension is updated ($reason: global version kept is $expected)', async ({ reason, expected }) => {
    installFakeExtensionApis();
    await fakeBrowser.storage.local.set(structuredClone(TODAY));
    background.main();

    await fakeBrowser.runtime.onInstalled.trigger({ reason: reason as 'update' | 'install', temporary: false, previousVersion: '0.0.9' });

    const actual = await fakeBrowser.storage.local.get(null);
    expect('storageVersion' in actual).toBe(expected);
    expect(actual).toMatchObject({ accounts, presets, settings, history, hotList, rateCache, categoryPicks, productFacts, apiCredentials, rateSource });
  });
});
