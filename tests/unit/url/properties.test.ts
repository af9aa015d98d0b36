import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalProductUrl, KEPT_PAGE_PARAMS, LOCALES, parseProductUrl, WRAPPER_PARAMS, type ParsedUrl } from '../../../lib/url';
import { isTrackingName, TRACKING_NAMES } from './tracking-names';

/** Whether the parser takes `host` for AliExpress: anything but `not-aliexpress` for its home page. */
const isAliExpressHost = (host: string): boolean => parseProductUrl(`https://${host}/`).kind !== 'not-aliexpress';

const PRODUCT_HOSTS = new Set(['www.aliexpress.com', 'aliexpress.ru', 'www.aliexpress.us', ...LOCALES.map((l) => `${l}.aliexpress.com`)]);
const KEPT_LOWER = new Set(KEPT_PAGE_PARAMS.map((name) => name.toLowerCase()));
const SHORT_HOSTS = ['a.aliexpress.com', 's.click.aliexpress.com', 'click.aliexpress.com'];

function expectInvariants(result: ParsedUrl): void {
  switch (result.kind) {
    case 'product': {
      expect(result.product.id).toMatch(/^\d+$/);
      for (const keepSku of [false, true]) {
        const url = new URL(canonicalProductUrl(result.product, { keepSku }));
        expect(url.protocol).toBe('https:');
        expect(PRODUCT_HOSTS.has(url.hostname), url.hostname).toBe(true);
        expect(url.pathname).toMatch(/^\/item\/\d+\.html$/);
        expect(url.hash).toBe('');
        expect(url.search).toMatch(keepSku ? /^(?:\?sku_id=\d+)?$/ : /^$/);
      }
      // The canonical URL names the same product.
      const again = parseProductUrl(canonicalProductUrl(result.product, { keepSku: true }));
      expect(again).toStrictEqual({ kind: 'product', product: result.product });
      break;
    }
    case 'store':
    case 'page': {
      const url = new URL(result.url);
      expect(url.protocol).toBe('https:');
      expect(isAliExpressHost(url.hostname), url.hostname).toBe(true);
      expect(url.hostname.startsWith('m.'), 'mobile host').toBe(false);
      expect(url.hash).toBe('');
      for (const key of url.searchParams.keys()) {
        expect(isTrackingName(key), key).toBe(false);
        expect(KEPT_LOWER.has(key.toLowerCase()), key).toBe(true);
      }
      // Cleaning is idempotent: the clean URL parses to the same place.
      const again = parseProductUrl(result.url);
      expect(again.kind).toBe(result.kind);
      expect('url' in again && again.url).toBe(result.url);
      break;
    }
    case 'short-link': {
      const url = new URL(result.url);
      expect(url.protocol).toBe('https:');
      expect(url.search).toBe('');
      expect(parseProductUrl(result.url).kind).toBe('short-link');
      break;
    }
    case 'not-aliexpress':
      expect(isAliExpressHost(result.host), result.host).toBe(false);
      break;
    case 'invalid':
      expect(['empty', 'too-long', 'not-a-url', 'unsupported-scheme']).toContain(result.reason);
      break;
  }
}

