/**
 * The weekly re-check over WXT's fake browser: its alarm (fakeBrowser.alarms), storage.local, tabs
 * and the toolbar badge (tests/unit/support/fake-extension-apis.ts), with the real link-health
 * engine and a fake `check` that answers per product. What a user relies on: off until turned on,
 * one alarm while on and none while off, back after a browser that lost it, a run over exactly the
 * latest N links, the dead ones counted on the icon for every tab without its own view, and no run
 * that could only fail.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import type { ProductInsightsReply, ProductInsightsRequest } from '@/lib/api/service';
import { createProductBadge } from '@/lib/background/badge';
import { browserActionApi } from '@/lib/background/badge/browser';
import { createDeadLinkBadge, deadLinksView } from '@/lib/background/badge/dead-links';
import { badgeText, deadLinkText } from '@/lib/background/badge/text';
import { BADGE_COLORS } from '@/lib/background/badge/view';
import { createLinkHealthChecker, type LinkHealthReadiness } from '@/lib/background/link-health';
import { countDeadLinks, createWeeklyRecheck, WEEK_MINUTES, WEEKLY_RECHECK_ALARM } from '@/lib/background/weekly-recheck';
import { localArea } from '@/lib/storage/area';
import type { HistoryEntry } from '@/lib/storage/history';
import { createLinkHealthStore, type LinkHealthStatus } from '@/lib/storage/link-health';
import { loadState } from '@/lib/storage/local';
import { createWeeklyRecheckStore, DEFAULT_WEEKLY_RECHECK, readWeeklyRecheck, weeklyRecheckKey } from '@/lib/storage/weekly-recheck';
import { installFakeExtensionApis } from '../support/fake-extension-apis';

const NOW = Date.UTC(2026, 11, 5, 2, 0);
const WEEK_MS = WEEK_MINUTES * 60_000;
const productId = (i: number) => String(1005000000000000 + i);

/** 80 copies, newest first; entry 3 failed and entry 4 is a short link: neither is a product link to re-check. */
const history: HistoryEntry[] = Array.from({ length: 80 }, (_, i) => ({
  id: `e${i}`,
  at: NOW - i * 60_000,
  surface: 'popup',
  sourceUrl: `https://www.aliexpress.com/item/${productId(i)}.html`,
  presetId: 'p1',
  presetName: 'Blog',
  link: i === 3 ? '' : `https://ad.admitad.com/g/abc/?ulp=${productId(i)}`,
  productId: i === 4 ? null : productId(i),
  ...(i === 3 ? { failure: 'short-link' as const } : {}),
}));

/** What the fake API says about the i-th entry's product, so every status the engine reports is in the run. */
const statusOf = (i: number): LinkHealthStatus => (['ok', 'gone', 'not-affiliate', 'error', 'ok', 'unchecked', 'not-affiliate'] as const)[i % 7]!;
const replyFor = (id: string): ProductInsightsReply => {
  const status = statusOf(Number(id) - 1005000000000000);
  const rate = { commissionRate: 7, hotCommissionRate: null, isHot: false };
  if (status === 'unchecked') return { source: null, reason: 'no-credentials' };
  if (status === 'gone') return { source: 'admitad-api' };
  if (status === 'not-affiliate') return { source: 'admitad-api', rate, title: 'P', affiliate: false };
  if (status === 'error') return { source: 'admitad-api', error: { kind: 'timeout', message: 'timeout' } };
  return { source: 'admitad-api', rate, title: 'P', affiliate: true };
};

let fakes: ReturnType<typeof installFakeExtensionApis>;
beforeEach(() => {
  fakes = installFakeExtensionApis();
});

