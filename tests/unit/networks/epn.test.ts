import { describe, expect, it } from 'vitest';
import { epnNetwork, type EpnAccount } from '../../../lib/networks/epn';
import type { FieldIssue, SubIds } from '../../../lib/networks/types';

// A made-up deeplink code in ePN's format: 32 lower-case letters and digits.
const CODE = 'p0o9i8u7y6t5r4e3w2q1a2s3d4f5g6h7';
const account: EpnAccount = { id: 'acc-2', network: 'epn', name: 'My ePN', host: 'shopnow.pub', code: CODE };

const productUrl = 'https://aliexpress.ru/item/1005006123456789.html';
const encodedProductUrl = 'https%3A%2F%2Faliexpress.ru%2Fitem%2F1005006123456789.html';
const base = `https://shopnow.pub/redirect/cpa/o/${CODE}/`;

describe('epnNetwork.wrap', () => {
  it.each<{ name: string; input: SubIds; expected: string }>([
    { name: 'no sub-ids', input: {}, expected: `${base}?to=${encodedProductUrl}` },
    { name: 'empty sub-ids are left out', input: { subid: '' }, expected: `${base}?to=${encodedProductUrl}` },
    { name: 'subid becomes sub', input: { subid: 'tg' }, expected: `${base}?to=${encodedProductUrl}&sub=tg` },
    {
      name: 'slots map to sub, sub2..sub5 in order',
      input: { subid4: 'e', subid: 'a', subid2: 'c', subid1: 'b', subid3: 'd' },
      expected: `${base}?to=${encodedProductUrl}&sub=a&sub2=b&sub3=c&sub4=d&sub5=e`,
    },
    { name: 'values are percent-encoded', input: { subid1: 'a b/c?d' }, expected: `${base}?to=${encodedProductUrl}&sub2=a%20b%2Fc%3Fd` },
  ])('$name', ({ input, expected }) => {
    const actual = epnNetwork.wrap({ url: productUrl }, account, input);
    expect(actual).toBe(expected);
  });

  it('writes the host in lower case', () => {
    const actual = epnNetwork.wrap({ url: productUrl }, { ...account, host: 'ShopNow.PUB' }, {});
    expect(actual).toBe(`${base}?to=${encodedProductUrl}`);
  });

  it.each([
    'https://aliexpress.ru/item/1005006123456789.html',
    'https://www.aliexpress.com/item/1005006123456789.html?sku_id=12000037373737373',
    'https://aliexpress.ru/store/1101234567',
  ])('round-trips the target through to: %s', (input) => {
    const link = new URL(epnNetwork.wrap({ url: input }, account, { subid: 'a&b', subid4: 'e' }));
    const actual = { to: link.searchParams.get('to'), sub: link.searchParams.get('sub'), sub5: link.searchParams.get('sub5') };
    expect(actual).toEqual({ to: input, sub: 'a&b', sub5: 'e' });
  });
});

describe('epnNetwork.validateAccount', () => {
  it.each<{ input: string; expected: FieldIssue[] }>([
    { input: 'shopnow.pub', expected: [] },
    { input: 'alipromo.com', expected: [] },
    { input: 'click.deshevyi.ru', expected: [] },
    { input: 'xn--80ak6aa92e.com', expected: [] },
    { input: '', expected: [{ field: 'host', code: 'required' }] },
    { input: 'https://shopnow.pub', expected: [{ field: 'host', code: 'badHost', detail: 'https://shopnow.pub' }] },
    { input: 'shopnow.pub/redirect', expected: [{ field: 'host', code: 'badHost', detail: 'shopnow.pub/redirect' }] },
    { input: 'shopnow.pub:8080', expected: [{ field: 'host', code: 'badHost', detail: 'shopnow.pub:8080' }] },
    { input: 'user@shopnow.pub', expected: [{ field: 'host', code: 'badHost', detail: 'user@shopnow.pub' }] },
    { input: 'localhost', expected: [{ field: 'host', code: 'badHost', detail: 'localhost' }] },
    { input: '127.0.0.1', expected: [{ field: 'host', code: 'badHost', detail: '127.0.0.1' }] },
    { input: 'shop now.pub', expected: [{ field: 'host', code: 'badHost', detail: 'shop now.pub' }] },
    { input: '-shopnow.pub', expected: [{ field: 'host', code: 'badHost', detail: '-shopnow.pub' }] },
    { input: 'shopnow.pub.', expected: [{ field: 'host', code: 'badHost', detail: 'shopnow.pub.' }] },
    { input: `${'a'.repeat(64)}.com`, expected: [{ field: 'host', code: 'badHost', detail: `${'a'.repeat(64)}.com` }] },
  ])('host $input', ({ input, expected }) => {
    const actual = epnNetwork.validateAccount({ ...account, host: input });
    expect(actual).toEqual(expected);
  });

  it.each<{ input: string; expected: FieldIssue[] }>([
    { input: CODE, expected: [] },
    // Seen in a published ePN deeplink (alipromo.com/redirect/cpa/o/<code>/).
    { input: 'o3dg77s3ecabxunu8mu33vxvw2nrlxyh', expected: [] },
    { input: '', expected: [{ field: 'code', code: 'required' }] },
    { input: CODE.slice(2), expected: [{ field: 'code', code: 'badCode' }] },
    { input: CODE.toUpperCase(), expected: [{ field: 'code', code: 'badCode' }] },
    { input: `${CODE}/`, expected: [{ field: 'code', code: 'badCode' }] },
  ])('code $input', ({ input, expected }) => {
    const actual = epnNetwork.validateAccount({ ...account, code: input });
    expect(actual).toEqual(expected);
  });
});

describe('epnNetwork.validateSubIds', () => {
  it.each(['subid', 'subid1', 'subid2', 'subid3', 'subid4'] as const)('%s: 255 characters pass, 256 do not', (slot) => {
    expect(epnNetwork.validateSubIds({ [slot]: 'a'.repeat(255) })).toEqual([]);
    const actual = epnNetwork.validateSubIds({ [slot]: 'a'.repeat(256) });
    expect(actual).toEqual([{ field: `subIds.${slot}`, code: 'tooLong', max: 255 }]);
  });

  it.each<{ input: string; expected: FieldIssue[] }>([
    { input: 'a\u0000b', expected: [{ field: 'subIds.subid', code: 'forbiddenChars', detail: 'U+0000' }] },
    { input: 'a\rb', expected: [{ field: 'subIds.subid', code: 'forbiddenChars', detail: 'U+000D' }] },
    { input: 'x%00', expected: [{ field: 'subIds.subid', code: 'forbiddenChars', detail: '%00' }] },
    { input: 'vk_group-1', expected: [] },
  ])('characters in $input', ({ input, expected }) => {
    const actual = epnNetwork.validateSubIds({ subid: input });
    expect(actual).toEqual(expected);
  });
});
