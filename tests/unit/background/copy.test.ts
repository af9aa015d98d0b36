/**
 * The context menu's and the shortcut's copy: link built from storage, clipboard written,
 * history recorded (failures too), outcome on the badge. Browser APIs are injected fakes.
 */
import { describe, expect, it, vi } from 'vitest';
import { createCopyLinkAction, createMenuClickHandler, createShortcutHandler, COPY_COMMAND, type CopyLinkDeps } from '@/lib/background/copy';
import { createStoredLinkAssessor } from '@/lib/background/badge/estimate';
import { createCopyRecorder } from '@/lib/background/history-writer';
import { createHistoryMessageHandlers, type HistoryMessageDeps } from '@/lib/background/message-handlers';
import type { ClipboardResult } from '@/lib/background/clipboard';
import type { HistoryEntry } from '@/lib/storage/history';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/storage/settings';
import type { StoredState } from '@/lib/storage/state';
import { memoryHistory } from '../support/memory-history';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'My Admitad', code: 'abc123def456abc123def456abc123' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const video: Preset = { ...blog, id: 'p2', name: 'Video', subIds: { subid: 'yt' } };
const admitadLink = (cleanUrl: string, subid: string) => `https://ad.admitad.com/g/${admitad.code}/?ulp=${encodeURIComponent(cleanUrl)}&subid=${subid}`;

function setup({
  presets = [blog, video],
  accounts = [admitad],
  settings = DEFAULT_SETTINGS as Settings,
  clipboard = { ok: true } as ClipboardResult,
  assess = undefined as CopyLinkDeps['assess'],
} = {}) {
  const history = memoryHistory([], { setDelayMs: 2 });
  const state = {
    /** What the options page would show: the list and the journal, merged. */
    get history(): HistoryEntry[] {
      return history.visible();
    },
    settings,
    clipboard: [] as string[],
    clock: 1_700_000_000_000,
  };
  const stored: StoredState = { accounts, presets, settings, problems: [] };
  const backgroundDeps: HistoryMessageDeps = {
    loadAccounts: async () => accounts,
    loadPresets: async () => presets,
    loadPresetsWithAccounts: async () => ({ presets, accounts }),
    loadSettings: async () => state.settings,
    saveSettings: async (s) => ((state.settings = s), { ok: true }),
    history: history.store,
    now: () => state.clock++,
  };
  const recorder = createCopyRecorder(backgroundDeps);
  const flash = vi.fn<CopyLinkDeps['flash']>(async () => undefined);
  const onTiming = vi.fn<NonNullable<CopyLinkDeps['onTiming']>>();
  let perf = 0;
  const copy = createCopyLinkAction({
    loadState: async () => stored,
    clipboard: {
      writeText: vi.fn(async (text: string) => {
        if (clipboard.ok) state.clipboard.push(text);
        return clipboard;
      }),
    },
    record: recorder.record,
    begin: recorder.begin,
    flash,
    now: () => (perf += 5),
    onTiming,
    ...(assess ? { assess } : {}),
  });
  return { state, copy, flash, onTiming, recorder, backgroundDeps };
}