function setup(options: { readiness?: LinkHealthReadiness; check?: (request: ProductInsightsRequest) => Promise<ProductInsightsReply> } = {}) {
  const area = localArea();
  const clock = { t: NOW };
  const checked: string[] = [];
  const runs = createLinkHealthStore(area);
  const readiness = vi.fn(async (_presetIds: readonly (string | null)[]): Promise<LinkHealthReadiness> => options.readiness ?? { ok: true });
  const checker = createLinkHealthChecker({
    store: runs,
    loadHistory: async () => history,
    check:
      options.check ??
      (async (request) => {
        checked.push(request.url);
        return replyFor(/(\d+)\.html/.exec(request.url)![1]!);
      }),
    readiness,
    now: () => clock.t,
    sleep: async () => undefined,
    newId: () => `run-${clock.t}`,
    gapMs: 0,
  });
  const store = createWeeklyRecheckStore(area);
  const action = browserActionApi();
  const productBadge = createProductBadge({
    action,
    tabs: { query: (filter) => fakeBrowser.tabs.query(filter), get: (tabId) => fakeBrowser.tabs.get(tabId) },
    loadState,
    estimate: async () => null,
    text: badgeText,
    ground: async () => deadLinksView((await store.load()).deadLinks, deadLinkText),
  });
  const weekly = createWeeklyRecheck({
    store,
    runs,
    checker,
    loadHistory: async () => history,
    loadPresetIds: async () => ['p1'],
    readiness,
    alarms: fakeBrowser.alarms,
    badge: createDeadLinkBadge({ action, text: deadLinkText, tabs: fakeBrowser.tabs, restoreTab: productBadge.restoreTab }),
    now: () => clock.t,
  });
  return { weekly, store, runs, checker, checked, clock, readiness, productBadge, action };
}

const globalBadge = () => fakes.badge.get(undefined);

describe('the weekly re-check setting', () => {
  it('is off by default, with 50 links, and nothing stored reads as that default', async () => {
    const { store } = setup();
    expect(await store.load()).toEqual({ enabled: false, count: 50, dueAt: null, pendingRunId: null, deadLinks: null, lastSkip: null });
    expect(DEFAULT_WEEKLY_RECHECK.enabled).toBe(false);
  });

  it.each([
    { input: undefined, expected: DEFAULT_WEEKLY_RECHECK },
    { input: 'on', expected: DEFAULT_WEEKLY_RECHECK },
    { input: { ...DEFAULT_WEEKLY_RECHECK, enabled: true, count: 0 }, expected: DEFAULT_WEEKLY_RECHECK },
    { input: { ...DEFAULT_WEEKLY_RECHECK, enabled: true, count: 2.5 }, expected: DEFAULT_WEEKLY_RECHECK },
    { input: { ...DEFAULT_WEEKLY_RECHECK, enabled: true, count: 1001 }, expected: DEFAULT_WEEKLY_RECHECK },
    { input: { ...DEFAULT_WEEKLY_RECHECK, enabled: true, count: 10, dueAt: NOW }, expected: { ...DEFAULT_WEEKLY_RECHECK, enabled: true, count: 10, dueAt: NOW } },
  ])('reads $input as a setting it can trust', ({ input, expected }) => {
    const actual = readWeeklyRecheck(input);
    expect(actual).toEqual(expected);
  });

  it('a fresh worker sets no weekly alarm and shows no count while the setting is off', async () => {
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    const get = vi.spyOn(fakeBrowser.alarms, 'get');
    background.main();
    // The worker looked for its alarm (lib/background/weekly-recheck.ts `ensureSchedule`) and made none.
    await vi.waitFor(() => expect(get).toHaveBeenCalledWith(WEEKLY_RECHECK_ALARM));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(create).not.toHaveBeenCalledWith(WEEKLY_RECHECK_ALARM, expect.anything());
    expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toBeUndefined();
    expect(globalBadge()?.text ?? '').toBe('');
  });

  it('turning it on saves it and sets a weekly alarm due a week later; turning it off clears both', async () => {
    const { weekly, store } = setup();
    const on = await weekly.set({ enabled: true, count: 20 });
    expect(on).toMatchObject({ ok: true, weekly: { enabled: true, count: 20, dueAt: NOW + WEEK_MS } });
    expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toMatchObject({ periodInMinutes: WEEK_MINUTES, scheduledTime: NOW + WEEK_MS });

    const off = await weekly.set({ enabled: false, count: 20 });
    expect(off).toMatchObject({ ok: true, weekly: { enabled: false, count: 20, dueAt: null } });
    expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toBeUndefined();
    expect(await store.load()).toMatchObject({ enabled: false, count: 20 });
  });

  it.each([
    { input: 0, expected: { ok: false, reason: 'invalid-count' } },
    { input: 1001, expected: { ok: false, reason: 'invalid-count' } },
    { input: 12.5, expected: { ok: false, reason: 'invalid-count' } },
    { input: Number.NaN, expected: { ok: false, reason: 'invalid-count' } },
  ])('refuses a count of $input with its reason, and keeps what was stored', async ({ input, expected }) => {
    const { weekly, store } = setup();
    const actual = await weekly.set({ enabled: true, count: input });
    expect(actual).toEqual(expected);
    expect(await store.load()).toEqual(DEFAULT_WEEKLY_RECHECK);
    expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toBeUndefined();
  });

  it.each([{ needs: 'credentials' as const }, { needs: 'access' as const }, { needs: 'api-account' as const }])(
    'without what the API needs ($needs), it is not turned on and no alarm is set',
    async ({ needs }) => {
      const { weekly, store, readiness } = setup({ readiness: { ok: false, needs } });
      const actual = await weekly.set({ enabled: true, count: 50 });
      expect(actual).toEqual({ ok: false, reason: 'needs', needs });
      // Asked about the presets of the links a run would check.
      expect(readiness).toHaveBeenCalledWith(['p1']);
      expect(await store.load()).toEqual(DEFAULT_WEEKLY_RECHECK);
      expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toBeUndefined();
    },
  );
});

