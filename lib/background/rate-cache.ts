/**
 * The optional remote rate table (a publisher's or their team's URL), kept by the background.
 * Each refresh: a timeout per attempt, bounded retries with exponential backoff, ETag
 * revalidation, a size limit, and the zod schema (docs/architecture.md, 'Hard rules' 5). A payload that is
 * unreachable, too large, not JSON or invalid never replaces the last good bundle; the status
 * says what went wrong and, for a schema rejection, the exact field path.
 *
 * Background only (it imports zod). The popup reads what this stores via ./stored.ts.
 */
import { z } from 'zod';
import { describeZodError, rateBundleSchema } from '../rates/schema';
import {
  EMPTY_RATE_CACHE,
  RATE_CACHE_ERROR_CODES,
  mergeRateTables,
  type RateCacheError,
  type RateCacheErrorCode,
  type StoredRateCache,
} from '../rates/stored';
import { DEFAULT_RATE_TABLES, EMBEDDED_RATES_VERSION } from '../rates/tables';
import type { RateTables } from '../rates/types';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface RateCacheDeps {
  readonly fetch: FetchLike;
  /**
   * Whether the user still grants access to the table's origin (`permissions.contains`). Asked
   * before every request: access is granted when the URL is saved and may be revoked at any time
   * in the browser's extension settings, and a CORS-enabled server would answer without it.
   */
  readonly hasAccess: (url: string) => Promise<boolean>;
  /** The one stored item (`local:rateCache`); `get` resolves undefined when nothing is stored. */
  readonly storage: { get(): Promise<unknown>; set(value: StoredRateCache): Promise<void> };
  readonly now: () => Date;
  /** Resolves after `ms`; rejects or never resolves once `signal` aborts. See `sleep` below. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Per attempt, covering the response body too. */
  readonly timeoutMs?: number;
  /** Attempts after the first one, for timeouts, network errors, 408, 429 and 5xx. */
  readonly retries?: number;
  /** First backoff; doubles each retry up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Largest body accepted, in bytes: the embedded tables are about a tenth of the default. */
  readonly maxBytes?: number;
  readonly defaults?: RateTables;
}

export interface RateCacheStatus {
  readonly source: 'embedded' | 'remote';
  readonly url: string | null;
  readonly version: string;
  readonly fetchedAt: string | null;
  readonly checkedAt: string | null;
  readonly lastError: RateCacheError | null;
}

export interface RateCache {
  /** Fetches `url` (revalidating what is stored for it), validates and stores. Never throws. */
  refresh(url: string): Promise<RateCacheStatus>;
  /** The tables to use (remote over embedded) and the status, from storage. Never throws. */
  load(): Promise<{ tables: RateTables; status: RateCacheStatus }>;
  /** Forgets the remote table (the user removed the URL): back to the embedded tables. */
  clear(): Promise<RateCacheStatus>;
}

export const RATE_CACHE_DEFAULTS = {
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
  maxBytes: 512 * 1024,
} as const;

const MAX_RETRIES = 5;

/** The real `sleep`: a timer that is cleared, and rejects, when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const id = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(id);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

const storedRateCacheSchema = z.strictObject({
  v: z.literal(1),
  url: z.string().max(2048).nullable(),
  etag: z.string().max(1024).nullable(),
  bundle: rateBundleSchema.nullable(),
  fetchedAt: z.string().max(40).nullable(),
  checkedAt: z.string().max(40).nullable(),
  lastError: z
    .strictObject({
      code: z.enum(RATE_CACHE_ERROR_CODES),
      message: z.string().max(2000),
      path: z.string().max(2000).nullable(),
      httpStatus: z.number().int().optional(),
      at: z.string().max(40),
    })
    .nullable(),
});

/** An attempt's failure: what to tell the user, and whether trying again could help. */
class AttemptFailure extends Error {
  constructor(
    readonly code: RateCacheErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly httpStatus?: number,
    readonly path: string | null = null,
  ) {
    super(message);
  }
}

