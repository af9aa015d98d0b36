import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../../../lib/networks';
import { canonicalProductUrl, KEPT_PAGE_PARAMS, type CanonicalOptions, type ProductRef } from '../../../lib/url';
import { isTrackingName, TRACKING_NAME_PREFIXES, TRACKING_NAMES } from './tracking-names';

/** The clean URL a deeplink wraps for any AliExpress page (what buildDeeplink and the Portals link use). */
function cleanPageUrl(input: string): string | null {
  // The page as the parser cleaned it: the locale-neutral host is a preset choice, tested in tests/unit/networks/target.test.ts.
  const actual = resolveTarget(input, { keepSku: false, neutralLinks: false, audienceCountry: null });
  return actual.ok ? actual.target.url : null;
}

describe('canonicalProductUrl(ref)', () => {
  it.each<{ input: ProductRef; options?: CanonicalOptions; expected: string }>([
    { input: { id: '1005001234567890', site: 'com' }, expected: 'https://www.aliexpress.com/item/1005001234567890.html' },
    { input: { id: '1005001234567890', site: 'com', locale: 'es' }, expected: 'https://es.aliexpress.com/item/1005001234567890.html' },
    { input: { id: '32846379081', site: 'com', locale: 'ru' }, expected: 'https://ru.aliexpress.com/item/32846379081.html' },
    { input: { id: '4000708603012', site: 'ru' }, expected: 'https://aliexpress.ru/item/4000708603012.html' },
    { input: { id: '3256802107291989', site: 'us' }, expected: 'https://www.aliexpress.us/item/3256802107291989.html' },
    {
      input: { id: '1005001234567890', site: 'com', skuId: '12000016265829061' },
      expected: 'https://www.aliexpress.com/item/1005001234567890.html',
    },
    {
      input: { id: '1005001234567890', site: 'com', skuId: '12000016265829061' },
      options: { keepSku: true },
      expected: 'https://www.aliexpress.com/item/1005001234567890.html?sku_id=12000016265829061',
    },
    {
      input: { id: '1005009450643460', site: 'ru', skuId: '12000049142896049' },
      options: { keepSku: true },
      expected: 'https://aliexpress.ru/item/1005009450643460.html?sku_id=12000049142896049',
    },
    { input: { id: '1', site: 'com' }, options: { keepSku: true }, expected: 'https://www.aliexpress.com/item/1.html' },
  ])('$input.site/$input.id $options', ({ input, options, expected }) => {
    const actual = canonicalProductUrl(input, options);
    expect(actual).toBe(expected);
  });

  it('refuses an id that is not a run of digits', () => {
    expect(() => canonicalProductUrl({ id: '1/../../evil', site: 'com' })).toThrow(RangeError);
  });
});

describe('canonicalProductUrl(string)', () => {
  it.each<{ input: string; options?: CanonicalOptions; expected: string | null }>([
    {
      input: 'https://m.es.aliexpress.com/item/4001363813730.html?trace=wwwdetail2mobilesitedetail&aff_platform=api-new-product-detail',
      expected: 'https://es.aliexpress.com/item/4001363813730.html',
    },
    {
      input: 'https://rzekl.com/g/1e8d114494d66b47c30616525dc3e8/?ulp=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005007619948310.html%3Fpdp_ext_f%3D%257B%2522sku_id%2522%253A%252212000041529798277%2522%257D',
      options: { keepSku: true },
      expected: 'https://www.aliexpress.com/item/1005007619948310.html?sku_id=12000041529798277',
    },
    { input: 'https://www.aliexpress.com/store/1105701619', expected: null },
    { input: 'https://s.click.aliexpress.com/e/_c4o7fm1F', expected: null },
    { input: 'https://www.amazon.com/dp/B01GGKYQ02', expected: null },
    { input: 'javascript:alert(1)', expected: null },
  ])('$input', ({ input, options, expected }) => {
    const actual = canonicalProductUrl(input, options);
    expect(actual).toBe(expected);
  });
});

