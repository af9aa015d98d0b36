import { describe, expect, it, vi } from 'vitest';
import { computeInsights, createEstimateDataReader, pickedCategory, withCategoryPick } from '@/lib/insights';
import { createShipToReader, SHIP_TO_PERMISSIONS, type ShipToApi } from '@/lib/popup/ship-to';
import type { Preset } from '@/lib/presets/types';
import { parseProductUrl } from '@/lib/url';

const PRODUCT_ID = '1005006123456789';
const parsed = parseProductUrl(`https://www.aliexpress.com/item/${PRODUCT_ID}.html`);
const wwForRussia: Preset = { id: 'p1', name: 'RU blog', accountId: null, program: 'ww', audienceCountry: 'RU', subIds: {}, keepSku: false };
const hotList = { v: 1, sources: [{ id: 'import', label: 'hot.csv', updatedAt: '2026-11-01T00:00:00Z', ids: [PRODUCT_ID], rates: [12.5] }] };
const now = new Date('2026-11-21T12:00:00Z');
/** The popup's stored values under their storage keys, parsed as the popup does (one reader per page). */
const readData = createEstimateDataReader();
const dataOf = (stored: Record<string, unknown>) => readData({ rateCache: stored['rateCache'], hotList: stored['hotList'], categoryPicks: stored['categoryPicks'] });

describe('popup insights', () => {
  it("the publisher's own ship-to (DE) says nothing about buyers in RU: shown, never a warning (seed 001 gives WW rates for the CIS)", () => {
    const actual = computeInsights({ parsed, preset: wwForRussia, data: dataOf({}), shipToCookie: 'site=glo&c_tp=EUR&region=DE&b_locale=de_DE', now });
    expect(actual.shipTo).toEqual({ country: 'DE', from: 'cookie' });
    expect(actual.estimate).toMatchObject({ deliveryCountry: 'RU', region: 'cis', rate: { min: 0, max: null } });
    expect(actual.warnings.filter((w) => w.rank === 'blocking')).toEqual([]);
  });

  it('flags a product of the imported hot list as HOT with its rate', () => {
    const actual = computeInsights({ parsed, preset: { ...wwForRussia, audienceCountry: 'DE' }, data: dataOf({ hotList }), shipToCookie: null, now });
    expect(actual.hot).toMatchObject({ hot: true, ratePct: 12.5, label: 'hot.csv' });
    expect(actual.estimate.hot).toBe(true);
  });

  it('reads a replaced hot list afresh (each stored value is parsed once, by identity)', () => {
    const preset = { ...wwForRussia, audienceCountry: 'DE' };
    expect(computeInsights({ parsed, preset, data: dataOf({ hotList }), shipToCookie: null, now }).hot).toMatchObject({ hot: true, ratePct: 12.5 });
    const removed = { v: 1, sources: [] };
    expect(computeInsights({ parsed, preset, data: dataOf({ hotList: removed }), shipToCookie: null, now }).hot).toEqual({ hot: false });
    const broken = { v: 1, sources: [{ ...hotList.sources[0], ids: ['not-an-id'] }] };
    expect(computeInsights({ parsed, preset, data: dataOf({ hotList: broken }), shipToCookie: null, now }).hot).toEqual({ hot: false });
    expect(computeInsights({ parsed, preset, data: dataOf({ hotList }), shipToCookie: null, now }).hot).toMatchObject({ hot: true, ratePct: 12.5 });
  });

  it('estimates by the category the user picked for this product', () => {
    const preset: Preset = { ...wwForRussia, program: 'ru-cis-new', audienceCountry: 'DE' };
    const stored = { categoryPicks: { [PRODUCT_ID]: 'mobilePhone' } };
    const actual = computeInsights({ parsed, preset, data: dataOf(stored), shipToCookie: null, now });
    expect(actual.categoryKey).toBe('mobilePhone');
    // Seed 002: non-CIS orders, Mobile phone 1,15%.
    expect(actual.estimate).toMatchObject({ best: 1.15, byCategory: true });
  });

  it('infers the ship-to country from aliexpress.ru when there is no cookie', () => {
    const actual = computeInsights({ parsed: parseProductUrl(`https://aliexpress.ru/item/${PRODUCT_ID}.html`), preset: wwForRussia, data: dataOf({}), shipToCookie: null, now });
    expect(actual.shipTo).toEqual({ country: 'RU', from: 'site' });
  });

  it('ignores a stored pick that is not a known category', () => {
    expect(pickedCategory({ [PRODUCT_ID]: 'lottery' }, PRODUCT_ID)).toBeNull();
    expect(pickedCategory('junk', PRODUCT_ID)).toBeNull();
  });

  it('keeps the category picks bounded, newest last, and a cleared pick removed', () => {
    let picks = {};
    for (let i = 0; i < 5; i++) picks = withCategoryPick(picks, String(i), 'tablets', 3);
    expect(Object.keys(picks)).toEqual(['2', '3', '4']);
    expect(withCategoryPick(picks, '3', null, 3)).toEqual({ 2: 'tablets', 4: 'tablets' });
  });
});

describe('ship-to reader', () => {
  function fakeApi({ granted, grant = false, cookie = 'region=DE' }: { granted: boolean; grant?: boolean; cookie?: string | null }) {
    const api: ShipToApi = {
      permissions: { contains: vi.fn(async () => granted), request: vi.fn(async () => grant) },
      cookies: { get: vi.fn(async () => (cookie === null ? null : { value: cookie })) },
    };
    return api;
  }

  it('reads nothing and asks nothing until allowed', async () => {
    const api = fakeApi({ granted: false });
    const reader = createShipToReader(async () => api);
    await reader.check('com');
    expect(reader.access.value).toBe('not-allowed');
    expect(api.cookies.get).not.toHaveBeenCalled();
    expect(api.permissions.request).not.toHaveBeenCalled();
  });

  it('reads the cookie of the product\'s site once allowed', async () => {
    const api = fakeApi({ granted: true });
    const reader = createShipToReader(async () => api);
    await reader.check('ru');
    expect(reader.access.value).toBe('allowed');
    expect(reader.cookieValue.value).toBe('region=DE');
    expect(api.cookies.get).toHaveBeenCalledWith({ url: 'https://aliexpress.ru/', name: 'aep_usuc_f' });
  });

  it('asks for exactly the cookies permission on AliExpress hosts, and says so when refused', async () => {
    const api = fakeApi({ granted: false, grant: false });
    const reader = createShipToReader(async () => api);
    await reader.request('com');
    expect(api.permissions.request).toHaveBeenCalledWith(SHIP_TO_PERMISSIONS);
    expect(reader.access.value).toBe('denied');
    expect(reader.cookieValue.value).toBeNull();
  });
});
