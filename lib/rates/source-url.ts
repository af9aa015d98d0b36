/**
 * The one rule for a remote rate-table URL, used by the options page before it asks for the
 * host permission and by the background before it saves the source. A rate table steers what
 * publishers promote, so it must come from a named server over https, where it cannot be
 * swapped in transit or by whoever answers on a local address.
 */
import { isPlainHostname } from '../networks/hostname';

export type RateSourceUrlError =
  /** Not an absolute URL, or with whitespace inside (the URL parser would silently drop it). */
  | 'badUrl'
  | 'notHttps'
  /** No named host: an IP address, `localhost`, a single label. */
  | 'badHost'
  /** A user name or password in the URL: it would be stored and shown in the options page. */
  | 'hasCredentials';

export type RateSourceUrlCheck = { readonly ok: true; readonly origin: string } | { readonly ok: false; readonly error: RateSourceUrlError };

const HTTPS_PREFIX = /^https:\/\//i;

/** Checks a trimmed rate-table URL; on success, its origin (what the host permission is asked for). */
export function checkRateSourceUrl(url: string): RateSourceUrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: 'badUrl' };
  }
  if (/\s/.test(url)) return { ok: false, error: 'badUrl' };
  // `https:host/path` parses too; the options page asks for `https://…`, so that is the form kept.
  if (parsed.protocol !== 'https:' || !HTTPS_PREFIX.test(url)) return { ok: false, error: 'notHttps' };
  if (parsed.username !== '' || parsed.password !== '') return { ok: false, error: 'hasCredentials' };
  if (!isPlainHostname(parsed.hostname)) return { ok: false, error: 'badHost' };
  return { ok: true, origin: parsed.origin };
}