describe('the clean URL of any AliExpress page (resolveTarget)', () => {
  it.each<{ input: string; expected: string | null }>([
    {
      input: 'https://www.aliexpress.com/wholesale?catId=0&initiative_id=SB_20181209000127&SearchText=usb+hub&page=3&spm=a2g0o.home',
      expected: 'https://www.aliexpress.com/wholesale?catId=0&SearchText=usb+hub&page=3',
    },
    { input: 'http://m.aliexpress.com/store/1105701619?spm=a2g0n.store', expected: 'https://www.aliexpress.com/store/1105701619' },
    { input: 'https://m.aliexpress.ru/wholesale?SearchText=%D1%87%D0%B5%D1%85%D0%BE%D0%BB', expected: 'https://aliexpress.ru/wholesale?SearchText=%D1%87%D0%B5%D1%85%D0%BE%D0%BB' },
    { input: 'https://www.aliexpress.com/wholesale?SearchText=чехол', expected: 'https://www.aliexpress.com/wholesale?SearchText=%D1%87%D0%B5%D1%85%D0%BE%D0%BB' },
    { input: 'https://www.aliexpress.com/item/1005001234567890.html?spm=x&sku_id=1', expected: 'https://www.aliexpress.com/item/1005001234567890.html' },
    { input: 'https://a.aliexpress.com/_mKjL9Cq', expected: null },
    { input: 'https://example.com/', expected: null },
  ])('$input', ({ input, expected }) => {
    const actual = cleanPageUrl(input);
    expect(actual).toBe(expected);
  });
});

/** Every name the product brief and the public cleaners list as tracking (sources in ./tracking-names.ts). */
const BRIEF_TRACKING_NAMES = [
  'spm', 'scm', 'pvid', 'algo_pvid', 'algo_exp_id', 'algo_expid', 'aff_fcid', 'aff_fsk', 'aff_platform', 'aff_trace_key',
  'aff_request_id', 'aff_short_key', 'af', 'cn', 'cv', 'dp', 'gatewayAdapt', 'utm_source', 'utm_medium', 'utm_campaign',
  '_t', 'terminal_id', 'sk', 'btsid', 'ws_ab_test', 'gps-id', 'scm-url', 'scm_id', 'pdp_npi', 'pdp_ext_f', 'pdp_pi',
  'srcSns', 'spreadType', 'bizType', 'social_params', 'tt', 'afSmartRedirect', 'shareId', 'businessType', 'platform',
  'invitationCode', 'spreadCode', '_randl_shipto', '_randl_currency', 'curPageLogUid', 'utparam-url', 'mall_affr',
  'src', 'albch', 'gclid', 'ds_e_product_id', 'onelink_item_to', 'trafficChannel', 'initiative_id',
];
const EVERY_TRACKING_NAME = [
  ...new Set([...TRACKING_NAMES, ...TRACKING_NAME_PREFIXES.map((prefix) => `${prefix}x`), ...BRIEF_TRACKING_NAMES]),
];

function withParams(base: string, names: readonly string[]): string {
  const query = names.map((name) => `${encodeURIComponent(name)}=v${name.length}`).join('&');
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

describe('tracking parameters', () => {
  it('classifies every name in the brief as tracking, and no kept parameter as tracking', () => {
    for (const name of BRIEF_TRACKING_NAMES) expect(isTrackingName(name), name).toBe(true);
    for (const name of KEPT_PAGE_PARAMS) expect(isTrackingName(name), name).toBe(false);
  });

  it.each([
    { input: 'https://www.aliexpress.com/item/1005001234567890.html', expected: 'https://www.aliexpress.com/item/1005001234567890.html' },
    { input: 'https://aliexpress.ru/item/1005001234567890.html', expected: 'https://aliexpress.ru/item/1005001234567890.html' },
  ])('canonical product URL drops all of them: $input', ({ input, expected }) => {
    const actual = canonicalProductUrl(withParams(input, EVERY_TRACKING_NAME), { keepSku: true });
    expect(actual).toBe(expected);
  });

  it.each([
    { input: 'https://www.aliexpress.com/wholesale?SearchText=usb', expected: 'https://www.aliexpress.com/wholesale?SearchText=usb' },
    { input: 'https://www.aliexpress.com/store/1105701619', expected: 'https://www.aliexpress.com/store/1105701619' },
    { input: 'https://campaign.aliexpress.com/wow/gcp/sd-g-2022/index', expected: 'https://campaign.aliexpress.com/wow/gcp/sd-g-2022/index' },
    { input: 'https://best.aliexpress.com/', expected: 'https://best.aliexpress.com/' },
  ])('clean page URL drops all of them: $input', ({ input, expected }) => {
    const actual = cleanPageUrl(withParams(input, EVERY_TRACKING_NAME));
    expect(actual).toBe(expected);
  });

  it.each(EVERY_TRACKING_NAME.map((name) => ({ name })))('drops $name on its own', ({ name }) => {
    const page = cleanPageUrl(withParams('https://www.aliexpress.com/wholesale?SearchText=usb', [name]));
    const product = canonicalProductUrl(withParams('https://www.aliexpress.com/item/1005001234567890.html', [name]));
    expect(page).toBe('https://www.aliexpress.com/wholesale?SearchText=usb');
    expect(product).toBe('https://www.aliexpress.com/item/1005001234567890.html');
  });
});
