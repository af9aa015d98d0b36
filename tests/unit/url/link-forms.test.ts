import { describe, expect, it } from 'vitest';
import { parseProductUrl, type ParsedUrl } from '../../../lib/url';

/**
 * Link forms publishers paste that the first parser missed: the mobile `/s/item/` path, doubled slashes,
 * other networks' wrappers and short hosts, store sections. `seen` names where each form was found, as in
 * real-world.test.ts (a GitHub code search string finds the public file).
 */
interface Row {
  readonly input: string;
  readonly expected: ParsedUrl;
  readonly seen: string;
}

const rows: Row[] = [
  // Mobile /s/item/
  {
    input: 'https://m.aliexpress.com/s/item/32607181070.html?trace=storeDetail2msiteDetail',
    expected: { kind: 'product', product: { id: '32607181070', site: 'com' } },
    seen: 'GitHub code search "m.aliexpress.com/s/item/32607181070.html" (forum archive)',
  },
  {
    input: 'https://m.aliexpress.com/s/item/32814189809.html?spm=a2g0n.search-cache.0.0.2e3aa29b6tGUot#autostay',
    expected: { kind: 'product', product: { id: '32814189809', site: 'com' } },
    seen: 'GitHub code search "m.aliexpress.com/s/item/32814189809.html" (forum archive)',
  },
  {
    input: 'https://m.es.aliexpress.com/s/item/1005004918334754.html',
    expected: { kind: 'product', product: { id: '1005004918334754', site: 'com', locale: 'es' } },
    seen: 'docs/architecture.md, Domain facts (m.<locale>. hosts) with the mobile /s/item/ path above',
  },
  {
    input: 'https://www.aliexpress.com/s/item/1234567890.html',
    expected: { kind: 'product', product: { id: '1234567890', site: 'com' } },
    seen: 'GitHub code search "https://www.aliexpress.com/s/item/1234567890.html" (a link bot\'s test URLs)',
  },
  // Repeated slashes
  {
    input: 'https://www.aliexpress.com//item/1005011742070248.html',
    expected: { kind: 'product', product: { id: '1005011742070248', site: 'com' } },
    seen: 'GitHub code search "aliexpress.com//item/1005011742070248" (ESPHome device page)',
  },
  {
    input: 'https://www.aliexpress.com/item//32583160323.html',
    expected: { kind: 'product', product: { id: '32583160323', site: 'com' } },
    seen: 'GitHub code search "aliexpress.com/item//32583160323" (README)',
  },
  {
    input: 'http://www.aliexpress.com/item//1005002238046619.html',
    expected: { kind: 'product', product: { id: '1005002238046619', site: 'com' } },
    seen: 'GitHub code search "aliexpress.com/item//1005002238046619" (customs declaration JSON)',
  },
  {
    input: 'https://ru.aliexpress.com/item//1525063698.html',
    expected: { kind: 'product', product: { id: '1525063698', site: 'com', locale: 'ru' } },
    seen: 'GitHub code search "ru.aliexpress.com/item//1525063698" (userscript comment)',
  },
  {
    input: 'https://alitems.com/g/1e8d1144949591a4efe116525dc3e8/?i=5&ulp=https://www.aliexpress.com/item//32424305003.html&aff_short_key=6iEY3FE',
    expected: { kind: 'product', product: { id: '32424305003', site: 'com' }, unwrappedFrom: 'ulp', foreignAffiliate: true },
    seen: 'GitHub code search "alitems.com/g/1e8d1144949591a4efe116525dc3e8/?i=5&ulp=" (an Admitad link template with `item//`)',
  },
  // Other networks' wrappers
  {
    input: `https://www.awin1.com/cread.php?awinmid=11640&awinaffid=123456&ued=${encodeURIComponent('https://es.aliexpress.com/item/1005005277943648.html?spm=a2g0o.home.0.0')}`,
    expected: { kind: 'product', product: { id: '1005005277943648', site: 'com', locale: 'es' }, unwrappedFrom: 'ued', foreignAffiliate: true },
    seen: 'GitHub code search "awin1.com/cread.php?awinmid=" (link builders: `&ued=${encodeURIComponent(dest)}`; the ids here are placeholders)',
  },
  {
    input: 'https://tc.tradetracker.net/?c=15640&m=12&a=417111&r=&u=%2Fitem%2F1005001640685908.html',
    expected: { kind: 'product', product: { id: '1005001640685908', site: 'com' }, unwrappedFrom: 'u', foreignAffiliate: true },
    seen: 'GitHub code search "tc.tradetracker.net/?c=15640&m=12&a=417111&r=&u=%2Fitem%2F1005001640685908.html" (parts list)',
  },
  {
    input: 'https://tc.tradetracker.net/?c=15640&m=12&a=417111&r=&u=%2Fitem%2F4000225253691.html',
    expected: { kind: 'product', product: { id: '4000225253691', site: 'com' }, unwrappedFrom: 'u', foreignAffiliate: true },
    seen: 'GitHub code search "u=%2Fitem%2F4000225253691.html" (the same parts list)',
  },
  {
    input: 'https://tc.tradetracker.net/?c=15640&m=12&a=448474&r=disax&u=%2F',
    expected: { kind: 'page', site: 'com', page: 'home', url: 'https://www.aliexpress.com/', unwrappedFrom: 'u', foreignAffiliate: true },
    seen: 'GitHub code search "tc.tradetracker.net/?c=15640&m=12&a=448474&r=disax&u=%2F" (a shop-link map\'s AliExpress entry)',
  },
  {
    input: 'https://tc.tradetracker.net/?c=14386&m=12&a=495219&r=&u=%2Fitem%2F1005001640685908.html',
    expected: { kind: 'not-aliexpress', host: 'tc.tradetracker.net' },
    seen: 'GitHub code search "tc.tradetracker.net/?c=14386" (another advertiser: its relative path is not on AliExpress)',
  },
  {
    input: 'https://www.aliexpress.com/p/ug-login-page/login.html?returnUrl=%2Fitem%2F1005001640685908.html',
    expected: { kind: 'product', product: { id: '1005001640685908', site: 'com' }, unwrappedFrom: 'returnUrl' },
    seen: 'https://github.com/uBlockOrigin/uAssets/issues/33158 (login wall; its returnUrl as a relative path)',
  },
  // The networks' own short hosts
  {
    input: 'https://fas.st/HEYSD?erid=LatgBbQo6',
    expected: { kind: 'short-link', host: 'fas.st', url: 'https://fas.st/HEYSD' },
    seen: 'GitHub code search "https://fas.st/HEYSD?erid=LatgBbQo6" (Admitad short links in a parts table)',
  },
  {
    input: 'https://fas.st/0vFRv',
    expected: { kind: 'short-link', host: 'fas.st', url: 'https://fas.st/0vFRv' },
    seen: 'GitHub code search "fas.st/0vFRv" (an AliExpress marketplace entry)',
  },
  {
    input: 'http://ali.ski/POpMO',
    expected: { kind: 'short-link', host: 'ali.ski', url: 'https://ali.ski/POpMO' },
    seen: 'GitHub code search "ali.ski/POpMO" (ePN links in a project\'s parts list)',
  },
  {
    input: 'https://alii.pub/6ms6vk',
    expected: { kind: 'short-link', host: 'alii.pub', url: 'https://alii.pub/6ms6vk' },
    seen: 'GitHub code search "alii.pub/6ms6vk" (ePN links in a README)',
  },
  // Store forms
  {
    input: 'https://cyclingjerseystore.aliexpress.com/store/all-wholesale-products/1079069.html',
    expected: {
      kind: 'store',
      site: 'com',
      storeId: '1079069',
      url: 'https://cyclingjerseystore.aliexpress.com/store/all-wholesale-products/1079069.html',
    },
    seen: 'GitHub code search "cyclingjerseystore.aliexpress.com/store/all-wholesale-products/1079069.html"',
  },
  {
    input: 'https://chinafencing.aliexpress.com/store/all-wholesale-products/1626122.html?spm=a2g0o.store_pc_home.pcShopHead_11287267.99',
    expected: { kind: 'store', site: 'com', storeId: '1626122', url: 'https://chinafencing.aliexpress.com/store/all-wholesale-products/1626122.html' },
    seen: 'GitHub code search "chinafencing.aliexpress.com/store/all-wholesale-products/1626122.html"',
  },
  {
    input: 'http://www.aliexpress.com/store/sale-items/614016.html?promotionType=fixed',
    expected: { kind: 'store', site: 'com', storeId: '614016', url: 'https://www.aliexpress.com/store/sale-items/614016.html' },
    seen: 'GitHub code search "aliexpress.com/store/sale-items/614016.html"',
  },
  {
    input: 'https://m.aliexpress.com/store/storeHome.htm?storeNo=1102209313&tracelog=store2mobilestore',
    expected: { kind: 'store', site: 'com', storeId: '1102209313', url: 'https://www.aliexpress.com/store/1102209313' },
    seen: 'GitHub code search "storeHome.htm?storeNo=1102209313" (a brand\'s store links)',
  },
];

describe('parseProductUrl on link forms publishers paste', () => {
  it.each(rows)('$input', ({ input, expected }) => {
    const actual = parseProductUrl(input);
    expect(actual).toStrictEqual(expected);
  });

  it('names where every form was seen', () => {
    for (const row of rows) expect(row.seen.length, row.input).toBeGreaterThan(10);
  });
});
