import { describe, expect, it, vi } from 'vitest';
import { parseCsv, UTF8_BOM } from '@/lib/csv/index';
import { HISTORY_LIMIT, type HistoryEntry } from '@/lib/storage/history';
import { createHistoryModel, HISTORY_CSV_HEADER, historyCsv, matchesFilter, type HistoryDeps, EMPTY_FILTER } from '@/lib/options/history-model';

const at = (local: string) => new Date(local).getTime();
const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  at: at('2025-06-02T10:00:00'),
  surface: 'popup',
  sourceUrl: 'https://www.aliexpress.com/item/1005006789012345.html',
  presetId: 'p1',
  presetName: 'Blog',
  link: 'https://ad.admitad.com/g/code/?ulp=x&subid=blog',
  productId: '1005006789012345',
  ...overrides,
});
const entries = [
  entry({ at: at('2025-06-03T09:00:00'), presetId: 'p2', presetName: 'Telegram', productId: '1005000000000001', sourceUrl: 'https://aliexpress.ru/item/1005000000000001.html' }),
  entry({ at: at('2025-06-02T23:59:00'), surface: 'context-menu' }),
  entry({ at: at('2025-06-01T00:00:00'), surface: 'shortcut', presetId: null, presetName: null, link: '', productId: null, failure: 'not-aliexpress', sourceUrl: 'https://example.com/' }),
];

function setup(overrides: Partial<HistoryDeps> = {}) {
  const deps = {
    loadHistory: vi.fn(async () => ({ entries: [...entries], problems: [] })),
    clearHistory: vi.fn<HistoryDeps['clearHistory']>(async () => ({ cleared: true })),
    writeClipboard: vi.fn<HistoryDeps['writeClipboard']>(async () => undefined),
    recordCopy: vi.fn<HistoryDeps['recordCopy']>(async () => ({ recorded: true })),
    download: vi.fn<HistoryDeps['download']>(),
    now: () => new Date('2025-06-04T12:00:00'),
    ...overrides,
  };
  return { deps, model: createHistoryModel(deps) };
}

describe('matchesFilter', () => {
  it.each([
    { filter: {}, expected: [true, true, true] },
    { filter: { text: '1005000000000001' }, expected: [true, false, false] },
    { filter: { text: 'ALIEXPRESS.RU' }, expected: [true, false, false] },
    { filter: { text: 'telegram' }, expected: [true, false, false] },
    { filter: { text: 'example.com' }, expected: [false, false, true] },
    { filter: { preset: 'p1' }, expected: [false, true, false] },
    { filter: { preset: 'none' }, expected: [false, false, true] },
    { filter: { from: '2025-06-02' }, expected: [true, true, false] },
    { filter: { to: '2025-06-02' }, expected: [false, true, true] },
    { filter: { from: '2025-06-02', to: '2025-06-02' }, expected: [false, true, false] },
    { filter: { from: 'garbage' }, expected: [true, true, true] },
  ])('filter $filter', ({ filter, expected }) => {
    expect(entries.map((e) => matchesFilter(e, { ...EMPTY_FILTER, ...filter }))).toEqual(expected);
  });
});

