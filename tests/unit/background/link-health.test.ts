// @vitest-environment node
/**
 * Link health against the local fake Admitad API (tests/fakes/): 1,000 history entries re-checked
 * through the real API service, with a status right for each fake answer (ok, not affiliate,
 * gone, rate changed, timeout), a run that resumes after its worker is stopped, and the CSV
 * export of the results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductInsightsReply } from '@/lib/api/service';
import { classifyReply, createLinkHealthChecker, linkHealthReadiness, linkHealthTasks, type LinkHealthDeps } from '@/lib/background/link-health';
import { LINK_HEALTH_CSV_HEADER, linkHealthCsv, linkHealthRows } from '@/lib/options/link-health-model';
import { parseCsv } from '@/lib/csv/index';
import type { StorageArea } from '@/lib/storage/area';
import type { HistoryEntry } from '@/lib/storage/history';
import { createLinkHealthStore, type LinkHealthStatus } from '@/lib/storage/link-health';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import { FAKE_ADMITAD_CAMPAIGN_ID, FAKE_ADMITAD_CREDENTIALS, FAKE_ADMITAD_WEBSITE_ID, startFakeAdmitadApi, type FakeAdmitadApi, type FakeProduct } from '../../fakes/index.mjs';
import { memoryArea } from '../support/memory-history';
import { expectedHealthStatus, fakeAdmitadProduct, fakeAdmitadService, hangingFetchFor, type FakeAnswerKind } from '../support/fake-admitad-checks';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const preset: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const credentials = { admitad: { ...FAKE_ADMITAD_CREDENTIALS, websiteId: FAKE_ADMITAD_WEBSITE_ID, campaignId: FAKE_ADMITAD_CAMPAIGN_ID } };

const ENTRIES = 1000;
const productId = (i: number) => String(1005000000000000 + i);
/** What the fake says about entry i: every status the re-check can report, spread over the history. */
const kindOf = (i: number): FakeAnswerKind => {
  const slot = i % 50;
  if (slot < 34) return 'ok';
  if (slot < 40) return 'not-affiliate';
  if (slot < 45) return 'gone';
  if (slot === 45) return 'timeout';
  return 'rate-changes';
};
const product = (i: number, rate: string): FakeProduct => fakeAdmitadProduct(i, kindOf(i), rate);
const catalog: Record<string, FakeProduct> = {};
for (let i = 0; i < ENTRIES; i++) if (kindOf(i) !== 'gone') catalog[productId(i)] = product(i, '5.0%');

const history: HistoryEntry[] = Array.from({ length: ENTRIES }, (_, i) => ({
  id: `e${i}`,
  at: 1_700_000_000_000 - i,
  surface: 'popup',
  sourceUrl: `https://www.aliexpress.com/item/${productId(i)}.html`,
  presetId: 'p1',
  presetName: 'Blog',
  link: `https://ad.admitad.com/g/${admitad.code}/?ulp=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F${productId(i)}.html&subid=blog`,
  productId: productId(i),
}));

let fake: FakeAdmitadApi;
beforeAll(async () => {
  fake = await startFakeAdmitadApi({ products: catalog });
});
afterAll(async () => fake.close());

/** The product ids the fake never answers for: their requests wait until the client's time budget aborts them. */
const TIMEOUT_IDS = new Set(history.filter((_, i) => kindOf(i) === 'timeout').map((e) => e.productId!));
const hangingFetch = hangingFetchFor(TIMEOUT_IDS);

/** A worker: its own API service (empty cache, fresh rate limiter) and checker over the shared storage. */
function worker(area: StorageArea, clock: { t: number }, options: { stopAfterChecks?: number } = {}) {
  const api = fakeAdmitadService({ fetch: hangingFetch, clock, baseUrl: fake.url, account: admitad, preset, credentials });
  let checks = 0;
  const deps: LinkHealthDeps = {
    store: createLinkHealthStore(area),
    loadHistory: async () => history,
    check: (request) => {
      checks += 1;
      // The worker stopped: this check never finishes, and nothing after it runs.
      if (options.stopAfterChecks !== undefined && checks > options.stopAfterChecks) return new Promise<ProductInsightsReply>(() => undefined);
      return api.productInsights(request);
    },
    readiness: async () => ({ ok: true }),
    now: () => clock.t,
    sleep: async () => undefined,
    newId: () => `run-${clock.t}`,
  };
  return { checker: createLinkHealthChecker(deps), checks: () => checks };
}

