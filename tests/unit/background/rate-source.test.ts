import { describe, expect, it, vi } from 'vitest';
import type { RateCache, RateCacheStatus } from '@/lib/background/rate-cache';
import { createSourcesService, RATE_REFRESH_ALARM, RATE_SOURCE_KEY, readRateSource } from '@/lib/background/rate-source';
import { HOT_LIST_KEY } from '@/lib/storage/keys';
import { hotImportFailureText, rateErrorText } from '@/lib/options/text';

const embedded: RateCacheStatus = { source: 'embedded', url: null, version: 'embedded', fetchedAt: null, checkedAt: null, lastError: null };

function setup(stored: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...stored };
  const alarms = new Map<string, { periodInMinutes: number }>();
  const cache: RateCache = {
    refresh: vi.fn(async (url: string) => ({ ...embedded, source: 'remote' as const, url, version: 'team-7' })),
    load: vi.fn(async () => ({ tables: {} as never, status: embedded })),
    clear: vi.fn(async () => embedded),
  };
  const service = createSourcesService({
    cache,
    storage: { get: async (key) => data[key], set: async (values) => void Object.assign(data, values) },
    alarms: {
      create: (name, info) => void alarms.set(name, info),
      clear: async (name) => alarms.delete(name),
      get: async (name) => alarms.get(name),
    },
    now: () => new Date('2026-11-21T10:00:00Z'),
  });
  return { service, data, alarms, cache };
}

describe('rate source', () => {
  it('says storage is full when the URL cannot be saved, and keeps the previous source, schedule and table', async () => {
    const { data, alarms, cache } = setup({ [RATE_SOURCE_KEY]: { url: 'https://old.example.com/t.json', intervalMinutes: 360 } });
    alarms.set(RATE_REFRESH_ALARM, { periodInMinutes: 360 });
    const full = Object.assign(new Error('QUOTA_BYTES quota exceeded'), { name: 'QuotaExceededError' });
    const store = { get: async (key: string) => data[key], set: async () => Promise.reject(full) };
    const failing = createSourcesService({ cache, storage: store, alarms: { create: () => undefined, clear: async () => true, get: async () => undefined }, now: () => new Date() });
    expect(await failing.setRateSource({ url: 'https://rates.example.com/new.json', intervalMinutes: 60 })).toEqual({ ok: false, error: 'storageFull' });
    expect(data[RATE_SOURCE_KEY]).toEqual({ url: 'https://old.example.com/t.json', intervalMinutes: 360 });
    expect(alarms.get(RATE_REFRESH_ALARM)).toEqual({ periodInMinutes: 360 });
    expect(cache.refresh).not.toHaveBeenCalled();
  });

  it('saving an https URL stores it, schedules the refresh alarm and fetches at once', async () => {
    const { service, data, alarms, cache } = setup();
    const actual = await service.setRateSource({ url: ' https://rates.example.com/sublink.json ', intervalMinutes: 60 });
    expect(actual).toMatchObject({ ok: true, status: { source: 'remote', version: 'team-7' } });
    expect(data[RATE_SOURCE_KEY]).toEqual({ url: 'https://rates.example.com/sublink.json', intervalMinutes: 60 });
    expect(alarms.get(RATE_REFRESH_ALARM)).toEqual({ periodInMinutes: 60, delayInMinutes: 60 });
    expect(cache.refresh).toHaveBeenCalledWith('https://rates.example.com/sublink.json');
  });

  it.each([
    { input: 'http://rates.example.com/t.json', expected: 'notHttps' },
    { input: 'not a url', expected: 'badUrl' },
    { input: 'https://localhost/t.json', expected: 'badHost' },
    { input: 'https://user:secret@rates.example.com/t.json', expected: 'hasCredentials' },
  ])('refuses $input ($expected) and changes nothing', async ({ input, expected }) => {
    const { service, data, cache } = setup();
    await expect(service.setRateSource({ url: input, intervalMinutes: 60 })).resolves.toEqual({ ok: false, error: expected });
    expect(data[RATE_SOURCE_KEY]).toBeUndefined();
    expect(cache.refresh).not.toHaveBeenCalled();
  });

  it('removing the URL clears the alarm and goes back to the built-in tables', async () => {
    const { service, alarms, cache } = setup();
    await service.setRateSource({ url: 'https://rates.example.com/t.json', intervalMinutes: 360 });
    await service.setRateSource({ url: '', intervalMinutes: 360 });
    expect(alarms.has(RATE_REFRESH_ALARM)).toBe(false);
    expect(cache.clear).toHaveBeenCalled();
  });

  it('the alarm refreshes from the stored URL; other alarms are ignored', async () => {
    const { service, cache } = setup({ [RATE_SOURCE_KEY]: { url: 'https://rates.example.com/t.json', intervalMinutes: 60 } });
    await service.onAlarm('something-else');
    expect(cache.refresh).not.toHaveBeenCalled();
    await service.onAlarm(RATE_REFRESH_ALARM);
    expect(cache.refresh).toHaveBeenCalledWith('https://rates.example.com/t.json');
  });

  it('re-creates a missing alarm on startup', async () => {
    const { service, alarms } = setup({ [RATE_SOURCE_KEY]: { url: 'https://rates.example.com/t.json', intervalMinutes: 1440 } });
    await service.ensureSchedule();
    expect(alarms.get(RATE_REFRESH_ALARM)).toMatchObject({ periodInMinutes: 1440 });
  });

  it.each([
    { input: undefined, expected: { url: null, intervalMinutes: 360 } },
    { input: { url: 42, intervalMinutes: 7 }, expected: { url: null, intervalMinutes: 360 } },
    { input: { url: 'https://x.test/t.json', intervalMinutes: 60 }, expected: { url: 'https://x.test/t.json', intervalMinutes: 60 } },
  ])('reads a stored source defensively: %j', ({ input, expected }) => {
    expect(readRateSource(input)).toEqual(expected);
  });
});

