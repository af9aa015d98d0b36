// Plumbing shared by the fake API servers: listening on loopback (plain HTTP or TLS with the
// test-only certificate), reading bodies, and the misbehaviours every fake can be told to show.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { fileURLToPath } from 'node:url';

const tlsDir = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));

/** Misbehaviours common to both fakes; each fake adds the errors of its own API. */
export const GARBAGE_MODES = ['slow', 'invalid-json', 'html', 'truncated', 'connection-reset', 'http-500', 'empty'];

/** How long `slow` waits when no `delayMs` is given: longer than any client timeout in use. */
export const DEFAULT_SLOW_MS = 10_000;

/** `behaviour` as a mode name or `{ mode, delayMs }`, normalised and checked against the fake's modes. */
export function normaliseBehaviour(input, modes) {
  const behaviour = typeof input === 'string' ? { mode: input } : { ...input };
  if (!modes.includes(behaviour.mode)) {
    throw new Error(`unknown behaviour "${behaviour.mode}"; expected one of: ${modes.join(', ')}`);
  }
  if (behaviour.delayMs !== undefined && !(Number.isFinite(behaviour.delayMs) && behaviour.delayMs >= 0)) {
    throw new Error('delayMs must be a number of milliseconds');
  }
  return Object.freeze(behaviour);
}

/**
 * Starts `handler` on loopback. `tls: true` serves HTTPS with tests/fixtures/tls (its names
 * cover *.aliexpress.com; browsers under test run with --ignore-certificate-errors anyway).
 * Returns the port, the origin, and a close() that also ends pending slow answers.
 */
export async function listen({ port = 0, host = '127.0.0.1', tls = false }, handler) {
  const timers = new Set();
  const later = (ms, fn) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const onRequest = (req, res) => {
    handler(req, res, later).catch((error) => {
      if (!res.headersSent) sendText(res, 500, 'text/plain', `fake server error: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  };
  const tlsOptions = tls === true ? { key: readFileSync(`${tlsDir}key.pem`), cert: readFileSync(`${tlsDir}cert.pem`) } : tls || undefined;
  const server = tlsOptions ? createHttpsServer(tlsOptions, onRequest) : createHttpServer(onRequest);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the fake server has no port');
  const scheme = tlsOptions ? 'https' : 'http';
  return {
    port: address.port,
    origin: `${scheme}://${host}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(req, limit = 1024 * 1024) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendText(res, status, contentType, text, headers = {}) {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

export function sendJson(res, status, body, headers = {}) {
  sendText(res, status, 'application/json;charset=UTF-8', JSON.stringify(body), headers);
}

/**
 * Answers with one of the garbage modes instead of `validBody` (the answer the request would
 * otherwise get). Returns false for modes that are not garbage, so the caller answers normally.
 */
export function sendGarbage(res, mode, validBody) {
  const text = JSON.stringify(validBody);
  switch (mode) {
    case 'invalid-json':
      sendText(res, 200, 'application/json;charset=UTF-8', `${text.slice(0, -1)},,}`);
      return true;
    case 'html':
      sendText(res, 200, 'text/html; charset=utf-8', '<!doctype html><html><head><title>Service maintenance</title></head><body><h1>We will be back soon</h1></body></html>');
      return true;
    case 'truncated':
      // A complete HTTP answer whose JSON stops half way.
      sendText(res, 200, 'application/json;charset=UTF-8', text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      return true;
    case 'connection-reset': {
      // Promises the whole body, sends half, then drops the connection.
      res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      setImmediate(() => res.socket?.destroy());
      return true;
    }
    case 'http-500':
      sendText(res, 500, 'text/plain', 'Internal Server Error');
      return true;
    case 'empty':
      sendText(res, 200, 'application/json;charset=UTF-8', '');
      return true;
    default:
      return false;
  }
}

/**
 * What every fake exposes to control it: the behaviour (validated against `modes`), switchable at
 * once, and the requests it received. Each fake adds its server's fields to this object.
 */
export function createFakeControl(initial, modes) {
  let behaviour = normaliseBehaviour(initial, modes);
  const requests = [];
  return {
    get behaviour() {
      return behaviour;
    },
    setBehaviour(next) {
      behaviour = normaliseBehaviour(next, modes);
    },
    requests,
    clearRequests() {
      requests.length = 0;
    },
  };
}

/**
 * The control endpoints every fake serves beside its API, for scripts and e2e tests in another
 * process: `POST /__fake__/behaviour` with `{"mode": "...", "delayMs": 0}`, `GET /__fake__/requests`,
 * `DELETE /__fake__/requests`. Returns true when the request was one of them.
 */
export async function handleControl(req, res, url, fake) {
  if (!url.pathname.startsWith('/__fake__/')) return false;
  if (url.pathname === '/__fake__/behaviour' && req.method === 'POST') {
    try {
      fake.setBehaviour(JSON.parse(await readBody(req)));
      sendJson(res, 200, { behaviour: fake.behaviour });
    } catch (error) {
      sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
    }
    return true;
  }
  if (url.pathname === '/__fake__/behaviour' && req.method === 'GET') {
    sendJson(res, 200, { behaviour: fake.behaviour });
    return true;
  }
  if (url.pathname === '/__fake__/requests' && req.method === 'GET') {
    sendJson(res, 200, { requests: fake.requests });
    return true;
  }
  if (url.pathname === '/__fake__/requests' && req.method === 'DELETE') {
    fake.clearRequests();
    sendJson(res, 200, { requests: [] });
    return true;
  }
  sendJson(res, 404, { error: 'unknown control endpoint' });
  return true;
}