describe('copy affiliate link (context menu and shortcut)', () => {
  describe("flags a copied link that would earn nothing, from the popup's own assessment", () => {
    const productUrl = 'https://www.aliexpress.com/item/1005006789012345.html';
    const assessWith = (stored: Record<string, unknown>) => createStoredLinkAssessor({ loadStored: async () => stored, now: () => new Date('2025-06-01T12:00:00Z') });

    it('virtual goods picked in the popup: copied, with the zero on the icon (WW through Admitad: the rules of seed 002)', async () => {
      const { state, copy, flash } = setup({ assess: assessWith({ categoryPicks: { '1005006789012345': 'specialCategory' } }) });
      const actual = await copy({ surface: 'context-menu', sourceUrl: productUrl, presetId: null, tabId: 4 });
      expect(actual.ok).toBe(true);
      expect(state.clipboard).toHaveLength(1);
      expect(flash).toHaveBeenCalledWith(4, { ok: true, earnsNothing: expect.objectContaining({ code: 'virtualNoCommission', rank: 'blocking', seed: '002_30d8551d32219963.txt' }) });
    });

    it.each([
      // Seed 002 (WW through Admitad follows its rules): "isn’t paid regardless of the country of order’s delivery".
      { name: 'a store without commission', facts: { storeKind: 'noCommission' }, preset: blog, expected: 'noCommissionStore' },
      // Seed 004: "applies ONLY to products of sellers from PRC, excluding ... the Russian Federation".
      { name: 'a Russian seller in EU/Benelux', facts: { sellerCountry: 'RU' }, preset: { ...blog, program: 'eu-benelux' as const, audienceCountry: 'NL' }, expected: 'russianSellerExcluded' },
    ])('$name, typed in the popup: flagged on the icon too', async ({ facts, preset, expected }) => {
      const { copy, flash } = setup({ presets: [preset], assess: assessWith({ productFacts: [{ productId: '1005006789012345', ...facts }] }) });
      await copy({ surface: 'context-menu', sourceUrl: productUrl, presetId: null, tabId: 4 });
      expect(flash).toHaveBeenCalledWith(4, { ok: true, earnsNothing: expect.objectContaining({ code: expected, rank: 'blocking' }) });
    });

    it('an ordinary product: a plain confirmation', async () => {
      const { copy, flash } = setup({ assess: assessWith({}) });
      await copy({ surface: 'context-menu', sourceUrl: productUrl, presetId: null, tabId: 4 });
      expect(flash).toHaveBeenCalledWith(4, { ok: true });
    });

    it('an assessment that fails never blocks the copy', async () => {
      const { state, copy, flash } = setup({ assess: async () => Promise.reject(new Error('storage gone')) });
      await copy({ surface: 'shortcut', sourceUrl: productUrl, presetId: null, tabId: 4 });
      expect(state.clipboard).toHaveLength(1);
      expect(flash).toHaveBeenCalledWith(4, { ok: true });
    });
  });

  it('puts the default preset deeplink for an aliexpress.ru link on the clipboard and records it', async () => {
    const { state, copy, flash } = setup();
    const sourceUrl = 'https://aliexpress.ru/item/1005006789012345.html?spm=a2g0o.detail&sku_id=12000038';

    const actual = await copy({ surface: 'context-menu', sourceUrl, presetId: null, tabId: 9 });

    const expected = admitadLink('https://www.aliexpress.com/item/1005006789012345.html', 'blog');
    expect(actual).toEqual({ ok: true, link: expected, presetId: 'p1' });
    expect(state.clipboard).toEqual([expected]);
    expect(flash).toHaveBeenCalledWith(9, { ok: true });
    expect(state.history).toEqual([
      {
        at: 1_700_000_000_000,
        surface: 'context-menu',
        sourceUrl,
        presetId: 'p1',
        presetName: 'Blog',
        link: expected,
        productId: '1005006789012345',
        // What the link was built with, for reconciling with the network's reports.
        network: 'admitad',
        program: 'ww',
        subIds: { subid: 'blog' },
      },
    ]);
  });

  it.each([
    { name: 'the tab title, without the site suffix, for the tab’s own product', title: 'Xiaomi Redmi Note 13 Smartphone', expected: 'Xiaomi Redmi Note 13 Smartphone' },
    { name: 'no title: none recorded', title: undefined, expected: undefined },
  ])('records $name', async ({ title, expected }) => {
    const { state, copy } = setup();
    const sourceUrl = 'https://www.aliexpress.com/item/1005006789012345.html';
    await copy({ surface: 'shortcut', sourceUrl, presetId: null, tabId: 9, ...(title === undefined ? {} : { title }) });
    expect(state.history[0]?.title).toBe(expected);
  });

  it('uses the chosen default preset, or the submenu preset', async () => {
    const { state, copy } = setup({ settings: { ...DEFAULT_SETTINGS, defaultPresetId: 'p2' } });
    const url = 'https://www.aliexpress.com/item/1005006789012345.html';
    await copy({ surface: 'shortcut', sourceUrl: url, presetId: null, tabId: 1 });
    await copy({ surface: 'context-menu', sourceUrl: url, presetId: 'p1', tabId: 1 });
    expect(state.clipboard).toEqual([admitadLink(url, 'yt'), admitadLink(url, 'blog')]);
  });

  it('copies the plain clean link when there is no preset yet', async () => {
    const { state, copy } = setup({ presets: [], accounts: [] });
    await copy({ surface: 'context-menu', sourceUrl: 'https://m.aliexpress.com/item/1005006789012345.html?aff_fcid=other', presetId: null, tabId: 1 });
    expect(state.clipboard).toEqual(['https://www.aliexpress.com/item/1005006789012345.html']);
    expect(state.history[0]).toMatchObject({ presetId: null, presetName: null });
  });

  it.each([
    { name: 'no URL (no activeTab grant)', sourceUrl: undefined, presetId: null, expected: 'no-url' },
    { name: 'a short link', sourceUrl: 'https://s.click.aliexpress.com/e/_DdNkq3x', presetId: null, expected: 'short-link' },
    { name: 'a page that is not AliExpress', sourceUrl: 'https://example.com/item/1.html', presetId: null, expected: 'not-aliexpress' },
    { name: 'a preset deleted since the menu was built', sourceUrl: 'https://aliexpress.ru/item/1.html', presetId: 'gone', expected: 'unknown-preset' },
  ] as const)('records and flags $name, and leaves the clipboard alone', async ({ sourceUrl, presetId, expected }) => {
    const { state, copy, flash } = setup();
    const actual = await copy({ surface: 'context-menu', sourceUrl, presetId, tabId: 3 });
    expect(actual).toEqual({ ok: false, failure: expected });
    expect(state.clipboard).toEqual([]);
    expect(flash).toHaveBeenCalledWith(3, { ok: false, failure: expected });
    expect(state.history).toEqual([expect.objectContaining({ failure: expected, link: '', surface: 'context-menu' })]);
  });

  it('flags a preset whose account is broken', async () => {
    const { copy } = setup({ accounts: [] });
    expect(await copy({ surface: 'shortcut', sourceUrl: 'https://aliexpress.ru/item/1.html', presetId: null, tabId: 3 })).toEqual({ ok: false, failure: 'invalid-account' });
  });

  it('a clipboard failure is on the badge and in the history, with the link that could not be written', async () => {
    const { state, copy, flash } = setup({ clipboard: { ok: false, reason: 'Document is not focused.' } });
    const actual = await copy({ surface: 'shortcut', sourceUrl: 'https://aliexpress.ru/item/1005006789012345.html', presetId: null, tabId: 3 });
    expect(actual).toEqual({ ok: false, failure: 'clipboard', reason: 'Document is not focused.' });
    expect(flash).toHaveBeenCalledWith(3, { ok: false, failure: 'clipboard' });
    expect(state.history[0]).toMatchObject({ surface: 'shortcut', failure: 'clipboard', link: admitadLink('https://www.aliexpress.com/item/1005006789012345.html', 'blog') });
  });

  it('reports the time from the handler start to the clipboard write', async () => {
    const { copy, onTiming } = setup();
    await copy({ surface: 'context-menu', sourceUrl: 'https://aliexpress.ru/item/1.html', presetId: null, tabId: 3 });
    expect(onTiming).toHaveBeenCalledWith({ surface: 'context-menu', startedAt: 5, clipboardWrittenAt: 10 });
  });

  it('one history writer for every surface: popup, menu and shortcut copies at once are all kept', async () => {
    const { state, copy, recorder, backgroundDeps } = setup();
    const handlers = createHistoryMessageHandlers(backgroundDeps, recorder);
    const url = 'https://aliexpress.ru/item/1005006789012345.html';
    await Promise.all([
      handlers.linkCopied({ surface: 'popup', sourceUrl: url, presetId: 'p2', link: 'https://ad.admitad.com/g/popup-test/' }),
      copy({ surface: 'context-menu', sourceUrl: url, presetId: null, tabId: 1 }),
      copy({ surface: 'shortcut', sourceUrl: url, presetId: null, tabId: 1 }),
      handlers.linkCopied({ surface: 'popup', sourceUrl: url, presetId: 'p1', link: 'https://ad.admitad.com/g/popup-test/2' }),
    ]);
    expect(state.history.map((e) => e.surface).sort()).toEqual(['context-menu', 'popup', 'popup', 'shortcut']);
    expect(state.settings.lastUsedPresetId).toBe('p1');
  });

  it('clearing the history waits for the copies queued before it and keeps the ones after', async () => {
    const { state, copy, recorder, backgroundDeps } = setup();
    const handlers = createHistoryMessageHandlers(backgroundDeps, recorder);
    const url = 'https://aliexpress.ru/item/1005006789012345.html';
    await copy({ surface: 'context-menu', sourceUrl: url, presetId: null, tabId: 1 });
    const [, cleared] = await Promise.all([
      // Still being written when the clear comes in: a clear written past the queue would land
      // between this copy's read and its write, and the copy would bring the old list back.
      recorder.record({ surface: 'shortcut', sourceUrl: url, presetId: null, link: 'https://shortcut.test/before' }),
      handlers.clearHistory({}),
      handlers.linkCopied({ surface: 'popup', sourceUrl: url, presetId: 'p2', link: 'https://ad.admitad.com/g/popup-test/after' }),
    ]);
    expect(cleared).toEqual({ cleared: true });
    expect(state.history.map((e) => e.link)).toEqual(['https://ad.admitad.com/g/popup-test/after']);
  });

  it('says when the history could not be cleared', async () => {
    const { backgroundDeps } = setup();
    const handlers = createHistoryMessageHandlers({ ...backgroundDeps, history: { ...backgroundDeps.history, saveHistory: async () => ({ ok: false, error: { kind: 'quota' } }) } });
    expect(await handlers.clearHistory({})).toEqual({ cleared: false });
  });
});

