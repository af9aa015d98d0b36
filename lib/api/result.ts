/**
 * What every API call answers. Clients never throw: the popup and the context menu must always
 * get an answer, and a thrown error is where secrets leak (a stack, a request echoed in a message).
 */

/**
 * - `auth`: the credentials were refused (bad key or secret, bad signature, expired or missing token);
 * - `not-registered`: the credentials work, but the account is not an affiliate publisher
 *   (AliExpress `resp_code` 401, "This publisher is not registered");
 * - `rate-limited`: the API said "too many requests", or the local token bucket is empty;
 * - `timeout`: no complete answer within the client's `timeoutMs`;
 * - `network`: no answer at all (offline, DNS, refused, connection cut);
 * - `bad-response`: an answer that is not what the API documents (HTML, truncated, wrong shape);
 * - `api`: any other error the API reports about the request itself.
 */
export type ApiErrorKind = 'auth' | 'not-registered' | 'rate-limited' | 'timeout' | 'network' | 'bad-response' | 'api';

export interface ApiError {
  readonly kind: ApiErrorKind;
  /** English, for logs and developer tools; the UI shows a catalog message chosen by `kind`/`code`. Never holds a secret. */
  readonly message: string;
  /** The API's own code when it gave one (`IncompleteSignature`, `401`, `invalid_token`, `http-503`…). */
  readonly code?: string;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });

/** A failed result whose message and code have every secret removed (see `redactSecrets`). */
export function fail<T = never>(kind: ApiErrorKind, message: string, secrets: readonly string[], code?: string): ApiResult<T> {
  const error: ApiError = code === undefined ? { kind, message: redactSecrets(message, secrets) } : { kind, message: redactSecrets(message, secrets), code: redactSecrets(code, secrets) };
  return { ok: false, error };
}

export const REDACTED = '[redacted]';

/**
 * Removes every secret from a text, also in the forms an echoing server or URL would carry it:
 * percent-encoded (a query string) and form-encoded (`+` for spaces). Secrets shorter than four
 * characters are not searched for: they would blank ordinary words, and no real key is that short.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    forms.add(secret);
    const encoded = encodeOrUndefined(secret);
    if (encoded !== undefined) {
      forms.add(encoded);
      forms.add(encoded.replace(/%20/g, '+'));
    }
  }
  // Longest first, so a secret containing another is removed whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join(REDACTED);
  return out;
}

/** `encodeURIComponent` throws on a lone surrogate; such a secret cannot be in a URL anyway. */
function encodeOrUndefined(text: string): string | undefined {
  try {
    return encodeURIComponent(text);
  } catch {
    return undefined;
  }
}
