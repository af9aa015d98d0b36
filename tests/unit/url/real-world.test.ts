import { describe, expect, it } from 'vitest';
import { parseProductUrl, type ParsedUrl } from '../../../lib/url';

/**
 * URL forms as they occur in the wild. `seen` names where each form was found: docs/architecture.md, a seed, a
 * GitHub issue (address), or public GitHub code found through code search (the quoted string finds it).
 * Long tracking values are kept where they are what makes the case interesting.
 */
interface Row {
  readonly input: string;
  readonly expected: ParsedUrl;
  readonly seen: string;
}

const products: Row[] = [
  {
    input:
      'https://www.aliexpress.com/item/1005004524033590.html?spm=a2g0o.productlist.main.5.5f227ea3qRnbMw&algo_pvid=18c19a88-a8bc-49cb-acec-e4ce868de839&algo_exp_id=18c19a88-a8bc-49cb-acec-e4ce868de839-2',
    expected: { kind: 'product', product: { id: '1005004524033590', site: 'com' } },
    seen: 'https://github.com/nelsontky/gh-pages-url-shortener-db/issues/236',
  },
  {
    input:
      'https://www.aliexpress.com/item/1005001472307338.html?algo_exp_id=b13fd996-02c2-4b2c-94c9-26ec25eb7f8d-2&pdp_ext_f=%7B%22sku_id%22%3A%2212000016265829061%22%7D&pdp_pi=-1%3B13.8%3B-1%3B2.35%40salePrice%3BEUR%3Bsearch-mainSearch',
    expected: { kind: 'product', product: { id: '1005001472307338', site: 'com', skuId: '12000016265829061' } },
    seen: 'https://github.com/ClearURLs/Rules/issues/17',
  },
  {
    input:
      'https://es.aliexpress.com/item/4000672272353.html?pvid=c4cdc770-f05a-4b7b-8a50-d8b81efff6c9&_t=gps-id:pcDetailBottomMoreThisSeller,scm-url:1007.13339.169870.0,pvid:c4cdc770-f05a-4b7b-8a50-d8b81efff6c9,tpp_buckets:668%230%23131923%230_668%23808%234094%23200',
    expected: { kind: 'product', product: { id: '4000672272353', site: 'com', locale: 'es' } },
    seen: 'https://github.com/ClearURLs/Rules/issues/163',
  },
  {
    input:
      'https://aliexpress.ru/item/4000708603012.html?_t=gps-id:pcJustForYou,scm-url:1007.13562.158406.0,pvid:d3bac921-557c-4908-a35b-292a9821ec82,tpp_buckets:668#0#131923#8_668#808#4094#116&gps-id=pcJustForYou&pvid=d3bac921-557c-4908-a35b-292a9821ec82&scm=1007.13562.158406.0',
    expected: { kind: 'product', product: { id: '4000708603012', site: 'ru' } },
    seen: 'https://github.com/AdguardTeam/AdguardForWindows/issues/3240',
  },
  {
    input:
      'https://nl.aliexpress.com/item/4000296419746.html?spm=a2g0o.detail.1000014.11.1d93544bxx3SR7&gps-id=pcDetailBottomMoreOtherSeller&scm=1007.14976.158757.0&scm_id=1007.14976.158757.0&scm-url=1007.14976.158757.0&pvid=8fe8a7f3-f31e-4ba9-807a-967f08a194ec',
    expected: { kind: 'product', product: { id: '4000296419746', site: 'com', locale: 'nl' } },
    seen: 'https://github.com/Smile4ever/Neat-URL/pull/170',
  },
  {
    input:
      'https://m.de.aliexpress.com/item/32948511896.html?ug_edm_item_id=32948511896&pdp_npi=2%40dis%21EUR%21%E2%82%AC%2024%2C58%21%E2%82%AC%2014%2C50%21%21%21%21%21%402102fea916677108936606992d1f0c%2112000027801501608%21edm&edm_click_module=item_detail&tracelog=rowan&ck=in_edm_other&gatewayAdapt=gloPc2deuMsite',
    expected: { kind: 'product', product: { id: '32948511896', site: 'com', locale: 'de' } },
    seen: 'https://github.com/leon-cleaning-services/leon/issues/91',
  },
  {
    input:
      'https://www.aliexpress.com/item/1005003526000900.html?algo_exp_id=2e68f141-8db5-48b6-b733-7cf9e20dcc73-0&pdp_npi=4%40dis%21CAD%2129.36%2114.67%21%21%2121.17%21%21%402103244616946598857135537ee0e3%2112000026176559050%21sea%21CA%211929286871%21S&curPageLogUid=nXma8XxqV0Ph',
    expected: { kind: 'product', product: { id: '1005003526000900', site: 'com' } },
    seen: 'https://github.com/brave/adblock-lists/pull/1314',
  },
  {
    input:
      'https://es.aliexpress.com/item/1005007137023075.html?src=google&albch=shopping&acnt=897-548-8760&slnk=&plac=&mtctp=&albbt=Google_7_shopping&albagn=888888&isSmbAutoCall=false&needSmbHouyi=false&ds_e_product_id=en1005007137023075&ds_url_v=2&gad_source=1&aff_fcid=684a466bcb9b4aeebd41b09401de77df-1720912034178-05200-UneMJZVf&aff_fsk=UneMJZVf&aff_platform=aaf&afSmartRedirect=n&gatewayAdapt=glo2esp',
    expected: { kind: 'product', product: { id: '1005007137023075', site: 'com', locale: 'es' } },
    seen: 'https://github.com/ClearURLs/Rules/pull/120 (Google Shopping landing: not an app share)',
  },
  {
    input:
      'https://aliexpress.ru/item/1005009450643460.html?businessType=ProductDetail&sku_id=12000049142896049&spm=a2g2l.detail.0.0&spreadType=socialShare&srcSns=sns_More&utm_medium=sharing',
    expected: {
      kind: 'product',
      product: { id: '1005009450643460', site: 'ru', skuId: '12000049142896049' },
      appShare: true,
    },
    seen: 'https://github.com/ClearURLs/Rules/pull/317',
  },
  {
    input:
      'https://www.aliexpress.com/item/1005005869955278.html?pvid=de951c94-ff17-4dae-ab61-8298d8e3e7ee&_t=gps-id%3AplatformRecommendH5%2Cscm-url%3A1007.14452.398466.0&pdp_ext_f=%7B%22order%22%3A%221369%22%2C%22eval%22%3A%221%22%2C%22sceneId%22%3A%228499%22%2C%22fromPage%22%3A%22recommend%22%7D&pdp_npi=6%40dis!UAH!98.26!93.92!!!14.93!14.27!%40211b61ae17644460596033084e5970!12000034645240827!rec!UA!2444067443!XZ!1!0!n_tag%3A-29919',
    expected: { kind: 'product', product: { id: '1005005869955278', site: 'com' } },
    seen: 'https://github.com/ClearURLs/Addon/issues/497 (pdp_ext_f without sku_id)',
  },
  {
    input: 'https://de.aliexpress.com/item/2251832145008144.html?gatewayAdapt=glo2deu',
    expected: { kind: 'product', product: { id: '2251832145008144', site: 'com', locale: 'de' } },
    seen: 'https://github.com/eponra/flatpack/issues/5',
  },
  {
    input:
      'https://www.aliexpress.us/item/3256802107291989.html?spm=a2g0o.order_detail.order_detail_item.3.7f27f19cuFg60R&gatewayAdapt=glo2usa4itemAdapt&_randl_shipto=US',
    expected: { kind: 'product', product: { id: '3256802107291989', site: 'us' } },
    seen: 'docs/architecture.md, Domain facts (aliexpress.us); GitHub code search "gatewayAdapt=glo2usa4itemAdapt&_randl_shipto=US" (hardware BOM READMEs)',
  },
  {
    input: 'https://aliexpress.us/item/3256804350040376.html',
    expected: { kind: 'product', product: { id: '3256804350040376', site: 'us' } },
    seen: 'docs/architecture.md, Domain facts (aliexpress.us, bare host)',
  },
  {
    input: 'https://m.aliexpress.com/item/32315883368.html',
    expected: { kind: 'product', product: { id: '32315883368', site: 'com' } },
    seen: 'docs/architecture.md, Domain facts (m. host); GitHub code search "m.aliexpress.com/item/32315883368" (W0CHP WX station README)',
  },
  {
    input: 'https://m.aliexpress.com/item/32456521124.html?spm=a2g0n.home-amp.alsolike.32456521124',
    expected: { kind: 'product', product: { id: '32456521124', site: 'com' } },
    seen: 'GitHub code search "m.aliexpress.com/item/32456521124" (saved AMP home page)',
  },
  {
    input: 'https://m.es.aliexpress.com/item/1005004918334754.html',
    expected: { kind: 'product', product: { id: '1005004918334754', site: 'com', locale: 'es' } },
    seen: 'docs/architecture.md, Domain facts (m.<locale>. hosts); GitHub code search "m.es.aliexpress.com/item/1005004918334754"',
  },
  {
    input: 'https://m.es.aliexpress.com/i/1005004362666216.html',
    expected: { kind: 'product', product: { id: '1005004362666216', site: 'com', locale: 'es' } },
    seen: 'GitHub code search "m.es.aliexpress.com/i/1005004362666216" (figure shop data file)',
  },
  {
    input: 'https://www.aliexpress.com/i/1005009445601751.html',
    expected: { kind: 'product', product: { id: '1005009445601751', site: 'com' } },
    seen: 'docs/architecture.md, Domain facts (/i/ID.html); GitHub code search "aliexpress.com/i/1005009445601751"',
  },
  {
    input: 'https://ja.aliexpress.com/i/32857333905.html',
    expected: { kind: 'product', product: { id: '32857333905', site: 'com', locale: 'ja' } },
    seen: 'GitHub code search "ja.aliexpress.com/i/32857333905" (74HC181 parts list)',
  },
  {
    input:
      'https://hz.aliexpress.com/i/1005005277943648.html?src=google&albch=search&acnt=479-062-3723&isdl=y&aff_short_key=UneMJZVf&albcp=266121556&albag=7593673036&slnk=&trgt=dsa-42862830006&plac=&crea=426823514858&albad=426823514858',
    expected: { kind: 'product', product: { id: '1005005277943648', site: 'com' } },
    seen: 'GitHub code search "hz.aliexpress.com/i/1005005277943648" (non-locale subdomain)',
  },
  {
    input: 'https://aliexpress.com/i/1005008778917624.html',
    expected: { kind: 'product', product: { id: '1005008778917624', site: 'com' } },
    seen: 'docs/architecture.md, Domain facts (bare host); GitHub code search "aliexpress.com/i/1005008778917624"',
  },
  {
    input: 'https://aliexpress.com/item/1005006123456789',
    expected: { kind: 'product', product: { id: '1005006123456789', site: 'com' } },
    seen: 'docs/architecture.md, Domain facts (/item/ID without .html)',
  },
  {
    input: 'http://www.aliexpress.com/item/1005006123456789.htm',
    expected: { kind: 'product', product: { id: '1005006123456789', site: 'com' } },
    seen: 'GitHub code search "aliexpress.com/item/${id}.htm`" (a vitest table of accepted forms)',
  },
  {
    input:
      'https://www.aliexpress.com/item/NEW-10A-250V-Inlet-Module-Plug-Fuse-Switch-Male-Power-Socket-3-Pin-IEC320-C14/32505761611.html',
    expected: { kind: 'product', product: { id: '32505761611', site: 'com' } },
    seen: 'docs/architecture.md, Domain facts (/item/slug/ID.html); GitHub code search "IEC320-C14%2F32505761611"',
  },
  {
    input:
      'https://ru.aliexpress.com/item/Bluetooth-4-0-Glucose-Cholesterol-2in1-Meter-monitor-with-APP-for-IOS-Android-50-Glucose-Test/32846379081.html?spm=a2g0v.10010108.1000014.8.56484de2VCPiYK&scm=1007.13338.98539.000000000000000&pvid=8c28e8fe-f991-40ed-a0d6-c358295de075&tpp=1&aff_platform=link-c-tool&cpt=1529309285558&sk=Iurr7eM&aff_trace_key=7489279a51da473882fcd63521373654-1529309285558-01618-Iurr7eM&terminal_id=65a39b2dafdb412c918dc4e6ee92e23f',
    expected: { kind: 'product', product: { id: '32846379081', site: 'com', locale: 'ru' }, foreignAffiliate: true },
    seen: 'GitHub code search "aff_platform=link-c-tool" (price widget; a Portals landing, not an app share)',
  },
  {
    input:
      'https://www.aliexpress.com/store/product/USBasp-USBISP-3-3V-5V-AVR-Programmer-USB-ATMEGA8-L/1414081_2036883289.html?spm=2114.12010615.8148356.4.306e1808eNfb5t',
    expected: { kind: 'product', product: { id: '2036883289', site: 'com' } },
    seen: 'docs/architecture.md, Domain facts (/store/product/slug/STORE_PRODUCT.html); GitHub code search "1414081_2036883289"',
  },
  {
    input:
      'https://www.aliexpress.com/store/product/CUAV-NEW-Flight-Controller-GPS-C-RTK-differential-positioning-navigation-module-GPS-for-PIX4-Pixhawk-pixhack/3257035_32853894248.html?spm=2114',
    expected: { kind: 'product', product: { id: '32853894248', site: 'com' } },
    seen: 'GitHub code search "3257035_32853894248" (CUAV C-RTK docs)',
  },
  {
    input:
      'https://aliexpress.ru/item/1005010130773880.html?shpMethod=CAINIAO_STANDARD&sku_id=12000051249532312&spm=a2g2w.productlist.search_results.5.7fa43fb3S3rHid',
    expected: { kind: 'product', product: { id: '1005010130773880', site: 'ru', skuId: '12000051249532312' } },
    seen: 'docs/architecture.md, Domain facts (aliexpress.ru); GitHub code search "sku_id=12000051249532312"',
  },
  {
    input: 'https://m.aliexpress.ru/item/1005004325322975.html?sku_id=12000028762257776',
    expected: { kind: 'product', product: { id: '1005004325322975', site: 'ru', skuId: '12000028762257776' } },
    seen: 'docs/architecture.md, Domain facts (m. host of aliexpress.ru); GitHub code search "m.aliexpress.ru/item/1005004325322975"',
  },
  {
    input:
      'https://he.aliexpress.com/item/1005003818247483.html?spm=a2g0o.productlist.0.0.755710d1jXgc9F&algo_pvid=285495db-7b43-4cc5-bc67-508cdd252f7d&algo_exp_id=285495db-7b43-4cc5-bc67-508cdd252f7d-15&pdp_ext_f=%7B%22sku_id%22%3A%2212000027263733305%22%7D&pdp_npi=2%40dis%21ILS%21%216.46%21%21%21%21%21%402100bddf16578052994232769e06b1%2112000027263733305%21sea&gatewayAdapt=glo2isr',
    expected: { kind: 'product', product: { id: '1005003818247483', site: 'com', locale: 'he', skuId: '12000027263733305' } },
    seen: 'GitHub code search "pdp_ext_f=%7B%22sku_id" (he.aliexpress.com ESP-32 link)',
  },
  {
    input:
      'https://fr.aliexpress.com/item/32648520888.html?spm=a2g0o.productlist.0.0.35bd3ab84rgxF1&algo_pvid=cc92eaba-74ed-4295-b8ea-a52ac7373180&algo_exp_id=cc92eaba-74ed-4295-b8ea-a52ac7373180-0&pdp_ext_f=%7B%22sku_id%22%3A%2259641309080%22%7D',
    expected: { kind: 'product', product: { id: '32648520888', site: 'com', locale: 'fr', skuId: '59641309080' } },
    seen: 'GitHub code search "pdp_ext_f=%7B%22sku_id" (rotary encoder link, 11-digit id)',
  },
  {
    input:
      'https://pl.aliexpress.com/item/1005004590066028.html?_randl_currency=PLN&_randl_shipto=PL&src=google&src=google&albch=shopping&acnt=494-037-6276&slnk=&plac=&mtctp=&albbt=Google_7_shopping&albagn=888888&isSmbAutoCall=false&needSmbHouyi=false&aff_fcid=9b1cf1dd5e99490796fb7089450ef3d1-1666301188297-00947-UneMJZVf&aff_fsk=UneMJZVf&aff_platform=aaf',
    expected: { kind: 'product', product: { id: '1005004590066028', site: 'com', locale: 'pl' } },
    seen: 'GitHub code search "_randl_shipto" (PIR sensor link; Google Shopping, not an app share)',
  },
  {
    input: 'https://www.aliexpress.com/item/1005006786141635.html?skuId=12000038298689118',
    expected: { kind: 'product', product: { id: '1005006786141635', site: 'com', skuId: '12000038298689118' } },
    seen: 'GitHub code search "1005006786141635.html?skuId=12000038298689118" (a sourcing script\'s report; the camel-case spelling)',
  },
  {
    input: 'https://www.aliexpress.com/item/1005006786141635.html?platform=AE',
    expected: { kind: 'product', product: { id: '1005006786141635', site: 'com' } },
    seen: 'the share links below, reduced to their `platform=AE`: alone it is no share (the share page pairs it with businessType=ProductDetail)',
  },
  {
    input: 'https://www.aliexpress.com/item/1005006786141635.html?businessType=dailycash&platform=AE',
    expected: { kind: 'product', product: { id: '1005006786141635', site: 'com' } },
    seen: 'GitHub code search "businessType=dailycash&platform=AE" (a coin-campaign link; there its shareId is what marks the share)',
  },
];

