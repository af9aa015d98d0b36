import { describe, expect, it, vi } from 'vitest';
import type { RateCacheStatus } from '@/lib/background/rate-cache';
import { createSourcesModel, type SourcesDeps } from '@/lib/options/sources-model';

const remote: RateCacheStatus = { source: 'remote', url: 'https://rates.example.com/t.json', version: 'team-7', fetchedAt: null, checkedAt: null, lastError: null };

function setup({ granted = true } = {}) {
  const deps: SourcesDeps = {
    rateStatus: vi.fn(),
    setRateSource: vi.fn(async (source) => ({ ok: true as const, status: remote, source })),
    refreshRates: vi.fn(),
    importHotList: vi.fn(),
    removeHotSource: vi.fn(),
    readHotList: vi.fn(async () => undefined),
    permissions: { contains: vi.fn(async () => false), request: vi.fn(async () => granted), remove: vi.fn(async () => true) },
  };
  return { deps, model: createSourcesModel(deps) };
}

describe('sources model: the rate-table URL', () => {
  it('asks for access to the table origin, then hands the trimmed URL to the background', async () => {
    const { deps, model } = setup();
    await model.setRateSource('  https://rates.example.com/t.json ', 60);
    expect(deps.permissions.request).toHaveBeenCalledWith({ origins: ['https://rates.example.com/*'] });
    expect(deps.setRateSource).toHaveBeenCalledWith({ url: 'https://rates.example.com/t.json', intervalMinutes: 60 });
    expect(model.rateProblem.value).toBeNull();
    expect(model.rate.value?.status).toEqual(remote);
  });

  // The same rule as the background's (lib/rates/source-url.ts): refused before any permission prompt.
  it.each([
    { input: 'rates.example.com/t.json', expected: 'badUrl' },
    { input: 'http://rates.example.com/t.json', expected: 'notHttps' },
    { input: 'https:rates.example.com/t.json', expected: 'notHttps' },
    { input: 'https://127.0.0.1/t.json', expected: 'badHost' },
    { input: 'https://user:secret@rates.example.com/t.json', expected: 'hasCredentials' },
  ])('refuses $input with $expected, without asking for access or saving', async ({ input, expected }) => {
    const { deps, model } = setup();
    await model.setRateSource(input, 60);
    expect(model.rateProblem.value).toBe(expected);
    expect(deps.permissions.request).not.toHaveBeenCalled();
    expect(deps.setRateSource).not.toHaveBeenCalled();
  });

  it('a refused permission saves nothing', async () => {
    const { deps, model } = setup({ granted: false });
    await model.setRateSource('https://rates.example.com/t.json', 60);
    expect(model.rateProblem.value).toBe('denied');
    expect(deps.setRateSource).not.toHaveBeenCalled();
  });

  it('an empty URL removes the source without a permission prompt', async () => {
    const { deps, model } = setup();
    await model.setRateSource('   ', 360);
    expect(deps.permissions.request).not.toHaveBeenCalled();
    expect(deps.setRateSource).toHaveBeenCalledWith({ url: null, intervalMinutes: 360 });
  });
});
