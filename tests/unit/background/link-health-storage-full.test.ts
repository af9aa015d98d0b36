// @vitest-environment node
/**
 * Link health when the browser's storage is full: a run that cannot store its queue does not
 * start and says why; a run whose results stop fitting stops, keeps what was saved, and says why,
 * instead of staying "running" and checking the same links again on every resume.
 */
import { describe, expect, it } from 'vitest';
import type { ProductInsightsReply } from '@/lib/api/service';
import { createLinkHealthChecker, type LinkHealthDeps } from '@/lib/background/link-health';
import type { StorageArea } from '@/lib/storage/area';
import type { HistoryEntry } from '@/lib/storage/history';
import { createLinkHealthStore } from '@/lib/storage/link-health';
import { memoryArea } from '../support/memory-history';

/** Chrome's words when a `set` would take `storage.local` past its quota. */
const QUOTA_MESSAGE = 'Resource::kQuotaBytes quota exceeded';

/** A memory area that refuses any `set` after which its values, as JSON, would pass `quotaBytes`, as Chrome does. */
function fullingArea(quotaBytes: number) {
  const { area, items } = memoryArea();
  const size = () => [...items].reduce((total, [key, value]) => total + key.length + JSON.stringify(value).length, 0);
  const limited: StorageArea = {
    ...area,
    async set(values) {
      const before = new Map(items);
      await area.set(values);
      if (size() > quotaBytes) {
        items.clear();
        for (const [key, value] of before) items.set(key, value);
        throw new Error(QUOTA_MESSAGE);
      }
    },
  };
  return { area: limited, items, size };
}

const history: HistoryEntry[] = Array.from({ length: 40 }, (_, i) => ({
  id: `e${i}`,
  at: 1_700_000_000_000 - i,
  surface: 'popup',
  sourceUrl: `https://www.aliexpress.com/item/${1005000000000000 + i}.html`,
  presetId: 'p1',
  presetName: 'Blog',
  link: `https://ad.admitad.com/g/1e8d114494b7e165239416525dc3e8/?ulp=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F${1005000000000000 + i}.html`,
  productId: String(1005000000000000 + i),
}));

/** An answer with a long title, so that each result takes room in the stored run. */
const answer = (): ProductInsightsReply => ({
  source: 'admitad-api',
  affiliate: true,
  rate: { commissionRate: 5, hotCommissionRate: null, isHot: false },
  title: 'x'.repeat(400),
});

function checkerOver(area: StorageArea) {
  let checks = 0;
  const deps: LinkHealthDeps = {
    store: createLinkHealthStore(area),
    loadHistory: async () => history,
    check: async () => ((checks += 1), answer()),
    readiness: async () => ({ ok: true }),
    now: () => 1_700_000_000_000,
    sleep: async () => undefined,
    newId: () => 'run1',
    gapMs: 0,
    saveEvery: 5,
  };
  return { checker: createLinkHealthChecker(deps), checks: () => checks, store: deps.store };
}

describe('link health with the storage full', () => {
  it('does not start when the queue cannot be stored, and says that storage is full', async () => {
    const { area, items } = fullingArea(2_000);
    const { checker, checks } = checkerOver(area);

    expect(await checker.start()).toEqual({ ok: false, reason: 'storage-full' });
    await checker.resume();
    expect(checks()).toBe(0);
    expect(items.size).toBe(0);
  });

  it('stops when the results stop fitting, keeps what was saved, and does not check again on resume', async () => {
    // Room for the queue and about 20 results of 400-character titles, not for all 40.
    const { area, size } = fullingArea(22_000);
    const { checker, checks, store } = checkerOver(area);

    expect(await checker.start()).toEqual({ ok: true, total: 40 });
    await checker.resume();

    const run = await store.loadRun();
    expect(run).toMatchObject({ state: 'cancelled', stoppedBy: 'storage-full', total: 40 });
    // Saved every 5 checks: what is kept is the last save that fitted, a whole number of saves.
    expect(run!.results.length).toBeGreaterThan(0);
    expect(run!.results.length).toBeLessThan(40);
    expect(run!.results.length % 5).toBe(0);
    expect(run!.results.every((result) => result.status === 'ok')).toBe(true);
    expect(size()).toBeLessThanOrEqual(22_000);

    const checksBefore = checks();
    await checker.resume();
    expect(checks()).toBe(checksBefore);
  });
});