const appShares: Row[] = [
  {
    input:
      'https://pt.aliexpress.com/item/1005007989431712.html?srcSns=sns_Copy&spreadType=socialShare&bizType=ProductDetail&social_params=21851383776&aff_fcid=6abde431cf2c43d78abba54f8fe92092-1748561979491-00334-_mq1jYKF&tt=MG&aff_fsk=_mq1jYKF&aff_platform=default&sk=_mq1jYKF&aff_trace_key=6abde431cf2c43d78abba54f8fe92092-1748561979491-00334-_mq1jYKF&shareId=21851383776&businessType=ProductDetail&platform=AE&terminal_id=fb8fc465198c41748a4019f7189cdc36&afSmartRedirect=y',
    expected: { kind: 'product', product: { id: '1005007989431712', site: 'com', locale: 'pt' }, appShare: true },
    seen: 'seed 002 (app links); GitHub code search "srcSns=sns_Copy" (WS2812B LED strip README)',
  },
  {
    input:
      'https://www.aliexpress.com/item/32986135934.html?srcSns=sns_WhatsApp&spreadType=socialShare&bizType=ProductDetail&social_params=40004855740&tt=MG&aff_platform=default&sk=_9ApnQR&aff_trace_key=b6b76121cb7547e4ad30e09c9223ffed-1608628871152-00981-_9ApnQR&shareId=40004855740&businessType=ProductDetail&platform=AE&terminal_id=3e952a3a07934284b8c43999900503f5',
    expected: { kind: 'product', product: { id: '32986135934', site: 'com' }, appShare: true },
    seen: 'GitHub code search "srcSns=sns_WhatsApp" (isobot README)',
  },
  {
    input:
      'https://ko.aliexpress.com/item/1005010120015183.html?invitationCode=ZXRlQUNVNkpPRUd3N2lRNlhCUGcvcGVhbGdxWXhWTkNhckJpcnN5UXQ3MmVQemFTZUJrNWVWT0s1MU1hdTAyWg&srcSns=sns_KakaoTalk&sourceType=1&spreadType=socialShare&social_params=6000370900927&bizType=ProductDetail&spreadCode=ZXRlQUNVNkpPRUd3N2lRNlhCUGcvcGVhbGdxWXhWTkNhckJpcnN5UXQ3MmVQemFTZUJrNWVWT0s1MU1hdTAyWg&tt=MG&aff_platform=default',
    expected: { kind: 'product', product: { id: '1005010120015183', site: 'com', locale: 'ko' }, appShare: true },
    seen: 'GitHub code search "srcSns=sns_KakaoTalk" (price watcher script)',
  },
  {
    input:
      'https://fr.aliexpress.com/item/1005005008373588.html?businessType=ProductDetail&srcSns=sns_Copy&spreadType=socialShare&bizType=ProductDetail&social_params=60912297260&tt=CPS_NORMAL&aff_platform=shareComponent-detail&sk=_EuEbJO4',
    expected: { kind: 'product', product: { id: '1005005008373588', site: 'com', locale: 'fr' }, appShare: true },
    seen: 'GitHub code search "aff_platform=shareComponent-detail" (espresso machine BOM)',
  },
  {
    input:
      'https://fr.aliexpress.com/item/1005006774185535.html?srcSns=sns_WhatsApp&spreadType=socialShare&bizType=ProductDetail&social_params=61001048639&tt=MG&aff_platform=default&afSmartRedirect=y#nav-specification',
    expected: { kind: 'product', product: { id: '1005006774185535', site: 'com', locale: 'fr' }, appShare: true },
    seen: 'GitHub code search "afSmartRedirect=y#nav-specification" (fragment after a share link)',
  },
  {
    input:
      'https://star.aliexpress.com/share/share.htm?platform=AE&businessType=ProductDetail&redirectUrl=https://www.aliexpress.com/item/1005006367324382.html',
    expected: {
      kind: 'product',
      product: { id: '1005006367324382', site: 'com' },
      unwrappedFrom: 'redirectUrl',
      appShare: true,
    },
    seen: 'docs/architecture.md, Domain facts (redirectUrl=); GitHub code search "star.aliexpress.com/share/share.htm?platform=AE&businessType=ProductDetail&redirectUrl="',
  },
  {
    input: 'https://a.aliexpress.com/_mKjL9Cq',
    expected: { kind: 'short-link', host: 'a.aliexpress.com', url: 'https://a.aliexpress.com/_mKjL9Cq', appShare: true },
    seen: 'docs/architecture.md, Domain facts (a.aliexpress.com/_x); GitHub code search "a.aliexpress.com/_mKjL9Cq" (ESP32-CAM README)',
  },
  {
    input: 'https://a.aliexpress.com/_EIV3vwY',
    expected: { kind: 'short-link', host: 'a.aliexpress.com', url: 'https://a.aliexpress.com/_EIV3vwY', appShare: true },
    seen: 'GitHub code search "a.aliexpress.com/_EIV3vwY" (keyboard bill of materials)',
  },
  {
    input: 'https://aliexpress.ru/e/_abc',
    expected: { kind: 'short-link', host: 'aliexpress.ru', url: 'https://aliexpress.ru/e/_abc', appShare: true },
    seen: 'GitHub code search "aliexpress.ru/e/_" (Go link resolver test: "RU-шэр")',
  },
  {
    input: 'https://ali.click/fk3ej1c',
    expected: { kind: 'short-link', host: 'ali.click', url: 'https://ali.click/fk3ej1c', appShare: true },
    seen: 'https://github.com/ClearURLs/Rules/pull/317',
  },
];