const expectedStatus = (i: number, run: 1 | 2): LinkHealthStatus =>
  expectedHealthStatus(kindOf(i), run);

describe('link health against the fake Admitad API', () => {
  it('re-checks 1,000 entries, resumes after a stopped worker, and exports the results', { timeout: 120_000 }, async () => {
    const { area } = memoryArea();
    const store = createLinkHealthStore(area);
    const clock = { t: Date.now() };

    // Run 1: every entry, start to end.
    const first = worker(area, clock);
    expect(await first.checker.start()).toEqual({ ok: true, total: ENTRIES });
    await first.checker.resume();
    const run1 = (await store.loadRun())!;
    expect(run1.state).toBe('done');
    expect(run1.results.map((r) => r.status)).toEqual(history.map((_, i) => expectedStatus(i, 1)));
    expect(run1.results.filter((r) => r.status === 'error').every((r) => r.reason === 'timeout')).toBe(true);
    expect(run1.results[0]).toMatchObject({ entryId: 'e0', status: 'ok', rateNow: 5, title: 'Product 0' });

    // The network changes some rates; the API cache (an hour) has expired by the next run.
    for (let i = 0; i < ENTRIES; i++) if (kindOf(i) === 'rate-changes') catalog[productId(i)] = product(i, '8.0%');
    clock.t += 2 * 60 * 60 * 1000;

    // Run 2: the worker stops after 437 checks; the results saved so far stay.
    const stopped = worker(area, clock, { stopAfterChecks: 437 });
    expect(await stopped.checker.start()).toEqual({ ok: true, total: ENTRIES });
    await expect.poll(() => stopped.checks(), { timeout: 60_000, interval: 50 }).toBe(438);
    const saved = (await store.loadRun())!;
    expect(saved.state).toBe('running');
    expect(saved.results).toHaveLength(430);

    // A new worker resumes from the last save: only the unsaved and remaining entries are asked again.
    const next = worker(area, clock);
    await next.checker.resume();
    expect(next.checks()).toBe(ENTRIES - 430);
    const run2 = (await store.loadRun())!;
    expect(run2.state).toBe('done');
    expect(run2.results.map((r) => r.entryId)).toEqual(history.map((e) => e.id));
    expect(run2.results.map((r) => r.status)).toEqual(history.map((_, i) => expectedStatus(i, 2)));
    const changed = run2.results.find((r) => r.status === 'rate-changed')!;
    expect(changed).toMatchObject({ rateBefore: 5, rateNow: 8 });

    // CSV: a header and one row per entry, statuses and rates as checked.
    const csv = linkHealthCsv(linkHealthRows(run2, await store.loadQueue()));
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(LINK_HEALTH_CSV_HEADER);
    expect(rows).toHaveLength(ENTRIES + 1);
    const changedRow = rows.find((row) => row[1] === 'rate-changed')!;
    expect(changedRow.slice(1, 4)).toEqual(['rate-changed', '5', '8']);
    expect(rows.filter((row) => row[1] === 'error').every((row) => row[5] === 'timeout')).toBe(true);
  });
});

