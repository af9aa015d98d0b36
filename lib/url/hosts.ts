import { LOCALES, type Locale, type Site } from './types';

const LOCALE_SET: ReadonlySet<string> = new Set(LOCALES);

/**
 * The registrable domains AliExpress serves from. Matching is by exact domain or `.`-suffix only,
 * so `aliexpress.com.evil.com` and `evilaliexpress.com` never count.
 */
const ROOTS: readonly (readonly [root: string, site: Site])[] = [
  ['aliexpress.com', 'com'],
  ['aliexpress.ru', 'ru'],
  ['aliexpress.us', 'us'],
];

/** Where each site's desktop storefront lives (docs/architecture.md, 'Domain facts', URL forms). */
export const DESKTOP_HOST: Readonly<Record<Site, string>> = {
  com: 'www.aliexpress.com',
  ru: 'aliexpress.ru',
  us: 'www.aliexpress.us',
};

export interface AliExpressHost {
  /** Lower-case host name without a trailing dot. */
  readonly host: string;
  readonly root: string;
  readonly site: Site;
  /** Labels left of the root with any leading `m.` removed (`m.es.aliexpress.com` -> `es`). */
  readonly sub: string;
  readonly mobile: boolean;
  readonly locale?: Locale;
}

/** `host` must already be lower-case (WHATWG URL and the fast path both guarantee it). */
export function classifyAliExpressHost(rawHost: string): AliExpressHost | null {
  const host = rawHost.endsWith('.') ? rawHost.slice(0, -1) : rawHost;
  for (const [root, site] of ROOTS) {
    let sub: string;
    if (host === root) sub = '';
    else if (host.length > root.length + 1 && host.endsWith(root) && host.charCodeAt(host.length - root.length - 1) === 46) {
      sub = host.slice(0, host.length - root.length - 1);
    } else continue;

    let mobile = false;
    if (sub === 'm') {
      mobile = true;
      sub = '';
    } else if (sub.startsWith('m.')) {
      mobile = true;
      sub = sub.slice(2);
    }
    const locale = site === 'com' && LOCALE_SET.has(sub) ? (sub as Locale) : undefined;
    return locale ? { host, root, site, sub, mobile, locale } : { host, root, site, sub, mobile };
  }
  return null;
}

export function isAliExpressHost(host: string): boolean {
  return classifyAliExpressHost(host.toLowerCase()) !== null;
}

/** Mobile hosts serve the same paths as their desktop twin, and the desktop URL is what publishers share. */
export function desktopHostOf(h: AliExpressHost): string {
  if (!h.mobile) return h.host;
  return h.sub === '' ? DESKTOP_HOST[h.site] : `${h.sub}.${h.root}`;
}

/**
 * Hosts whose every path is a redirect that only AliExpress can resolve.
 * `a.` is the app's share shortener (links like `a.aliexpress.com/_mKjL9Cq`), `s.click.` and `click.`
 * are Portals affiliate links (seed 003: `https://s.click.aliexpress.com/e/abcD12345`).
 */
export function shortLinkHostKind(h: AliExpressHost): 'app-share' | 'affiliate' | null {
  if (h.sub === 'a') return 'app-share';
  if (h.sub === 's.click' || h.sub === 'click') return 'affiliate';
  return null;
}

/**
 * AliExpress Russia's share shortener, outside the aliexpress.* domains: ClearURLs/Rules#317 shows
 * `https://ali.click/fk3ej1c` redirecting to an `aliexpress.ru/item/...&spreadType=socialShare` URL.
 */
export const FOREIGN_SHORT_LINK_HOSTS: ReadonlySet<string> = new Set(['ali.click']);