const wrappers: Row[] = [
  {
    input: 'https://ad.admitad.com/g/abc123/?ulp=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005001234.html',
    expected: { kind: 'product', product: { id: '1005001234', site: 'com' }, unwrappedFrom: 'ulp', foreignAffiliate: true },
    seen: 'docs/architecture.md, Domain facts (Admitad ulp=); GitHub code search "Admitad (ad.admitad.com) — unwraps ?ulp="',
  },
  {
    input:
      'https://alitems.com/g/1e8d1144949a590a4ec116525dc3e8/?ulp=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2FNEW-10A-250V-Inlet-Module-Plug-Fuse-Switch-Male-Power-Socket-3-Pin-IEC320-C14%2F32505761611.html',
    expected: { kind: 'product', product: { id: '32505761611', site: 'com' }, unwrappedFrom: 'ulp', foreignAffiliate: true },
    seen: 'GitHub code search "alitems.com/g/1e8d1144949a590a4ec116525dc3e8" (workshop blog post)',
  },
  {
    input:
      'https://rzekl.com/g/1e8d114494d66b47c30616525dc3e8/?ulp=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005009313552383.html%3Fpdp_ext_f%3D%257B%2522sku_id%2522%253A%252212000048715594442%2522%257D%26sourceType%3D1%26spm%3Da2g0o.wish-manage-home.0.0',
    expected: {
      kind: 'product',
      product: { id: '1005009313552383', site: 'com', skuId: '12000048715594442' },
      unwrappedFrom: 'ulp',
      foreignAffiliate: true,
    },
    seen: 'GitHub code search "rzekl.com/g/1e8d114494d66b47c30616525dc3e8/?ulp=" (Supabase deal seed)',
  },
  {
    input: 'https://rzekl.com/g/1e8d11449451da3d44eb16525dc3e8/?ulp=https%3A%2F%2Fwww.aliexpress.com%2Fw%2Fwholesale-3D-Printer.html',
    expected: {
      kind: 'page',
      site: 'com',
      page: 'category',
      url: 'https://www.aliexpress.com/w/wholesale-3D-Printer.html',
      unwrappedFrom: 'ulp',
      foreignAffiliate: true,
    },
    seen: 'GitHub code search "wholesale-3D-Printer.html" (3D printer affiliate site)',
  },
  {
    input:
      'http://shopeasy.by/redirect/cpa/o/ou76wi7vip8o8fxzn1fxixpo2ddqm8m2/?to=https%3A%2F%2Fru.aliexpress.com%2Fitem%2FHeadphone-Sennheiser-CX-3-00-Headphone-for-phone%2F32798323420.html',
    expected: { kind: 'product', product: { id: '32798323420', site: 'com', locale: 'ru' }, unwrappedFrom: 'to', foreignAffiliate: true },
    seen: 'docs/architecture.md, Domain facts (ePN to=); GitHub code search "shopeasy.by/redirect/cpa/o/" (ePN relinker extension)',
  },
  {
    input: 'http://alipromo.com/redirect/cpa/o/o3dg77s3ecabxunu8mu33vxvw2nrlxyh/?sub=yana&to=https://m.aliexpress.ru/item/1005001543169595.html',
    expected: { kind: 'product', product: { id: '1005001543169595', site: 'ru' }, unwrappedFrom: 'to', foreignAffiliate: true },
    seen: 'GitHub code search "/?sub=yana&to=https://m.aliexpress.ru/item/" (ePN bot, unencoded target)',
  },
  {
    input:
      'https://s.click.aliexpress.com/deep_link.htm?aff_short_key=_9z3fYk&dl_target_url=https://www.aliexpress.com/item/1005004059758839.html&aff_platform=promotion',
    expected: { kind: 'product', product: { id: '1005004059758839', site: 'com' }, unwrappedFrom: 'dl_target_url', foreignAffiliate: true },
    seen: 'docs/architecture.md, Domain facts (dl_target_url=); github.com/edlbiedlby/Aliexpress-Affiliate-Telegram-Bot bot.py',
  },
  {
    input:
      'https://s.click.aliexpress.com/e/LyULXZde?af=3722256&cv=38055532&cn=43q6mb7qaopi4qpa0ra6szn9ek94vc6o&dp=v5_43q6mb7qaopi4qpa0ra6szn9ek94vc6o&dl_target_url=https%3A%2F%2Faliexpress.ru%2Fitem%2F4000527624853.html%3Faf%3D3722256%26cv%3D38055532',
    expected: { kind: 'product', product: { id: '4000527624853', site: 'ru' }, unwrappedFrom: 'dl_target_url', foreignAffiliate: true },
    seen: 'GitHub code search "s.click.aliexpress.com/e/LyULXZde" (ePN partner_links table)',
  },
  {
    input:
      'https://www.google.it/url?url=https://s.click.aliexpress.com/deep_link.htm%3Faff_short_key%3DUneMJZVf%26dl_target_url%3Dhttps%253A%252F%252Fwww.aliexpress.com%252Fitem%252F1005002248206928.html%253F_randl_currency%253DEUR%2526_randl_shipto%253DIT',
    expected: { kind: 'product', product: { id: '1005002248206928', site: 'com' }, unwrappedFrom: 'dl_target_url', foreignAffiliate: true },
    seen: 'GitHub code search "google.it/url?url=https://s.click.aliexpress.com/deep_link.htm" (Shopping results dump; nested)',
  },
  {
    input:
      'https://aliexitem.com/go?clickId=17605756875840.9973169203227351&country=AU&subid1=DPlnKr2ATnM&subid3=64b70202-f30e-4de4-90ad-1dafe692f3ec&subid4=image_search&url=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005005757205137.html',
    expected: { kind: 'product', product: { id: '1005005757205137', site: 'com' }, unwrappedFrom: 'url' },
    seen: 'https://github.com/ClearURLs/Addon/issues/490 (Alitools redirect)',
  },
  {
    input:
      'https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005001469045379.html&h=ATP1kf98S0FxqErjoW8VmdSllIp4veuH2_m1jl69sEEeLzUXbkNXrVnzRMp65r5vf21LJGTgJwR2b66m97zYJoXx951n',
    expected: { kind: 'product', product: { id: '1005001469045379', site: 'com' }, unwrappedFrom: 'u' },
    seen: 'github.com/idlewan/link_cleaner test_urls.md (l.facebook.com l.php?u= form)',
  },
  {
    input:
      'https://www.aliexpress.com/p/ug-login-page/login.html?returnUrl=https%3A%2F%2Fugreen.aliexpress.com%2Fstore%2F301635',
    expected: {
      kind: 'store',
      site: 'com',
      storeId: '301635',
      url: 'https://ugreen.aliexpress.com/store/301635',
      unwrappedFrom: 'returnUrl',
    },
    seen: 'https://github.com/uBlockOrigin/uAssets/issues/33158',
  },
  {
    input: 'https://ad.admitad.com/g/abc123/?ulp=https%3A%2F%2Fwww.shein.com%2Fdress-p-12345.html',
    expected: { kind: 'not-aliexpress', host: 'ad.admitad.com' },
    seen: 'GitHub code search "www.shein.com%2Fdress-p-12345.html" (Admitad deeplink to another shop)',
  },
  {
    input:
      'https://click.aliexpress.com/e/_oF123?target=https%3A%2F%2Fglobal.cainiao.com%2Fdetail.htm%3FmailNoList%3DLP00123456789012',
    expected: { kind: 'short-link', host: 'click.aliexpress.com', url: 'https://click.aliexpress.com/e/_oF123' },
    seen: 'GitHub code search "click.aliexpress.com/e/_oF123" (order e-mail parser; target is not AliExpress)',
  },
];

