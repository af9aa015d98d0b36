/**
 * Where AliExpress ships to, for the country rule: from the `aep_usuc_f`
 * cookie's `region=` when the user allowed reading it, else from the storefront, else unknown.
 * Pure: the caller reads the cookie (cookies API, optional permission) and never writes it.
 */
import { normalizeCountry } from '../rates/countries';
import type { Site } from '../url/types';

/** The AliExpress cookie holding the ship-to region, e.g. `site=glo&c_tp=USD&region=DE&b_locale=en_US`. */
export const SHIP_TO_COOKIE = 'aep_usuc_f';

/**
 * The origins that cookie lives on, and the one API permission reading it takes: asked for from
 * a click in the popup or the options page, both of which import it from here.
 */
export const SHIP_TO_PERMISSIONS = {
  permissions: ['cookies'],
  origins: ['https://*.aliexpress.com/*', 'https://*.aliexpress.ru/*', 'https://*.aliexpress.us/*'],
};

/** The `region=` of an `aep_usuc_f` value (raw or URL-encoded); null when absent or not a country. */
export function shipToFromCookie(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.length > 4096) return null;
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // A malformed escape: read the value as it is.
  }
  const region = new URLSearchParams(decoded).get('region');
  return normalizeCountry(region);
}

/** aliexpress.ru ships to Russia and aliexpress.us to the United States; .com says nothing. */
export function shipToFromSite(site: Site | null | undefined): string | null {
  return site === 'ru' ? 'RU' : site === 'us' ? 'US' : null;
}

export type ShipToSource = 'cookie' | 'site';

/** The cookie wins over the site: it is what the user chose on AliExpress. */
export function resolveShipTo(input: { cookieValue?: string | null; site?: Site | null }): { country: string; from: ShipToSource } | null {
  const fromCookie = shipToFromCookie(input.cookieValue);
  if (fromCookie) return { country: fromCookie, from: 'cookie' };
  const fromSite = shipToFromSite(input.site);
  return fromSite ? { country: fromSite, from: 'site' } : null;
}
