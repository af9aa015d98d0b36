import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localArea } from '@/lib/storage/area';
import { createLinkHealthStore, readLinkHealthRun, type LinkHealthRun, type LinkHealthTask } from '@/lib/storage/link-health';

const task: LinkHealthTask = {
  entryId: 'e1',
  sourceUrl: 'https://www.aliexpress.com/item/1005006789012345.html',
  productId: '1005006789012345',
  presetId: 'p1',
  presetName: 'Blog',
  link: 'https://ad.admitad.com/g/x/?ulp=y',
};
const run: LinkHealthRun = {
  id: 'r1',
  state: 'running',
  startedAt: 1,
  finishedAt: null,
  total: 1,
  results: [{ entryId: 'e1', status: 'rate-changed', checkedAt: 2, rateBefore: 7, rateNow: 5, hot: false, title: 'Cable' }],
  lastRates: { '1005006789012345 p1': 5 },
};

describe('the link-health items in storage.local', () => {
  it('a started run and its queue read back as written, under their keys', async () => {
    const store = createLinkHealthStore(localArea());
    await store.startRun(run, [task]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['linkHealth', 'linkHealthQueue']);
    expect(await store.loadRun()).toEqual(run);
    expect(await store.loadQueue()).toEqual([task]);
  });

  it('nothing stored: no run, an empty queue', async () => {
    const store = createLinkHealthStore(localArea());
    expect(await store.loadRun()).toBeNull();
    expect(await store.loadQueue()).toEqual([]);
  });

  it.each([
    { name: 'an unknown status', input: { ...run, results: [{ ...run.results[0], status: 'fine' }] } },
    { name: 'a rate that is not a number', input: { ...run, lastRates: { x: '5' } } },
    { name: 'not an object', input: 'running' },
  ])('a value it cannot read is no run, never an error: $name', ({ input }) => {
    expect(readLinkHealthRun(input)).toBeNull();
  });

  it('a `__proto__` key in the rates is not read', () => {
    const actual = readLinkHealthRun(JSON.parse(JSON.stringify({ ...run, lastRates: {} }).replace('"lastRates":{}', '"lastRates":{"__proto__":{"x":1},"a":2}')));
    expect(actual?.lastRates).toEqual({ a: 2 });
    expect(Object.getPrototypeOf(actual?.lastRates)).toBeNull();
  });
});
