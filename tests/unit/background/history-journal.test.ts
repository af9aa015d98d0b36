/**
 * The history's journal (lib/storage/history.ts, lib/background/history-writer.ts): a copy writes
 * one slot in one `set`, never the whole list; slots are merged into the list when the ring is
 * full or the worker starts; a full storage is reported, and nothing older is lost.
 */
import { describe, expect, it, vi } from 'vitest';
import { createCopyLinkAction, type CopyLinkDeps } from '@/lib/background/copy';
import { MAX_LINK_LENGTH } from '@/lib/background/copy/copy-link';
import { copyOutcomeView } from '@/lib/background/badge/view';
import { badgeText } from '@/lib/background/badge/text';
import { createCopyRecorder, type CopyRecord, type HistoryWriterDeps } from '@/lib/background/history-writer';
import { createHistoryMessageHandlers } from '@/lib/background/message-handlers';
import {
  createHistoryStore,
  CUT_MARKER,
  HISTORY_JOURNAL_KEYS,
  HISTORY_LIMIT,
  historyEntrySchema,
  MAX_HISTORY_SOURCE_URL,
  mergeJournal,
  type HistoryEntry,
  type HistoryWriteFailure,
} from '@/lib/storage/history';
import { HISTORY_JOURNAL_SLOTS } from '@/lib/storage/items';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import { memoryHistory } from '../support/memory-history';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { memoryArea, visibleHistory } from '../support/memory-history';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'My Admitad', code: 'abc123def456abc123def456abc123' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const PRODUCT_URL = 'https://aliexpress.ru/item/1005006789012345.html';

const old = (n: number): HistoryEntry => ({ at: n, surface: 'popup', sourceUrl: `https://aliexpress.ru/item/${n}.html`, presetId: null, presetName: null, link: `https://old.test/${n}`, productId: String(n) });

function setup(initial: Record<string, unknown> = {}) {
  const { area, items } = memoryArea(initial);
  const notes: (HistoryWriteFailure | null)[] = [];
  let clock = 1_700_000_000_000;
  let ids = 0;
  const deps: HistoryWriterDeps = {
    loadPresets: async () => [blog],
    history: createHistoryStore(area),
    failureNote: { write: async (failure) => void notes.push(failure) },
    now: () => clock++,
    newId: () => `id-${++ids}`,
  };
  const recorder = createCopyRecorder(deps);
  const clipboard: string[] = [];
  const flash = vi.fn<CopyLinkDeps['flash']>(async () => undefined);
  const copy = createCopyLinkAction({
    loadState: async () => ({ accounts: [admitad], presets: [blog], settings: DEFAULT_SETTINGS, problems: [] }),
    clipboard: { writeText: async (text) => (clipboard.push(text), { ok: true }) },
    record: recorder.record,
    begin: recorder.begin,
    flash,
    now: () => 0,
  });
  const store = createHistoryStore(area);
  return { area, items, deps, recorder, copy, clipboard, flash, notes, store, visible: () => visibleHistory(items) };
}

describe('mergeJournal', () => {
  const a = { ...old(1), id: 'a' };
  const b = { ...old(2), id: 'b' };
  const c = { ...old(3), id: 'c' };
  it.each([
    { name: 'an old list without ids reads as it is', list: [old(2), old(1)], slots: [], expected: [old(2), old(1)] },
    { name: 'slot entries go in front, newest first', list: [old(1)], slots: [b, c], expected: [c, b, old(1)] },
    { name: 'a slot already compacted is read once', list: [b, a], slots: [b], expected: [b, a] },
    { name: "a slot's outcome replaces its pending entry in the list", list: [{ ...b, pending: 'interrupted' as const }, a], slots: [b], expected: [b, a] },
  ])('$name', ({ list, slots, expected }) => {
    expect(mergeJournal(list, slots)).toEqual(expected);
  });

  it('is bounded', () => {
    const list = Array.from({ length: HISTORY_LIMIT }, (_, i) => old(HISTORY_LIMIT - i));
    const actual = mergeJournal(list, [{ ...old(5000), id: 'new' }]);
    expect(actual).toHaveLength(HISTORY_LIMIT);
    expect(actual[0]!.id).toBe('new');
  });
});