describe('history model', () => {
  it('loads the entries, newest first, and the presets seen in them', async () => {
    const { model } = setup();
    await model.load();
    expect(model.filtered.value).toEqual(entries);
    expect(model.presetChoices.value).toEqual([
      { id: 'p2', name: 'Telegram' },
      { id: 'p1', name: 'Blog' },
    ]);
    expect(model.limit).toBe(HISTORY_LIMIT);
  });

  it('copies again from the click, then tells the background to record it', async () => {
    const { model, deps } = setup();
    await model.load();
    await model.copyAgain(entries[1]!);
    expect(deps.writeClipboard).toHaveBeenCalledWith(entries[1]!.link);
    expect(deps.recordCopy).toHaveBeenCalledWith({ surface: 'history', sourceUrl: entries[1]!.sourceUrl, presetId: 'p1', link: entries[1]!.link });
    expect(vi.mocked(deps.writeClipboard).mock.invocationCallOrder[0]).toBeLessThan(vi.mocked(deps.recordCopy).mock.invocationCallOrder[0]!);
    expect(model.status.value).toEqual({ kind: 'copied', at: entries[1]!.at });
  });

  it('says so when the clipboard refuses, and records nothing', async () => {
    const { model, deps } = setup({ writeClipboard: vi.fn(async () => Promise.reject(new Error('denied'))) });
    await model.copyAgain(entries[0]!);
    expect(model.status.value).toEqual({ kind: 'copyFailed' });
    expect(deps.recordCopy).not.toHaveBeenCalled();
  });

  it('keeps the copy when the background does not answer', async () => {
    const { model } = setup({ recordCopy: vi.fn(async () => Promise.reject(new Error('no receiver'))) });
    await model.copyAgain(entries[0]!);
    expect(model.status.value).toMatchObject({ kind: 'copied' });
  });

  it('exports what the filter shows as CSV, with failures', async () => {
    const { model, deps } = setup();
    await model.load();
    model.setFilter({ to: '2025-06-02' });
    model.exportCsv();
    const [name, text, type] = vi.mocked(deps.download).mock.calls[0]!;
    expect(name).toBe('sublink-history-2025-06-04.csv');
    expect(type).toBe('text/csv;charset=utf-8');
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...HISTORY_CSV_HEADER]);
    // Reconciliation order: time, sub-ids, product, title, link, network, preset, program,
    // Portals tracking strings, then surface, status, failure, source URL. These entries predate
    // recorded sub-ids: the Admitad link's own `subid` is read back.
    expect(rows).toEqual([
      [new Date(entries[1]!.at).toISOString(), 'blog', '', '', '', '', '1005006789012345', '', entries[1]!.link, 'admitad', 'Blog', '', '', '', '', '', 'context-menu', 'copied', '', entries[1]!.sourceUrl],
      [new Date(entries[2]!.at).toISOString(), '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 'shortcut', 'failed', 'not-aliexpress', 'https://example.com/'],
    ]);
    expect(model.status.value).toEqual({ kind: 'exported', count: 2 });
  });

  it('clears the history through the background', async () => {
    const { model, deps } = setup();
    await model.load();
    await model.clear();
    expect(deps.clearHistory).toHaveBeenCalledOnce();
    expect(model.entries.value).toEqual([]);
    expect(model.status.value).toEqual({ kind: 'cleared' });
  });

  it.each([
    ['the background could not write', async () => ({ cleared: false })],
    ['the message failed', async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))],
  ])('keeps the entries when clearing fails: %s', async (_case, clearHistory) => {
    const { model } = setup({ clearHistory: vi.fn(clearHistory) });
    await model.load();
    await model.clear();
    expect(model.entries.value).toHaveLength(3);
    expect(model.status.value).toEqual({ kind: 'clearFailed' });
  });
});

describe('history writes that failed, and copies interrupted', () => {
  it('loads the note of a history write that failed, for the section to show', async () => {
    const { model } = setup({ loadWriteFailure: async () => ({ at: 1_700_000_000_000, kind: 'quota' }) });
    await model.load();
    expect(model.writeFailure.value).toEqual({ at: 1_700_000_000_000, kind: 'quota' });
  });

  it('no note: nothing to show', async () => {
    const { model } = setup({ loadWriteFailure: async () => null });
    await model.load();
    expect(model.writeFailure.value).toBeNull();
  });

  it("exports an interrupted copy's status as interrupted", async () => {
    const { model, deps } = setup({ loadHistory: vi.fn(async () => ({ entries: [entry({ pending: 'interrupted', id: 'x' })], problems: [] })) });
    await model.load();
    model.exportCsv();
    const csv = parseCsv((vi.mocked(deps.download).mock.calls[0]![1] as string).slice(UTF8_BOM.length));
    expect(csv[1]![HISTORY_CSV_HEADER.indexOf('status')]).toBe('interrupted');
  });
});

