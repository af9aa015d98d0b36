// @vitest-environment node
/**
 * The batch converter's re-check through the link-health engine, against the local fake Admitad
 * API (tests/fakes/): product rows that are not history entries, each with a status right for the
 * fake's answer (ok, not affiliate, gone, rate changed, timeout), a run that resumes after its
 * worker stops, one run at a time with the history's, and the history's results left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductInsightsReply } from '@/lib/api/service';
import { createLinkHealthChecker, productLinkTasks, type LinkHealthDeps, type LinkHealthProduct } from '@/lib/background/link-health';
import type { StorageArea } from '@/lib/storage/area';
import type { HistoryEntry } from '@/lib/storage/history';
import { createBatchLinkHealthStore, createLinkHealthStore, LINK_HEALTH_MAX_BATCH_TASKS, type LinkHealthStatus } from '@/lib/storage/link-health';
import { BATCH_MAX_ROWS } from '@/lib/batch/extract';
import { messageSchemas } from '@/lib/messaging/protocol';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import { FAKE_ADMITAD_CAMPAIGN_ID, FAKE_ADMITAD_CREDENTIALS, FAKE_ADMITAD_WEBSITE_ID, startFakeAdmitadApi, type FakeAdmitadApi, type FakeProduct } from '../../fakes/index.mjs';
import { memoryArea } from '../support/memory-history';
import { expectedHealthStatus, fakeAdmitadProduct, fakeAdmitadService, hangingFetchFor, type FakeAnswerKind } from '../support/fake-admitad-checks';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const preset: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const credentials = { admitad: { ...FAKE_ADMITAD_CREDENTIALS, websiteId: FAKE_ADMITAD_WEBSITE_ID, campaignId: FAKE_ADMITAD_CAMPAIGN_ID } };

const ROWS = 120;
const productId = (i: number) => String(1005007000000000 + i);
const kindOf = (i: number): FakeAnswerKind => (['ok', 'ok', 'not-affiliate', 'gone', 'rate-changes', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'timeout'] as const)[i % 12]!;
const product = (i: number, rate: string): FakeProduct => fakeAdmitadProduct(i, kindOf(i), rate);
const catalog: Record<string, FakeProduct> = {};
for (let i = 0; i < ROWS; i++) if (kindOf(i) !== 'gone') catalog[productId(i)] = product(i, '5.0%');

/** The batch's product rows: row numbers from 2 (row 1 of the pasted list was not a product). */
const products: LinkHealthProduct[] = Array.from({ length: ROWS }, (_, i) => ({
  row: i + 2,
  productId: productId(i),
  link: `https://ad.admitad.com/g/${admitad.code}/?ulp=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F${productId(i)}.html&subid=blog`,
  presetId: 'p1',
}));

const historyEntry: HistoryEntry = {
  id: 'h0',
  at: 1_700_000_000_000,
  surface: 'popup',
  sourceUrl: `https://www.aliexpress.com/item/${productId(0)}.html`,
  presetId: 'p1',
  presetName: 'Blog',
  link: products[0]!.link,
  productId: productId(0),
};

let fake: FakeAdmitadApi;
beforeAll(async () => {
  fake = await startFakeAdmitadApi({ products: catalog });
});
afterAll(async () => fake.close());

const TIMEOUT_IDS = new Set(products.filter((_, i) => kindOf(i) === 'timeout').map((p) => p.productId));
/** The fake never answers for these products: their requests wait until the client's time budget aborts them. */
const hangingFetch = hangingFetchFor(TIMEOUT_IDS);

/** A worker: its own API service and checker over the shared storage; `stopAfterChecks` stops it mid-run. */
function worker(area: StorageArea, clock: { t: number }, options: { stopAfterChecks?: number } = {}) {
  const api = fakeAdmitadService({ fetch: hangingFetch, clock, baseUrl: fake.url, account: admitad, preset, credentials });
  let checks = 0;
  const asked: string[] = [];
  const deps: LinkHealthDeps = {
    store: createLinkHealthStore(area),
    batchStore: createBatchLinkHealthStore(area),
    loadHistory: async () => [historyEntry],
    check: (request) => {
      checks += 1;
      asked.push(request.url);
      if (options.stopAfterChecks !== undefined && checks > options.stopAfterChecks) return new Promise<ProductInsightsReply>(() => undefined);
      return api.productInsights(request);
    },
    readiness: async () => ({ ok: true }),
    now: () => clock.t,
    sleep: async () => undefined,
    newId: () => `run-${clock.t}`,
  };
  return { checker: createLinkHealthChecker(deps), checks: () => checks, asked };
}

const expectedStatus = (i: number, run: 1 | 2): LinkHealthStatus =>
  expectedHealthStatus(kindOf(i), run);

