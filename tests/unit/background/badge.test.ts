import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  BADGE_COLORS,
  copyOutcomeView,
  createCopyFlash,
  createProductBadge,
  FLASH_MS,
  formatRate,
  formatRateExact,
  createBadgeEstimator,
  productView,
  type ActionApi,
  type BadgeEstimator,
  type BadgeText,
  type TabInfo,
} from '@/lib/background/badge';
import { badgeText } from '@/lib/background/badge/text';
import type { Preset } from '@/lib/presets/types';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '@/lib/storage/settings';
import { loadState, saveBadgeOptIn, saveSettings } from '@/lib/storage/local';
import type { StoredState } from '@/lib/storage/state';

const text: BadgeText = {
  copied: () => 'copied',
  copiedEarnsNothing: (warning) => `copied, earns nothing: ${warning.code}`,
  historyNotSaved: (kind) => `not in history (${kind})`,
  copyFailed: (failure) => `failed: ${failure}`,
  product: (id, estimate) => `product ${id}${estimate ? ` ${estimate.kind}` : ''}`,
};

/** The badge state of every tab, as the browser would show it. */
function fakeAction() {
  const tabs = new Map<number | undefined, { text: string; color?: string; title: string }>();
  const at = (tabId: number | undefined) => tabs.get(tabId) ?? { text: '', title: 'Sublink' };
  const api: ActionApi = {
    setBadgeText: async ({ tabId, text }) => void tabs.set(tabId, { ...at(tabId), text }),
    setBadgeBackgroundColor: async ({ tabId, color }) => void tabs.set(tabId, { ...at(tabId), color }),
    setTitle: async ({ tabId, title }) => void tabs.set(tabId, { ...at(tabId), title }),
    getTitle: async () => 'Sublink',
  };
  return { api, at, writes: () => tabs.size };
}

describe('badge views', () => {
  it.each([
    { input: 3.456, expected: '3.4%' },
    { input: 0, expected: '0%' },
    { input: 9.96, expected: '9.9%' },
    { input: 12.8, expected: '12%' },
    // Seed 002's RU&CIS rate for mobile phones to non-CIS: never shown as more than it is.
    { input: 1.15, expected: '1.1%' },
    { input: 2.3, expected: '2.3%' },
  ])('formatRate($input) is $expected (rounded down, four characters at most)', ({ input, expected }) => {
    expect(formatRate(input)).toBe(expected);
    expect(formatRate(input).length).toBeLessThanOrEqual(4);
  });

  it.each([
    { input: 1.15, expected: '1.15%' },
    { input: 3.456, expected: '3.46%' },
    { input: 7, expected: '7%' },
  ])('formatRateExact($input) is $expected', ({ input, expected }) => {
    expect(formatRateExact(input)).toBe(expected);
  });

  it.each([
    { input: { ok: true } as const, expected: { text: '✓', color: BADGE_COLORS.ok, title: 'copied' } },
    { input: { ok: false, failure: 'short-link' } as const, expected: { text: '!', color: BADGE_COLORS.error, title: 'failed: short-link' } },
    {
      input: { ok: true, earnsNothing: { code: 'virtualNoCommission', rank: 'blocking', seed: '001_b214df0997934a9f.txt', params: {}, sources: [] } } as const,
      expected: { text: '✓', color: BADGE_COLORS.error, title: 'copied, earns nothing: virtualNoCommission' },
    },
  ])('copy outcome $input.ok', ({ input, expected }) => {
    expect(copyOutcomeView(input, text)).toEqual(expected);
  });

  it.each([
    { estimate: null, expected: { text: '', title: 'product 1005' } },
    { estimate: { kind: 'hot' } as const, expected: { text: 'HOT', color: BADGE_COLORS.hot, title: 'product 1005 hot' } },
    { estimate: { kind: 'rate', percent: 3.46 } as const, expected: { text: '3.4%', color: BADGE_COLORS.rate, title: 'product 1005 rate' } },
  ])('product with estimate $estimate', ({ estimate, expected }) => {
    expect(productView('1005', estimate, text)).toEqual(expected);
  });

  it('reads tooltips from the catalog', () => {
    expect(badgeText.copyFailed('short-link')).toBe('Sublink: nothing was copied. Short links cannot be resolved offline: open the link first.');
    expect(badgeText.product('1005', { kind: 'rate', percent: 3.456 })).toBe('Sublink: product 1005, estimated commission 3.46%');
    expect(badgeText.product('1005', { kind: 'hot' })).toBe('Sublink: product 1005 is a hot-sale item');
    expect(badgeText.product('1005', { kind: 'hot', percent: 7 })).toBe('Sublink: product 1005 is a hot-sale item, estimated commission 7%');
    expect(badgeText.product('1005', null)).toBe('Sublink: product 1005');
  });
});