const shortLinks: Row[] = [
  {
    input: 'https://s.click.aliexpress.com/e/_c3iB26TD',
    expected: { kind: 'short-link', host: 's.click.aliexpress.com', url: 'https://s.click.aliexpress.com/e/_c3iB26TD' },
    seen: 'https://github.com/marirs/urlexpand/issues/9',
  },
  {
    input: 'https://s.click.aliexpress.com/e/abcD12345?af=001&cn=002&cv=003&dp=abc',
    expected: { kind: 'short-link', host: 's.click.aliexpress.com', url: 'https://s.click.aliexpress.com/e/abcD12345' },
    seen: 'seed 003 (custom tracking strings); seed 001 (s.click may lose commission)',
  },
  {
    input: 'http://s.click.aliexpress.com/e/abcD12345',
    expected: { kind: 'short-link', host: 's.click.aliexpress.com', url: 'https://s.click.aliexpress.com/e/abcD12345' },
    seen: 'seed 001 ("http://s.click.aliexpress.com")',
  },
  {
    input: 'http://click.aliexpress.com/rd/bAYFkQE8?af=12345&dp=67890',
    expected: { kind: 'short-link', host: 'click.aliexpress.com', url: 'https://click.aliexpress.com/rd/bAYFkQE8' },
    seen: 'GitHub code search "click.aliexpress.com/rd/bAYFkQE8" (old Portals API client comment)',
  },
];