function parseChecked(input: string): ParsedUrl {
  const result = parseProductUrl(input);
  expectInvariants(result);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// An arbitrary for AliExpress-ish URLs: real host and path forms, tracking and kept parameters,
// wrappers, and the noise users paste around links.

const idArb = fc.stringMatching(/^\d{1,20}$/);
const slugArb = fc.stringMatching(/^[A-Za-z0-9-]{1,30}$/);
const aeHostArb = fc.oneof(
  fc.constantFrom(
    'www.aliexpress.com', 'aliexpress.com', 'm.aliexpress.com', 'aliexpress.ru', 'www.aliexpress.ru', 'm.aliexpress.ru',
    'www.aliexpress.us', 'aliexpress.us', 'best.aliexpress.com', 'campaign.aliexpress.com', 'sale.aliexpress.com',
    'star.aliexpress.com', 'portals.aliexpress.com',
  ),
  fc.constantFrom(...LOCALES).map((locale) => `${locale}.aliexpress.com`),
  fc.constantFrom(...LOCALES).map((locale) => `m.${locale}.aliexpress.com`),
  fc.stringMatching(/^[a-z][a-z0-9]{1,12}$/).map((store) => `${store}.aliexpress.com`),
);
const foreignHostArb = fc.constantFrom(
  'aliexpress.com.evil.com', 'evilaliexpress.com', 'aliexpress.co', 'ad.admitad.com', 'alitems.com', 'rzekl.com',
  'alipromo.com', 'www.google.com', 'l.facebook.com', 'example.org',
);
const productPathArb = fc.oneof(
  idArb.map((id) => ({ path: `/item/${id}.html`, id })),
  idArb.map((id) => ({ path: `/i/${id}.html`, id })),
  idArb.map((id) => ({ path: `/item/${id}`, id })),
  fc.tuple(slugArb, idArb).map(([slug, id]) => ({ path: `/item/${slug}/${id}.html`, id })),
  fc.tuple(slugArb, idArb, idArb).map(([slug, store, id]) => ({ path: `/store/product/${slug}/${store}_${id}.html`, id })),
);
const otherPathArb = fc.oneof(
  fc.constantFrom('/', '', '/wholesale', '/index.html', '/e/_abc', '/share/share.htm', '/p/ug-login-page/login.html'),
  idArb.map((id) => `/store/${id}`),
  idArb.map((id) => `/store/${id}/pages/all-items.html`),
  idArb.map((id) => `/category/${id}/phones.html`),
  slugArb.map((slug) => `/af/${slug}.html`),
  slugArb.map((slug) => `/w/wholesale-${slug}.html`),
  idArb.map((id) => `/gcp/${id}/innerfeed`),
  idArb.map((id) => `/ssr/${id}/BundleDeals2`),
  fc.webPath(),
);
const paramNameArb = fc.oneof(
  fc.constantFrom(...TRACKING_NAMES),
  fc.constantFrom(...KEPT_PAGE_PARAMS),
  fc.constantFrom('sku_id', 'skuId', 'pdp_ext_f', 'aff_fcid', 'algo_pvid', 'utm_source', 'pdp_npi', 'ds_e_adid'),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,10}$/),
);
const paramValueArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._~-]{0,20}$/),
  idArb,
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
  idArb.map((sku) => encodeURIComponent(JSON.stringify({ sku_id: sku }))),
);
const queryArb = fc
  .array(fc.tuple(paramNameArb, paramValueArb), { maxLength: 8 })
  .map((pairs) => (pairs.length === 0 ? '' : '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&')));
const schemeArb = fc.constantFrom('https://', 'http://', '//', '', 'HTTPS://', 'hTtP://');
const fragmentArb = fc.oneof(fc.constant(''), fc.constantFrom('#nav-specification', '#reviews', '#'));
const noiseArb = fc.record({
  before: fc.constantFrom('', ' ', '\n', '(', '<', '"'),
  after: fc.constantFrom('', ' ', '\t', '.', ',', ')', '>', '"', ').', '!'),
});

function mangleCase(host: string, mask: number): string {
  return [...host].map((ch, i) => ((mask >> i % 31) & 1 ? ch.toUpperCase() : ch)).join('');
}

/** A product URL on an AliExpress storefront host, with the id it must parse to. */
const productUrlArb = fc
  .record({ scheme: schemeArb, host: aeHostArb, mask: fc.nat(), product: productPathArb, query: queryArb, fragment: fragmentArb, noise: noiseArb })
  .map(({ scheme, host, mask, product, query, fragment, noise }) => ({
    input: `${noise.before}${scheme}${mangleCase(host, mask)}${product.path}${query}${fragment}${noise.after}`,
    id: product.id,
  }));

