import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { parseCsv } from '@/lib/csv/index';
import type { Account } from '@/lib/networks/types';
import { batchHealthByRow, type BatchHealthDeps, type BatchHealthProduct } from '@/lib/options/batch-health-model';
import { createBatchModel, type BatchDeps } from '@/lib/options/batch-model';
import type { Preset } from '@/lib/presets/types';
import type { LinkHealthResult, LinkHealthRun, LinkHealthTask } from '@/lib/storage/link-health';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const id = (i: number) => String(1005006000000000 + i);
/** Row 2 is not a URL, row 4 a store page: neither is a product to re-check. */
const LINES = [`https://www.aliexpress.com/item/${id(0)}.html`, 'not a link', `https://www.aliexpress.com/item/${id(1)}.html,"a, b"`, 'https://www.aliexpress.com/store/1234', `https://www.aliexpress.com/item/${id(2)}.html`];
const text = { warning: (w: { code: string }) => w.code, error: (e: { code: string }) => e.code };

/** What the worker would store for each product: the fake worker answers the whole run at once. */
const answer = (product: BatchHealthProduct): Omit<LinkHealthResult, 'entryId' | 'checkedAt'> =>
  product.productId === id(0) ? { status: 'ok', rateNow: 7 } : product.productId === id(1) ? { status: 'rate-changed', rateBefore: 5, rateNow: 8 } : { status: 'error', reason: 'timeout' };

function fakeWorker(reply?: Awaited<ReturnType<BatchHealthDeps['start']>>) {
  let run: LinkHealthRun | null = null;
  let queue: LinkHealthTask[] = [];
  const deps: BatchHealthDeps = {
    loadRun: async () => run,
    loadQueue: async () => queue,
    start: vi.fn(async (products: readonly BatchHealthProduct[]) => {
      if (reply) return reply;
      queue = products.map((p) => ({ entryId: String(p.row), sourceUrl: '', productId: p.productId, presetId: p.presetId, presetName: null, link: p.link }));
      run = { id: 'r1', state: 'done', startedAt: 1, finishedAt: 2, total: queue.length, lastRates: {}, results: products.map((p) => ({ entryId: String(p.row), checkedAt: 2, ...answer(p) })) };
      return { ok: true as const, total: products.length };
    }),
    cancel: vi.fn(async () => ({ cancelled: true })),
    resume: vi.fn(async () => ({ resumed: true })),
  };
  return deps;
}

async function converted(health: BatchHealthDeps) {
  const deps: BatchDeps = {
    presets: signal<readonly Preset[]>([blog]),
    accounts: signal<readonly Account[]>([admitad]),
    defaultPresetId: signal<string | null>('p1'),
    readStored: async () => ({}),
    download: vi.fn<BatchDeps['download']>(),
    writeClipboard: async () => undefined,
    recordCopy: async () => ({ recorded: true }),
    now: () => new Date('2025-06-01T10:20:00Z'),
    pause: async () => undefined,
    health,
  };
  const model = createBatchModel(deps);
  model.setText(LINES.join('\n'));
  await model.convert();
  return { model, deps };
}

