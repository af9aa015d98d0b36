// A local stand-in for the AliExpress Open Platform gateway (`https://api-sg.aliexpress.com/sync`)
// that implements the documented wire format and checks it the way the gateway does:
// - the signature, in both forms, computed here independently with node:crypto
//   (sha256: HMAC-SHA256 over the sorted key+value concatenation, keyed with the app secret;
//   md5: md5(secret + concatenation + secret); upper-case hex; empty values and `sign` left out);
// - the timestamp: milliseconds, ISO 8601 UTC, or Taobao's "yyyy-MM-dd HH:mm:ss" in GMT+8, within
//   7200 s of the fake's clock ("Calling parameters",
//   https://developer.alibaba.com/docs/doc.htm?articleId=120691&docType=1&treeId=727);
// - the app key.
// It answers the three affiliate methods from tests/fakes/catalog.mjs, and can be told to answer
// with every error shape, slowly, or with garbage. Error codes and messages are the ones seen
// from the real gateway where one was found (cited below); the rest are marked as the fake's own.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { FAKE_ALIEXPRESS_CREDENTIALS, FAKE_PRODUCTS, convertPrice, productIdOf } from './catalog.mjs';
import { createFakeControl, DEFAULT_SLOW_MS, GARBAGE_MODES, handleControl, listen, readBody, sendGarbage, sendJson } from './shared.mjs';

export const ALIEXPRESS_MODES = [
  'ok',
  // resp_result 401 "This publisher is not registered:…", as a live answer quoted in a publisher's test report on GitHub.
  'not-registered',
  // resp_result with another code; 402 "Invalid input parameter" is the fake's own choice.
  'resp-error',
  // error_response from the gateway: refused signature even when it is right (a wrong secret).
  'signature-error',
  'app-key-error',
  'rate-limited',
  // The Taobao-era error shape with a numeric code and sub_code.
  'top-error',
  // The gateway's error fields at the top level, without `error_response`.
  'top-level-error',
  // A valid envelope whose result breaks the documented types.
  'wrong-shape',
  // A misbehaving server that echoes the secret and the signature in its error message.
  'echo-secret',
  ...GARBAGE_MODES,
];

const TIMESTAMP_WINDOW_MS = 7200 * 1000;
const METHODS = ['aliexpress.affiliate.link.generate', 'aliexpress.affiliate.productdetail.get', 'aliexpress.affiliate.hotproduct.query'];

/** The gateway's signing string: sorted names with their values, empty values and `sign` left out. */
export function signingString(params) {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== '')
    .sort()
    .map((key) => key + params[key])
    .join('');
}

/** The expected `sign` for params under `secret`, or undefined for an unknown sign_method. */
export function expectedSign(params, secret) {
  const text = signingString(params);
  switch (params.sign_method) {
    case 'sha256':
      return createHmac('sha256', Buffer.from(secret, 'utf8')).update(text, 'utf8').digest('hex').toUpperCase();
    case 'md5':
      return createHash('md5').update(secret + text + secret, 'utf8').digest('hex').toUpperCase();
    default:
      return undefined;
  }
}