describe('classifyReply', () => {
  const base = { source: 'admitad-api' as const };
  it.each<{ name: string; reply: ProductInsightsReply; before?: number; expected: object }>([
    { name: 'no API for the preset', reply: { source: null, reason: 'no-credentials' }, expected: { status: 'unchecked', reason: 'no-credentials' } },
    { name: 'affiliate, rate as before', reply: { ...base, affiliate: true, title: 'T', rate: { commissionRate: 7, hotCommissionRate: null, isHot: false } }, before: 7, expected: { status: 'ok', rateNow: 7, hot: false } },
    { name: 'first check: no rate to compare with', reply: { ...base, title: 'T', rate: { commissionRate: 7, hotCommissionRate: null, isHot: false } }, expected: { status: 'ok', rateNow: 7 } },
    { name: 'another rate', reply: { ...base, title: 'T', rate: { commissionRate: 4, hotCommissionRate: null, isHot: false } }, before: 7, expected: { status: 'rate-changed', rateBefore: 7, rateNow: 4 } },
    {
      name: 'the hot link earns the hot rate',
      reply: { ...base, title: 'T', link: { url: 'https://s.click.aliexpress.com/e/_x', kind: 'hot' }, rate: { commissionRate: 7, hotCommissionRate: 9, isHot: true } },
      before: 9,
      expected: { status: 'ok', rateNow: 9, hot: true },
    },
    { name: 'not affiliate', reply: { ...base, affiliate: false }, expected: { status: 'not-affiliate' } },
    { name: 'unknown to the network', reply: { ...base, affiliate: true }, expected: { status: 'gone' } },
    { name: 'timed out', reply: { ...base, error: { kind: 'timeout', message: 'x' } }, before: 7, expected: { status: 'error', reason: 'timeout' } },
    { name: 'not affiliate wins over a later error', reply: { ...base, affiliate: false, error: { kind: 'timeout', message: 'x' } }, expected: { status: 'not-affiliate' } },
  ])('$name', ({ reply, before, expected }) => {
    const actual = classifyReply(reply, before, 1, 'e1');
    expect(actual).toMatchObject({ entryId: 'e1', checkedAt: 1, ...expected });
  });
});

describe('linkHealthReadiness: what a re-check needs', () => {
  const portals: Account = { id: 'acc2', network: 'portals', name: 'Portals', appKey: '500123', trackingId: 'tr' } as Account;
  const epn: Account = { id: 'acc3', network: 'epn', name: 'ePN', code: 'x'.repeat(32), host: 'alitems.site' } as Account;
  const presets: Preset[] = [
    { ...preset, id: 'pa', accountId: 'acc1' },
    { ...preset, id: 'pp', accountId: 'acc2' },
    { ...preset, id: 'pe', accountId: 'acc3' },
    { ...preset, id: 'pn', accountId: null },
  ];
  const state = { presets, accounts: [admitad, portals, epn] };
  const both = { aliexpress: true, admitad: true };
  it.each([
    { name: 'Admitad credentials and access', ids: ['pa'], saved: credentials, access: both, expected: { ok: true } },
    { name: 'no account with an API', ids: ['pe', 'pn', null], saved: credentials, access: both, expected: { ok: false, needs: 'api-account' } },
    { name: 'an Admitad preset without credentials', ids: ['pa', 'pe'], saved: {}, access: both, expected: { ok: false, needs: 'credentials' } },
    { name: 'Portals credentials for another app key', ids: ['pp'], saved: { aliexpress: { appKey: '999', appSecret: 's' } }, access: both, expected: { ok: false, needs: 'credentials' } },
    { name: 'credentials without the permission', ids: ['pa'], saved: credentials, access: { aliexpress: true, admitad: false }, expected: { ok: false, needs: 'access' } },
    { name: 'one preset ready is enough', ids: ['pe', 'pa'], saved: credentials, access: both, expected: { ok: true } },
  ])('$name', ({ ids, saved, access, expected }) => {
    const actual = linkHealthReadiness(ids, state, saved as never, access);
    expect(actual).toEqual(expected);
  });
});

describe('linkHealthTasks', () => {
  it('takes copied product links only, each entry once', () => {
    const input: HistoryEntry[] = [
      history[0]!,
      { ...history[1]!, failure: 'clipboard' },
      { ...history[2]!, productId: null },
      { ...history[3]!, link: '' },
      history[0]!,
      { ...history[4]!, id: undefined },
    ];
    const actual = linkHealthTasks(input).map((task) => task.entryId);
    expect(actual).toEqual(['e0', String(history[4]!.at)]);
  });
});
