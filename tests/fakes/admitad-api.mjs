// A local stand-in for the Admitad publisher API (`https://api.admitad.com`), implementing the
// documented wire format and its checks:
// - `POST /token/`: HTTP Basic base64(client_id:client_secret), form body grant_type=client_credentials,
//   client_id and a space-separated scope; answers the documented token fields
//   (https://developers.admitad.com/knowledge-base/article/client-authorization_2,
//   https://developers.admitad.com/knowledge-base/article/access_token-refresh_2);
// - every other endpoint: `Authorization: Bearer <token>` with an unexpired token holding the
//   method's scope; refusals in the documented error shape, `{"error_description": …,
//   "error_code": …, "error": "invalid_token"}`, 401/403, and 503 with error_code 4 past the rate
//   limit (https://developers.admitad.com/knowledge-base/article/help-on-api-response-codes_2);
// - `GET /deeplink/{w_id}/advcampaign/{c_id}/` (ulp, subid..subid4; deeplink-generator_1),
//   `POST /aliexpress/commission_rates/` (aliexpress_1), `GET /validate_links/` (checking-links_1).
// Answers come from tests/fakes/catalog.mjs; behaviours switch it to errors, slowness or garbage.
import { createHash, randomBytes } from 'node:crypto';
import { FAKE_ADMITAD_CREDENTIALS, FAKE_PRODUCTS, productIdOf } from './catalog.mjs';
import { createFakeControl, DEFAULT_SLOW_MS, GARBAGE_MODES, handleControl, listen, readBody, sendGarbage, sendJson } from './shared.mjs';

export const ADMITAD_MODES = [
  'ok',
  // The deeplink generator flags every AliExpress product as non-affiliate.
  'not-affiliate',
  // The token endpoint refuses the client credentials.
  'invalid-client',
  // Every API call refuses its token, even a fresh one.
  'invalid-token',
  'insufficient-scope',
  'rate-limited',
  'wrong-shape',
  'echo-secret',
  ...GARBAGE_MODES,
];

/** The scopes the fake grants; the methods below need the first three. */
export const ADMITAD_KNOWN_SCOPES = ['deeplink_generator', 'aliexpress_commission', 'validate_links', 'advcampaigns', 'advcampaigns_for_website', 'websites', 'banners', 'statistics', 'broken_links'];

/** Deeplink generator limits: subid..subid3 at most 50 characters, subid4 at most 120 (deeplink-generator_1). */
const SUBID_LIMITS = { subid: 50, subid1: 50, subid2: 50, subid3: 50, subid4: 120 };

const invalidToken = (code, description) => ({ error_description: description, error_code: code, error: 'invalid_token' });

/**
 * Starts the fake Admitad API. `behaviour` is a mode from ADMITAD_MODES or `{ mode, delayMs }`;
 * `now` is the fake's clock for token expiry; `tokenLifetimeSeconds` the `expires_in` it grants.
 */
