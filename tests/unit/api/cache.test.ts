// @vitest-environment node
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createMemoryCacheStore, createTtlCache, DEFAULT_CACHE_TTL_MS, type CacheStore } from '../../../lib/api/cache';
import { createClock } from './support';

const schema = z.object({ rate: z.number() });

describe('createTtlCache', () => {
  it('returns what was written until the hour is over', async () => {
    const clock = createClock(1_000_000);
    const cache = createTtlCache(createMemoryCacheStore(), clock);
    await cache.write('k', { rate: 7 });
    clock.advance(DEFAULT_CACHE_TTL_MS - 1);
    expect(await cache.read('k', schema)).toEqual({ rate: 7 });
    clock.advance(1);
    expect(await cache.read('k', schema)).toBeUndefined();
  });

  it.each([
    { name: 'a value of the wrong shape', input: { storedAt: 0, value: { rate: 'seven' } } },
    { name: 'no envelope', input: { rate: 7 } },
    { name: 'a time from the future', input: { storedAt: 2_000_000, value: { rate: 7 } } },
    { name: 'nothing', input: undefined },
  ])('treats $name in storage as a miss', async ({ input }) => {
    const store: CacheStore = { get: async () => input, set: async () => undefined };
    const cache = createTtlCache(store, () => 1_000_000);
    expect(await cache.read('k', schema)).toBeUndefined();
  });

  it('treats a failing store as a miss and never throws', async () => {
    const store: CacheStore = {
      get: async () => {
        throw new Error('storage unavailable');
      },
      set: async () => {
        throw new Error('quota');
      },
    };
    const cache = createTtlCache(store, () => 0);
    await expect(cache.write('k', { rate: 1 })).resolves.toBeUndefined();
    expect(await cache.read('k', schema)).toBeUndefined();
  });

  it('is a no-op without a store', async () => {
    const cache = createTtlCache(undefined, () => 0);
    await cache.write('k', { rate: 1 });
    expect(await cache.read('k', schema)).toBeUndefined();
  });
});

describe('createMemoryCacheStore', () => {
  it('drops the oldest entries past maxEntries', async () => {
    const store = createMemoryCacheStore({ maxEntries: 2 });
    await store.set('a', 1);
    await store.set('b', 2);
    await store.set('c', 3);
    const actual = [await store.get('a'), await store.get('b'), await store.get('c'), store.size];
    expect(actual).toEqual([undefined, 2, 3, 2]);
  });

  it('keeps copies, so a caller cannot change a stored answer', async () => {
    const store = createMemoryCacheStore();
    const value = { rate: 1 };
    await store.set('k', value);
    value.rate = 2;
    const read = (await store.get('k')) as { rate: number };
    read.rate = 3;
    expect(await store.get('k')).toEqual({ rate: 1 });
  });
});