const storesAndPages: Row[] = [
  {
    input: 'https://www.aliexpress.com/store/1105701619',
    expected: { kind: 'store', site: 'com', storeId: '1105701619', url: 'https://www.aliexpress.com/store/1105701619' },
    seen: 'GitHub code search "www.aliexpress.com/store/1105701619" (official store badge)',
  },
  {
    input: 'https://lilygo.aliexpress.com/store/2090076',
    expected: { kind: 'store', site: 'com', storeId: '2090076', url: 'https://lilygo.aliexpress.com/store/2090076' },
    seen: 'GitHub code search "lilygo.aliexpress.com/store/2090076" (store subdomain)',
  },
  {
    input:
      'https://ja.aliexpress.com/store/1101234567/pages/all-items.html?sortType=bestmatch_sort&shop_sortType=bestmatch_sort&spm=a2g0o.store_pc_allItems',
    expected: {
      kind: 'store',
      site: 'com',
      storeId: '1101234567',
      url: 'https://ja.aliexpress.com/store/1101234567/pages/all-items.html?sortType=bestmatch_sort&shop_sortType=bestmatch_sort',
    },
    seen: 'github.com/Ekans111/Aliexpress-scraper-without-api-free Aliex/StorePageSearch.py',
  },
  {
    input: 'https://aliexpress.ru/store/1100219963?spm=a2g38.sc_product_list.0.0.252d2304G11LgS',
    expected: { kind: 'store', site: 'ru', storeId: '1100219963', url: 'https://aliexpress.ru/store/1100219963' },
    seen: 'GitHub code search "aliexpress.ru/store/1100219963" (shop links list)',
  },
  {
    input: 'https://aliexpress.ru/store/1089340/search?origin=y&SearchText=FS8205A+',
    expected: {
      kind: 'store',
      site: 'ru',
      storeId: '1089340',
      url: 'https://aliexpress.ru/store/1089340/search?SearchText=FS8205A+',
    },
    seen: 'GitHub code search "aliexpress.ru/store/1089340/search" (parts list)',
  },
  {
    input: '//huaweirussia.aliexpress.ru/store/5234011',
    expected: { kind: 'store', site: 'ru', storeId: '5234011', url: 'https://huaweirussia.aliexpress.ru/store/5234011' },
    seen: 'GitHub code search "huaweirussia.aliexpress.ru/store/5234011" (protocol-relative brand URL)',
  },
  {
    input: 'https://qntsq.aliexpress.ru/store/group/1-25MM-Cable/302471_509986609.html',
    expected: {
      kind: 'store',
      site: 'ru',
      storeId: '302471',
      url: 'https://qntsq.aliexpress.ru/store/group/1-25MM-Cable/302471_509986609.html',
    },
    seen: 'GitHub code search "qntsq.aliexpress.ru/store/group" (camera FAQ)',
  },
  {
    input: 'https://www.aliexpress.com/category/200000668/shirts.html?spm=a2g0o.tm66085.102.6.47fd5f5bIPRwjf',
    expected: { kind: 'page', site: 'com', page: 'category', url: 'https://www.aliexpress.com/category/200000668/shirts.html' },
    seen: 'GitHub code search "aliexpress.com/category/200000668/shirts.html"',
  },
  {
    input:
      'https://ru.aliexpress.com/af/category/202000104.html?site=rus&d=n&catName=laptops&CatId=202000104&origin=n&isViewCP=y&jump=afs',
    expected: {
      kind: 'page',
      site: 'com',
      page: 'category',
      url: 'https://ru.aliexpress.com/af/category/202000104.html?CatId=202000104',
    },
    seen: 'GitHub code search "ru.aliexpress.com/af/category/202000104.html"',
  },
  {
    input:
      'https://www.aliexpress.com/af/cover-for-tennis-.html?d=y&origin=n&SearchText=cover+for+tennis+&catId=0&initiative_id=SB_20201023135939',
    expected: {
      kind: 'page',
      site: 'com',
      page: 'category',
      url: 'https://www.aliexpress.com/af/cover-for-tennis-.html?SearchText=cover+for+tennis+&catId=0',
    },
    seen: 'GitHub code search "aliexpress.com/af/cover-for-tennis-.html" (Playwright test)',
  },
  {
    input:
      'https://de.aliexpress.com/w/wholesale-usb-c.html?trafficChannel=affiliate&d=y&CatId=0&SearchText=usb-c&aff_fcid=aiitec&aff_fsk=aiitec&aff_platform=link-c-tool&sk=aiitec&aff_trace_key=aiitec',
    expected: {
      kind: 'page',
      site: 'com',
      page: 'category',
      url: 'https://de.aliexpress.com/w/wholesale-usb-c.html?CatId=0&SearchText=usb-c',
      foreignAffiliate: true,
    },
    seen: 'GitHub code search "de.aliexpress.com/w/wholesale-" (price alert script building affiliate search links)',
  },
  {
    input: '//m.aliexpress.com/category/509.html?spm=a2g0n.home-amp.category.phones',
    expected: { kind: 'page', site: 'com', page: 'category', url: 'https://www.aliexpress.com/category/509.html' },
    seen: 'GitHub code search "m.aliexpress.com/category/509.html" (saved AMP home page)',
  },
  {
    input: 'https://www.aliexpress.com/wholesale?initiative_id=SB_20181209124656&site=glo&SearchText=usb&page=2&SortType=price_asc',
    expected: {
      kind: 'page',
      site: 'com',
      page: 'search',
      url: 'https://www.aliexpress.com/wholesale?SearchText=usb&page=2&SortType=price_asc',
    },
    seen: 'github.com/Song-gicheon/web_crawling ali.py',
  },
  {
    input: 'https://m.es.aliexpress.com/wholesale/zapatos+rojos.html?channel=direct&keywords=zapatos+rojos',
    expected: {
      kind: 'page',
      site: 'com',
      page: 'search',
      url: 'https://es.aliexpress.com/wholesale/zapatos+rojos.html?keywords=zapatos+rojos',
    },
    seen: 'GitHub code search "m.es.aliexpress.com/wholesale/zapatos+rojos.html"',
  },
  {
    input: 'https://aliexpress.ru/wholesale?SearchText=esp32&g=y&page=1',
    expected: { kind: 'page', site: 'ru', page: 'search', url: 'https://aliexpress.ru/wholesale?SearchText=esp32&g=y&page=1' },
    seen: 'GitHub code search "aliexpress.ru/wholesale?SearchText=" (search provider)',
  },
  {
    input: 'https://campaign.aliexpress.com/wow/gcp/sd-g-2022/index?spm=a2g0o.home.01002.4.31c81c913GLz9u',
    expected: { kind: 'page', site: 'com', page: 'campaign', url: 'https://campaign.aliexpress.com/wow/gcp/sd-g-2022/index' },
    seen: 'GitHub code search "campaign.aliexpress.com/wow/gcp/sd-g-2022" (Selenium script)',
  },
  {
    input:
      'https://campaign.aliexpress.com/wow/gcp/tesla-pc-new/index?UTABTest=aliabtest344316_486351&_randl_currency=CAD&_randl_shipto=CA&src=google&aff_fcid=14c4d4e62f39436cb6965e5112f036db-1673734156129-05834-UneMJZVf&aff_fsk=UneMJZVf',
    expected: { kind: 'page', site: 'com', page: 'campaign', url: 'https://campaign.aliexpress.com/wow/gcp/tesla-pc-new/index' },
    seen: 'GitHub code search "campaign.aliexpress.com/wow/gcp/tesla-pc-new" (robot BOM)',
  },
  {
    input: 'https://sale.aliexpress.com/__pc/inspiration_tech_pc.htm?spm=2114.11010108.01004.1.650c649bbSVKYA&pid=32661554901',
    expected: { kind: 'page', site: 'com', page: 'campaign', url: 'https://sale.aliexpress.com/__pc/inspiration_tech_pc.htm' },
    seen: 'GitHub code search "sale.aliexpress.com/__pc/inspiration_tech_pc.htm" (Scrapy spider)',
  },
  {
    input:
      'https://sale.aliexpress.com/ru/__pc/September_fashion_new_lianmeng.htm?tmLog=default_4625&aff_platform=promotion&cpt=1571393015748&sk=loa6aa3A',
    expected: {
      kind: 'page',
      site: 'com',
      page: 'campaign',
      url: 'https://sale.aliexpress.com/ru/__pc/September_fashion_new_lianmeng.htm',
      foreignAffiliate: true,
    },
    seen: 'GitHub code search "sale.aliexpress.com/ru/__pc/September_fashion" (load-test script referer)',
  },
  {
    input:
      'https://www.aliexpress.com/gcp/300000512/nnmixupdatev3?disableNav=YES&pha_manifest=ssr&_immersiveMode=true&channelLinkTag=nn_newgcp&spm=a2g0o.home.poplayer.125911_206920',
    expected: { kind: 'page', site: 'com', page: 'campaign', url: 'https://www.aliexpress.com/gcp/300000512/nnmixupdatev3' },
    seen: 'GitHub code search "aliexpress.com/gcp/300000512/nnmixupdatev3" (deal popup extension)',
  },
  {
    input:
      'https://www.aliexpress.com/ssr/300000512/BundleDeals2?spm=a2g0o.productlist.main.3.3b1926c5PjpczG&productIds=1005008145000162%3A12000043981255787&pha_manifest=ssr&_immersiveMode=true',
    expected: {
      kind: 'page',
      site: 'com',
      page: 'campaign',
      url: 'https://www.aliexpress.com/ssr/300000512/BundleDeals2?productIds=1005008145000162%3A12000043981255787',
    },
    seen: 'GitHub code search "aliexpress.com/ssr/300000512/BundleDeals2" (soil sensor link)',
  },
  {
    input: 'https://ru.aliexpress.com/ssr/300001527/CouponCenter',
    expected: { kind: 'page', site: 'com', page: 'campaign', url: 'https://ru.aliexpress.com/ssr/300001527/CouponCenter' },
    seen: 'GitHub code search "ru.aliexpress.com/ssr/300001527/CouponCenter" (userscript @match)',
  },
  {
    input: 'https://www.aliexpress.com/p/calp-plus/index.html?categoryTab=US_electronics',
    expected: { kind: 'page', site: 'com', page: 'campaign', url: 'https://www.aliexpress.com/p/calp-plus/index.html' },
    seen: 'GitHub code search "aliexpress.com/p/calp-plus/index.html" (scraper constants)',
  },
  {
    input: 'https://aliexpress.com',
    expected: { kind: 'page', site: 'com', page: 'home', url: 'https://aliexpress.com/' },
    seen: 'seed 001 ("you should use https://aliexpress.com")',
  },
  {
    input: 'https://www.aliexpress.com/',
    expected: { kind: 'page', site: 'com', page: 'home', url: 'https://www.aliexpress.com/' },
    seen: 'GitHub code search "link = \'https://www.aliexpress.com/\'" (Nokogiri scraper)',
  },
  {
    input:
      'https://best.aliexpress.com/?lan=en&aff_fcid=136b1004f26441dab56a6269dce3b399-1622124207635-05150-nAeYz7Y&aff_fsk=nAeYz7Y&aff_platform=link-c-tool&sk=nAeYz7Y&aff_trace_key=136b1004f26441dab56a6269dce3b399-1622124207635-05150-nAeYz7Y&dp=43c6e4feee3212087a315b3d454e6fd9&terminal_id=0e068f3803484f33b41db8a158817504',
    expected: { kind: 'page', site: 'com', page: 'home', url: 'https://best.aliexpress.com/', foreignAffiliate: true },
    seen: 'GitHub code search "best.aliexpress.com/?lan=en&aff_fcid" (Selenium lecture; someone else\'s affiliate landing)',
  },
  {
    input: 'https://m.es.aliexpress.com/?tracelog=wwwhome2mobilesitehome',
    expected: { kind: 'page', site: 'com', page: 'home', url: 'https://es.aliexpress.com/' },
    seen: 'GitHub code search "m.es.aliexpress.com/?tracelog=wwwhome2mobilesitehome"',
  },
  {
    input: 'https://portals.aliexpress.com/help.htm',
    expected: { kind: 'page', site: 'com', page: 'other', url: 'https://portals.aliexpress.com/help.htm' },
    seen: 'seed 002 ("https://portals.aliexpress.com/help.htm")',
  },
];

