/**
 * What the link-health tests share: a fetch that never answers for chosen products (the client's
 * time budget then aborts it, as a real timeout would) and an API service over the local fake
 * Admitad API with a clock each call moves on, so the token buckets refill without waiting.
 */
import { createApiService } from '@/lib/api/service';
import type { ApiCredentials } from '@/lib/api/credentials';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';

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