describe('the journal', () => {
  it("an existing user's list reads exactly as before, and a copy is added in front of it", async () => {
    const list = [old(3), old(2), old(1)];
    const { store, copy } = setup({ history: list });
    expect(await store.loadHistory()).toEqual({ entries: list, problems: [] });
    await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 1 });
    const { entries } = await store.loadHistory();
    expect(entries.slice(1)).toEqual(list);
    expect(entries[0]).toMatchObject({ surface: 'context-menu', presetName: 'Blog', id: 'id-1' });
    expect(entries[0]!.pending).toBeUndefined();
  });

  it('a copy writes one slot per write, never the list, and reads no list', async () => {
    const { area, items, copy, recorder } = setup({ history: [old(1)] });
    await recorder.compact();
    const get = vi.spyOn(area, 'get');
    const set = vi.spyOn(area, 'set');
    await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 1 });
    await copy({ surface: 'shortcut', sourceUrl: PRODUCT_URL, presetId: null, tabId: 1 });
    // Pending before the clipboard, outcome after: two single-key writes per copy.
    expect(set.mock.calls.map(([values]) => Object.keys(values))).toEqual([['historyJournal0'], ['historyJournal0'], ['historyJournal1'], ['historyJournal1']]);
    expect(get.mock.calls.flat().flat()).not.toContain('history');
    expect(items.get('history')).toEqual([old(1)]);
  });

  it('compacts when the ring is full: every copy is kept, in order', async () => {
    const { copy, visible, items } = setup({ history: [old(1)] });
    const copies = HISTORY_JOURNAL_SLOTS + 8;
    for (let n = 0; n < copies; n += 1) await copy({ surface: 'context-menu', sourceUrl: `https://aliexpress.ru/item/${n + 10}.html`, presetId: null, tabId: 1 });
    const actual = visible();
    expect(actual).toHaveLength(copies + 1);
    expect(actual.map((entry) => entry.productId)).toEqual([...Array.from({ length: copies }, (_, n) => String(copies - 1 + 10 - n)), '1']);
    expect((items.get('history') as unknown[]).length).toBeGreaterThan(1);
  });

  it('compaction on worker start empties the slots; stopped after its list write, the history reads the same', async () => {
    const { copy, recorder, items, store } = setup();
    await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 1 });
    const before = await store.loadHistory();
    // Stopped halfway: the merged list written, the slots still there.
    items.set('history', mergeJournal([], [items.get('historyJournal0') as HistoryEntry]));
    expect(await store.loadHistory()).toEqual(before);
    await recorder.compact();
    expect(HISTORY_JOURNAL_KEYS.map((key) => items.get(key) ?? null).filter(Boolean)).toEqual([]);
    expect(await store.loadHistory()).toEqual(before);
  });

  it('a pending entry whose outcome never came is kept, marked interrupted', async () => {
    const { recorder, store } = setup();
    await recorder.begin({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: 'p1', link: 'https://ad.admitad.com/g/x/' });
    // The worker stops here. The next one compacts on start.
    const next = createCopyRecorder({ loadPresets: async () => [], history: store, now: () => 0 });
    await next.compact();
    expect((await store.loadHistory()).entries).toEqual([expect.objectContaining({ link: 'https://ad.admitad.com/g/x/', pending: 'interrupted' })]);
  });

  it('a clear during a copy does not bring the copy back when its outcome arrives', async () => {
    const { recorder, visible } = setup({ history: [old(1)] });
    const handlers = createHistoryMessageHandlers({ ...setup().deps, loadAccounts: async () => [], loadSettings: async () => DEFAULT_SETTINGS, saveSettings: async () => ({ ok: true }) }, recorder);
    const pending = await recorder.begin({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: 'p1', link: 'https://ad.admitad.com/g/x/' });
    expect(await handlers.clearHistory({})).toEqual({ cleared: true });
    await pending.finish();
    expect(visible()).toEqual([]);
  });
});