describe('the background worker', () => {
  const optionsPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

  it('answers the options page: an Admitad preset without saved credentials cannot turn it on, and no alarm is set', async () => {
    await fakeBrowser.storage.local.set({
      accounts: [{ id: 'acc1', network: 'admitad', name: 'My Admitad', code: 'abc123def456abc123def456abc123' }],
      presets: [{ id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: {}, keepSku: false }],
    });
    background.main();

    const actual = await fakeBrowser.runtime.onMessage.trigger({ type: 'setWeeklyRecheck', data: { enabled: true, count: 50 } }, optionsPage());

    expect(actual).toEqual([{ ok: false, reason: 'needs', needs: 'credentials' }]);
    expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toBeUndefined();
    expect(readWeeklyRecheck((await fakeBrowser.storage.local.get(weeklyRecheckKey))[weeklyRecheckKey]).enabled).toBe(false);
  });

  it('a weekly alarm fired while the setting is off starts no re-check and removes itself', async () => {
    background.main();
    await fakeBrowser.alarms.create(WEEKLY_RECHECK_ALARM, { when: NOW, periodInMinutes: WEEK_MINUTES });
    await fakeBrowser.alarms.onAlarm.trigger({ name: WEEKLY_RECHECK_ALARM, scheduledTime: NOW });
    expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toBeUndefined();
    expect((await fakeBrowser.storage.local.get('linkHealth'))['linkHealth']).toBeUndefined();
  });
});

