// @vitest-environment node
// Node's own fetch types (Response, ReadableStream), which the background runs with too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateCache, sleep, type FetchLike, type RateCacheDeps } from '../../../lib/background/rate-cache';
import type { StoredRateCache } from '../../../lib/rates/stored';
import { DEFAULT_RATE_TABLES, EMBEDDED_RATES_VERSION } from '../../../lib/rates/tables';
import { HOSTILE_FIXTURES, VALID_FIXTURE, readFixture } from '../rates/hostile-fixtures';

const URL_A = 'https://rates.example.com/sublink.json';
const GOOD = readFixture(VALID_FIXTURE);

/** A fake server: answers scripted per call, records what it was asked. */
function fakeFetch(...answers: ((init: RequestInit) => Promise<Response> | Response)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (!answer) throw new TypeError('no answer scripted');
    return answer(init);
  };
  return { fetch, calls };
}

const ok = (body: string, headers: Record<string, string> = {}) => () => new Response(body, { status: 200, headers });
const status = (code: number) => () => new Response(code === 304 ? null : 'error', { status: code });
/** A server that never answers; only the caller's abort ends the request. */
const hang = () => (init: RequestInit) =>
  new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

function memoryStorage(initial?: unknown) {
  let value: unknown = initial;
  return {
    storage: {
      get: async () => value,
      set: async (next: StoredRateCache) => {
        value = structuredClone(next);
      },
    },
    read: () => value as StoredRateCache | undefined,
  };
}

/** `sleep` on the fake clock, recording each backoff (timeouts pass a signal, backoffs do not). */
function recordingSleep() {
  const backoffs: number[] = [];
  return {
    backoffs,
    sleep: (ms: number, signal?: AbortSignal) => {
      if (!signal) backoffs.push(ms);
      return sleep(ms, signal);
    },
  };
}

function setup(fetch: FetchLike, options: Partial<RateCacheDeps> = {}, stored?: unknown) {
  const memory = memoryStorage(stored);
  const clock = recordingSleep();
  const cache = createRateCache({ fetch, storage: memory.storage, now: () => new Date(), sleep: clock.sleep, hasAccess: async () => true, ...options });
  return { cache, memory, backoffs: clock.backoffs };
}