const anyAliUrlArb: fc.Arbitrary<string> = fc.letrec<{ url: string }>((tie) => ({
  url: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    productUrlArb.map(({ input }) => input),
    fc
      .record({ scheme: schemeArb, host: fc.oneof(aeHostArb, fc.constantFrom(...SHORT_HOSTS), foreignHostArb), path: otherPathArb, query: queryArb, fragment: fragmentArb })
      .map(({ scheme, host, path, query, fragment }) => `${scheme}${host}${path}${query}${fragment}`),
    fc
      .record({ host: fc.oneof(foreignHostArb, fc.constantFrom(...SHORT_HOSTS), aeHostArb), param: fc.constantFrom(...WRAPPER_PARAMS), inner: tie('url'), twice: fc.boolean() })
      .map(({ host, param, inner, twice }) => {
        const once = encodeURIComponent(inner);
        return `https://${host}/g/x/?subid=a&${param}=${twice ? encodeURIComponent(once) : once}`;
      }),
  ),
})).url;

/** Thousands of runs per property; generous so a loaded CI machine does not turn slowness into failure. */
const PROPERTY_TIMEOUT_MS = 30_000;

describe('parseProductUrl properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (input) => void parseChecked(input)), { numRuns: 2000 });
  }, PROPERTY_TIMEOUT_MS);

  it('never throws on arbitrary full-Unicode strings (lone surrogates included)', () => {
    // fast-check 4 replaced fc.fullUnicodeString with fc.string({ unit: 'binary' }).
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (input) => void parseChecked(input)), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (input) => void parseChecked(input)), { numRuns: 1000 });
  }, PROPERTY_TIMEOUT_MS);

  it('never throws on web URLs and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['http', 'https'] }), (input) => {
        const result = parseChecked(input);
        expect(['not-aliexpress', 'invalid']).toContain(result.kind);
      }),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('keeps its invariants on AliExpress-ish URLs, wrappers and hostile hosts', () => {
    fc.assert(fc.property(anyAliUrlArb, (input) => void parseChecked(input)), { numRuns: 3000 });
  }, PROPERTY_TIMEOUT_MS);

  it('finds the id of every product URL form on every storefront host, whatever the noise around it', () => {
    fc.assert(
      fc.property(productUrlArb, ({ input, id }) => {
        const actual = parseChecked(input);
        expect(actual.kind).toBe('product');
        expect(actual.kind === 'product' && actual.product.id).toBe(id);
      }),
      { numRuns: 3000 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('reports short-link hosts as short links unless they name an AliExpress target', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHORT_HOSTS), schemeArb, fc.stringMatching(/^\/(?:e\/)?_?[A-Za-z0-9]{4,12}$/), queryArb, (host, scheme, path, query) => {
        const actual = parseChecked(`${scheme}${host}${path}${query}`);
        expect(actual).toStrictEqual({
          kind: 'short-link',
          host,
          url: `https://${host}${path}`,
          ...(host === 'a.aliexpress.com' && { appShare: true }),
        });
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('unwraps a product from any wrapper parameter on any host, encoded once or twice', () => {
    fc.assert(
      fc.property(productUrlArb, foreignHostArb, fc.constantFrom(...WRAPPER_PARAMS), fc.boolean(), ({ input, id }, host, param, twice) => {
        const inner = input.trim().replace(/^[(<"]+|[\s.,)>"!]+$/g, '');
        const once = encodeURIComponent(inner);
        const actual = parseChecked(`https://${host}/redirect/?${param}=${twice ? encodeURIComponent(once) : once}&sub=x`);
        expect(actual.kind).toBe('product');
        if (actual.kind === 'product') {
          expect(actual.product.id).toBe(id);
          expect(actual.unwrappedFrom).toBe(param);
        }
      }),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