describe('a full storage', () => {
  const quota = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));

  it('a copy still reaches the clipboard; the badge shows "!" saying it is not in the history; nothing older is lost', async () => {
    const { area, items, copy, clipboard, flash, notes } = setup({ history: [old(2), old(1)] });
    vi.spyOn(area, 'set').mockImplementation(quota);
    const actual = await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 4 });
    expect(actual).toMatchObject({ ok: true });
    expect(clipboard).toHaveLength(1);
    expect(flash).toHaveBeenCalledWith(4, { ok: true, historyNotSaved: 'quota' });
    expect(notes.at(-1)).toMatchObject({ kind: 'quota' });
    expect(items.get('history')).toEqual([old(2), old(1)]);
    const view = copyOutcomeView({ ok: true, historyNotSaved: 'quota' }, badgeText);
    expect(view).toMatchObject({ text: '!' });
    expect(view.title).toBe('Sublink: affiliate link copied It is not in the history: browser storage is full.');
  });

  it('a failed copy not saved either says both', () => {
    expect(copyOutcomeView({ ok: false, failure: 'short-link', historyNotSaved: 'quota' }, badgeText).title).toBe(
      'Sublink: nothing was copied. Short links cannot be resolved offline: open the link first. It is not in the history: browser storage is full.',
    );
  });

  it('the note goes once a write succeeds again', async () => {
    const { area, copy, notes } = setup();
    const set = vi.spyOn(area, 'set').mockImplementationOnce(quota).mockImplementationOnce(quota);
    await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 4 });
    set.mockRestore();
    await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 4 });
    expect(notes).toEqual([{ at: expect.any(Number), kind: 'quota' }, null]);
  });
});

describe('a link too long to copy', () => {
  it('a source URL past 8,192 characters is refused before the clipboard, and its entry stays readable in the history', async () => {
    const { copy, clipboard, flash, store } = setup();
    const sourceUrl = `${PRODUCT_URL}?q=${'x'.repeat(9000)}`;
    const actual = await copy({ surface: 'context-menu', sourceUrl, presetId: null, tabId: 2 });
    expect(actual).toEqual({ ok: false, failure: 'too-long' });
    expect(clipboard).toEqual([]);
    expect(flash).toHaveBeenCalledWith(2, { ok: false, failure: 'too-long' });
    const { entries, problems } = await store.loadHistory();
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ failure: 'too-long', link: '' });
    expect(entries[0]!.sourceUrl).toHaveLength(MAX_HISTORY_SOURCE_URL);
    expect(entries[0]!.sourceUrl.startsWith(sourceUrl.slice(0, 100))).toBe(true);
    expect(entries[0]!.sourceUrl.endsWith(CUT_MARKER)).toBe(true);
    expect(historyEntrySchema.safeParse(entries[0]).success).toBe(true);
  });

  it('a built link past the limit is refused too', async () => {
    const { copy, clipboard } = setup();
    // A store page is wrapped whole: every "/" in it becomes "%2F" in the link.
    const sourceUrl = `https://www.aliexpress.com/store/1234/${'a/'.repeat(2000)}`;
    expect(sourceUrl.length).toBeLessThan(8192);
    const actual = await copy({ surface: 'context-menu', sourceUrl, presetId: null, tabId: 2 });
    expect(actual).toEqual({ ok: false, failure: 'too-long' });
    expect(clipboard).toEqual([]);
  });

  it('a link at the limit is copied', async () => {
    expect(MAX_LINK_LENGTH).toBe(8000);
    const { copy, clipboard } = setup();
    expect(await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 2 })).toMatchObject({ ok: true });
    expect(clipboard).toHaveLength(1);
  });

  it('says why on the badge', () => {
    expect(copyOutcomeView({ ok: false, failure: 'too-long' }, badgeText).title).toBe('Sublink: nothing was copied. The link would be longer than 8,000 characters, more than web servers accept.');
  });
});

