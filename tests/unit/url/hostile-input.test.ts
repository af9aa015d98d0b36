import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH, parseProductUrl, type ParsedUrl } from '../../../lib/url';

/** Constructed cases: lookalikes, malformed and hostile input. `why` says what each one guards. */
interface Row {
  readonly input: string;
  readonly expected: ParsedUrl;
  readonly why: string;
}

const PRODUCT = 'https://www.aliexpress.com/item/1005001234567890.html';
const product1005: ParsedUrl = { kind: 'product', product: { id: '1005001234567890', site: 'com' } };

function wrapInAdmitad(url: string, times: number): string {
  let wrapped = url;
  for (let i = 0; i < times; i++) wrapped = `https://ad.admitad.com/g/x/?ulp=${encodeURIComponent(wrapped)}`;
  return wrapped;
}

const rows: Row[] = [
  // Lookalike hosts
  {
    input: 'https://aliexpress.com.evil.com/item/1005001234567890.html',
    expected: { kind: 'not-aliexpress', host: 'aliexpress.com.evil.com' },
    why: 'AliExpress domain as a left-hand label of another domain',
  },
  {
    input: 'https://evilaliexpress.com/item/1005001234567890.html',
    expected: { kind: 'not-aliexpress', host: 'evilaliexpress.com' },
    why: 'suffix match without a dot boundary',
  },
  {
    input: 'https://aliexpress.com@evil.com/item/1005001234567890.html',
    expected: { kind: 'not-aliexpress', host: 'evil.com' },
    why: 'AliExpress as userinfo',
  },
  {
    input: 'aliexpress.com@evil.com/item/1005001234567890.html',
    expected: { kind: 'not-aliexpress', host: 'evil.com' },
    why: 'userinfo without a scheme',
  },
  {
    input: 'https://www.aliexpress.com:secret@evil.com/item/1005001234567890.html',
    expected: { kind: 'not-aliexpress', host: 'evil.com' },
    why: 'userinfo with a password',
  },
  {
    input: 'https://evil.com/?@www.aliexpress.com/item/1005001234567890.html',
    expected: { kind: 'not-aliexpress', host: 'evil.com' },
    why: 'AliExpress only in the query',
  },
  {
    input: 'https://evil.com#@www.aliexpress.com/item/1005001234567890.html',
    expected: { kind: 'not-aliexpress', host: 'evil.com' },
    why: 'AliExpress only in the fragment',
  },
  {
    input: 'https://aliexpress.com%2eevil.com/item/1005001234567890.html',
    expected: { kind: 'not-aliexpress', host: 'aliexpress.com.evil.com' },
    why: 'percent-encoded dot in the host',
  },
  {
    input: 'https://аliexpress.com/item/1005001234567890.html',
    expected: { kind: 'not-aliexpress', host: 'xn--liexpress-zyh.com' },
    why: 'Cyrillic "а" homograph',
  },
  {
    input: 'https://aliexpress.co/item/1005001234567890.html',
    expected: { kind: 'not-aliexpress', host: 'aliexpress.co' },
    why: 'typo-squatted TLD',
  },
  {
    input: 'https://evil.com\\.aliexpress.com/item/1005001234567890.html',
    expected: { kind: 'not-aliexpress', host: 'evil.com' },
    why: 'backslash ends the host in special URLs',
  },
  {
    input: 'https://www.aliexpress.com\\@evil.com/item/1005001234567890.html',
    expected: { kind: 'page', site: 'com', page: 'other', url: 'https://www.aliexpress.com/@evil.com/item/1005001234567890.html' },
    why: 'the browser goes to aliexpress.com here, so it is an AliExpress page (and not a product)',
  },
  {
    input: 'https://ａｌｉｅｘｐｒｅｓｓ.com/item/1005001234567890.html',
    expected: product1005,
    why: 'full-width letters are mapped to ASCII by IDNA, the browser lands on aliexpress.com',
  },
  // Host spelling the URL standard normalises
  {
    input: 'https://WWW.AliExpress.COM./item/1005001234567890.html',
    expected: product1005,
    why: 'mixed case and a trailing root dot',
  },
  {
    input: 'https://www.aliexpress.com:8443/item/1005001234567890.html',
    expected: product1005,
    why: 'a port does not change the product',
  },
  {
    input: 'aliexpress.com:443/item/1005001234567890.html',
    expected: product1005,
    why: 'host:port without a scheme is not a "aliexpress.com:" scheme',
  },
  {
    input: 'https:www.aliexpress.com/item/1005001234567890.html',
    expected: product1005,
    why: 'missing slashes are tolerated by the URL standard',
  },
  {
    input: 'https://www.aliexpress.com/store/../item/1005001234567890.html',
    expected: product1005,
    why: 'dot segments are resolved before matching',
  },
  // Ids and paths
  {
    input: 'https://aliexpress.com/item/1.html',
    expected: { kind: 'product', product: { id: '1', site: 'com' } },
    why: 'any run of digits in the id position (docs/architecture.md, Domain facts), even one digit',
  },
  {
    input: 'https://aliexpress.com/item/123456789012345678901234567890.html',
    expected: { kind: 'product', product: { id: '123456789012345678901234567890', site: 'com' } },
    why: 'ids beyond 2^53 stay exact strings',
  },
  {
    input: 'https://www.aliexpress.com/item/1005001234567890abc.html',
    expected: { kind: 'page', site: 'com', page: 'other', url: 'https://www.aliexpress.com/item/1005001234567890abc.html' },
    why: 'letters in the id position',
  },
  {
    input: 'https://www.aliexpress.com/item/1005001234567890.html?sku_id=12abc&skuId=&pdp_ext_f=%7B%22sku_id%22%3A%2299%22%7D',
    expected: { kind: 'product', product: { id: '1005001234567890', site: 'com', skuId: '99' } },
    why: 'a non-digit sku_id is ignored; the pdp_ext_f one is used',
  },
  {
    input: 'https://www.aliexpress.com/w/wholesale-cable-(usb).html',
    expected: { kind: 'page', site: 'com', page: 'category', url: 'https://www.aliexpress.com/w/wholesale-cable-(usb).html' },
    why: 'a closing parenthesis the URL opened itself is kept',
  },
  {
    input: '[see](https://www.aliexpress.com/item/1005001234567890.html)',
    expected: { kind: 'invalid', reason: 'not-a-url' },
    why: 'a whole Markdown link is text, not a URL',
  },
  // Wrappers
  {
    input: wrapInAdmitad(`${PRODUCT}?sku_id=5`, 1).replace('%3A%2F%2F', '%253A%252F%252F'),
    expected: { kind: 'product', product: { id: '1005001234567890', site: 'com', skuId: '5' }, unwrappedFrom: 'ulp', foreignAffiliate: true },
    why: 'double-encoded target',
  },
  {
    input: wrapInAdmitad(PRODUCT, 4),
    expected: { ...product1005, unwrappedFrom: 'ulp', foreignAffiliate: true },
    why: 'nested wrappers are followed to a bounded depth',
  },
  {
    input: wrapInAdmitad(PRODUCT, 5),
    expected: { kind: 'not-aliexpress', host: 'ad.admitad.com' },
    why: 'beyond the depth bound the chain is not followed',
  },
  {
    input: 'https://ad.admitad.com/g/x/?ulp=https%3A%2F%2Fa.aliexpress.com%2F_mKjL9Cq',
    expected: { kind: 'short-link', host: 'a.aliexpress.com', url: 'https://a.aliexpress.com/_mKjL9Cq', appShare: true },
    why: 'a wrapped short link is still a short link',
  },
  {
    input: 'https://www.aliexpress.com/?redirectUrl=https%3A%2F%2Fevil.com%2F',
    expected: { kind: 'page', site: 'com', page: 'home', url: 'https://www.aliexpress.com/' },
    why: 'a wrapper parameter pointing off AliExpress is ignored, not followed',
  },
  {
    input: 'http://alipromo.com/redirect/cpa/o/x/?to=https://aliexpress.ru/wholesale?SearchText=usb+cable',
    expected: { kind: 'page', site: 'ru', page: 'search', url: 'https://aliexpress.ru/wholesale?SearchText=usb+cable', unwrappedFrom: 'to', foreignAffiliate: true },
    why: 'an unencoded target keeps its own `+`',
  },
  {
    input: 'https://evil.com/?ulp=javascript%3Aalert(1)',
    expected: { kind: 'not-aliexpress', host: 'evil.com' },
    why: 'a wrapper holding a script URL',
  },
  // Invalid input
  { input: '', expected: { kind: 'invalid', reason: 'empty' }, why: 'empty' },
  { input: ' \n\t\u00a0 ', expected: { kind: 'invalid', reason: 'empty' }, why: 'whitespace only, including NBSP' },
  {
    input: `${PRODUCT}?q=${'a'.repeat(MAX_URL_LENGTH)}`,
    expected: { kind: 'invalid', reason: 'too-long' },
    why: 'longer than 8192 characters',
  },
  { input: 'javascript:alert(1)', expected: { kind: 'invalid', reason: 'unsupported-scheme' }, why: 'script URL' },
  { input: 'JavaScript://www.aliexpress.com/%0aalert(1)', expected: { kind: 'invalid', reason: 'unsupported-scheme' }, why: 'script URL dressed as AliExpress' },
  { input: 'data:text/html;base64,PHNjcmlwdD4=', expected: { kind: 'invalid', reason: 'unsupported-scheme' }, why: 'data URL' },
  { input: 'ftp://aliexpress.com/item/1.html', expected: { kind: 'invalid', reason: 'unsupported-scheme' }, why: 'ftp' },
  { input: 'file:///C:/Users/me/item/1.html', expected: { kind: 'invalid', reason: 'unsupported-scheme' }, why: 'file' },
  { input: 'mailto:affiliates@service.alibaba.com', expected: { kind: 'invalid', reason: 'unsupported-scheme' }, why: 'mailto (seed 003 address)' },
  { input: 'aliexpress://product/detail?productId=1005001234567890', expected: { kind: 'invalid', reason: 'unsupported-scheme' }, why: 'app scheme' },
  { input: 'hello world', expected: { kind: 'invalid', reason: 'not-a-url' }, why: 'prose' },
  { input: 'aliexpress', expected: { kind: 'invalid', reason: 'not-a-url' }, why: 'a word' },
  { input: '1005001234567890', expected: { kind: 'invalid', reason: 'not-a-url' }, why: 'a bare id is not a URL' },
  { input: 'https://', expected: { kind: 'invalid', reason: 'not-a-url' }, why: 'scheme only' },
  { input: 'https://www.aliexpress.com/item/1.html extra words', expected: { kind: 'invalid', reason: 'not-a-url' }, why: 'URL followed by text' },
  { input: 'localhost:3000', expected: { kind: 'invalid', reason: 'not-a-url' }, why: 'host:port without a domain' },
  { input: '...', expected: { kind: 'invalid', reason: 'not-a-url' }, why: 'punctuation only' },
  { input: '\ud800https://www.aliexpress.com/', expected: { kind: 'invalid', reason: 'not-a-url' }, why: 'lone surrogate' },
];

describe('parseProductUrl on constructed hostile and malformed input', () => {
  it.each(rows)('$why', ({ input, expected }) => {
    const actual = parseProductUrl(input);
    expect(actual).toStrictEqual(expected);
  });

  it('does not throw for non-string input from untyped callers', () => {
    const actual = parseProductUrl(undefined as unknown as string);
    expect(actual).toStrictEqual({ kind: 'invalid', reason: 'not-a-url' });
  });
});
