// The popup's lazily loaded model: the estimate for what is shown, one API request per preset and
// URL shown (its link replacing the local one), the category pick and the ship-to permission.
import { describe, expect, it, vi } from 'vitest';
import type { ProductInsightsReply, ProductInsightsRequest } from '@/lib/api/service';
import type { Account } from '@/lib/networks/types';
import { createPopupInsights } from '@/lib/popup/insights-model';
import { createPopupModel, type PopupDeps } from '@/lib/popup/model';
import type { ShipToApi } from '@/lib/popup/ship-to';
import { createShipToReader } from '@/lib/popup/ship-to';
import type { Preset } from '@/lib/presets/types';
import { CATEGORY_PICKS_KEY } from '@/lib/storage/keys';
import { productFactsItem } from '@/lib/storage/items';

const PRODUCT = 'https://www.aliexpress.com/item/1005006789012345.html?aff_fcid=x';
const OTHER_PRODUCT = 'https://www.aliexpress.com/item/1005001234567890.html';
const API_LINK = 'https://s.click.aliexpress.com/e/_hAbc?af=tg';
const portals: Account = { id: 'acc-p', network: 'portals', name: 'Portals', appKey: '500123', trackingId: 'blog_main' };
const admitad: Account = { id: 'acc-a', network: 'admitad', name: 'Admitad', code: 'abc123def456abc123def456abc123' };
const portalsPreset: Preset = { id: 'pp', name: 'Portals', accountId: 'acc-p', program: 'portals', audienceCountry: 'US', subIds: {}, keepSku: false, portals: { af: 'tg' } };
const admitadPreset: Preset = { id: 'pa', name: 'Admitad', accountId: 'acc-a', program: 'ww', audienceCountry: 'DE', subIds: {}, keepSku: false };
const plainPreset: Preset = { id: 'pn', name: 'Plain', accountId: null, program: 'ww', audienceCountry: 'DE', subIds: {}, keepSku: false };

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function setup(presetId: string, reply: (request: ProductInsightsRequest) => ProductInsightsReply = () => ({ source: 'admitad-api', affiliate: true }), granted = false, tabUrl = PRODUCT) {
  const popupDeps: PopupDeps = {
    getActiveTab: async () => ({ url: tabUrl }),
    loadStorage: async () => ({ accounts: [portals, admitad], presets: [portalsPreset, admitadPreset, plainPreset], settings: { defaultPresetId: presetId, lastUsedPresetId: null } }),
    loadEstimateData: async () => ({}),
    saveSettings: async () => ({ ok: true }),
    saveRaw: vi.fn<PopupDeps['saveRaw']>(async () => ({ ok: true })),
    writeClipboard: async () => undefined,
    notifyCopied: async () => ({ recorded: true }),
  };
  const popup = createPopupModel(popupDeps);
  await popup.load();
  await flush();
  const ask = vi.fn(async (request: ProductInsightsRequest) => reply(request));
  const extension: ShipToApi = {
    permissions: { contains: vi.fn(async () => granted), request: vi.fn(async () => true) },
    cookies: { get: vi.fn(async () => ({ value: 'site=glo&c_tp=USD&region=FR&b_locale=en_US' })) },
  };
  const model = createPopupInsights({ popup, ask, shipTo: createShipToReader(async () => extension), now: () => new Date('2025-06-01T12:00:00Z') });
  return { popup, model, ask, extension, saveRaw: popupDeps.saveRaw as ReturnType<typeof vi.fn> };
}