describe('the history CSV, for reconciling with network reports', () => {
  const EPN_LINK = 'https://alipromo.com/redirect/cpa/o/o3dg77s3ecabxunu8mu33vxvw2nrlxyh/?to=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1.html&sub=tg&sub2=post7';
  const recorded = (overrides: Partial<HistoryEntry>) => entry({ at: Date.UTC(2025, 5, 2, 8, 30), id: 'e', ...overrides });
  const csvOf = (input: HistoryEntry[]) => {
    const [header, ...rows] = parseCsv(historyCsv(input));
    return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]])));
  };

  it.each([
    { name: 'Admitad links: the slots as Admitad names them', input: [recorded({ network: 'admitad' })], expected: ['subid', 'subid1', 'subid2', 'subid3', 'subid4'] },
    { name: 'ePN links: sub, sub2..sub5', input: [recorded({ network: 'epn', link: EPN_LINK })], expected: ['sub', 'sub2', 'sub3', 'sub4', 'sub5'] },
    {
      name: 'both networks in one export: both names',
      input: [recorded({ network: 'admitad' }), recorded({ network: 'epn', link: EPN_LINK })],
      expected: ['subid / sub', 'subid1 / sub2', 'subid2 / sub3', 'subid3 / sub4', 'subid4 / sub5'],
    },
    { name: 'Portals only (no sub-ids in its links): the slot names', input: [recorded({ network: 'portals', link: 'https://s.click.aliexpress.com/e/_abc' })], expected: ['subid', 'subid1', 'subid2', 'subid3', 'subid4'] },
    { name: 'an older ePN entry: the network read from its link', input: [entry({ link: EPN_LINK })], expected: ['sub', 'sub2', 'sub3', 'sub4', 'sub5'] },
  ])('sub-id headers: $name', ({ input, expected }) => {
    const [header] = parseCsv(historyCsv(input));
    expect(header!.slice(1, 6)).toEqual(expected);
    expect(header![0]).toBe('time');
    expect(header!.slice(6, 12)).toEqual(['product_id', 'title', 'link', 'network', 'preset', 'program']);
  });

  it.each([
    {
      name: 'recorded sub-ids, title, program and tracking strings',
      input: recorded({ network: 'admitad', program: 'ru-cis-new', subIds: { subid: 'blog', subid2: 'march' }, title: 'Phone case', tracking: { af: 'site1' } }),
      expected: { time: '2025-06-02T08:30:00.000Z', subid: 'blog', subid1: '', subid2: 'march', title: 'Phone case', network: 'admitad', program: 'ru-cis-new', af: 'site1', status: 'copied' },
    },
    {
      name: 'the recorded sub-ids win over the link (the preset as it stood at the copy)',
      input: recorded({ network: 'admitad', subIds: { subid: 'kept' } }),
      expected: { subid: 'kept' },
    },
    {
      name: 'an older entry: its link’s sub-ids',
      input: entry({ link: 'https://ad.admitad.com/g/code/?ulp=x&subid=blog&subid4=long%20campaign' }),
      expected: { subid: 'blog', subid4: 'long campaign', network: 'admitad', program: '' },
    },
    {
      name: 'formulas in a title stay text',
      input: recorded({ title: '=HYPERLINK("https://evil.test")' }),
      expected: { title: '=HYPERLINK("https://evil.test")' },
    },
  ])('rows: $name', ({ input, expected }) => {
    const [actual] = csvOf([input]);
    expect(actual).toMatchObject(expected);
  });

  it('guards a formula in a title in the file itself', () => {
    const text = historyCsv([recorded({ title: '=1+1' })]);
    expect(text).toContain("'=1+1");
  });
});
