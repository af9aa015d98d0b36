import { describe, expect, it, vi } from 'vitest';
import { createLinkHealthModel, type LinkHealthModelDeps } from '@/lib/options/link-health-model';
import { parseCsv } from '@/lib/csv/index';
import type { LinkHealthResult, LinkHealthRun, LinkHealthTask } from '@/lib/storage/link-health';

const task = (i: number): LinkHealthTask => ({
  entryId: `e${i}`,
  sourceUrl: `https://www.aliexpress.com/item/100500000000000${i}.html`,
  productId: `100500000000000${i}`,
  presetId: 'p1',
  presetName: 'Блог',
  link: `https://ad.admitad.com/g/x/?ulp=${i}`,
});
const results: LinkHealthResult[] = [
  { entryId: 'e0', status: 'ok', checkedAt: Date.UTC(2026, 11, 1), rateNow: 7, hot: false, title: 'Cable' },
  { entryId: 'e1', status: 'rate-changed', checkedAt: Date.UTC(2026, 11, 1), rateBefore: 7, rateNow: 4.5 },
  { entryId: 'e2', status: 'gone', checkedAt: Date.UTC(2026, 11, 1) },
  { entryId: 'e3', status: 'error', checkedAt: Date.UTC(2026, 11, 1), reason: 'timeout' },
];
const run = (state: LinkHealthRun['state'], done = results.length): LinkHealthRun => ({
  id: 'r1',
  state,
  startedAt: 0,
  finishedAt: null,
  total: 5,
  results: results.slice(0, done),
  lastRates: {},
});

function setup(overrides: Partial<LinkHealthModelDeps> = {}) {
  const download = vi.fn();
  const deps: LinkHealthModelDeps = {
    loadRun: async () => run('running'),
    loadQueue: async () => [0, 1, 2, 3, 4].map(task),
    start: async () => ({ ok: true, total: 5 }),
    cancel: vi.fn(async () => ({ cancelled: true })),
    resume: vi.fn(async () => ({ resumed: true })),
    download,
    now: () => new Date('2026-12-04T10:00:00Z'),
    ...overrides,
  };
  return { model: createLinkHealthModel(deps), deps, download };
}

describe('the link-health model', () => {
  it('joins results with their entries, counts them by status and filters', async () => {
    const { model } = setup();
    await model.load();
    expect(model.rows.value.map((row) => [row.task.productId, row.result.status])).toEqual([
      ['1005000000000000', 'ok'],
      ['1005000000000001', 'rate-changed'],
      ['1005000000000002', 'gone'],
      ['1005000000000003', 'error'],
    ]);
    expect(model.counts.value).toEqual({ ok: 1, 'not-affiliate': 0, gone: 1, 'rate-changed': 1, error: 1, unchecked: 0 });
    model.setFilter('rate-changed');
    expect(model.visible.value.map((row) => row.result.entryId)).toEqual(['e1']);
  });

  it('exports what the filter shows, old and new rates included', async () => {
    const { model, download } = setup();
    await model.load();
    model.setFilter('rate-changed');
    model.exportCsv();
    const [name, text] = download.mock.calls[0]!;
    expect(name).toBe('sublink-link-health-2026-12-04.csv');
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(rows).toEqual([
      ['checked_at', 'status', 'rate_before', 'rate_now', 'hot', 'reason', 'title', 'preset', 'product_id', 'source_url', 'link'],
      ['2026-12-01T00:00:00.000Z', 'rate-changed', '7', '4.5', '', '', '', 'Блог', '1005000000000001', task(1).sourceUrl, task(1).link],
    ]);
    expect(model.notice.value).toEqual({ kind: 'exported', count: 1 });
  });

  it.each([
    { name: 'without credentials: what is needed', reply: { ok: false, reason: 'needs', needs: 'credentials' } as const, expected: { kind: 'needs', needs: 'credentials' } },
    { name: 'nothing to check', reply: { ok: false, reason: 'nothing-to-check' } as const, expected: { kind: 'nothing-to-check' } },
    { name: 'already running', reply: { ok: false, reason: 'running' } as const, expected: { kind: 'running' } },
    { name: 'storage full', reply: { ok: false, reason: 'storage-full' } as const, expected: { kind: 'storage-full' } },
    { name: 'started', reply: { ok: true, total: 5 } as const, expected: null },
  ])('start: $name', async ({ reply, expected }) => {
    const { model } = setup({ start: async () => reply });
    await model.start();
    expect(model.notice.value).toEqual(expected);
  });

  it('start: a worker that does not answer is a failure the page says', async () => {
    const { model } = setup({ start: async () => Promise.reject(new Error('port closed')) });
    await model.start();
    expect(model.notice.value).toEqual({ kind: 'failed' });
  });

  it('asks the worker to go on only while a run is stored as running', async () => {
    const running = setup();
    await running.model.load();
    await running.model.keepAlive();
    expect(running.deps.resume).toHaveBeenCalledTimes(1);

    const finished = setup({ loadRun: async () => run('done') });
    await finished.model.load();
    await finished.model.keepAlive();
    expect(finished.deps.resume).not.toHaveBeenCalled();
  });

  it('drops results whose queue entry does not match (a queue from another run)', async () => {
    const { model } = setup({ loadQueue: async () => [task(9)] });
    await model.load();
    expect(model.rows.value).toEqual([]);
  });
});