describe('the copy confirmation', () => {
  it('shows ✓ on the tab for two seconds, then what the tab showed before', async () => {
    vi.useFakeTimers();
    try {
      const action = fakeAction();
      const restore = vi.fn(async (tabId: number | undefined) => action.api.setBadgeText({ tabId, text: 'HOT' }));
      const flash = createCopyFlash({ action: action.api, text, restore, setTimer: (cb, ms) => setTimeout(cb, ms) });

      await flash(4, { ok: true });
      expect(action.at(4)).toMatchObject({ text: '✓', color: BADGE_COLORS.ok, title: 'copied' });
      expect(action.at(5).text).toBe('');

      await vi.advanceTimersByTimeAsync(FLASH_MS.ok - 1);
      expect(restore).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(restore).toHaveBeenCalledWith(4);
      expect(action.at(4).text).toBe('HOT');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a failure longer, and a newer flash is not cut short by an older timer', async () => {
    vi.useFakeTimers();
    try {
      const action = fakeAction();
      const restore = vi.fn(async () => undefined);
      const flash = createCopyFlash({ action: action.api, text, restore, setTimer: (cb, ms) => setTimeout(cb, ms) });

      await flash(4, { ok: true });
      await vi.advanceTimersByTimeAsync(1500);
      await flash(4, { ok: false, failure: 'clipboard' });
      expect(action.at(4)).toMatchObject({ text: '!', title: 'failed: clipboard' });

      await vi.advanceTimersByTimeAsync(FLASH_MS.ok);
      expect(restore).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(FLASH_MS.error);
      expect(restore).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

const preset: Preset = { id: 'p1', name: 'Blog', accountId: null, program: 'ru-cis-new', audienceCountry: 'RU', subIds: {}, keepSku: false };
const PRODUCT_URL = 'https://aliexpress.ru/item/1005006789012345.html';

function productBadgeSetup({ optIn = true, tabs = [] as TabInfo[], estimate = vi.fn<BadgeEstimator>(async () => ({ kind: 'hot' })) } = {}) {
  const action = fakeAction();
  const state: { current: StoredState } = {
    current: { accounts: [], presets: [preset], settings: { ...DEFAULT_SETTINGS, badgeOptIn: optIn }, problems: [] },
  };
  const badge = createProductBadge({
    action: action.api,
    tabs: { query: async () => tabs, get: async (tabId) => tabs.find((t) => t.id === tabId) ?? { id: tabId } },
    loadState: async () => state.current,
    estimate,
    text,
  });
  const setOptIn = (badgeOptIn: boolean) => (state.current = { ...state.current, settings: { ...state.current.settings, badgeOptIn } });
  return { action, badge, estimate, setOptIn };
}

describe('the opt-in product badge', () => {
  it('shows the estimate on a product tab once the tab has loaded, for the default preset', async () => {
    const { action, badge, estimate } = productBadgeSetup();
    await badge.onTabUpdated(3, { status: 'complete' }, { id: 3, url: PRODUCT_URL });
    expect(action.at(3)).toMatchObject({ text: 'HOT', title: 'product 1005006789012345 hot' });
    expect(estimate).toHaveBeenCalledWith(expect.objectContaining({ id: '1005006789012345', site: 'ru' }), preset, null, null, PRODUCT_URL);
  });

  it('does nothing at all while the user has not opted in', async () => {
    const { action, badge, estimate } = productBadgeSetup({ optIn: false, tabs: [{ id: 3, url: PRODUCT_URL }] });
    await badge.onTabUpdated(3, { status: 'complete' }, { id: 3, url: PRODUCT_URL });
    await badge.refreshAll();
    await badge.onPermissionsChanged();
    expect(action.writes()).toBe(0);
    expect(estimate).not.toHaveBeenCalled();
  });

  it('does nothing for a tab whose URL the browser does not reveal (no host access)', async () => {
    const { action, badge } = productBadgeSetup();
    await badge.onTabUpdated(3, { status: 'complete' }, { id: 3 });
    expect(action.writes()).toBe(0);
  });

  it('clears the badge when an AliExpress tab moves off a product', async () => {
    const { action, badge } = productBadgeSetup();
    await badge.onTabUpdated(3, { url: PRODUCT_URL }, { id: 3, url: PRODUCT_URL });
    await badge.onTabUpdated(3, { url: 'https://aliexpress.ru/store/1234' }, { id: 3, url: 'https://aliexpress.ru/store/1234' });
    expect(action.at(3)).toMatchObject({ text: '', title: 'Sublink' });
  });

  it('ignores updates that change neither the URL nor the load state (title, favicon)', async () => {
    const { action, badge } = productBadgeSetup();
    await badge.onTabUpdated(3, {}, { id: 3, url: PRODUCT_URL });
    expect(action.writes()).toBe(0);
  });

  it('shows the product without a number when there is no estimate, or the estimator fails', async () => {
    const failing = vi.fn<BadgeEstimator>(async () => {
      throw new Error('table missing');
    });
    const { action, badge } = productBadgeSetup({ estimate: failing });
    await badge.onTabUpdated(3, { status: 'complete' }, { id: 3, url: PRODUCT_URL });
    expect(action.at(3)).toMatchObject({ text: '', title: 'product 1005006789012345' });
  });

  it('turning it on shows every open product tab; turning it off clears every tab', async () => {
    const tabs = [{ id: 1, url: PRODUCT_URL }, { id: 2, url: 'https://www.aliexpress.com/' }, { id: 3 }];
    const { action, badge, setOptIn } = productBadgeSetup({ optIn: false, tabs });

    setOptIn(true);
    await badge.onStorageChanged({ settings: { oldValue: { badgeOptIn: false }, newValue: { badgeOptIn: true } } }, 'local');
    expect([1, 2, 3].map((id) => action.at(id).text)).toEqual(['HOT', '', '']);

    setOptIn(false);
    await badge.onStorageChanged({ settings: { oldValue: { badgeOptIn: true }, newValue: { badgeOptIn: false } } }, 'local');
    expect([1, 2, 3].map((id) => [action.at(id).text, action.at(id).title])).toEqual(Array(3).fill(['', 'Sublink']));
  });

  it('refreshes when the default preset changes, not when the popup remembers a preset', async () => {
    const { badge, estimate } = productBadgeSetup({ tabs: [{ id: 1, url: PRODUCT_URL }] });
    await badge.onStorageChanged({ settings: { oldValue: { badgeOptIn: true, lastUsedPresetId: null }, newValue: { badgeOptIn: true, lastUsedPresetId: 'p1' } } }, 'local');
    await badge.onStorageChanged({ history: { newValue: [] } }, 'local');
    await badge.onStorageChanged({ settings: { newValue: { badgeOptIn: false } } }, 'sync');
    expect(estimate).not.toHaveBeenCalled();

    await badge.onStorageChanged({ settings: { oldValue: { badgeOptIn: true, defaultPresetId: null }, newValue: { badgeOptIn: true, defaultPresetId: 'p1' } } }, 'local');
    expect(estimate).toHaveBeenCalledTimes(1);
  });

  it('refreshes when the hot list, the rate tables or a category pick change', async () => {
    const { badge, estimate } = productBadgeSetup({ tabs: [{ id: 1, url: PRODUCT_URL }] });
    await badge.onStorageChanged({ hotList: { newValue: { v: 1, sources: [] } } }, 'local');
    await badge.onStorageChanged({ rateCache: { newValue: {} } }, 'local');
    await badge.onStorageChanged({ categoryPicks: { newValue: {} } }, 'local');
    expect(estimate).toHaveBeenCalledTimes(3);
  });

  it('restoreTab puts the product badge back after a flash, or clears the flash when opted out', async () => {
    const on = productBadgeSetup({ tabs: [{ id: 1, url: PRODUCT_URL }] });
    await on.action.api.setBadgeText({ tabId: 1, text: '✓' });
    await on.badge.restoreTab(1);
    expect(on.action.at(1).text).toBe('HOT');

    const off = productBadgeSetup({ optIn: false, tabs: [{ id: 1, url: PRODUCT_URL }] });
    await off.action.api.setBadgeText({ tabId: 1, text: '✓' });
    await off.badge.restoreTab(1);
    expect(off.action.at(1)).toEqual({ text: '', title: 'Sublink' });
  });
});

describe('the badge setting in storage', () => {
  it('reads settings stored before the option existed as off', () => {
    expect(settingsSchema.parse({ defaultPresetId: 'p1', lastUsedPresetId: null })).toEqual({ defaultPresetId: 'p1', lastUsedPresetId: null, badgeOptIn: false });
  });

  it('rejects a value that is not true or false', () => {
    expect(settingsSchema.safeParse({ defaultPresetId: null, lastUsedPresetId: null, badgeOptIn: 'yes' }).success).toBe(false);
  });

  it('is written only by the toggle: a page saving its older copy of the settings keeps it', async () => {
    await saveBadgeOptIn(true);
    const stale: Settings = { defaultPresetId: 'p2', lastUsedPresetId: 'p2' };
    await saveSettings(stale);
    expect((await loadState()).settings).toEqual({ defaultPresetId: 'p2', lastUsedPresetId: 'p2', badgeOptIn: true });

    await saveSettings({ ...stale, badgeOptIn: false });
    expect((await loadState()).settings.badgeOptIn).toBe(true);

    await saveBadgeOptIn(false);
    expect((await loadState()).settings).toEqual({ defaultPresetId: 'p2', lastUsedPresetId: 'p2', badgeOptIn: false });
  });

  it('reports a failed write', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    expect(await saveBadgeOptIn(true)).toEqual({ ok: false, error: { kind: 'quota' } });
  });
});

describe('the estimate on the badge (the popup\'s estimate, from storage)', () => {
  const product = { id: '1005006789012345', site: 'com' as const };
  const now = () => new Date('2026-11-21T12:00:00Z');
  const hotList = (rate: number | null) => ({ v: 1, sources: [{ id: 'import', label: 'hot.csv', updatedAt: '2026-11-01T00:00:00Z', ids: [product.id], rates: [rate] }] });
  const ruCisToGermany: Preset = { ...preset, program: 'ru-cis-new', audienceCountry: 'DE' };

  it.each([
    { name: 'a product in the hot list, with its rate', stored: { hotList: hotList(7) }, preset: ruCisToGermany, expected: { kind: 'hot', percent: 7 } },
    { name: 'a product in the hot list, without a rate, no preset', stored: { hotList: hotList(null) }, preset: null, expected: { kind: 'hot' } },
    {
      // Seed 002: RU&CIS NEW, delivery outside CIS, Mobile phone 1.15%.
      name: 'a category the user picked in the popup',
      stored: { categoryPicks: { [product.id]: 'mobilePhone' } },
      preset: ruCisToGermany,
      expected: { kind: 'rate', percent: 1.15 },
    },
    {
      // Seed 002: "The commission for orders from CHUWI Global - Flagship Store is 1.05%."
      name: 'a store kind the user typed in the popup',
      stored: { productFacts: [{ productId: product.id, storeKind: 'chuwiGlobal' }] },
      preset: ruCisToGermany,
      expected: { kind: 'rate', percent: 1.05 },
    },
    {
      // Seed 002: stores without commission are not paid "regardless of the country of order’s delivery".
      name: 'a store without commission typed in the popup: 0%',
      stored: { productFacts: [{ productId: product.id, storeKind: 'noCommission' }] },
      preset: ruCisToGermany,
      expected: { kind: 'rate', percent: 0 },
    },
    { name: 'an unknown category: no single rate, so nothing', stored: {}, preset: ruCisToGermany, expected: null },
    { name: 'no preset and no hot list', stored: {}, preset: null, expected: null },
  ])('$name', async ({ stored, preset: chosen, expected }) => {
    const estimate = createBadgeEstimator({ loadStored: async () => stored, now });
    expect(await estimate(product, chosen)).toEqual(expected);
  });

  it("a category guessed from the tab's title: one number on the badge (seed 002: Mobile phone 1,15%)", async () => {
    const estimate = createBadgeEstimator({ loadStored: async () => ({}), now });
    expect(await estimate(product, ruCisToGermany, 'admitad', 'Xiaomi Redmi Note 13 Smartphone 8GB 256GB - AliExpress 509')).toEqual({ kind: 'rate', percent: 1.15 });
  });
});
