import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProductUrl } from '../../../lib/url';
import { neutralPageUrl, neutralProductUrl, productLink } from '../../../lib/url/neutral';
import { LOCALES, type ProductRef } from '../../../lib/url/types';
import { globalProductId, isUsProductId } from '../../../lib/url/us-id';

const TWO_TO_51 = BigInt('2251799813685248');

describe('US product ids', () => {
  it.each([
    { input: '3256801887502111', expected: '1005002073816863', seen: 'aliexpress.us and www.aliexpress.com listings of one product, as publishers report them' },
    { input: '3256804040834604', expected: '1005004227149356', seen: 'aliexpress.us and www.aliexpress.com listings of one product, as publishers report them' },
    { input: '2251832145008144', expected: '32331322896', seen: 'https://github.com/eponra/flatpack/issues/5 (the US id on de.aliexpress.com)' },
  ])('$input is the global id $expected', ({ input, expected }) => {
    expect(isUsProductId(input)).toBe(true);
    const actual = globalProductId(input);
    expect(actual).toBe(expected);
  });

  it.each(['1005002073816863', '32331322896', '4000672272353', '325680188750211', '32568018875021111', '9256801887502111', '1'])(
    'leaves %s as it is',
    (input) => {
      expect(isUsProductId(input)).toBe(false);
      expect(globalProductId(input)).toBe(input);
    },
  );

  it('never yields a non-positive or non-integer id, and undoes exactly 2^51', () => {
    const usIdArb = fc.tuple(fc.constantFrom('3256', '2251', '2255'), fc.stringMatching(/^\d{12}$/)).map(([prefix, rest]) => prefix + rest);
    fc.assert(
      fc.property(usIdArb, (input) => {
        const actual = globalProductId(input);
        expect(actual).toMatch(/^[1-9]\d*$/);
        // Below 2^51 (2251000000000000..2251799813685248) nothing is subtracted: the id stays as it is.
        expect(BigInt(input) > TWO_TO_51 ? BigInt(actual) + TWO_TO_51 : BigInt(actual)).toBe(BigInt(input));
        expect(isUsProductId(input)).toBe(actual !== input);
      }),
      { numRuns: 2000 },
    );
  });

  it('never changes an id without the US prefix', () => {
    const otherIdArb = fc.stringMatching(/^\d{1,20}$/).filter((id) => !/^(?:3256|2251|2255)\d{12}$/.test(id));
    fc.assert(
      fc.property(otherIdArb, (input) => {
        expect(globalProductId(input)).toBe(input);
      }),
      { numRuns: 3000 },
    );
  });
});

const refArb: fc.Arbitrary<ProductRef> = fc
  .record({
    id: fc.oneof(fc.stringMatching(/^\d{1,20}$/), fc.tuple(fc.constantFrom('3256', '2251', '2255'), fc.stringMatching(/^\d{12}$/)).map(([p, r]) => p + r)),
    site: fc.constantFrom('com', 'ru', 'us'),
    locale: fc.option(fc.constantFrom(...LOCALES), { nil: undefined }),
    skuId: fc.option(fc.stringMatching(/^\d{1,20}$/), { nil: undefined }),
  })
  .map(({ id, site, locale, skuId }) => ({ id, site, ...(site === 'com' && locale !== undefined && { locale }), ...(skuId !== undefined && { skuId }) }) as ProductRef);

describe('the locale-neutral product URL', () => {
  it('is always https://www.aliexpress.com/item/<digits>.html, plus the SKU when asked', () => {
    fc.assert(
      fc.property(refArb, fc.boolean(), (ref, keepSku) => {
        const actual = productLink(ref, { keepSku });
        const sku = keepSku && ref.skuId !== undefined ? `?sku_id=${ref.skuId}` : '';
        expect(actual.url).toMatch(/^https:\/\/www\.aliexpress\.com\/item\/\d+\.html(?:\?sku_id=\d+)?$/);
        expect(actual.url).toBe(`https://www.aliexpress.com/item/${globalProductId(ref.id)}.html${sku}`);
        expect(neutralProductUrl(ref, { keepSku })).toBe(actual.url);
        // The link names the product it reports, and parses back to it.
        const { skuId: _sku, ...withoutSku } = actual.product;
        expect(parseProductUrl(actual.url)).toStrictEqual({ kind: 'product', product: keepSku ? actual.product : withoutSku });
      }),
      { numRuns: 2000 },
    );
  });

  it.each<{ input: ProductRef; expected: ReturnType<typeof productLink> }>([
    {
      input: { id: '1005006789012345', site: 'com', locale: 'es' },
      expected: {
        url: 'https://www.aliexpress.com/item/1005006789012345.html',
        product: { id: '1005006789012345', site: 'com' },
        changes: [{ kind: 'host', from: 'es.aliexpress.com', to: 'www.aliexpress.com' }],
      },
    },
    {
      input: { id: '3256804040834604', site: 'us', skuId: '12000028000000001' },
      expected: {
        url: 'https://www.aliexpress.com/item/1005004227149356.html',
        product: { id: '1005004227149356', site: 'com', skuId: '12000028000000001' },
        changes: [
          { kind: 'host', from: 'www.aliexpress.us', to: 'www.aliexpress.com' },
          { kind: 'us-id', from: '3256804040834604', to: '1005004227149356' },
        ],
      },
    },
    {
      input: { id: '1005006789012345', site: 'ru' },
      expected: {
        url: 'https://www.aliexpress.com/item/1005006789012345.html',
        product: { id: '1005006789012345', site: 'com' },
        changes: [{ kind: 'host', from: 'aliexpress.ru', to: 'www.aliexpress.com' }],
      },
    },
    {
      input: { id: '1005006789012345', site: 'com' },
      expected: { url: 'https://www.aliexpress.com/item/1005006789012345.html', product: { id: '1005006789012345', site: 'com' }, changes: [] },
    },
  ])('$input.site $input.locale $input.id', ({ input, expected }) => {
    const actual = productLink(input);
    expect(actual).toStrictEqual(expected);
  });

  it('keeps the storefront, id and all, when asked', () => {
    const input: ProductRef = { id: '3256801887502111', site: 'us' };
    const actual = productLink(input, { keepStorefront: true });
    expect(actual).toStrictEqual({ url: 'https://www.aliexpress.us/item/3256801887502111.html', product: input, changes: [] });
  });
});

describe('neutralPageUrl', () => {
  it.each([
    { input: 'https://ja.aliexpress.com/store/1101234567/pages/all-items.html?sortType=bestmatch_sort', expected: 'https://www.aliexpress.com/store/1101234567/pages/all-items.html?sortType=bestmatch_sort', changed: true },
    { input: 'https://lilygo.aliexpress.com/store/2090076', expected: 'https://lilygo.aliexpress.com/store/2090076', changed: false },
    { input: 'https://aliexpress.ru/store/1100219963', expected: 'https://aliexpress.ru/store/1100219963', changed: false },
    { input: 'https://www.aliexpress.com/wholesale?SearchText=phone', expected: 'https://www.aliexpress.com/wholesale?SearchText=phone', changed: false },
  ])('$input', ({ input, expected, changed }) => {
    const actual = neutralPageUrl(input);
    expect(actual.url).toBe(expected);
    expect(actual.changes.length > 0).toBe(changed);
  });
});
