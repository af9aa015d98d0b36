import { md5 } from './md5';

/**
 * The two signing forms the AliExpress Open Platform gateway (`https://api-sg.aliexpress.com/sync`)
 * accepts, named by the `sign_method` request parameter.
 *
 * - `sha256`: HMAC-SHA256 keyed with the app secret over the sorted `key` + `value`
 *   concatenation, prefixed with the API path for REST-style APIs ("Signature algorithm",
 *   https://developer.alibaba.com/docs/doc.htm?articleId=120692&docType=1&treeId=727, and its
 *   Lazada twin https://open.alitrip.com/docs/doc.htm?articleId=108068&docType=1&treeId=499).
 *   AliExpress's own Python SDK (iop-sdk-python-20220609, `sign(secret, api, parameters)`)
 *   prefixes the API name only when it contains "/": system APIs called through `/sync` with
 *   `method=aliexpress.affiliate.…` are signed over the parameters alone.
 * - `md5`: the older Taobao Open Platform form inherited by the gateway,
 *   md5(secret + sorted concatenation + secret) (https://open.taobao.com/doc.htm?docId=101617&docType=1,
 *   mirrored at https://developer.alibaba.com/docs/doc.htm?articleId=105423&docType=1&treeId=358).
 *
 * Both are written as upper-case hex. Parameters with an empty value are left out, as the
 * platform's Java SDKs do (`StringUtils.areNotEmpty(key, value)`), and `sign` itself never takes part.
 */
export type AliExpressSignMethod = 'sha256' | 'md5';

/**
 * The string both forms digest: sorted by parameter name in code-unit (ASCII) order, each name
 * followed by its value, with the API path in front when one is given (REST-style APIs only).
 */
export function aliExpressSigningString(params: Readonly<Record<string, string>>, apiPath = ''): string {
  const keys = Object.keys(params)
    .filter((key) => key !== 'sign' && key !== '' && params[key] !== undefined && params[key] !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let text = apiPath.includes('/') ? apiPath : '';
  for (const key of keys) text += key + params[key];
  return text;
}

/**
 * Signs an Open Platform request: returns the `sign` parameter's value for `params` (every
 * system and business parameter, without `sign`).
 *
 * `method` is the signing method and must agree with `params.sign_method` when that is set,
 * since the parameter itself is signed; a mismatch is a programming error and rejects.
 * `apiPath` is for REST-style APIs (`/auth/token/create`); calls through `/sync` leave it out.
 * The returned promise rejects only on such misuse or an empty secret, never with the secret
 * in its message.
 */
export async function signAliExpressRequest(
  params: Readonly<Record<string, string>>,
  secret: string,
  method: AliExpressSignMethod,
  apiPath?: string,
): Promise<string> {
  if (secret === '') throw new RangeError('the app secret is empty');
  const declared = params['sign_method'];
  if (declared !== undefined && declared !== method) {
    throw new RangeError(`sign_method "${declared}" does not match the signing method "${method}"`);
  }
  const text = aliExpressSigningString(params, apiPath);
  const encoder = new TextEncoder();
  switch (method) {
    case 'sha256': {
      const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return toUpperHex(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text))));
    }
    case 'md5':
      return toUpperHex(md5(encoder.encode(secret + text + secret)));
    default:
      throw new RangeError(`unknown signing method "${String(method)}"`);
  }
}

function toUpperHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex.toUpperCase();
}