describe('batch re-check in the worktable', () => {
  it('sends the product rows with their preset, badges each row, filters by status and exports the health columns', async () => {
    const worker = fakeWorker();
    const { model, deps } = await converted(worker);
    const health = model.health!;
    await health.start();

    const sent = vi.mocked(worker.start).mock.calls[0]![0];
    expect(sent.map((p) => [p.row, p.productId, p.presetId])).toEqual([
      [1, id(0), 'p1'],
      [3, id(1), 'p1'],
      [5, id(2), 'p1'],
    ]);
    expect(sent[0]!.link).toMatch(/^https:\/\/ad\.admitad\.com\/g\//);
    expect([...health.byRow.value].map(([row, result]) => [row, result.status])).toEqual([
      [1, 'ok'],
      [3, 'rate-changed'],
      [5, 'error'],
    ]);
    expect(health.counts.value).toMatchObject({ ok: 1, 'rate-changed': 1, error: 1, gone: 0 });

    model.setHealthFilter('rate-changed');
    expect(model.page.value.rows.map((row) => row.row)).toEqual([3]);
    model.setHealthFilter('all');
    expect(model.page.value.rows).toHaveLength(5);

    model.exportCsv(text);
    const [, csv] = vi.mocked(deps.download).mock.calls[0]!;
    const [header = [], ...records] = parseCsv(csv.replace(/^\uFEFF/, ''));
    const column = (name: string) => records.map((record) => record[header.indexOf(name)]);
    expect(column('input')).toEqual(LINES);
    expect(column('health')).toEqual(['ok', '', 'rate-changed', '', 'error']);
    expect(column('rate_before')).toEqual(['', '', '5', '', '']);
    expect(column('rate_now')).toEqual(['7', '', '8', '', '']);
    expect(column('health_reason')).toEqual(['', '', '', '', 'timeout']);
  });

  it.each([
    { name: 'no API account', reply: { ok: false as const, reason: 'needs' as const, needs: 'api-account' as const }, expected: { kind: 'needs', needs: 'api-account' } },
    { name: 'no credentials', reply: { ok: false as const, reason: 'needs' as const, needs: 'credentials' as const }, expected: { kind: 'needs', needs: 'credentials' } },
    { name: 'a re-check already running', reply: { ok: false as const, reason: 'running' as const }, expected: { kind: 'running' } },
  ])('says why it did not start: $name', async ({ reply, expected }) => {
    const { model } = await converted(fakeWorker(reply));
    await model.health!.start();
    expect(model.health!.notice.value).toEqual(expected);
    expect(model.health!.byRow.value.size).toBe(0);
  });

  it('says so when the worker cannot be reached', async () => {
    const worker = fakeWorker();
    worker.start = async () => Promise.reject(new Error('no receiver'));
    const { model } = await converted(worker);
    await model.health!.start();
    expect(model.health!.notice.value).toEqual({ kind: 'failed' });
  });

  it('asks nothing of the worker for a batch without product rows', async () => {
    const worker = fakeWorker();
    const deps: BatchDeps = {
      presets: signal<readonly Preset[]>([blog]),
      accounts: signal<readonly Account[]>([admitad]),
      defaultPresetId: signal<string | null>('p1'),
      readStored: async () => ({}),
      download: () => undefined,
      writeClipboard: async () => undefined,
      recordCopy: async () => ({}),
      now: () => new Date(),
      pause: async () => undefined,
      health: worker,
    };
    const model = createBatchModel(deps);
    model.setText('https://www.aliexpress.com/store/1234\nnot a link');
    await model.convert();
    await model.health!.start();
    expect(model.health!.notice.value).toEqual({ kind: 'nothing-to-check' });
    expect(worker.start).not.toHaveBeenCalled();
  });
});

describe('batchHealthByRow', () => {
  it('labels a row only with a result made for its product and link', async () => {
    const worker = fakeWorker();
    const { model } = await converted(worker);
    const rows = model.page.value.rows;
    const row1 = rows[0]!;
    if (!row1.ok) throw new Error('row 1 should convert');
    const task = (entryId: string, link: string, productId = row1.productId!): LinkHealthTask => ({ entryId, sourceUrl: '', productId, presetId: 'p1', presetName: null, link });
    const run: LinkHealthRun = {
      id: 'r',
      state: 'done',
      startedAt: 0,
      finishedAt: 1,
      total: 3,
      lastRates: {},
      results: [
        { entryId: '1', status: 'gone', checkedAt: 1 },
        { entryId: '3', status: 'gone', checkedAt: 1 },
        { entryId: '5', status: 'gone', checkedAt: 1 },
      ],
    };
    // Row 1 as it is; row 3 with another preset's link (an earlier batch); row 5 another product.
    const queue = [task('1', row1.link), task('3', `${row1.link}&other`, id(1)), task('5', row1.link, id(9))];
    const actual = [...batchHealthByRow(rows, run, queue).keys()];
    expect(actual).toEqual([1]);
  });
});
