import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { parseCsv } from '@/lib/csv/index';
import type { Account } from '@/lib/networks/types';
import { createBatchModel, presetProblem, type BatchDeps } from '@/lib/options/batch-model';
import type { Preset } from '@/lib/presets/types';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const tg: Preset = { ...blog, id: 'p2', name: 'TG', subIds: { subid: 'tg' } };
const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://www.aliexpress.com/item/${1005006000000000 + i}.html`).join('\n');

function setup(overrides: Partial<BatchDeps> = {}) {
  const deps = {
    presets: signal<readonly Preset[]>([blog, tg]),
    accounts: signal<readonly Account[]>([admitad]),
    defaultPresetId: signal<string | null>('p1'),
    readStored: vi.fn(async () => ({})),
    download: vi.fn<BatchDeps['download']>(),
    writeClipboard: vi.fn<BatchDeps['writeClipboard']>(async () => undefined),
    recordCopy: vi.fn<BatchDeps['recordCopy']>(async () => ({ recorded: true })),
    now: () => new Date('2025-06-01T10:20:00Z'),
    pause: async () => undefined,
    ...overrides,
  };
  return { deps, model: createBatchModel(deps) };
}

describe('batch model', () => {
  it('converts with the default preset unless another is chosen', async () => {
    const { model } = setup();
    model.setText(urls(3));
    await model.convert();
    const phase = model.phase.value;
    expect(phase).toMatchObject({ kind: 'done', presetName: 'Blog', summary: { total: 3, converted: 3, failed: 0 } });
    model.choosePreset('p2');
    await model.convert();
    expect(model.phase.value).toMatchObject({ kind: 'done', presetName: 'TG' });
    const done = model.phase.value;
    expect(done.kind === 'done' && done.rows[0]!.ok && done.rows[0]!.link).toContain('subid=tg');
  });

  it('reports progress while it runs', async () => {
    const seen: string[] = [];
    const { model } = setup({
      pause: async () => {
        seen.push(model.phase.value.kind);
      },
    });
    model.setText(urls(3000));
    await model.convert();
    expect(model.phase.value).toMatchObject({ kind: 'done', summary: { total: 3000 } });
    // Slices are timed (12 ms); on a fast machine 3,000 rows may fit in one.
    expect(seen.every((kind) => kind === 'running')).toBe(true);
  });

  it.each([
    { text: '', expected: { reason: 'empty' } },
    { text: urls(10_001), expected: { reason: 'tooMany', max: 10_000 } },
  ])('refuses a list it cannot take: $expected.reason', async ({ text, expected }) => {
    const { model } = setup();
    model.setText(text);
    await model.convert();
    expect(model.phase.value).toEqual({ kind: 'failed', failure: expected });
  });

  it('refuses a preset that cannot build links, before touching the rows', async () => {
    const { model, deps } = setup({ presets: signal([{ ...blog, accountId: 'gone' }]) });
    model.setText(urls(2));
    await model.convert();
    expect(model.phase.value).toEqual({ kind: 'failed', failure: { reason: 'preset', problem: 'invalid-account' } });
    expect(deps.readStored).not.toHaveBeenCalled();
  });

  it('needs a preset', async () => {
    const { model } = setup({ presets: signal([]), defaultPresetId: signal(null) });
    model.setText(urls(1));
    await model.convert();
    expect(model.phase.value).toEqual({ kind: 'failed', failure: { reason: 'noPreset' } });
  });

  it('can be stopped', async () => {
    const { model } = setup({ pause: async () => model.cancel() });
    model.setText(urls(20_00));
    // A clock that makes every row exceed the slice, so there is a pause after the first.
    const now = vi.spyOn(performance, 'now');
    let time = 0;
    now.mockImplementation(() => (time += 100));
    await model.convert();
    expect(model.phase.value).toEqual({ kind: 'cancelled' });
  });

  it('loads a file into the text, and refuses one too large', async () => {
    const { model } = setup();
    await model.loadFile({ size: 10, text: async () => 'url\nhttps://www.aliexpress.com/item/1005006000000001.html' });
    expect(model.text.value).toContain('url\n');
    await model.loadFile({ size: 30_000_000, text: async () => '' });
    expect(model.phase.value).toEqual({ kind: 'failed', failure: { reason: 'tooLarge' } });
    await model.loadFile({ size: 1, text: async () => Promise.reject(new Error('gone')) });
    expect(model.phase.value).toEqual({ kind: 'failed', failure: { reason: 'unreadableFile' } });
  });

  it('exports every row as CSV', async () => {
    const { model, deps } = setup();
    model.setText(`${urls(2)}\nnot a url`);
    await model.convert();
    model.exportCsv({ warning: (w) => w.code, error: (e) => e.code });
    const [name, text] = vi.mocked(deps.download).mock.calls[0]!;
    expect(name).toBe('sublink-batch-2025-06-01-10-20.csv');
    expect(parseCsv(text)).toHaveLength(4);
  });
});