function sameText(a, b) {
  const left = Buffer.from(a ?? '', 'utf8');
  const right = Buffer.from(b ?? '', 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Milliseconds since the epoch for any timestamp form the gateway takes, or NaN. */
export function parseGatewayTimestamp(text) {
  if (/^\d{10,16}$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(text)) return Date.parse(text);
  // Taobao's form is GMT+8 local time.
  const top = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (top) return Date.UTC(+top[1], +top[2] - 1, +top[3], +top[4] - 8, +top[5], +top[6]);
  return Number.NaN;
}

const gatewayError = (code, msg) => ({ error_response: { type: 'ISV', code, msg, request_id: requestId() } });
const requestId = () => randomBytes(12).toString('hex');
const wrap = (method, respResult) => ({ [`${method.replace(/\./g, '_')}_response`]: { resp_result: respResult, request_id: requestId() } });

/**
 * Starts the fake gateway. `behaviour` is a mode from ALIEXPRESS_MODES or `{ mode, delayMs }`;
 * `now` is the fake's clock for the timestamp window. The API answers on `${origin}/sync`.
 */
export async function startFakeAliExpressApi(options = {}) {
  const {
    port = 0,
    host = '127.0.0.1',
    tls = false,
    appKey = FAKE_ALIEXPRESS_CREDENTIALS.appKey,
    appSecret = FAKE_ALIEXPRESS_CREDENTIALS.appSecret,
    products = FAKE_PRODUCTS,
    now = Date.now,
  } = options;
  const fake = createFakeControl(options.behaviour ?? 'ok', ALIEXPRESS_MODES);
  const { requests } = fake;

  const server = await listen({ port, host, tls }, async (req, res, later) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    if (await handleControl(req, res, url, fake)) return;
    if (url.pathname !== '/sync') return sendJson(res, 404, { error: 'not found' });
    if (req.method !== 'GET' && req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' });

    // System parameters may come in the query (the SDKs) or the form body: the gateway reads both.
    const params = Object.fromEntries(url.searchParams);
    if (req.method === 'POST') Object.assign(params, Object.fromEntries(new URLSearchParams(await readBody(req))));
    const answer = (body, status = 200) => sendJson(res, status, body);
    const current = fake.behaviour;
    const record = { method: params.method ?? '', params, at: now(), behaviour: current.mode };
    requests.push(record);

    const respond = () => {
      const verdict = verify(params);
      record.verdict = verdict.ok ? 'ok' : verdict.body.error_response.code;
      if (!verdict.ok) return answer(verdict.body);
      const body = respondTo(params, current.mode);
      if (sendGarbage(res, current.mode, body)) return;
      answer(body);
    };
    if (current.mode === 'slow') later(current.delayMs ?? DEFAULT_SLOW_MS, respond);
    else respond();
  });

  /** The gateway's own checks, before any API runs. */
  function verify(params) {
    if (!params.app_key || params.app_key !== appKey) return { ok: false, body: gatewayError('InvalidAppKey', 'The specified App Key is invalid') };
    const expected = expectedSign(params, appSecret);
    // Captured from the live gateway: https://www.devhide.com/php-aliexpress-affiliation-api-incompletesignature-the-request-signature-does-not-conform-to-platform-standards-77718066
    if (!expected || !sameText(expected, params.sign)) return { ok: false, body: gatewayError('IncompleteSignature', 'The request signature does not conform to platform standards') };
    const at = parseGatewayTimestamp(params.timestamp ?? '');
    // The code name is the fake's own: no public capture of the gateway's timestamp refusal was found.
    if (!Number.isFinite(at) || Math.abs(now() - at) > TIMESTAMP_WINDOW_MS) return { ok: false, body: gatewayError('InvalidTimestamp', 'The timestamp is missing or more than 7200 seconds from the server time') };
    if (!METHODS.includes(params.method)) return { ok: false, body: gatewayError('InvalidApiPath', 'The specified API does not exist') };
    return { ok: true };
  }

  function respondTo(params, mode) {
    const method = params.method;
    switch (mode) {
      case 'not-registered':
        return wrap(method, { resp_code: 401, resp_msg: 'This publisher is not registered:7000000001' });
      case 'resp-error':
        return wrap(method, { resp_code: 402, resp_msg: 'Invalid input parameter' });
      case 'signature-error':
        return gatewayError('IncompleteSignature', 'The request signature does not conform to platform standards');
      case 'app-key-error':
        return gatewayError('InvalidAppKey', 'The specified App Key is invalid');
      case 'rate-limited':
        // Logged from the live gateway in publishers' code on GitHub.
        return gatewayError('ApiCallLimit', 'Api access frequency exceeds the limit. this ban will last 1 seconds');
      case 'top-error':
        return { error_response: { code: 15, msg: 'Remote service error', sub_code: 'isv.invalid-parameter', sub_msg: 'Invalid parameter', request_id: requestId() } };
      case 'top-level-error':
        return { type: 'ISV', code: 'IncompleteSignature', message: 'The request signature does not conform to platform standards', request_id: requestId() };
      case 'echo-secret':
        return gatewayError('IncompleteSignature', `signature mismatch: expected ${expectedSign(params, appSecret)} with secret ${appSecret} for ${new URLSearchParams(params).toString()}`);
      case 'wrong-shape':
        return wrap(method, { resp_code: 200, resp_msg: 'Call succeeds', result: { products: { product: [{ product_id: 'not-a-number', commission_rate: 'lots' }] }, promotion_links: 'none' } });
      default:
        return wrap(method, { resp_code: 200, resp_msg: 'Call succeeds', result: resultFor(params) });
    }
  }

  function resultFor(params) {
    switch (params.method) {
      case 'aliexpress.affiliate.link.generate': {
        const sources = (params.source_values ?? '').split(',').filter(Boolean);
        const type = params.promotion_link_type === '2' ? 'hot' : 'normal';
        return {
          total_result_count: sources.length,
          tracking_id: params.tracking_id,
          promotion_links: { promotion_link: sources.map((source) => ({ source_value: source, promotion_link: promotionLink(source, params.tracking_id ?? '', type) })) },
        };
      }
      case 'aliexpress.affiliate.productdetail.get': {
        const ids = (params.product_ids ?? '').split(',').filter((id) => products[id]?.affiliate);
        return { current_record_count: ids.length, products: { product: ids.map((id) => productJson(id, params)) } };
      }
      case 'aliexpress.affiliate.hotproduct.query': {
        const ids = Object.keys(products).filter((id) => products[id].affiliate && parseFloat(products[id].hotCommissionRate) > 0);
        return { current_page_no: Number(params.page_no ?? 1), current_record_count: ids.length, total_record_count: ids.length, products: { product: ids.map((id) => productJson(id, params)) } };
      }
      default:
        return {};
    }
  }

  function productJson(id, params) {
    const product = products[id];
    const target = convertPrice(product.salePrice, params.target_currency ?? 'USD');
    const json = {
      product_id: Number(id),
      product_title: product.title,
      product_detail_url: `https://www.aliexpress.com/item/${id}.html`,
      commission_rate: product.commissionRate,
      hot_product_commission_rate: product.hotCommissionRate,
      first_level_category_id: Number(product.firstLevelCategory.id),
      first_level_category_name: product.firstLevelCategory.name,
      sale_price: product.salePrice,
      sale_price_currency: product.currency,
      target_sale_price: target.amount,
      target_sale_price_currency: target.currency,
    };
    if (product.secondLevelCategory) {
      json.second_level_category_id = Number(product.secondLevelCategory.id);
      json.second_level_category_name = product.secondLevelCategory.name;
    }
    return json;
  }

  return Object.assign(fake, { port: server.port, origin: server.origin, url: `${server.origin}/sync`, close: server.close });
}

/** A stable short link per (source, tracking id, type), in the `s.click` form the API returns. */
export function promotionLink(source, trackingId, type) {
  const code = createHash('sha256').update(`${type}\n${trackingId}\n${source}`).digest('base64url').slice(0, 10);
  return `https://s.click.aliexpress.com/e/_${type === 'hot' ? 'h' : 'n'}${code}`;
}

/** Whether the fake knows `url` as an affiliate product: convenience for tests. */
export function isFakeAffiliateProduct(url, products = FAKE_PRODUCTS) {
  const id = productIdOf(url);
  return id !== undefined && products[id]?.affiliate === true;
}
