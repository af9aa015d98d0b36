import { describe, expect, it, vi } from 'vitest';
import { createPopupModel, type PopupDeps } from '@/lib/popup/model';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
type StoredInput = { accounts?: unknown[]; presets?: unknown[]; settings?: unknown };

const PRODUCT = 'https://www.aliexpress.com/item/1005006123456789.html?spm=a2g0o.home.0.0&aff_fcid=abc&utm_source=x';
const CLEAN = 'https://www.aliexpress.com/item/1005006123456789.html';
const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog', subid1: 'post42' }, keepSku: false };
const telegram: Preset = { ...blog, id: 'p2', name: 'Telegram', subIds: { subid: 'tg' } };

function setup(state: StoredInput = {}, tab: { url?: string; title?: string } = { url: PRODUCT }, estimateData: () => Promise<Record<string, unknown>> = async () => ({})) {
  const deps = {
    getActiveTab: vi.fn(async () => tab),
    // Raw, as storage.local returns it: the model parses it.
    loadStorage: vi.fn(async (): Promise<Record<string, unknown>> => ({ ...state })),
    loadEstimateData: vi.fn(estimateData),
    saveSettings: vi.fn<PopupDeps['saveSettings']>(async () => ({ ok: true })),
    saveRaw: vi.fn<PopupDeps['saveRaw']>(async () => ({ ok: true })),
    writeClipboard: vi.fn<PopupDeps['writeClipboard']>(async () => undefined),
    notifyCopied: vi.fn<PopupDeps['notifyCopied']>(async () => ({ recorded: true })),
  };
  return { deps, model: createPopupModel(deps) };
}

const admitadLink = (subs: string) => `https://ad.admitad.com/g/${admitad.code}/?ulp=${encodeURIComponent(CLEAN)}${subs}`;

