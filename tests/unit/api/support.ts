// Shared by the API client tests: a settable clock and the fakes started on loopback.
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  FAKE_ADMITAD_CREDENTIALS,
  FAKE_ALIEXPRESS_CREDENTIALS,
  startFakeAdmitadApi,
  startFakeAliExpressApi,
  type FakeAdmitadApi,
  type FakeAliExpressApi,
} from '../../fakes/index.mjs';
import { createAdmitadClient, type AdmitadClientOptions } from '../../../lib/api/admitad';
import { createAliExpressClient, type AliExpressClientOptions } from '../../../lib/api/aliexpress';

export interface TestClock {
  (): number;
  advance(ms: number): void;
  set(at: number): void;
}

/** A clock that moves only when told to; starts at the real time so the fakes' windows agree. */
export function createClock(start = Date.now()): TestClock {
  let at = start;
  const clock = (() => at) as TestClock;
  clock.advance = (ms) => {
    at += ms;
  };
  clock.set = (next) => {
    at = next;
  };
  return clock;
}

/** Node's own fetch: the clients talk real HTTP to the fakes. */
export const nodeFetch: typeof fetch = (input, init) => fetch(input, init);

/**
 * Starts one fake AliExpress gateway for the file, on the given clock, reset to `ok` with no
 * recorded requests after each test.
 */
export function useFakeAliExpress(clock: TestClock): { readonly api: FakeAliExpressApi; client(overrides?: Partial<AliExpressClientOptions>): ReturnType<typeof createAliExpressClient> } {
  let api: FakeAliExpressApi | undefined;
  beforeAll(async () => {
    api = await startFakeAliExpressApi({ now: clock });
  });
  afterEach(() => {
    api?.setBehaviour('ok');
    api?.clearRequests();
  });
  afterAll(async () => {
    await api?.close();
  });
  return {
    get api() {
      if (!api) throw new Error('the fake AliExpress API has not started');
      return api;
    },
    client(overrides = {}) {
      if (!api) throw new Error('the fake AliExpress API has not started');
      return createAliExpressClient({ fetch: nodeFetch, now: clock, credentials: FAKE_ALIEXPRESS_CREDENTIALS, timeoutMs: 2000, baseUrl: api.url, ...overrides });
    },
  };
}

export function useFakeAdmitad(clock: TestClock, tokenLifetimeSeconds?: number): { readonly api: FakeAdmitadApi; client(overrides?: Partial<AdmitadClientOptions>): ReturnType<typeof createAdmitadClient> } {
  let api: FakeAdmitadApi | undefined;
  beforeAll(async () => {
    api = await startFakeAdmitadApi({ now: clock, ...(tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds }) });
  });
  afterEach(() => {
    api?.setBehaviour('ok');
    api?.clearRequests();
    api?.revokeTokens();
  });
  afterAll(async () => {
    await api?.close();
  });
  return {
    get api() {
      if (!api) throw new Error('the fake Admitad API has not started');
      return api;
    },
    client(overrides = {}) {
      if (!api) throw new Error('the fake Admitad API has not started');
      return createAdmitadClient({ fetch: nodeFetch, now: clock, credentials: FAKE_ADMITAD_CREDENTIALS, timeoutMs: 2000, baseUrl: api.url, ...overrides });
    },
  };
}

/** A fetch that answers every request with `body`, for shapes the fakes do not produce. */
export function answering(body: unknown, status = 200, contentType = 'application/json'): typeof fetch {
  return async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}