describe('hot-list import', () => {
  it('stores the products of a CSV export and reports skipped rows', async () => {
    const { service, data } = setup();
    const csv = 'product_id,hot_product_commission_rate\n1005006123456789,12.5%\nnot-an-id,3%\n1005001234567890,\n';
    const actual = await service.importHotList(csv, 'hot.csv');
    expect(actual).toMatchObject({ ok: true, imported: 2, rowErrorCount: 1 });
    expect(data['hotList']).toMatchObject({ v: 1, sources: [{ id: 'import', label: 'hot.csv', ids: ['1005001234567890', '1005006123456789'] }] });
  });

  it('a broken file is refused with its reason and the stored list is unchanged', async () => {
    const before = { v: 1, sources: [{ id: 'import', label: 'old.csv', updatedAt: '2026-11-01T00:00:00Z', ids: ['1'], rates: [null] }] };
    const { service, data } = setup({ hotList: before });
    await expect(service.importHotList('{"broken": ', 'new.json')).resolves.toMatchObject({ ok: false, reason: { code: 'badJson' } });
    expect(data['hotList']).toEqual(before);
  });

  it('removes an imported list', async () => {
    const { service, data } = setup();
    await service.importHotList('product_id\n1005006123456789\n', 'hot.csv');
    await service.removeHotSource('import');
    expect(data['hotList']).toEqual({ v: 1, sources: [] });
  });
});

describe('a full storage', () => {
  it('a hot-list import says storage is full, and the lists saved before stay', async () => {
    const { service, data } = setup();
    await service.importHotList('product_id\n1005006123456789\n', 'first.csv');
    const before = structuredClone(data[HOT_LIST_KEY]);
    const full = createSourcesService({
      cache: { refresh: vi.fn(), load: vi.fn(), clear: vi.fn() } as never,
      alarms: { create: vi.fn(), clear: vi.fn(), get: vi.fn() },
      storage: { get: async (key) => data[key], set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) },
      now: () => new Date('2026-11-21T10:00:00Z'),
    });
    const actual = await full.importHotList('product_id\n1005001234567890\n', 'second.csv');
    expect(actual).toEqual({ ok: false, saveError: { kind: 'quota' } });
    expect(hotImportFailureText(actual as { saveError: { kind: 'quota' } })).toBe(
      'Browser storage is full: the list was not saved, and the lists saved before are kept. Remove a hot list or clear the history to make room.',
    );
    expect(data[HOT_LIST_KEY]).toEqual(before);
  });

  it('the rate table says storage is full', () => {
    expect(rateErrorText({ code: 'storage', message: 'QUOTA_BYTES quota exceeded', path: null, at: '2026-11-21T10:00:00Z' } as never)).toBe(
      'Browser storage is full: the new rate table could not be saved. The last saved one stays in use.',
    );
  });
});