describe('popup model', () => {
  it('with no preset, offers the clean product URL and the way to setup', async () => {
    const { model } = setup();
    await model.load();
    expect(model.parsed.value).toMatchObject({ kind: 'product', product: { id: '1005006123456789', site: 'com' } });
    expect(model.link.value).toEqual({ ok: true, url: CLEAN, targetUrl: CLEAN, network: 'plain', changes: [] });
    expect(model.needsSetup.value).toBe(true);
  });

  it.each([
    {
      tab: 'https://es.aliexpress.com/item/1005006123456789.html',
      presetChange: {},
      expectedLink: admitadLink('&subid=blog&subid1=post42'),
      expected: [{ kind: 'host', from: 'es.aliexpress.com', to: 'www.aliexpress.com' }],
    },
    {
      tab: 'https://www.aliexpress.us/item/3256801887502111.html',
      presetChange: {},
      expectedLink: `https://ad.admitad.com/g/${admitad.code}/?ulp=${encodeURIComponent('https://www.aliexpress.com/item/1005002073816863.html')}&subid=blog&subid1=post42`,
      expected: [
        { kind: 'host', from: 'www.aliexpress.us', to: 'www.aliexpress.com' },
        { kind: 'us-id', from: '3256801887502111', to: '1005002073816863' },
      ],
    },
    {
      tab: 'https://es.aliexpress.com/item/1005006123456789.html',
      presetChange: { neutralLinks: false },
      expectedLink: `https://ad.admitad.com/g/${admitad.code}/?ulp=${encodeURIComponent('https://es.aliexpress.com/item/1005006123456789.html')}&subid=blog&subid1=post42`,
      expected: [],
    },
  ])('links $tab for a German audience and says what it changed', async ({ tab, presetChange, expectedLink, expected }) => {
    const { model } = setup({ accounts: [admitad], presets: [{ ...blog, ...presetChange }] }, { url: tab });
    await model.load();
    expect(model.link.value).toMatchObject({ ok: true, url: expectedLink });
    expect(model.linkChanges.value).toEqual(expected);
  });

  it('builds the default preset\'s deeplink, foreign tracking stripped', async () => {
    const { model } = setup({ accounts: [admitad], presets: [telegram, blog], settings: { defaultPresetId: 'p1', lastUsedPresetId: null } });
    await model.load();
    expect(model.selectedPreset.value?.id).toBe('p1');
    expect(model.link.value).toMatchObject({ ok: true, url: admitadLink('&subid=blog&subid1=post42') });
    expect(model.needsSetup.value).toBe(false);
  });

  it('prefers the last used preset over the default', async () => {
    const { model } = setup({ accounts: [admitad], presets: [blog, telegram], settings: { defaultPresetId: 'p1', lastUsedPresetId: 'p2' } });
    await model.load();
    expect(model.selectedPreset.value?.id).toBe('p2');
  });

  it('remembers a picked preset and rebuilds the link', async () => {
    const { model, deps } = setup({ accounts: [admitad], presets: [blog, telegram] });
    await model.load();
    model.selectPreset('p2');
    expect(model.link.value).toMatchObject({ ok: true, url: admitadLink('&subid=tg') });
    expect(deps.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ defaultPresetId: null, lastUsedPresetId: 'p2' }));
  });

  it('says the picked preset was not remembered when storage is full', async () => {
    const { model, deps } = setup({ accounts: [admitad], presets: [blog, telegram] });
    await model.load();
    vi.mocked(deps.saveSettings).mockResolvedValueOnce({ ok: false, error: { kind: 'quota' } });
    model.selectPreset('p2');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(model.saveProblem.value).toBe('quota');
    expect(model.link.value).toMatchObject({ ok: true, url: admitadLink('&subid=tg') });
  });

  it('copies exactly the shown link and reports it for the history', async () => {
    const { model, deps } = setup({ accounts: [admitad], presets: [blog] });
    await model.load();
    await model.copy();
    expect(deps.writeClipboard).toHaveBeenCalledWith(admitadLink('&subid=blog&subid1=post42'));
    expect(model.copyState.value).toEqual({ kind: 'copied' });
    expect(deps.notifyCopied).toHaveBeenCalledWith({ surface: 'popup', sourceUrl: PRODUCT, presetId: 'p1', link: admitadLink('&subid=blog&subid1=post42') });
  });

  it('reports the tab\'s title with a copy of the tab\'s product, and none for a pasted URL', async () => {
    const title = 'Xiaomi Redmi Note 13 8GB 256GB - AliExpress 509';
    const { model, deps } = setup({ accounts: [admitad], presets: [blog] }, { url: PRODUCT, title });
    await model.load();
    await model.copy();
    expect(deps.notifyCopied).toHaveBeenLastCalledWith(expect.objectContaining({ title, sourceUrl: PRODUCT }));
    model.setPastedUrl('https://www.aliexpress.com/item/1005001234567890.html');
    await model.copy();
    expect(deps.notifyCopied.mock.lastCall?.[0]).not.toHaveProperty('title');
  });

  it('says why a copy failed and keeps the link', async () => {
    const { model, deps } = setup({ accounts: [admitad], presets: [blog] });
    deps.writeClipboard.mockRejectedValue(new Error('Document is not focused.'));
    await model.load();
    await model.copy();
    expect(model.copyState.value).toEqual({ kind: 'failed', message: 'Document is not focused.' });
    expect(deps.notifyCopied).not.toHaveBeenCalled();
    expect(model.link.value?.ok).toBe(true);
  });

  it('a pasted URL takes over from the tab, and clearing it goes back', async () => {
    const { model } = setup({}, { url: 'https://example.com/' });
    await model.load();
    expect(model.parsed.value).toMatchObject({ kind: 'not-aliexpress' });
    model.setPastedUrl('https://aliexpress.ru/item/1005001234567890.html');
    expect(model.parsed.value).toMatchObject({ kind: 'product', product: { id: '1005001234567890', site: 'ru' } });
    model.setPastedUrl('');
    expect(model.parsed.value).toMatchObject({ kind: 'not-aliexpress' });
  });

  it('without a readable tab URL shows nothing parsed, and still takes a pasted one', async () => {
    const { model } = setup({}, {});
    await model.load();
    expect(model.parsed.value).toBeNull();
    expect(model.link.value).toBeNull();
    model.setPastedUrl('aliexpress.com/item/1005006123456789.html');
    expect(model.link.value).toMatchObject({ ok: true, url: CLEAN });
  });

  it('a preset whose account was removed explains instead of building a bad link', async () => {
    const { model } = setup({ accounts: [], presets: [blog] });
    await model.load();
    expect(model.link.value).toMatchObject({ ok: false, code: 'invalid-account' });
  });

  it('does not copy when there is no link', async () => {
    const { model, deps } = setup({}, { url: 'https://a.aliexpress.com/_mKZsVq1' });
    await model.load();
    expect(model.parsed.value).toMatchObject({ kind: 'short-link' });
    await model.copy();
    expect(deps.writeClipboard).not.toHaveBeenCalled();
  });

  describe('the estimate\'s stored data (rate cache, hot list, category picks)', () => {
    const hotList = { v: 1, sources: [{ id: 'import', label: 'hot.csv', updatedAt: '2026-11-01T00:00:00Z', ids: ['1005006123456789'], rates: [9] }] };
    const deferred = () => {
      let resolve!: (value: Record<string, unknown>) => void;
      let reject!: (error: Error) => void;
      const promise = new Promise<Record<string, unknown>>((res, rej) => ((resolve = res), (reject = rej)));
      return { promise, resolve, reject };
    };
    const stored = { accounts: [admitad], presets: [blog], settings: { defaultPresetId: 'p1', lastUsedPresetId: null } };

    it('never delays the link: the link shows while that read is still pending', async () => {
      const slow = deferred();
      const { model } = setup(stored, { url: PRODUCT }, () => slow.promise);
      const loading = model.load();
      await vi.waitFor(() => expect(model.loaded.value).toBe(true));
      expect(model.shownLink.value?.url).toBe(admitadLink('&subid=blog&subid1=post42'));
      expect(model.estimateDataLoaded.value).toBe(false);
      expect(model.storageSnapshot.value).toEqual({});
      slow.resolve({ hotList });
      await loading;
      expect(model.estimateDataLoaded.value).toBe(true);
      expect(model.storageSnapshot.value).toEqual({ hotList });
    });

    it('keeps a value the popup stored while the read was pending', async () => {
      const slow = deferred();
      const { model, deps } = setup(stored, { url: PRODUCT }, () => slow.promise);
      const loading = model.load();
      await vi.waitFor(() => expect(model.loaded.value).toBe(true));
      await model.putRaw('categoryPicks', { '1005006123456789': 'mobilePhone' });
      slow.resolve({ hotList, categoryPicks: { '1005006123456789': 'lottery' } });
      await loading;
      expect(model.storageSnapshot.value).toEqual({ hotList, categoryPicks: { '1005006123456789': 'mobilePhone' } });
      expect(deps.saveRaw).toHaveBeenCalledWith('categoryPicks', { '1005006123456789': 'mobilePhone' });
    });

    it('a failed read leaves the estimate on the embedded tables, the link untouched', async () => {
      const { model } = setup(stored, { url: PRODUCT }, async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      });
      await model.load();
      expect(model.shownLink.value?.url).toBe(admitadLink('&subid=blog&subid1=post42'));
      expect(model.estimateDataLoaded.value).toBe(true);
      expect(model.storageSnapshot.value).toEqual({});
    });
  });
});