export async function startFakeAdmitadApi(options = {}) {
  const {
    port = 0,
    host = '127.0.0.1',
    tls = false,
    clientId = FAKE_ADMITAD_CREDENTIALS.clientId,
    clientSecret = FAKE_ADMITAD_CREDENTIALS.clientSecret,
    products = FAKE_PRODUCTS,
    now = Date.now,
    tokenLifetimeSeconds = 604800,
  } = options;
  const fake = createFakeControl(options.behaviour ?? 'ok', ADMITAD_MODES);
  const { requests } = fake;
  /** token -> { expiresAt, scopes } */
  const tokens = new Map();

  const server = await listen({ port, host, tls }, async (req, res, later) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    if (await handleControl(req, res, url, fake)) return;
    const body = req.method === 'POST' ? await readBody(req) : '';
    const current = fake.behaviour;
    const record = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body, at: now(), behaviour: current.mode };
    requests.push(record);

    const respond = () => {
      const { status, json, headers } = route(req, url, body, current.mode);
      record.status = status;
      if (sendGarbage(res, current.mode, json)) return;
      sendJson(res, status, json, headers);
    };
    if (current.mode === 'slow') later(current.delayMs ?? DEFAULT_SLOW_MS, respond);
    else respond();
  });

  function route(req, url, body, mode) {
    if (url.pathname === '/token/' && req.method === 'POST') return issueToken(req, body, mode);

    const scope = scopeFor(req.method, url.pathname);
    if (!scope) return { status: 404, json: { detail: 'Not found.' } };
    const auth = authorise(req, scope, mode);
    if (auth) return auth;
    // Status and error_code 4 as documented; the `error` name is the fake's own (the page gives none).
    if (mode === 'rate-limited') return { status: 503, json: { error: 'rate_limit_exceeded', error_description: 'The maximum number of requests for the period expired', error_code: 4 } };
    if (mode === 'wrong-shape') return { status: 200, json: { results: 'not what the documentation says' } };

    if (scope === 'deeplink_generator') return deeplink(url, mode);
    if (scope === 'aliexpress_commission') return commissionRates(body);
    return validateLink(url, mode);
  }

  function issueToken(req, body, mode) {
    const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;
    const form = new URLSearchParams(body);
    const refuse = (description) => ({ status: 401, json: { error: 'invalid_client', error_description: description } });
    if (mode === 'invalid-client') return refuse('Client authentication failed.');
    if (mode === 'echo-secret') return refuse(`Client authentication failed for header ${req.headers.authorization} (secret ${clientSecret})`);
    if (req.headers.authorization !== expected) return refuse('Client authentication failed.');
    if (form.get('grant_type') !== 'client_credentials') return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'Use grant_type=client_credentials.' } };
    if (form.get('client_id') !== clientId) return refuse('The client_id does not match the credentials.');
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    if (scopes.length === 0 || scopes.some((scope) => !ADMITAD_KNOWN_SCOPES.includes(scope))) {
      return { status: 400, json: { error: 'invalid_scope', error_description: 'The requested scope is invalid or unknown.' } };
    }
    const token = randomBytes(15).toString('hex');
    tokens.set(token, { expiresAt: now() + tokenLifetimeSeconds * 1000, scopes });
    return {
      status: 200,
      json: {
        username: 'webmaster1',
        first_name: 'name',
        last_name: 'surname',
        language: 'en',
        access_token: token,
        token_type: 'bearer',
        expires_in: tokenLifetimeSeconds,
        refresh_token: randomBytes(5).toString('hex'),
        scope: scopes.join(' '),
        group: 'webmaster',
      },
    };
  }

  /** Undefined when the bearer token may call a method needing `scope`, else the refusal. */
  function authorise(req, scope, mode) {
    const header = req.headers.authorization ?? '';
    const challenge = (description) => ({ 'www-authenticate': `Bearer realm="", error="invalid_token", error_description="${description}"` });
    if (mode === 'echo-secret') return { status: 401, json: invalidToken(1, `Token ${header} doesn't exist (client secret ${clientSecret})`) };
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    const grant = token === undefined ? undefined : tokens.get(token);
    if (!grant || mode === 'invalid-token') return { status: 401, json: invalidToken(1, "Token doesn't exist"), headers: challenge("Token doesn't exist") };
    if (now() >= grant.expiresAt) return { status: 401, json: invalidToken(0, 'The token expired'), headers: challenge('The token expired') };
    if (!grant.scopes.includes(scope) || mode === 'insufficient-scope') {
      return { status: 403, json: { error: 'insufficient_scope', error_description: 'The key has no sufficient access rights for performing the operation', error_code: 2 } };
    }
    return undefined;
  }

  function deeplink(url, mode) {
    const ulps = url.searchParams.getAll('ulp');
    if (ulps.length === 0 || ulps.length > 200) return { status: 400, json: { error: 'invalid_request', error_description: 'Give 1 to 200 ulp values.', error_code: 3 } };
    const match = /^\/deeplink\/(\d+)\/advcampaign\/(\d+)\/$/.exec(url.pathname);
    const code = createHash('sha256').update(`${match[1]}/${match[2]}`).digest('hex').slice(0, 30);
    const subIds = [];
    for (const [key, max] of Object.entries(SUBID_LIMITS)) {
      const value = url.searchParams.get(key);
      if (value === null) continue;
      if ([...value].length > max || value.includes('%00')) return { status: 400, json: { error: 'invalid_request', error_description: `${key}: at most ${max} characters, no %00`, error_code: 3 } };
      subIds.push([key, value]);
    }
    return {
      status: 200,
      json: ulps.map((ulp) => {
        const query = new URLSearchParams([...subIds, ['ulp', ulp]]);
        return { link: `https://ad.admitad.com/goto/${code}/?${query.toString()}`, is_affiliate_product: affiliation(ulp, mode) };
      }),
    };
  }

  /** true/false for AliExpress product links (unknown products count as affiliate), null otherwise. */
  function affiliation(ulp, mode) {
    const id = productIdOf(ulp);
    if (id === undefined) return null;
    if (mode === 'not-affiliate') return false;
    return products[id]?.affiliate ?? true;
  }

  function commissionRates(body) {
    let urls;
    try {
      urls = JSON.parse(body).urls;
    } catch {
      urls = undefined;
    }
    if (!Array.isArray(urls) || urls.some((url) => typeof url !== 'string')) return { status: 400, json: { error: 'invalid_request', error_description: 'urls: a list of links is required.', error_code: 3 } };
    return {
      status: 200,
      json: {
        commission_rates: urls.map((url) => {
          const product = products[productIdOf(url) ?? ''];
          if (!product?.affiliate) return { product_name: null, commission_rate: null, hot_commission_rate: null, is_hot: false, url };
          const hot = parseFloat(product.hotCommissionRate);
          return { product_name: product.title, commission_rate: parseFloat(product.commissionRate), hot_commission_rate: hot > 0 ? hot : null, is_hot: hot > 0, url };
        }),
      },
    };
  }

  /** The problems are worded as the documentation lists them; "Link tested." for them is the fake's own. */
  function validateLink(url, mode) {
    const link = url.searchParams.get('link');
    if (!link) return { status: 400, json: { error: 'invalid_request', error_description: 'link is required', error_code: 3 } };
    let parsed;
    try {
      parsed = new URL(link);
    } catch {
      return { status: 200, json: { message: 'Link tested.', error_description: 'Wrong link.' } };
    }
    if (parsed.hostname !== 'ad.admitad.com') return { status: 200, json: { message: 'Link tested.', error_description: 'Wrong domain name.' } };
    const ulp = parsed.searchParams.get('ulp') ?? '';
    if (affiliation(ulp, mode) === false) return { status: 200, json: { message: 'Link tested.', error_description: 'Attention! This product is non-affiliated.' } };
    return { status: 200, json: { message: 'Link successfully tested.' } };
  }

  return Object.assign(fake, {
    port: server.port,
    origin: server.origin,
    url: server.origin,
    close: server.close,
    /** Forgets every issued token, as if Admitad revoked them. */
    revokeTokens() {
      tokens.clear();
    },
  });
}

function scopeFor(method, pathname) {
  if (method === 'GET' && /^\/deeplink\/\d+\/advcampaign\/\d+\/$/.test(pathname)) return 'deeplink_generator';
  if (method === 'POST' && pathname === '/aliexpress/commission_rates/') return 'aliexpress_commission';
  if (method === 'GET' && pathname === '/validate_links/') return 'validate_links';
  return undefined;
}