describe('createPopupInsights', () => {
  it('asks nothing before it is started, and stops asking once stopped', async () => {
    const { popup, model, ask } = await setup('pa');
    expect(ask).not.toHaveBeenCalled();
    const stop = model.start();
    expect(ask).toHaveBeenCalledTimes(1);
    stop();
    popup.setPastedUrl(OTHER_PRODUCT);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('asks once per preset and URL shown, with what is shown', async () => {
    const { popup, model, ask } = await setup('pa');
    model.start();
    popup.setPastedUrl(OTHER_PRODUCT);
    popup.selectPreset('pp');
    await popup.putRaw(CATEGORY_PICKS_KEY, {});
    const actual = ask.mock.calls.map(([request]) => request);
    expect(actual).toEqual([
      { url: PRODUCT, presetId: 'pa' },
      { url: OTHER_PRODUCT, presetId: 'pa' },
      { url: OTHER_PRODUCT, presetId: 'pp' },
    ]);
  });

  it('asks nothing for a preset whose account has no API', async () => {
    const { model, ask } = await setup('pn');
    model.start();
    expect(ask).not.toHaveBeenCalled();
    expect(model.api.value).toBeNull();
  });

  it('shows the API\'s Portals link once it arrives (none before), and the API\'s exact rate', async () => {
    const { popup, model } = await setup('pp', () => ({ source: 'aliexpress-api', rate: { commissionRate: 7, hotCommissionRate: 9, isHot: true }, link: { url: API_LINK, kind: 'hot' }, affiliate: true }));
    expect(popup.shownLink.value).toBeNull();
    expect(popup.apiLinkPending.value).toBe(true);
    model.start();
    expect(model.api.value).toMatchObject({ status: 'loading', service: 'aliexpress' });
    await flush();
    expect(popup.shownLink.value).toEqual({ url: API_LINK, from: 'api', hot: true });
    expect(model.api.value).toMatchObject({ status: 'done', reply: { link: { url: API_LINK } } });
    expect(model.exactRateShown.value).toBe(true);
    expect(model.linkFromApi.value).toBe(true);
    // The API's hot rate feeds the estimate.
    expect(model.insights.value?.estimate.best).toBe(9);
  });

  it.each([
    { reply: { source: null, reason: 'no-credentials', service: 'aliexpress' } as const, expected: { kind: 'no-credentials' } },
    { reply: { source: null, reason: 'no-access', service: 'aliexpress' } as const, expected: { kind: 'no-access' } },
    { reply: { source: 'aliexpress-api', error: { kind: 'timeout', message: 'no answer in 8 s' } } as const, expected: { kind: 'api-error' } },
    { reply: { source: 'aliexpress-api', affiliate: false } as const, expected: { kind: 'no-link' } },
  ])('tells the popup why a Portals preset got no link: $expected.kind', async ({ reply, expected }) => {
    const { popup, model } = await setup('pp', () => reply);
    model.start();
    await flush();
    expect(popup.shownLink.value).toBeNull();
    expect(popup.apiLinkProblem.value).toEqual(expected);
  });

  it('forgets the API\'s answer once another preset is shown', async () => {
    const { popup, model } = await setup('pa', () => ({ source: 'admitad-api', affiliate: false }));
    model.start();
    await flush();
    expect(model.api.value).toMatchObject({ status: 'done' });
    popup.selectPreset('pn');
    expect(model.api.value).toBeNull();
    expect(model.exactRateShown.value).toBe(false);
  });

  it('gives the estimate and the product id for a product page', async () => {
    const { model } = await setup('pa');
    expect(model.insights.value?.estimate).toMatchObject({ program: 'ww', deliveryCountry: 'DE' });
    expect(model.productId.value).toBe('1005006789012345');
  });

  it('reads a Tmall product from the tab URL’s host, for the store rule (seed 001)', async () => {
    const { model } = await setup('pn', undefined, false, 'https://tmall.aliexpress.com/item/1005006789012345.html');
    expect(model.insights.value?.warnings.map((w) => w.code)).toContain('tmallFromRussia');
  });

  it('stores the category pick for the product shown', async () => {
    const { popup, model, saveRaw } = await setup('pa');
    model.pickCategory('mobilePhone');
    await flush();
    expect(saveRaw).toHaveBeenCalledWith(CATEGORY_PICKS_KEY, { '1005006789012345': 'mobilePhone' });
    expect(popup.storageSnapshot.value[CATEGORY_PICKS_KEY]).toEqual({ '1005006789012345': 'mobilePhone' });
    expect(model.insights.value?.categoryKey).toBe('mobilePhone');
  });

  it('stores the facts typed for the product shown: they win over the tab URL’s host, the money appears, and a cleared one goes', async () => {
    const { popup, model, saveRaw } = await setup('pn', undefined, false, 'https://tmall.aliexpress.com/item/1005006789012345.html');
    const codes = () => model.insights.value?.warnings.map((w) => w.code);
    expect(codes()).toContain('tmallFromRussia');

    model.setProductFacts({ storeKind: 'regular' });
    await flush();
    expect(saveRaw).toHaveBeenLastCalledWith(productFactsItem.key, [{ productId: '1005006789012345', storeKind: 'regular' }]);
    expect(codes()).not.toContain('tmallFromRussia');

    expect(model.insights.value?.estimate.commission).toBeNull();
    model.setProductFacts({ price: { amount: 100, currency: 'USD' } });
    await flush();
    expect(model.insights.value?.typed).toEqual({ storeKind: 'regular', price: { amount: 100, currency: 'USD' } });
    expect(model.insights.value?.estimate.commission).toMatchObject({ currency: 'USD' });

    model.setProductFacts({ storeKind: undefined });
    await flush();
    expect(popup.storageSnapshot.value[productFactsItem.key]).toEqual([{ productId: '1005006789012345', price: { amount: 100, currency: 'USD' } }]);
    expect(codes()).toContain('tmallFromRussia');
  });

  it('says so when the category pick could not be saved because storage is full, and clears it after a save works', async () => {
    const { model, saveRaw } = await setup('pa');
    saveRaw.mockResolvedValueOnce({ ok: false, error: { kind: 'quota' } });
    expect(model.saveProblem.value).toBeNull();
    model.pickCategory('mobilePhone');
    await flush();
    expect(model.saveProblem.value).toBe('quota');
    model.pickCategory('tablets');
    await flush();
    expect(model.saveProblem.value).toBeNull();
  });

  it('reads the ship-to cookie on start only when already allowed, and asks for it on a click', async () => {
    const { model, extension } = await setup('pa', undefined, false);
    model.start();
    await flush();
    expect(model.shipToAccess.value).toBe('not-allowed');
    expect(extension.cookies.get).not.toHaveBeenCalled();
    model.readShipTo();
    await flush();
    expect(extension.permissions.request).toHaveBeenCalled();
    expect(model.shipToAccess.value).toBe('allowed');
    expect(model.insights.value?.shipTo).toEqual({ country: 'FR', from: 'cookie' });
  });
});
