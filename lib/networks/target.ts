import { parseProductUrl } from '../url';
import { neutralPageUrl, productLink, type LinkChange } from '../url/neutral';
import type { ParsedUrl, ProductRef, Site } from '../url/types';
import type { DeeplinkResult, LinkTarget } from './types';

/** What of a preset decides the link target. A Preset has all of it. */
export interface TargetOptions {
  readonly keepSku: boolean;
  /** Absent means on: presets saved before the option existed get the locale-neutral link. */
  readonly neutralLinks?: boolean;
  /** ISO 3166-1 alpha-2 country of the buyers, or null. */
  readonly audienceCountry: string | null;
}

/**
 * The CIS delivery countries of seed 002 (`002_30d8551d32219963.txt`: "orders delivered to CIS countries
 * (Russia, Armenia, Azerbaijan, Belarus, Georgia, Kazakhstan, Kyrgyzstan, Moldova, Tajikistan,
 * Turkmenistan, Uzbekistan)"); tests check it against lib/rates' copy, which the popup does not load.
 */
const CIS_AUDIENCE: ReadonlySet<string> = new Set(['AM', 'AZ', 'BY', 'GE', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'TM', 'UZ']);

/**
 * Whether a product link may keep its country storefront for this audience. A storefront locked to a
 * country serves that country's buyers, so sending them there loses nothing:
 * - aliexpress.ru for a CIS audience: seed 002 sets the rates for CIS deliveries apart, including the
 *   goods of Russian sellers, which aliexpress.ru lists; for anybody else it is the wrong storefront.
 * - aliexpress.us for a US audience: www.aliexpress.com sends US visitors to aliexpress.us anyway
 *   (`gatewayAdapt=glo2usa4itemAdapt&_randl_shipto=US` in the URLs it lands on), and the .us id is the
 *   listing they see.
 * Locale subdomains of aliexpress.com only fix a language, so they are never kept.
 */
export function keepsStorefront(site: Site, audienceCountry: string | null): boolean {
  if (site === 'us') return audienceCountry === 'US';
  if (site === 'ru') return audienceCountry !== null && CIS_AUDIENCE.has(audienceCountry);
  return false;
}

export type ResolvedTarget = { readonly ok: true; readonly target: LinkTarget } | Extract<DeeplinkResult, { ok: false }>;

const FOREIGN_AFFILIATE: LinkChange = { kind: 'foreign-affiliate' };

/**
 * What the link points at, cleaned: a product becomes the locale-neutral
 * `https://www.aliexpress.com/item/<global id>.html` (its own storefront when the preset turns that off
 * or the audience lives behind it, see keepsStorefront; SKU kept only when the preset asks), store and
 * campaign pages keep the parser's cleaned URL (docs/architecture.md, 'Hard rules' 3: other parties' tracking is gone
 * before we wrap). `changes` says what differs from what the user gave. Short links cannot be resolved
 * offline, so they are refused rather than wrapped as they are.
 */
export function resolveTarget(input: string | ProductRef | ParsedUrl, options: TargetOptions): ResolvedTarget {
  const parsed: ParsedUrl = typeof input === 'string' ? parseProductUrl(input) : 'kind' in input ? input : { kind: 'product', product: input };
  const foreign = 'foreignAffiliate' in parsed && parsed.foreignAffiliate === true;
  const withForeign = (changes: readonly LinkChange[]) => (foreign ? [...changes, FOREIGN_AFFILIATE] : changes);
  switch (parsed.kind) {
    case 'product': {
      const ref = parsed.product;
      const keepStorefront = options.neutralLinks === false || keepsStorefront(ref.site, options.audienceCountry);
      const link = productLink(ref, { keepSku: options.keepSku, keepStorefront });
      return { ok: true, target: { url: link.url, product: link.product, changes: withForeign(link.changes) } };
    }
    case 'store':
    case 'page': {
      const page = options.neutralLinks === false ? { url: parsed.url, changes: [] } : neutralPageUrl(parsed.url);
      return { ok: true, target: { url: page.url, changes: withForeign(page.changes) } };
    }
    case 'short-link':
      return { ok: false, code: 'short-link' };
    case 'not-aliexpress':
      return { ok: false, code: 'not-aliexpress' };
    case 'invalid':
      return { ok: false, code: 'invalid-url' };
  }
}