describe('the context menu click', () => {
  it.each([
    {
      name: 'link item: the link under the pointer',
      info: { menuItemId: 'copy:link', linkUrl: 'https://aliexpress.ru/item/1005006789012345.html', pageUrl: 'https://blog.test/draft' },
      expected: { sourceUrl: 'https://aliexpress.ru/item/1005006789012345.html', presetId: null },
    },
    {
      name: 'page item with a preset: the page',
      info: { menuItemId: 'preset:page:p2', pageUrl: 'https://www.aliexpress.com/item/1005006789012345.html' },
      expected: { sourceUrl: 'https://www.aliexpress.com/item/1005006789012345.html', presetId: 'p2' },
    },
    {
      name: 'selection item: the URL in the selected text',
      info: { menuItemId: 'copy:selection', selectionText: 'Deal: https://aliexpress.ru/item/1005006789012345.html!' },
      expected: { sourceUrl: 'https://aliexpress.ru/item/1005006789012345.html', presetId: null },
    },
  ])('$name', async ({ info, expected }) => {
    const copy = vi.fn(async () => ({ ok: true as const, link: 'x', presetId: null }));
    await createMenuClickHandler(copy)(info, { id: 12 });
    expect(copy).toHaveBeenCalledWith({ surface: 'context-menu', tabId: 12, ...expected });
  });

  const PRODUCT_PAGE = 'https://www.aliexpress.com/item/1005006789012345.html';
  const TAB = { id: 12, url: `${PRODUCT_PAGE}?spm=a2g0o.home`, title: 'Xiaomi Redmi Note 13 Smartphone - AliExpress 509' };
  it.each([
    { name: 'the page item: the tab’s own product, titled', info: { menuItemId: 'copy:page', pageUrl: TAB.url }, expected: 'Xiaomi Redmi Note 13 Smartphone' },
    {
      name: 'a link to the same product on its page: titled',
      info: { menuItemId: 'copy:link', linkUrl: 'https://aliexpress.ru/item/1005006789012345.html', pageUrl: TAB.url },
      expected: 'Xiaomi Redmi Note 13 Smartphone',
    },
    {
      name: 'a link to another product: no title (the tab’s would be wrong)',
      info: { menuItemId: 'copy:link', linkUrl: 'https://www.aliexpress.com/item/1005000000000001.html', pageUrl: TAB.url },
      expected: undefined,
    },
    { name: 'a selection naming another product: no title', info: { menuItemId: 'copy:selection', selectionText: 'https://www.aliexpress.com/item/42.html' }, expected: undefined },
  ])('title: $name', async ({ info, expected }) => {
    const copy = vi.fn(async () => ({ ok: true as const, link: 'x', presetId: null }));
    await createMenuClickHandler(copy)(info, TAB);
    const actual = (copy.mock.calls[0] as unknown as [{ title?: string }])[0].title;
    expect(actual).toBe(expected);
  });

  it('ignores a click that is not one of ours', async () => {
    const copy = vi.fn();
    expect(await createMenuClickHandler(copy)({ menuItemId: 'someone-else' }, { id: 1 })).toBeNull();
    expect(copy).not.toHaveBeenCalled();
  });
});

