/**
 * What the link-health tests share: a fetch that never answers for chosen products (the client's
 * time budget then aborts it, as a real timeout would) and an API service over the local fake
 * Admitad API with a clock each call moves on, so the token buckets refill without waiting.
 */
import { createApiService } from '@/lib/api/service';
import type { ApiCredentials } from '@/lib/api/credentials';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import type { LinkHealthStatus } from '@/lib/storage/link-health';
import type { FakeProduct } from '../../fakes/index.mjs';

/** `fetch`, except that requests naming one of `timeoutIds` hang until aborted. */
export const hangingFetchFor =
  (timeoutIds: ReadonlySet<string>) =>
  (input: string, init: RequestInit): Promise<Response> => {
    const text = `${decodeURIComponent(input)} ${typeof init.body === 'string' ? init.body : ''}`;
    const id = /1005\d{12}/.exec(text)?.[0];
    if (id && timeoutIds.has(id)) {
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    return fetch(input, init);
  };

export interface FakeAdmitadServiceOptions {
  readonly fetch: (input: string, init: RequestInit) => Promise<Response>;
  readonly clock: { t: number };
  readonly baseUrl: string;
  readonly account: Account;
  readonly preset: Preset;
  readonly credentials: ApiCredentials;
}

/** A worker's own API service (empty cache, fresh rate limiter) over the fake. */
export function fakeAdmitadService({ fetch, clock, baseUrl, account, preset, credentials }: FakeAdmitadServiceOptions) {
  return createApiService({
    fetch,
    // Each call moves the clock on: the token buckets refill, so the test does not wait out the APIs' per-second limits.
    now: () => (clock.t += 200),
    loadState: async () => ({ accounts: [account], presets: [preset], settings: { defaultPresetId: null, lastUsedPresetId: null }, problems: [] }),
    loadCredentials: async () => credentials,
    hasAccess: async () => true,
    timeoutMs: 300,
    baseUrls: { admitad: baseUrl },
  });
}

/** What the fake says about one product in a re-check test: every status a re-check can report. */
export type FakeAnswerKind = 'ok' | 'not-affiliate' | 'gone' | 'timeout' | 'rate-changes';

/** Product `i` as the fake Admitad API lists it, at `rate` ("5.0%"); affiliate unless its kind says not. */
export const fakeAdmitadProduct = (i: number, kind: FakeAnswerKind, rate: string): FakeProduct => ({
  title: `Product ${i}`,
  affiliate: kind !== 'not-affiliate',
  commissionRate: rate,
  hotCommissionRate: '0%',
  firstLevelCategory: { id: '44', name: 'Consumer Electronics' },
  salePrice: '2.00',
  currency: 'USD',
});

/**
 * The status a re-check must report for a product of `kind`: a timeout is an error, and a rate
 * that changes between the two runs of a test is "ok" on the first and "rate changed" on the second.
 */
export const expectedHealthStatus = (kind: FakeAnswerKind, run: 1 | 2): LinkHealthStatus =>
  (({ ok: 'ok', 'not-affiliate': 'not-affiliate', gone: 'gone', timeout: 'error', 'rate-changes': run === 1 ? 'ok' : 'rate-changed' }) as const satisfies Record<FakeAnswerKind, LinkHealthStatus>)[kind];