describe('a slot this version cannot read', () => {
  it('is never overwritten: a copy takes another slot', async () => {
    const future = { at: 1, surface: 'a-surface-from-a-newer-version', link: 'https://x.test/' };
    const { items, copy, visible } = setup({ historyJournal0: future });
    await copy({ surface: 'context-menu', sourceUrl: PRODUCT_URL, presetId: null, tabId: 1 });
    expect(items.get('historyJournal0')).toEqual(future);
    expect(visible()).toHaveLength(1);
  });
});

describe('copies in the same millisecond', () => {
  it('read back in the order they were made', async () => {
    const { area } = memoryArea();
    const recorder = createCopyRecorder({ loadPresets: async () => [], history: createHistoryStore(area), now: () => 5 });
    for (const n of [1, 2, 3]) await recorder.record({ surface: 'popup', sourceUrl: PRODUCT_URL, presetId: null, link: `https://a.test/${n}` });
    expect((await createHistoryStore(area).loadHistory()).entries.map((entry) => entry.link)).toEqual(['https://a.test/3', 'https://a.test/2', 'https://a.test/1']);
  });
});

describe('what an entry keeps besides the link', () => {
  const PRESET: Preset = {
    id: 'p1',
    name: 'Telegram',
    accountId: 'a1',
    program: 'ru-cis-new',
    audienceCountry: 'KZ',
    subIds: { subid: 'tg', subid1: '', subid3: 'march' },
    keepSku: false,
    portals: { af: 'site1', cn: '' },
  };
  const record = async (copy: Partial<CopyRecord>, accounts?: readonly Account[]) => {
    const { store, visible } = memoryHistory();
    const recorder = createCopyRecorder({
      loadPresets: async () => [PRESET],
      ...(accounts ? { loadPresetsWithAccounts: async () => ({ presets: [PRESET], accounts }) } : {}),
      history: store,
      now: () => 1,
    });
    await recorder.record({ surface: 'popup', sourceUrl: 'https://www.aliexpress.com/item/1005006789012345.html', presetId: 'p1', link: 'https://ad.admitad.com/g/x/', ...copy });
    return visible()[0]!;
  };

  it.each([
    { name: 'a product’s title', input: { title: '  Phone   case ' }, expected: 'Phone case' },
    { name: 'the tab’s title as the browser gave it: the site suffix trimmed', input: { title: 'Phone case - AliExpress 509' }, expected: 'Phone case' },
    { name: 'a site-only title: none', input: { title: 'AliExpress' }, expected: undefined },
    { name: 'no title on a store page (it names no product)', input: { title: 'Best Store', sourceUrl: 'https://www.aliexpress.com/store/1234' }, expected: undefined },
    { name: 'no title given', input: {}, expected: undefined },
  ])('$name', async ({ input, expected }) => {
    expect((await record(input)).title).toBe(expected);
  });

  it('the preset’s network, program, set sub-ids and tracking strings as they stood at the copy', async () => {
    const actual = await record({}, [{ id: 'a1', network: 'admitad', name: 'A', code: 'abc123def456abc123def456abc123' }]);
    expect(actual).toMatchObject({ network: 'admitad', program: 'ru-cis-new', subIds: { subid: 'tg', subid3: 'march' }, tracking: { af: 'site1' } });
  });

  it('no account on the preset: network null', async () => {
    expect((await record({}, [])).network).toBeNull();
  });

  it('no preset: none of these', async () => {
    const actual = await record({ presetId: null });
    expect(actual).not.toHaveProperty('program');
    expect(actual).not.toHaveProperty('subIds');
  });
});