const notAliExpress: Row[] = [
  {
    input: 'https://www.amazon.com/AmazonBasics-Type-C-USB-Male-Cable/dp/B01GGKYQ02/ref=sr_1_1?s=amazonbasics&ie=UTF8&qid=1489067885',
    expected: { kind: 'not-aliexpress', host: 'www.amazon.com' },
    seen: 'github.com/idlewan/link_cleaner test_urls.md',
  },
  {
    input: 'https://ae01.alicdn.com/kf/HTB1jyacKXXXXXckXFXXq6xXFXXXA/NEW-10A-250V-Inlet-Module-Plug-Fuse-Switch.jpg',
    expected: { kind: 'not-aliexpress', host: 'ae01.alicdn.com' },
    seen: 'GitHub code search "ae01.alicdn.com/kf/HTB1jyacKXXXXXckXFXXq6xXFXXXA" (AliExpress image CDN, not a storefront)',
  },
  {
    input: 'https://ae-pic-a1.aliexpress-media.com/kf/S6b03840c785b4b3e88dae5589fe387d7T/Shorts.jpg_350x350xz.jpg',
    expected: { kind: 'not-aliexpress', host: 'ae-pic-a1.aliexpress-media.com' },
    seen: 'github.com/dazn311/aliexpressExt src/store/aliexpress-v2/searchShorts.js (aliexpress-media.com is not aliexpress.com)',
  },
  {
    input: 'https://www.ebay.com/itm/275031067583?mkcid=16&mkevt=1&mkrid=711-127632-2357-0',
    expected: { kind: 'not-aliexpress', host: 'www.ebay.com' },
    seen: 'GitHub code search "ebay.com/itm/275031067583" (listed next to an a.aliexpress.com link)',
  },
];