describe('the weekly alarm', () => {
  it('a worker start puts back an alarm the browser lost, at the stored due time; an overdue one a minute later', async () => {
    const { weekly, clock } = setup();
    await weekly.set({ enabled: true, count: 50 });
    await fakeBrowser.alarms.clear(WEEKLY_RECHECK_ALARM);

    await weekly.ensureSchedule();
    expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toMatchObject({ scheduledTime: NOW + WEEK_MS, periodInMinutes: WEEK_MINUTES });

    await fakeBrowser.alarms.clear(WEEKLY_RECHECK_ALARM);
    clock.t = NOW + WEEK_MS + 3 * 3_600_000;
    await weekly.ensureSchedule();
    expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toMatchObject({ scheduledTime: clock.t + 60_000 });
  });

  it('a worker start removes an alarm left while the setting is off', async () => {
    const { weekly } = setup();
    await fakeBrowser.alarms.create(WEEKLY_RECHECK_ALARM, { when: NOW + 1000, periodInMinutes: WEEK_MINUTES });
    await weekly.ensureSchedule();
    expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toBeUndefined();
  });

  it('re-checks exactly the latest N product links, then shows the dead ones (gone, not affiliate) on the icon', async () => {
    const { weekly, checked, runs, store, clock } = setup();
    await weekly.set({ enabled: true, count: 10 });
    clock.t = NOW + WEEK_MS;

    await weekly.onAlarm(WEEKLY_RECHECK_ALARM);

    // Entries 3 (a failed copy) and 4 (no product) are not links to re-check: the latest 10 are 0-2 and 5-11.
    const expectedIds = [0, 1, 2, 5, 6, 7, 8, 9, 10, 11].map(productId);
    expect(checked.map((url) => /(\d+)\.html/.exec(url)![1])).toEqual(expectedIds);
    const run = (await runs.loadRun())!;
    expect(run.state).toBe('done');
    expect(run.results.map((result) => result.status)).toEqual(expectedIds.map((id) => statusOf(Number(id) - 1005000000000000)));
    // gone: 1, 8; not affiliate: 2, 6, 9. ok, error and unchecked are not dead.
    const expectedDead = 5;
    expect(countDeadLinks(run.results)).toBe(expectedDead);
    expect(globalBadge()).toEqual({
      text: String(expectedDead),
      color: BADGE_COLORS.deadLinks,
      title: 'Sublink: 5 of the 10 links re-checked this week stopped earning (gone or no longer affiliate). Open the history to see which.',
    });
    expect(await store.load()).toMatchObject({ pendingRunId: null, deadLinks: { runId: run.id, dead: 5, checked: 10 }, dueAt: clock.t + WEEK_MS, lastSkip: null });
  });

  it.each([
    { input: ['ok', 'rate-changed', 'error', 'unchecked'] as const, expected: 0 },
    { input: ['gone', 'ok', 'not-affiliate', 'error'] as const, expected: 2 },
    { input: ['gone', 'gone', 'gone'] as const, expected: 3 },
  ])('counts $input as $expected dead', ({ input, expected }) => {
    const actual = countDeadLinks(input.map((status) => ({ status })));
    expect(actual).toBe(expected);
  });

  it('a run with no dead link shows no count', async () => {
    const { weekly } = setup({ check: async () => ({ source: 'admitad-api', rate: { commissionRate: 7, hotCommissionRate: null, isHot: false }, title: 'P', affiliate: true }) });
    await weekly.set({ enabled: true, count: 5 });
    await weekly.onAlarm(WEEKLY_RECHECK_ALARM);
    expect(globalBadge()?.text ?? '').toBe('');
  });

  it('skips quietly while another re-check is running, records why, and tries again next week', async () => {
    let release: () => void = () => undefined;
    const hanging = new Promise<void>((resolve) => (release = resolve));
    const { weekly, checker, store, checked, clock } = setup({
      check: async (request) => {
        checked.push(request.url);
        await hanging;
        return { source: 'admitad-api' };
      },
    });
    await weekly.set({ enabled: true, count: 5 });
    // The user's own re-check of the whole history, still going.
    expect(await checker.start()).toMatchObject({ ok: true, total: 78 });

    clock.t = NOW + WEEK_MS;
    await weekly.onAlarm(WEEKLY_RECHECK_ALARM);

    expect(await store.load()).toMatchObject({ enabled: true, pendingRunId: null, lastSkip: { at: clock.t, reason: 'running' }, dueAt: clock.t + WEEK_MS });
    expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toBeDefined();
    expect(globalBadge()?.text ?? '').toBe('');
    const cancelling = checker.cancel();
    release();
    await cancelling;
  });

  it('credentials removed since it was turned on: the alarm starts no run and records what is missing', async () => {
    const readiness: { value: LinkHealthReadiness } = { value: { ok: true } };
    const { weekly, store, checked, runs, readiness: asked } = setup();
    asked.mockImplementation(async () => readiness.value);
    await weekly.set({ enabled: true, count: 5 });
    readiness.value = { ok: false, needs: 'credentials' };

    await weekly.onAlarm(WEEKLY_RECHECK_ALARM);

    expect(checked).toEqual([]);
    expect(await runs.loadRun()).toBeNull();
    expect(await store.load()).toMatchObject({ enabled: true, lastSkip: { reason: 'credentials' } });
  });

  it('another alarm (the rate table\'s) starts nothing', async () => {
    const { weekly, checked } = setup();
    await weekly.set({ enabled: true, count: 5 });
    await weekly.onAlarm('sublink-refresh-rates');
    expect(checked).toEqual([]);
  });

  it('a run left by a stopped worker shows its count when the next worker finishes it', async () => {
    const first = setup();
    await first.weekly.set({ enabled: true, count: 7 });
    let stop = false;
    const { weekly: stopped } = setup({
      check: async (request) => {
        if (stop) return new Promise<never>(() => undefined);
        stop = true;
        return replyFor(/(\d+)\.html/.exec(request.url)![1]!);
      },
    });
    void stopped.onAlarm(WEEKLY_RECHECK_ALARM);
    await vi.waitFor(async () => expect((await first.store.load()).pendingRunId).not.toBeNull());

    // The next worker: resumeLinkHealth, then settle, as lib/background/index.ts wires them on start.
    const next = setup();
    await next.checker.resume();
    await next.weekly.settle();
    // The latest 7 are entries 0-2 and 5-8: gone 1 and 8, not affiliate 2 and 6.
    expect((await next.runs.loadRun())!.results).toHaveLength(7);
    expect(globalBadge()?.text).toBe('4');
    expect((await next.store.load()).pendingRunId).toBeNull();
  });
});