describe('the keyboard shortcut', () => {
  it("copies the tab the command came with (activeTab makes its URL visible)", async () => {
    const copy = vi.fn(async () => ({ ok: true as const, link: 'x', presetId: null }));
    const activeTab = vi.fn();
    await createShortcutHandler({ copy, activeTab })(COPY_COMMAND, { id: 4, url: 'https://aliexpress.ru/item/1.html' });
    expect(copy).toHaveBeenCalledWith({ surface: 'shortcut', sourceUrl: 'https://aliexpress.ru/item/1.html', presetId: null, tabId: 4 });
    expect(activeTab).not.toHaveBeenCalled();
  });

  it('copies with the tab’s title, without the site suffix', async () => {
    const copy = vi.fn(async () => ({ ok: true as const, link: 'x', presetId: null }));
    await createShortcutHandler({ copy, activeTab: vi.fn() })(COPY_COMMAND, { id: 4, url: 'https://aliexpress.ru/item/1.html', title: 'USB-C cable 2m – купить по выгодной цене в интернет-магазине AliExpress' });
    expect(copy).toHaveBeenCalledWith({ surface: 'shortcut', sourceUrl: 'https://aliexpress.ru/item/1.html', presetId: null, tabId: 4, title: 'USB-C cable 2m' });
  });

  it('asks for the active tab when the browser passes none', async () => {
    const copy = vi.fn(async () => ({ ok: true as const, link: 'x', presetId: null }));
    await createShortcutHandler({ copy, activeTab: async () => ({ id: 5, url: 'https://aliexpress.ru/item/2.html' }) })(COPY_COMMAND, undefined);
    expect(copy).toHaveBeenCalledWith({ surface: 'shortcut', sourceUrl: 'https://aliexpress.ru/item/2.html', presetId: null, tabId: 5 });
  });

  it('ignores other commands', async () => {
    const copy = vi.fn();
    expect(await createShortcutHandler({ copy, activeTab: vi.fn() })('_execute_action', { id: 1 })).toBeNull();
    expect(copy).not.toHaveBeenCalled();
  });
});