/** Runs a refresh to its end on the fake clock. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return promise;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-06-01T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createRateCache', () => {
  it('starts on the embedded tables', async () => {
    const { cache } = setup(fakeFetch().fetch);
    const actual = await cache.load();
    expect(actual.tables).toEqual(DEFAULT_RATE_TABLES);
    expect(actual.status).toEqual({ source: 'embedded', url: null, version: EMBEDDED_RATES_VERSION, fetchedAt: null, checkedAt: null, lastError: null });
  });

  it('fetches, validates and stores a good table, merged over the embedded ones', async () => {
    const server = fakeFetch(ok(GOOD, { ETag: '"v1"' }));
    const { cache, memory } = setup(server.fetch);
    const status = await settle(cache.refresh(URL_A));
    expect(status).toEqual({
      source: 'remote',
      url: URL_A,
      version: 'team-2025-06',
      fetchedAt: '2025-06-01T10:00:00.000Z',
      checkedAt: '2025-06-01T10:00:00.000Z',
      lastError: null,
    });
    expect(memory.read()?.etag).toBe('"v1"');
    const { tables } = await cache.load();
    expect(tables.ww?.version).toBe('team-1');
    expect(tables['ru-cis-new']).toBe(DEFAULT_RATE_TABLES['ru-cis-new']);
    expect(server.calls[0]!.init).toMatchObject({ credentials: 'omit', headers: { Accept: 'application/json' } });
  });

  describe('timeout', () => {
    it('aborts a request that does not answer within timeoutMs and retries it', async () => {
      const server = fakeFetch(hang());
      const { cache } = setup(server.fetch, { timeoutMs: 5000, retries: 2, backoffMs: 1000 });
      const pending = cache.refresh(URL_A);
      await vi.advanceTimersByTimeAsync(4999);
      expect(server.calls).toHaveLength(1);
      expect(server.calls[0]!.init.signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(server.calls[0]!.init.signal?.aborted).toBe(true);
      const status = await settle(pending);
      expect(server.calls).toHaveLength(3);
      expect(status.lastError).toMatchObject({ code: 'timeout', path: null });
    });

    it('covers a body that trickles in too slowly', async () => {
      const slowBody = () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"schemaVersion":'));
            },
          }),
          { status: 200 },
        );
      const { cache } = setup(fakeFetch(slowBody).fetch, { timeoutMs: 5000, retries: 0 });
      const status = await settle(cache.refresh(URL_A));
      expect(status.lastError?.code).toBe('timeout');
    });

    it('does not fire after a fast answer', async () => {
      const { cache } = setup(fakeFetch(ok(GOOD)).fetch, { timeoutMs: 5000 });
      const status = await settle(cache.refresh(URL_A));
      expect(status.lastError).toBeNull();
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  describe('retries', () => {
    it.each([
      { retries: 0, expected: 1 },
      { retries: 1, expected: 2 },
      { retries: 3, expected: 4 },
    ])('makes retries + 1 attempts on 503 (retries $retries)', async ({ retries, expected }) => {
      const server = fakeFetch(status(503));
      const { cache } = setup(server.fetch, { retries });
      const actual = await settle(cache.refresh(URL_A));
      expect(server.calls).toHaveLength(expected);
      expect(actual.lastError).toMatchObject({ code: 'http', httpStatus: 503 });
    });

    it('backs off exponentially, bounded by maxBackoffMs', async () => {
      const { cache, backoffs } = setup(fakeFetch(status(500)).fetch, { retries: 5, backoffMs: 1000, maxBackoffMs: 5000 });
      await settle(cache.refresh(URL_A));
      expect(backoffs).toEqual([1000, 2000, 4000, 5000, 5000]);
    });

    it('bounds the retry count whatever is configured', async () => {
      const server = fakeFetch(status(500));
      const { cache } = setup(server.fetch, { retries: 1000 });
      await settle(cache.refresh(URL_A));
      expect(server.calls).toHaveLength(6);
    });

    it.each([
      { name: 'a network error', first: () => Promise.reject(new TypeError('Failed to fetch')) },
      { name: '429', first: status(429) },
      { name: '502', first: status(502) },
    ])('recovers from $name on the next attempt', async ({ first }) => {
      const server = fakeFetch(first, ok(GOOD));
      const { cache } = setup(server.fetch);
      const actual = await settle(cache.refresh(URL_A));
      expect(server.calls).toHaveLength(2);
      expect(actual).toMatchObject({ source: 'remote', lastError: null });
    });

    it.each([400, 401, 403, 404, 410])('does not retry %i', async (code) => {
      const server = fakeFetch(status(code));
      const { cache } = setup(server.fetch);
      const actual = await settle(cache.refresh(URL_A));
      expect(server.calls).toHaveLength(1);
      expect(actual.lastError).toMatchObject({ code: 'http', httpStatus: code });
    });

    it('does not retry a payload that fails validation (it would fail again)', async () => {
      const server = fakeFetch(ok(readFixture('negative-rate.json')));
      const { cache } = setup(server.fetch);
      await settle(cache.refresh(URL_A));
      expect(server.calls).toHaveLength(1);
    });
  });

  describe('ETag revalidation', () => {
    it('sends If-None-Match and keeps the table on 304', async () => {
      const server = fakeFetch(ok(GOOD, { ETag: '"v1"' }), status(304));
      const { cache, memory } = setup(server.fetch);
      await settle(cache.refresh(URL_A));
      const before = memory.read()!.bundle;
      vi.setSystemTime(new Date('2025-06-02T10:00:00Z'));
      const actual = await settle(cache.refresh(URL_A));
      expect(server.calls[1]!.init.headers).toMatchObject({ 'If-None-Match': '"v1"' });
      expect(actual).toMatchObject({ source: 'remote', fetchedAt: '2025-06-01T10:00:00.000Z', checkedAt: '2025-06-02T10:00:00.000Z', lastError: null });
      expect(memory.read()!.bundle).toEqual(before);
    });

    it('clears an earlier error when the server confirms the table', async () => {
      const server = fakeFetch(ok(GOOD, { ETag: '"v1"' }), status(404), status(304));
      const { cache } = setup(server.fetch);
      await settle(cache.refresh(URL_A));
      expect((await settle(cache.refresh(URL_A))).lastError?.code).toBe('http');
      expect((await settle(cache.refresh(URL_A))).lastError).toBeNull();
    });

    it('sends no If-None-Match for another URL', async () => {
      const server = fakeFetch(ok(GOOD, { ETag: '"v1"' }), ok(GOOD));
      const { cache } = setup(server.fetch);
      await settle(cache.refresh(URL_A));
      await settle(cache.refresh('https://other.example.com/rates.json'));
      expect(server.calls[1]!.init.headers).not.toHaveProperty('If-None-Match');
    });

    it('reports a 304 for which nothing is stored', async () => {
      const { cache } = setup(fakeFetch(status(304)).fetch);
      const actual = await settle(cache.refresh(URL_A));
      expect(actual).toMatchObject({ source: 'embedded', lastError: { code: 'unexpected304' } });
    });
  });

  describe('a bad payload never replaces the last good table', () => {
    it.each(HOSTILE_FIXTURES)('$file ($what): $code at $path', async ({ file, code, path }) => {
      const server = fakeFetch(ok(GOOD, { ETag: '"v1"' }), ok(readFixture(file)));
      const { cache, memory } = setup(server.fetch);
      await settle(cache.refresh(URL_A));
      const good = memory.read()!;
      const status = await settle(cache.refresh(URL_A));
      expect(status.lastError).toMatchObject({ code, path });
      expect(status).toMatchObject({ source: 'remote', version: 'team-2025-06' });
      expect(memory.read()!.bundle).toEqual(good.bundle);
      expect(memory.read()!.etag).toBe('"v1"');
      const { tables } = await cache.load();
      expect(tables.ww?.version).toBe('team-1');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('keeps the embedded tables when the first payload is bad', async () => {
      const { cache } = setup(fakeFetch(ok(readFixture('rate-over-100.json'))).fetch);
      const status = await settle(cache.refresh(URL_A));
      expect(status).toMatchObject({ source: 'embedded', version: EMBEDDED_RATES_VERSION, lastError: { code: 'invalid', path: 'tables.ww.rates.0.rate.max' } });
      expect((await cache.load()).tables).toEqual(DEFAULT_RATE_TABLES);
    });

    it('refuses a body larger than maxBytes, declared or not', async () => {
      const big = GOOD.padEnd(4096, ' ');
      const withLength = () => new Response(big, { status: 200, headers: { 'Content-Length': String(big.length) } });
      const streamed = () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (let i = 0; i < 8; i += 1) controller.enqueue(new TextEncoder().encode(big.slice(i * 512, (i + 1) * 512)));
              controller.close();
            },
          }),
          { status: 200 },
        );
      for (const answer of [withLength, streamed]) {
        const { cache } = setup(fakeFetch(answer).fetch, { maxBytes: 3000 });
        const actual = await settle(cache.refresh(URL_A));
        expect(actual.lastError?.code).toBe('tooLarge');
      }
    });

    it('refuses bytes that are not UTF-8', async () => {
      const { cache } = setup(fakeFetch(() => new Response(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), { status: 200 })).fetch);
      const actual = await settle(cache.refresh(URL_A));
      expect(actual.lastError?.code).toBe('notJson');
    });

    it.each([
      { name: 'plain http', url: 'http://rates.example.com/t.json' },
      { name: 'a file URL', url: 'file:///etc/passwd' },
      { name: 'credentials in the URL', url: 'https://user:secret@rates.example.com/t.json' },
      { name: 'not a URL', url: 'rates.json' },
    ])('refuses $name without fetching', async ({ url }) => {
      const server = fakeFetch(ok(GOOD));
      const { cache } = setup(server.fetch);
      const actual = await settle(cache.refresh(url));
      expect(server.calls).toHaveLength(0);
      expect(actual.lastError?.code).toBe('badUrl');
    });

    it('allows http on localhost, for a team testing its table', async () => {
      const { cache } = setup(fakeFetch(ok(GOOD)).fetch);
      const actual = await settle(cache.refresh('http://localhost:8080/rates.json'));
      expect(actual.lastError).toBeNull();
    });
  });

  describe('access to the table\'s origin', () => {
    it('fetches nothing without access, says why, and keeps the last good table', async () => {
      const good = setup(fakeFetch(ok(GOOD)).fetch);
      await settle(good.cache.refresh(URL_A));
      const server = fakeFetch(ok(GOOD));
      const { cache } = setup(server.fetch, { hasAccess: async () => false }, good.memory.read());
      const actual = await settle(cache.refresh(URL_A));
      expect(server.calls).toHaveLength(0);
      expect(actual.lastError).toMatchObject({ code: 'noAccess' });
      expect(actual.lastError?.message).toContain('https://rates.example.com');
      expect((await cache.load()).status.source).toBe('remote');
    });

    it('asks before every attempt: access revoked between retries stops the retries', async () => {
      const server = fakeFetch(status(503), status(503), ok(GOOD));
      let asked = 0;
      const { cache } = setup(server.fetch, { hasAccess: async () => ++asked === 1 });
      const actual = await settle(cache.refresh(URL_A));
      expect(server.calls).toHaveLength(1);
      expect(actual.lastError).toMatchObject({ code: 'noAccess' });
    });
  });

  describe('storage', () => {
    it('reports an unreadable stored cache and uses the embedded tables', async () => {
      const { cache } = setup(fakeFetch().fetch, {}, { v: 1, url: URL_A, bundle: { schemaVersion: 1, tables: 'x' } });
      const actual = await cache.load();
      expect(actual.tables).toEqual(DEFAULT_RATE_TABLES);
      expect(actual.status.lastError).toMatchObject({ code: 'storedInvalid' });
    });

    it('reports a failed write and never throws', async () => {
      const cache = createRateCache({
        fetch: fakeFetch(ok(GOOD)).fetch,
        storage: { get: async () => undefined, set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) },
        now: () => new Date(),
        sleep,
        hasAccess: async () => true,
      });
      const actual = await settle(cache.refresh(URL_A));
      expect(actual.lastError).toMatchObject({ code: 'storage', message: 'QUOTA_BYTES quota exceeded' });
    });

    it('clear() goes back to the embedded tables', async () => {
      const { cache } = setup(fakeFetch(ok(GOOD)).fetch);
      await settle(cache.refresh(URL_A));
      const actual = await cache.clear();
      expect(actual).toMatchObject({ source: 'embedded', url: null, lastError: null });
      expect((await cache.load()).tables).toEqual(DEFAULT_RATE_TABLES);
    });
  });

  it('shares one request between overlapping refreshes of the same URL', async () => {
    const server = fakeFetch(ok(GOOD));
    const { cache } = setup(server.fetch);
    const [first, second] = await settle(Promise.all([cache.refresh(URL_A), cache.refresh(URL_A)]));
    expect(server.calls).toHaveLength(1);
    expect(second).toEqual(first);
  });
});