describe('batch re-check against the fake Admitad API', () => {
  it('checks each product row, resumes after a stopped worker, and reports rate changes old → new', { timeout: 60_000 }, async () => {
    const { area } = memoryArea();
    const batch = createBatchLinkHealthStore(area);
    const history = createLinkHealthStore(area);
    const clock = { t: Date.now() };

    // The history's last re-check, which a batch run must leave as it was.
    const historyWorker = worker(area, clock);
    expect(await historyWorker.checker.start()).toEqual({ ok: true, total: 1 });
    await historyWorker.checker.resume();
    const historyRun = await history.loadRun();
    expect(historyRun).toMatchObject({ state: 'done', results: [{ entryId: 'h0', status: 'ok' }] });

    // Run 1, start to end: a status per fake answer, keyed by row number.
    const first = worker(area, clock);
    expect(await first.checker.startProducts(products)).toEqual({ ok: true, total: ROWS });
    await first.checker.resume();
    const run1 = (await batch.loadRun())!;
    expect(run1.state).toBe('done');
    expect(run1.results.map((r) => r.entryId)).toEqual(products.map((p) => String(p.row)));
    expect(run1.results.map((r) => r.status)).toEqual(products.map((_, i) => expectedStatus(i, 1)));
    expect(run1.results.filter((r) => r.status === 'error').map((r) => r.reason)).toEqual(products.filter((_, i) => kindOf(i) === 'timeout').map(() => 'timeout'));
    expect(run1.results[0]).toMatchObject({ status: 'ok', rateNow: 5, title: 'Product 0' });
    // The API was asked about each product's own page.
    expect(first.asked[0]).toBe(`https://www.aliexpress.com/item/${productId(0)}.html`);
    expect(await history.loadRun()).toEqual(historyRun);

    // The network changes some rates; the API cache has expired by the next run.
    for (let i = 0; i < ROWS; i++) if (kindOf(i) === 'rate-changes') catalog[productId(i)] = product(i, '8.0%');
    clock.t += 2 * 60 * 60 * 1000;

    // Run 2: the worker stops after 57 checks; the results saved so far (every 10) stay.
    const stopped = worker(area, clock, { stopAfterChecks: 57 });
    expect(await stopped.checker.startProducts(products)).toEqual({ ok: true, total: ROWS });
    await expect.poll(() => stopped.checks(), { timeout: 30_000, interval: 20 }).toBe(58);
    const saved = (await batch.loadRun())!;
    expect(saved.state).toBe('running');
    expect(saved.results).toHaveLength(50);

    // While the batch run is stored as running, no other run starts: neither the history's nor another batch.
    const next = worker(area, clock);
    expect(await next.checker.start()).toEqual({ ok: false, reason: 'running' });
    expect(await next.checker.startProducts(products.slice(0, 3))).toEqual({ ok: false, reason: 'running' });
    await next.checker.resume();
    expect(next.checks()).toBe(ROWS - 50);
    const run2 = (await batch.loadRun())!;
    expect(run2.state).toBe('done');
    expect(run2.results.map((r) => r.status)).toEqual(products.map((_, i) => expectedStatus(i, 2)));
    const changed = run2.results.filter((r) => r.status === 'rate-changed');
    expect(changed).toHaveLength(products.filter((_, i) => kindOf(i) === 'rate-changes').length);
    expect(changed[0]).toMatchObject({ rateBefore: 5, rateNow: 8 });
    expect(await history.loadRun()).toEqual(historyRun);
  });

  it('a cancel stops the batch run after the check in progress and keeps its results', async () => {
    const { area } = memoryArea();
    const clock = { t: Date.now() };
    const { checker } = worker(area, clock, { stopAfterChecks: 3 });
    await checker.startProducts(products.slice(0, 10));
    await expect.poll(async () => (await createBatchLinkHealthStore(area).loadRun())?.state).toBe('running');
    // The worker stopped (the 4th check never ends): a new worker marks the stored run cancelled.
    await worker(area, clock).checker.cancel();
    expect(await createBatchLinkHealthStore(area).loadRun()).toMatchObject({ state: 'cancelled' });
  });

  it('refuses an empty batch and says what a batch without an API account needs', async () => {
    const { area } = memoryArea();
    const clock = { t: Date.now() };
    const { checker } = worker(area, clock);
    expect(await checker.startProducts([])).toEqual({ ok: false, reason: 'nothing-to-check' });
    const needing = createLinkHealthChecker({
      store: createLinkHealthStore(area),
      batchStore: createBatchLinkHealthStore(area),
      loadHistory: async () => [],
      check: async () => ({ source: null, reason: 'no-api' }),
      readiness: async () => ({ ok: false, needs: 'credentials' }),
      now: () => 1,
      sleep: async () => undefined,
      newId: () => 'r',
    });
    expect(await needing.startProducts(products.slice(0, 2))).toEqual({ ok: false, reason: 'needs', needs: 'credentials' });
    expect(await createBatchLinkHealthStore(area).loadRun()).toBeNull();
  });
});

describe('productLinkTasks', () => {
  it('makes one task per row, asking about the product page', () => {
    const input = [products[0]!, products[1]!, products[0]!];
    const actual = productLinkTasks(input);
    expect(actual).toEqual([
      { entryId: '2', sourceUrl: `https://www.aliexpress.com/item/${productId(0)}.html`, productId: productId(0), presetId: 'p1', presetName: null, link: products[0]!.link },
      { entryId: '3', sourceUrl: `https://www.aliexpress.com/item/${productId(1)}.html`, productId: productId(1), presetId: 'p1', presetName: null, link: products[1]!.link },
    ]);
  });

  it('is bounded by the batch converter’s own bound', () => {
    expect(LINK_HEALTH_MAX_BATCH_TASKS).toBe(BATCH_MAX_ROWS);
  });
});

describe('linkHealthStartProducts message data', () => {
  const schema = messageSchemas.linkHealthStartProducts;
  const one = products[0]!;
  it.each([
    { name: 'a batch of product rows', input: { products: [one] }, expected: true },
    { name: 'the most a batch holds', input: { products: Array.from({ length: BATCH_MAX_ROWS }, () => one) }, expected: true },
    { name: 'one row more than a batch holds', input: { products: Array.from({ length: BATCH_MAX_ROWS + 1 }, () => one) }, expected: false },
    { name: 'a product id that is not digits', input: { products: [{ ...one, productId: '../x' }] }, expected: false },
    { name: 'a link that is not https', input: { products: [{ ...one, link: 'javascript:alert(1)' }] }, expected: false },
    { name: 'a row number that is not a positive integer', input: { products: [{ ...one, row: 0 }] }, expected: false },
  ])('$name', ({ input, expected }) => {
    const actual = schema.safeParse(input).success;
    expect(actual).toBe(expected);
  });
});