describe('batch model: the table', () => {
  it('pages the rows, keeps the first row in view when the page size changes, and filters', async () => {
    const { model } = setup();
    model.setText(`${urls(1000)}\nhttps://example.com/x`);
    await model.convert();
    expect(model.page.value).toMatchObject({ index: 0, count: 11, first: 1, last: 100, total: 1001 });
    model.goToPage(3);
    expect(model.page.value.rows[0]!.row).toBe(301);
    model.setPageSize(250);
    expect(model.page.value).toMatchObject({ index: 1, first: 251, last: 500 });
    model.setFilter('failed');
    expect(model.page.value).toMatchObject({ index: 0, count: 1, first: 1, last: 1, total: 1 });
    expect(model.page.value.rows[0]).toMatchObject({ row: 1001, ok: false });
  });

  it('says the warnings every converted row shares once', async () => {
    const benelux: Preset = { ...blog, program: 'eu-benelux', audienceCountry: 'NL' };
    const { model } = setup({ presets: signal([benelux]) });
    model.setText(urls(3));
    await model.convert();
    // Buyers in the Netherlands under the Benelux program: seed 004's EU service fee applies to every product.
    expect(model.shared.value.shared.map((warning) => warning.code)).toContain('euServiceFee');
    model.setFilter('warnings');
    expect(model.page.value.total).toBe(0);
  });

  it('copies one row and records it as a batch copy under the preset it was converted with', async () => {
    const { model, deps } = setup();
    model.setText(urls(2));
    await model.convert();
    model.choosePreset('p2');
    const row = model.page.value.rows[1]!;
    await model.copyLink(row);
    if (!row.ok) throw new Error('row 2 should convert');
    expect(deps.writeClipboard).toHaveBeenCalledWith(row.link);
    expect(deps.recordCopy).toHaveBeenCalledWith({ surface: 'batch', sourceUrl: row.input, presetId: 'p1', link: row.link });
    expect(model.copyStatus.value).toEqual({ kind: 'copied', row: 2 });
  });

  it('says so when the clipboard refuses, and records nothing', async () => {
    const { model, deps } = setup({ writeClipboard: vi.fn(async () => Promise.reject(new Error('denied'))) });
    model.setText(urls(1));
    await model.convert();
    await model.copyLink(model.page.value.rows[0]!);
    expect(model.copyStatus.value).toEqual({ kind: 'copyFailed', row: 1 });
    expect(deps.recordCopy).not.toHaveBeenCalled();
  });

  it('makes no links with a Portals preset: they come only from the API, an untracked link earns nothing', async () => {
    const portalsAccount: Account = { id: 'acc-p', network: 'portals', name: 'My Portals', appKey: '500123', trackingId: 'blog_main' };
    const { model, deps } = setup({ accounts: signal([admitad, portalsAccount]), presets: signal([{ ...blog, accountId: 'acc-p', program: 'portals', subIds: {} }]) });
    model.setText(urls(2));
    await model.convert();
    expect(model.phase.value).toEqual({ kind: 'failed', failure: { reason: 'preset', problem: 'needs-api' } });
    expect(deps.readStored).not.toHaveBeenCalled();
  });
});

describe('presetProblem', () => {
  it.each([
    { preset: blog, expected: null },
    { preset: { ...blog, accountId: null }, expected: null },
    { preset: { ...blog, accountId: 'gone' }, expected: 'invalid-account' },
    { preset: { ...blog, subIds: { subid: 'x'.repeat(60) } }, expected: 'invalid-subids' },
  ])('$expected', ({ preset, expected }) => {
    expect(presetProblem(preset, [admitad])).toBe(expected);
  });
});