describe('the count on the icon and the per-tab views', () => {
  async function withDeadLinks() {
    const context = setup();
    await context.weekly.set({ enabled: true, count: 10 });
    const tab = await fakeBrowser.tabs.create({ url: 'https://blog.test/post' });
    // A copy's flash put back this tab's idle view before the count existed: an empty text of its own.
    await context.productBadge.restoreTab(tab.id!);
    expect(fakes.badge.get(tab.id)?.text).toBe('');
    await context.weekly.onAlarm(WEEKLY_RECHECK_ALARM);
    return { ...context, tabId: tab.id! };
  }

  it('a tab with nothing of its own shows the count, also after a copy flash on it', async () => {
    const { tabId, productBadge } = await withDeadLinks();
    expect(fakes.badge.get(tabId)).toMatchObject({ text: '5', color: BADGE_COLORS.deadLinks });
    await productBadge.restoreTab(tabId);
    expect(fakes.badge.get(tabId)).toMatchObject({ text: '5', color: BADGE_COLORS.deadLinks });
  });

  it('opening the results clears it from the icon and from every tab; the setting stays on', async () => {
    const { weekly, tabId, store } = await withDeadLinks();
    expect(await weekly.seen()).toEqual({ cleared: true });
    expect(globalBadge()).toMatchObject({ text: '', title: 'Sublink: affiliate link for this product' });
    expect(fakes.badge.get(tabId)?.text).toBe('');
    expect(await store.load()).toMatchObject({ enabled: true, deadLinks: null });
    expect(await weekly.seen()).toEqual({ cleared: false });
  });

  it('turning the option off clears the count and the alarm', async () => {
    const { weekly, tabId } = await withDeadLinks();
    await weekly.set({ enabled: false, count: 10 });
    expect(globalBadge()?.text).toBe('');
    expect(fakes.badge.get(tabId)?.text).toBe('');
    expect(await fakeBrowser.alarms.get(WEEKLY_RECHECK_ALARM)).toBeUndefined();
  });

  it('a browser start puts the unseen count back on the icon', async () => {
    const { weekly } = await withDeadLinks();
    fakes.badge.clear();
    await weekly.ensureSchedule();
    expect(globalBadge()).toMatchObject({ text: '5', color: BADGE_COLORS.deadLinks });
  });

  it('keeps the setting in storage.local under its own key', async () => {
    const { weekly } = setup();
    await weekly.set({ enabled: true, count: 30 });
    expect((await fakeBrowser.storage.local.get(weeklyRecheckKey))[weeklyRecheckKey]).toMatchObject({ enabled: true, count: 30 });
  });
});
