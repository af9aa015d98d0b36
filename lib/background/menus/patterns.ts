/**
 * Match patterns for every AliExpress host lib/url accepts: www, bare, locale (`es.`), mobile
 * (`m.`, `m.es.`) on aliexpress.com, and aliexpress.ru and aliexpress.us with their
 * subdomains. A `*.` host also matches the bare domain
 * (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
 *
 * Used as the context menu's `targetUrlPatterns` (links) and `documentUrlPatterns` (pages).
 * These filter where an item shows; they grant nothing. Wrapper hosts (ad.admitad.com,
 * click.aliexpress.com's `redirectUrl=`) are left out on purpose, except where they already
 * are AliExpress hosts: the handler parses whatever it is given and unwraps them.
 */
export const ALIEXPRESS_URL_PATTERNS = ['*://*.aliexpress.com/*', '*://*.aliexpress.ru/*', '*://*.aliexpress.us/*'];
