import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHistoryMessageHandlers, type HistoryMessageDeps } from '@/lib/background/message-handlers';
import { createHistoryStore, HISTORY_LIMIT, mergeRestoredHistory, type HistoryEntry } from '@/lib/storage/history';
import { localArea } from '@/lib/storage/area';
import type { Account } from '@/lib/networks/types';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';

const entry = (id: string | undefined, at: number, link = `https://a.test/${at}`): HistoryEntry => ({
  ...(id === undefined ? {} : { id }),
  at,
  surface: 'popup',
  sourceUrl: `https://www.aliexpress.com/item/100500000000000${at % 10}.html`,
  presetId: null,
  presetName: null,
  link,
  productId: null,
});

describe('mergeRestoredHistory', () => {
  it.each<{ name: string; input: { current: HistoryEntry[]; restored: HistoryEntry[] }; expected: HistoryEntry[] }>([
    { name: 'into an empty history, newest first', input: { current: [], restored: [entry('a', 1), entry('b', 3)] }, expected: [entry('b', 3), entry('a', 1)] },
    { name: 'entries already there by id are not doubled; the present ones win', input: { current: [entry('a', 1, 'https://a.test/here')], restored: [entry('a', 1, 'https://a.test/file')] }, expected: [entry('a', 1, 'https://a.test/here')] },
    { name: 'entries without ids match by time, link and page', input: { current: [entry(undefined, 2)], restored: [entry(undefined, 2), entry(undefined, 5)] }, expected: [entry(undefined, 5), entry(undefined, 2)] },
    { name: 'interleaved by time', input: { current: [entry('c', 4), entry('a', 1)], restored: [entry('b', 2)] }, expected: [entry('c', 4), entry('b', 2), entry('a', 1)] },
  ])('$name', ({ input, expected }) => {
    const actual = mergeRestoredHistory(input.current, input.restored);
    expect(actual).toEqual(expected);
  });

  it('keeps the newest within the bound', () => {
    const restored = Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => entry(`r${i}`, i));
    const actual = mergeRestoredHistory([], restored);
    expect(actual).toHaveLength(HISTORY_LIMIT);
    expect(actual.at(-1)!.at).toBe(5);
  });
});

describe('restoring a history', () => {
  beforeEach(() => fakeBrowser.reset());
  const account: Account = { id: 'acc1', network: 'custom', name: 'Test network', template: 'https://a.test/?u={url}' };
  const store = () => createHistoryStore(localArea());
  const handlers = () => {
    const history = store();
    const deps: HistoryMessageDeps = {
      loadAccounts: async () => [account],
      loadPresets: async () => [],
      loadSettings: async () => DEFAULT_SETTINGS,
      saveSettings: async () => ({ ok: true }),
      restoreHistory: (entries) => history.restore(entries),
      history,
      now: () => 1,
    };
    return createHistoryMessageHandlers(deps);
  };

  it('adds the entries to the stored list, keeping entries this version cannot read and the journal', async () => {
    const unreadable = { at: 'yesterday' };
    await fakeBrowser.storage.local.set({ history: [entry('a', 1), unreadable], historyJournal0: entry('j', 9) });
    await expect(handlers().restoreHistory({ entries: [entry('b', 5), entry('a', 1)] })).resolves.toEqual({ restored: true });
    const stored = await fakeBrowser.storage.local.get(['history', 'historyJournal0']);
    expect(stored['history']).toEqual([entry('b', 5), entry('a', 1), unreadable]);
    expect(stored['historyJournal0']).toEqual(entry('j', 9));
    expect((await store().loadHistory()).entries.map((e) => e.id)).toEqual(['j', 'b', 'a']);
  });

  it.each([
    { name: 'an entry that does not read', input: [{ ...entry('a', 1), surface: 'fax' }], expected: /entries\.0: not a history entry/ },
    { name: "a link to a host that is not one of the user's", input: [entry('a', 1, 'https://evil.test/x')], expected: /entries\.0\.link/ },
  ])('refuses $name, and writes nothing', async ({ input, expected }) => {
    await expect(handlers().restoreHistory({ entries: input })).rejects.toThrow(expected);
    expect(await fakeBrowser.storage.local.get('history')).toEqual({});
  });
});
