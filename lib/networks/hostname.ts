/**
 * A plain DNS hostname: letters, digits and hyphens in dot-separated labels of at most 63
 * characters, an alphabetic (or punycode) top-level label, 253 characters in all (RFC 1035
 * 2.3.4, RFC 1123 2.1). Used for ePN's redirect host, which the publisher picks among the many
 * domains ePN serves (alipromo.com, shopnow.pub, epnclick.ru…), and for a custom template's
 * host: a scheme, port, path, credentials or IP address is refused, so links go to a named host.
 */
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

export function isPlainHostname(host: string): boolean {
  return HOSTNAME.test(host);
}