type Fetched = { readonly kind: 'body'; readonly text: string; readonly etag: string | null } | { readonly kind: 'notModified' };

/** https only (plus http on localhost, for a team testing its own table); no credentials in the URL. */
function checkUrl(url: string): AttemptFailure | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new AttemptFailure('badUrl', 'not a URL', false);
  }
  const local = parsed.protocol === 'http:' && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1');
  if (parsed.protocol !== 'https:' && !local) return new AttemptFailure('badUrl', 'the rate-table URL must use https', false);
  if (parsed.username || parsed.password) return new AttemptFailure('badUrl', 'the rate-table URL must not contain a user name or password', false);
  if (url.length > 2048) return new AttemptFailure('badUrl', 'the rate-table URL is too long', false);
  return null;
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () => new AttemptFailure('tooLarge', `the rate table is larger than ${maxBytes} bytes`, false);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Uint8Array) => {
    try {
      return decoder.decode(bytes);
    } catch {
      throw new AttemptFailure('notJson', 'the rate table is not UTF-8 text', false);
    }
  };
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge();
    return decode(bytes);
  }
  // Streamed so a server that lies about (or omits) Content-Length cannot make us hold more.
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decode(bytes);
}

export function createRateCache(deps: RateCacheDeps): RateCache {
  const timeoutMs = deps.timeoutMs ?? RATE_CACHE_DEFAULTS.timeoutMs;
  const retries = Math.max(0, Math.min(MAX_RETRIES, Math.floor(deps.retries ?? RATE_CACHE_DEFAULTS.retries)));
  const backoffMs = deps.backoffMs ?? RATE_CACHE_DEFAULTS.backoffMs;
  const maxBackoffMs = deps.maxBackoffMs ?? RATE_CACHE_DEFAULTS.maxBackoffMs;
  const maxBytes = deps.maxBytes ?? RATE_CACHE_DEFAULTS.maxBytes;
  const defaults = deps.defaults ?? DEFAULT_RATE_TABLES;
  const stamp = () => deps.now().toISOString();
  let inFlight: { readonly url: string; readonly done: Promise<RateCacheStatus> } | null = null;

  const statusOf = (stored: StoredRateCache, lastError = stored.lastError): RateCacheStatus => ({
    source: stored.bundle ? 'remote' : 'embedded',
    url: stored.url,
    version: stored.bundle?.version ?? EMBEDDED_RATES_VERSION,
    fetchedAt: stored.fetchedAt,
    checkedAt: stored.checkedAt,
    lastError,
  });

  async function readStored(): Promise<{ stored: StoredRateCache; problem: RateCacheError | null }> {
    let raw: unknown;
    try {
      raw = await deps.storage.get();
    } catch (error) {
      return { stored: EMPTY_RATE_CACHE, problem: { code: 'storage', message: String(error), path: null, at: stamp() } };
    }
    if (raw === undefined || raw === null) return { stored: EMPTY_RATE_CACHE, problem: null };
    const parsed = storedRateCacheSchema.safeParse(raw);
    if (parsed.success) return { stored: parsed.data, problem: null };
    const { path, message } = describeZodError(parsed.error);
    return { stored: EMPTY_RATE_CACHE, problem: { code: 'storedInvalid', message, path, at: stamp() } };
  }

  async function write(next: StoredRateCache): Promise<RateCacheStatus> {
    try {
      await deps.storage.set(next);
      return statusOf(next);
    } catch (error) {
      return statusOf(next, { code: 'storage', message: error instanceof Error ? error.message : String(error), path: null, at: stamp() });
    }
  }

  /** One request, raced against the timeout (which also covers reading the body). */
  async function attempt(url: string, etag: string | null): Promise<Fetched> {
    const request = new AbortController();
    const timer = new AbortController();
    const timeout = deps.sleep(timeoutMs, timer.signal).then(() => {
      request.abort();
      throw new AttemptFailure('timeout', `no answer within ${timeoutMs} ms`, true);
    });
    const run = async (): Promise<Fetched> => {
      let response: Response;
      try {
        response = await deps.fetch(url, {
          signal: request.signal,
          headers: { Accept: 'application/json', ...(etag ? { 'If-None-Match': etag } : {}) },
          credentials: 'omit',
          cache: 'no-cache',
          redirect: 'follow',
        });
      } catch (error) {
        throw new AttemptFailure('network', error instanceof Error ? error.message : String(error), true);
      }
      if (response.status === 304) return { kind: 'notModified' };
      if (!response.ok) {
        const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
        throw new AttemptFailure('http', `the server answered ${response.status}`, retryable, response.status);
      }
      return { kind: 'body', text: await readLimited(response, maxBytes), etag: response.headers.get('etag') };
    };
    try {
      return await Promise.race([run(), timeout]);
    } finally {
      timer.abort();
    }
  }

  async function fetchWithRetries(url: string, etag: string | null): Promise<Fetched> {
    for (let retry = 0; ; retry += 1) {
      if (!(await deps.hasAccess(url).catch(() => false))) {
        throw new AttemptFailure('noAccess', `no access to ${new URL(url).origin}: it was not granted or was revoked`, false);
      }
      try {
        return await attempt(url, etag);
      } catch (error) {
        const failure = error instanceof AttemptFailure ? error : new AttemptFailure('network', String(error), true);
        if (!failure.retryable || retry >= retries) throw failure;
      }
      await deps.sleep(Math.min(maxBackoffMs, backoffMs * 2 ** retry));
    }
  }

  function validate(text: string): NonNullable<StoredRateCache['bundle']> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new AttemptFailure('notJson', error instanceof Error ? error.message : 'not JSON', false);
    }
    const parsed = rateBundleSchema.safeParse(json);
    if (!parsed.success) {
      const problem = describeZodError(parsed.error);
      const more = problem.count > 1 ? ` (and ${problem.count - 1} more)` : '';
      throw new AttemptFailure('invalid', `${problem.message}${more}`, false, undefined, problem.path);
    }
    return parsed.data;
  }

  async function refreshNow(url: string): Promise<RateCacheStatus> {
    const { stored } = await readStored();
    const badUrl = checkUrl(url);
    const sameUrl = stored.url === url && stored.bundle !== null;
    try {
      if (badUrl) throw badUrl;
      const fetched = await fetchWithRetries(url, sameUrl ? stored.etag : null);
      const at = stamp();
      if (fetched.kind === 'notModified') {
        if (!sameUrl) throw new AttemptFailure('unexpected304', 'the server answered 304 but no table from it is stored', false, 304);
        return await write({ ...stored, checkedAt: at, lastError: null });
      }
      const bundle = validate(fetched.text);
      return await write({ v: 1, url, etag: fetched.etag, bundle, fetchedAt: at, checkedAt: at, lastError: null });
    } catch (error) {
      const failure = error instanceof AttemptFailure ? error : new AttemptFailure('network', String(error), false);
      const lastError: RateCacheError = {
        code: failure.code,
        message: failure.message,
        path: failure.path,
        ...(failure.httpStatus === undefined ? {} : { httpStatus: failure.httpStatus }),
        at: stamp(),
      };
      // The last good bundle stays, whichever URL it came from.
      return await write({ ...stored, lastError });
    }
  }

  return {
    refresh(url) {
      // One refresh at a time: an alarm and a click on "refresh now" for the same URL share one
      // request; a different URL waits its turn, so two writes never interleave.
      if (inFlight && inFlight.url === url) return inFlight.done;
      const previous = inFlight?.done ?? Promise.resolve();
      const done = previous.then(() => refreshNow(url));
      const entry = { url, done };
      inFlight = entry;
      void done.finally(() => {
        if (inFlight === entry) inFlight = null;
      });
      return done;
    },
    async load() {
      const { stored, problem } = await readStored();
      return { tables: mergeRateTables(defaults, stored.bundle), status: statusOf(stored, problem ?? stored.lastError) };
    },
    async clear() {
      return write(EMPTY_RATE_CACHE);
    },
  };
}
