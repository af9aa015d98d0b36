/**
 * Fuzzing the promises every surface relies on, at 10,000 runs per property (counted runs, not a
 * time limit: a loaded machine makes a run slower, never shorter):
 * - parsing never throws, whatever the text;
 * - a link that is built is https, to the network's own host;
 * - the product URL inside it is an https AliExpress URL.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDeeplink, parseProductUrl } from '../../../lib/index';
import type { Account } from '../../../lib/networks/types';
import type { Preset } from '../../../lib/presets/types';
import { isAliExpressHost } from '../../../lib/url';

const RUNS = 10_000;

const admitad: Account = { id: 'a', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const epn: Account = { id: 'e', network: 'epn', name: 'ePN', host: 'shopnow.pub', code: '0123456789abcdef0123456789abcdef' };
const custom: Account = { id: 'c', network: 'custom', name: 'Other', template: 'https://go.example.net/c?u={url_encoded}&pid={product_id}&s={subid}' };

/** Where each network's link goes, and which parameter carries the product URL. */
const NETWORKS = [
  { account: admitad, host: 'ad.admitad.com', productParam: 'ulp' },
  { account: epn, host: 'shopnow.pub', productParam: 'to' },
  { account: custom, host: 'go.example.net', productParam: 'u' },
] as const;

const preset = (account: Account, subIds: Preset['subIds'], keepSku: boolean): Preset => ({
  id: 'p',
  name: 'Fuzz',
  accountId: account.id,
  program: 'ww',
  audienceCountry: null,
  subIds,
  keepSku,
});

const noise = fc.string({ unit: fc.constantFrom('a', '1', '/', '?', '&', '=', '#', '%', '.', ':', '@', '(', ')', ';', ',', ' ', '\\', 'я', '%2F', '%3D'), maxLength: 24 });
const host = fc.constantFrom(
  'www.aliexpress.com',
  'aliexpress.com',
  'es.aliexpress.com',
  'm.aliexpress.com',
  'm.de.aliexpress.com',
  'aliexpress.ru',
  'm.aliexpress.ru',
  'www.aliexpress.us',
  'a.aliexpress.com',
  's.click.aliexpress.com',
  'evil-aliexpress.com',
  'aliexpress.com.evil.example',
  'ad.admitad.com',
);
const path = fc.oneof(
  fc.bigInt({ min: 1n, max: 10n ** 17n }).map((id) => `/item/${id}.html`),
  fc.bigInt({ min: 1n, max: 10n ** 17n }).map((id) => `/i/${id}.html`),
  fc.bigInt({ min: 1n, max: 10n ** 17n }).map((id) => `/item/slug/${id}`),
  fc.tuple(fc.nat(), fc.nat()).map(([store, product]) => `/store/product/x/${store}_${product}.html`),
  fc.constantFrom('/store/1234', '/category/100003109/dresses.html', '/', '/e/_DdNkq3x', '/_mKx9'),
  noise.map((text) => `/${text}`),
);
const query = fc.array(fc.tuple(fc.constantFrom('sku_id', 'skuId', 'aff_fcid', 'spm', 'utm_source', 'pdp_npi', 'platform', 'redirectUrl', 'ulp', 'x'), noise), { maxLength: 4 });
const aliExpressishUrl = fc
  .tuple(fc.oneof({ arbitrary: fc.constant('https://'), weight: 6 }, fc.constantFrom('http://', '', 'HTTPS://', 'ftp://', 'javascript:')), host, path, query, noise)
  .map(([scheme, h, p, q, tail]) => `${scheme}${h}${p}${q.length > 0 ? `?${q.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}${tail}`);
/** A wrapper around another URL, as affiliate networks and redirectors write them. */
const wrappedUrl = fc
  .tuple(fc.constantFrom('https://ad.admitad.com/g/x/?ulp=', 'https://shopnow.pub/redirect/cpa/o/x/?to=', 'https://www.aliexpress.com/gcp?redirectUrl=', 'https://example.com/?u='), aliExpressishUrl, fc.boolean())
  .map(([wrapper, inner, encode]) => `${wrapper}${encode ? encodeURIComponent(inner) : inner}`);
const anyInput = fc.oneof(aliExpressishUrl, wrappedUrl, fc.string({ unit: 'binary', maxLength: 120 }));
/** Mostly sub-ids a network accepts, sometimes ones it refuses (too long, control characters). */
const subIds = fc.oneof(
  { arbitrary: fc.record({ subid: fc.string({ maxLength: 40 }), subid1: fc.string({ unit: fc.constantFrom('a', '&', '=', '/', '?', '#', '%', ' ', 'я'), maxLength: 20 }) }, { requiredKeys: [] }), weight: 4 },
  fc.record({ subid: fc.string({ maxLength: 60 }), subid1: fc.string({ unit: 'binary', maxLength: 20 }), subid4: fc.string({ maxLength: 130 }) }, { requiredKeys: [] }),
);

describe('link invariants (fuzzed, 10,000 runs each)', () => {
  it('parseProductUrl never throws and always says what it found', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const actual = parseProductUrl(input);
        expect(typeof actual.kind).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('every built link is https to the network host, and carries an https AliExpress product URL', () => {
    let built = 0;
    fc.assert(
      fc.property(anyInput, fc.constantFrom(...NETWORKS), subIds, fc.boolean(), (input, network, ids, keepSku) => {
        const actual = buildDeeplink(input, preset(network.account, ids, keepSku), network.account);
        if (!actual.ok) return;
        built++;
        const link = new URL(actual.url);
        expect(link.protocol).toBe('https:');
        expect(link.hostname).toBe(network.host);
        const inner = new URL(link.searchParams.get(network.productParam) ?? 'missing:');
        expect(inner.protocol).toBe('https:');
        expect(isAliExpressHost(inner.hostname), inner.hostname).toBe(true);
      }),
      { numRuns: RUNS },
    );
    // The property says something only if links were built: thousands of them, not a handful.
    expect(built).toBeGreaterThan(RUNS * 0.15);
  });
});