const inputHygiene: Row[] = [
  {
    input: 'aliexpress.com/item/1005001234567890.html',
    expected: { kind: 'product', product: { id: '1005001234567890', site: 'com' } },
    seen: 'docs/architecture.md, Domain facts (bare host); how publishers type links in posts',
  },
  {
    input: '//www.aliexpress.com/item/32456521124.html',
    expected: { kind: 'product', product: { id: '32456521124', site: 'com' } },
    seen: 'GitHub code search "og:url" content="//www.aliexpress.com" (protocol-relative links in AliExpress HTML)',
  },
  {
    input: 'www.aliexpress.com/item/1005001234567890.html?spm=a2g0o.detail.1000060.1',
    expected: { kind: 'product', product: { id: '1005001234567890', site: 'com' } },
    seen: 'docs/architecture.md, Domain facts (www. host, scheme left off when copied from the address bar)',
  },
  {
    input: 'HTTPS://WWW.ALIEXPRESS.COM/ITEM/1005001234567890.HTML',
    expected: { kind: 'product', product: { id: '1005001234567890', site: 'com' } },
    seen: 'RFC 3986 section 3.2.2, https://www.rfc-editor.org/rfc/rfc3986#section-3.2.2 (hosts are case-insensitive); upper-cased by some chat apps',
  },
  {
    input: 'https://www.aliexpress.com/item/1005001234567890.html?',
    expected: { kind: 'product', product: { id: '1005001234567890', site: 'com' } },
    seen: 'seed 003 ("add a question mark ? to the end of any affiliate link")',
  },
  {
    input: '  \n  https://www.aliexpress.com/item/1005001234567890.html \t',
    expected: { kind: 'product', product: { id: '1005001234567890', site: 'com' } },
    seen: 'docs/architecture.md, Context-menu click to history (right-click "Copy affiliate link" on selected text)',
  },
  {
    input: 'https://www.aliexpress.com/item/1005001234567890.html.',
    expected: { kind: 'product', product: { id: '1005001234567890', site: 'com' } },
    seen: 'GitHub code search "item/32367486295.html" ("Available for example here: <url>" then a full stop)',
  },
  {
    input: '(https://www.aliexpress.com/item/1005001234567890.html),',
    expected: { kind: 'product', product: { id: '1005001234567890', site: 'com' } },
    seen: 'GitHub code search "[Ali Express](https://www.aliexpress.com/item/1005001469045379.html" (links in parentheses)',
  },
  {
    input: '(https://www.aliexpress.com/wholesale?SearchText=usb+hub+(4+ports)).',
    expected: { kind: 'page', site: 'com', page: 'search', url: 'https://www.aliexpress.com/wholesale?SearchText=usb+hub+(4+ports%29' },
    seen: 'GitHub Flavored Markdown spec, "Autolinks (extension)": `www.google.com/search?q=Markup+(business)` keeps its balanced `)`; here an AliExpress search in parentheses',
  },
  {
    input: 'https://www.aliexpress.com/wholesale?SearchText=usb+hub+(4+ports)',
    expected: { kind: 'page', site: 'com', page: 'search', url: 'https://www.aliexpress.com/wholesale?SearchText=usb+hub+(4+ports%29' },
    seen: 'GitHub Flavored Markdown spec, "Autolinks (extension)" (a search query ending in a parenthesised word)',
  },
  {
    input: '<https://www.aliexpress.com/item/1005001873492004.html?spm=a2g0o.productlist.0.0.4259778c8zzJWk>',
    expected: { kind: 'product', product: { id: '1005001873492004', site: 'com' } },
    seen: 'GitHub code search "Aliexpress <https://www.aliexpress.com/item/1005001873492004.html" (reStructuredText link)',
  },
  {
    input: '"https://aliexpress.ru/item/32585429251.html"',
    expected: { kind: 'product', product: { id: '32585429251', site: 'ru' } },
    seen: 'GitHub code search "aliexpress.ru/item/32585429251.html" (quoted in a config README)',
  },
  {
    input: 'https://www.aliexpress.com/item/\n1005001234567890.html',
    expected: { kind: 'product', product: { id: '1005001234567890', site: 'com' } },
    seen: 'README.md, Batch converter (pasted input; e-mail clients wrap long links)',
  },
];

describe('parseProductUrl on real-world URL forms', () => {
  const rows = [...products, ...appShares, ...wrappers, ...shortLinks, ...storesAndPages, ...notAliExpress, ...inputHygiene];

  it('covers at least 70 forms, each with where it was seen', () => {
    expect(rows.length).toBeGreaterThanOrEqual(70);
    for (const row of rows) expect(row.seen.trim()).not.toBe('');
  });

  it.each(rows)('$input', ({ input, expected }) => {
    const actual = parseProductUrl(input);
    expect(actual).toStrictEqual(expected);
  });
});
