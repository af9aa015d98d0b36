import { fail, ok, type ApiResult } from './result';
import type { RateLimiter } from './rate-limit';

/** The subset of `fetch` the clients use, so tests and the background can pass their own. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What every client factory takes: injected, so the clients run against fakes in tests. */
export interface ClientDeps {
  readonly fetch: FetchLike;
  /** Milliseconds since the epoch: request timestamps, token expiry, cache age. */
  readonly now: () => number;
  /** Whole-exchange budget: connecting, waiting and reading the body (a rate-limiter wait, at most its `maxWaitMs`, comes before it). */
  readonly timeoutMs: number;
  /**
   * Shared by every client of one API (one bucket per API in the background). Without one, the
   * client makes its own with the API's default rate, which only limits that client's calls.
   */
  readonly rateLimiter?: RateLimiter;
}

export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** Larger answers are refused rather than parsed: no documented answer comes near this. */
const MAX_BODY_CHARS = 4 * 1024 * 1024;

/**
 * One HTTP exchange under the client's rate limit and time budget. Never throws; the only
 * failures it reports are the transport's own (rate-limited locally, timeout, network); what
 * the body means is the client's business. `secrets` are removed from every message.
 */
export async function sendRequest(deps: ClientDeps, request: HttpRequest, secrets: readonly string[], apiName: string): Promise<ApiResult<HttpAnswer>> {
  if (deps.rateLimiter && !(await deps.rateLimiter.acquire())) {
    return fail('rate-limited', `${apiName}: too many requests in a short time; try again in a moment`, secrets, 'local-rate-limit');
  }
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced as well as aborted: a fetch that ignores its signal must not hold the popup either.
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, deps.timeoutMs);
  });
  const exchange = (async (): Promise<ApiResult<HttpAnswer>> => {
    try {
      const init: RequestInit = { method: request.method, signal: controller.signal, redirect: 'error', credentials: 'omit', cache: 'no-store' };
      if (request.headers) init.headers = { ...request.headers };
      if (request.body !== undefined) init.body = request.body;
      // Called detached: the browser's fetch refuses `this` = the options object ("Illegal invocation").
      const { fetch: send } = deps;
      const response = await send(request.url, init);
      const text = await response.text();
      if (text.length > MAX_BODY_CHARS) return fail('bad-response', `${apiName}: the answer is too large (${text.length} characters)`, secrets);
      return ok({ status: response.status, contentType: response.headers.get('content-type') ?? '', text });
    } catch (error) {
      // The error's own text can hold the URL; it is redacted, and names only the failure.
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return fail('network', `${apiName}: the request failed (${reason})`, secrets);
    }
  })();
  try {
    const outcome = await Promise.race([exchange, timeout]);
    if (outcome === 'timeout' || controller.signal.aborted) return fail('timeout', `${apiName}: no answer within ${deps.timeoutMs} ms`, secrets);
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}

/** Parses a JSON body; HTML (a proxy or captive portal page) and cut-off text are reported as such. */
export function parseJsonBody(answer: HttpAnswer, apiName: string, secrets: readonly string[]): ApiResult<unknown> {
  const text = answer.text.trim();
  if (text === '') return fail('bad-response', `${apiName}: the answer is empty (HTTP ${answer.status})`, secrets);
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    const looksHtml = /^<(?:!doctype|html|head|body)\b/i.test(text) || /text\/html/i.test(answer.contentType);
    const what = looksHtml ? 'an HTML page, not JSON' : 'not valid JSON (cut off or garbled)';
    return fail('bad-response', `${apiName}: the answer is ${what} (HTTP ${answer.status})`, secrets);
  }
}
