import { describe, expect, it } from 'vitest';
import { admitadNetwork, type AdmitadAccount } from '../../../lib/networks/admitad';
import type { FieldIssue, SubIds } from '../../../lib/networks/types';

// A made-up ad space code in Admitad's format: 30 lower-case letters and digits.
const CODE = 'k7q2m9x4w1e8r5t3y6u0i2o4p7a9s1';
const account: AdmitadAccount = { id: 'acc-1', network: 'admitad', name: 'My Admitad', code: CODE };

const productUrl = 'https://www.aliexpress.com/item/1005006123456789.html';
const encodedProductUrl = 'https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005006123456789.html';
const base = `https://ad.admitad.com/g/${CODE}/`;

describe('admitadNetwork.wrap', () => {
  it.each<{ name: string; input: SubIds; expected: string }>([
    { name: 'no sub-ids', input: {}, expected: `${base}?ulp=${encodedProductUrl}` },
    { name: 'empty sub-ids are left out', input: { subid: '', subid4: '' }, expected: `${base}?ulp=${encodedProductUrl}` },
    {
      name: 'all five, in slot order',
      input: { subid4: 'e', subid2: 'c', subid: 'a', subid3: 'd', subid1: 'b' },
      expected: `${base}?ulp=${encodedProductUrl}&subid=a&subid1=b&subid2=c&subid3=d&subid4=e`,
    },
    { name: 'a gap keeps later slots', input: { subid: 'tg', subid3: 'post42' }, expected: `${base}?ulp=${encodedProductUrl}&subid=tg&subid3=post42` },
    {
      name: 'values are percent-encoded',
      input: { subid: 'a b&c=d', subid1: 'канал', subid2: '100%' },
      expected: `${base}?ulp=${encodedProductUrl}&subid=a%20b%26c%3Dd&subid1=%D0%BA%D0%B0%D0%BD%D0%B0%D0%BB&subid2=100%25`,
    },
  ])('$name', ({ input, expected }) => {
    const actual = admitadNetwork.wrap({ url: productUrl }, account, input);
    expect(actual).toBe(expected);
  });

  it.each([
    'https://www.aliexpress.com/item/1005006123456789.html',
    'https://www.aliexpress.com/item/1005006123456789.html?sku_id=12000037373737373',
    'https://aliexpress.ru/item/1005006123456789.html',
    'https://www.aliexpress.com/store/1101234567',
  ])('round-trips the target through ulp: %s', (input) => {
    const link = new URL(admitadNetwork.wrap({ url: input }, account, { subid: 'x&y', subid4: 'z' }));
    const actual = { ulp: link.searchParams.get('ulp'), subid: link.searchParams.get('subid'), subid4: link.searchParams.get('subid4') };
    expect(actual).toEqual({ ulp: input, subid: 'x&y', subid4: 'z' });
    expect(link.origin + link.pathname).toBe(base);
  });
});

describe('admitadNetwork.validateSubIds', () => {
  const limitCases = [
    { slot: 'subid', max: 50 },
    { slot: 'subid1', max: 50 },
    { slot: 'subid2', max: 50 },
    { slot: 'subid3', max: 50 },
    { slot: 'subid4', max: 120 },
  ] as const;

  it.each(limitCases)('$slot accepts exactly $max characters', ({ slot, max }) => {
    const actual = admitadNetwork.validateSubIds({ [slot]: 'a'.repeat(max) });
    expect(actual).toEqual([]);
  });

  it.each(limitCases)('$slot refuses $max + 1 characters', ({ slot, max }) => {
    const actual = admitadNetwork.validateSubIds({ [slot]: 'a'.repeat(max + 1) });
    expect(actual).toEqual([{ field: `subIds.${slot}`, code: 'tooLong', max }]);
  });

  it('counts characters, not UTF-16 units: 50 emoji fit subid', () => {
    const actual = admitadNetwork.validateSubIds({ subid: '🛒'.repeat(50) });
    expect(actual).toEqual([]);
  });

  it.each<{ name: string; input: string; expected: FieldIssue[] }>([
    { name: 'NUL', input: 'a\u0000b', expected: [{ field: 'subIds.subid', code: 'forbiddenChars', detail: 'U+0000' }] },
    { name: 'the literal %00', input: 'a%00b', expected: [{ field: 'subIds.subid', code: 'forbiddenChars', detail: '%00' }] },
    { name: 'newline', input: 'line\nbreak', expected: [{ field: 'subIds.subid', code: 'forbiddenChars', detail: 'U+000A' }] },
    { name: 'tab', input: 'a\tb', expected: [{ field: 'subIds.subid', code: 'forbiddenChars', detail: 'U+0009' }] },
    { name: 'DEL', input: 'a\u007fb', expected: [{ field: 'subIds.subid', code: 'forbiddenChars', detail: 'U+007F' }] },
    { name: 'a lone surrogate', input: 'a\uD83Db', expected: [{ field: 'subIds.subid', code: 'forbiddenChars', detail: 'U+D83D' }] },
    { name: 'spaces, Cyrillic and punctuation are text', input: 'Канал 1: скидки -50%!', expected: [] },
  ])('$name', ({ input, expected }) => {
    const actual = admitadNetwork.validateSubIds({ subid: input });
    expect(actual).toEqual(expected);
  });

  it('reports every bad slot', () => {
    const actual = admitadNetwork.validateSubIds({ subid: 'ok', subid1: 'x'.repeat(51), subid4: 'bad\u0000' });
    expect(actual).toEqual([
      { field: 'subIds.subid1', code: 'tooLong', max: 50 },
      { field: 'subIds.subid4', code: 'forbiddenChars', detail: 'U+0000' },
    ]);
  });
});

describe('admitadNetwork.validateAccount', () => {
  it.each<{ input: string; expected: FieldIssue[] }>([
    { input: CODE, expected: [] },
    // From the `goto` link in the example answer of Admitad's deeplink API docs.
    { input: '9a03752bb275478cca00463f97455a', expected: [] },
    { input: '', expected: [{ field: 'code', code: 'required' }] },
    { input: CODE.slice(1), expected: [{ field: 'code', code: 'badCode' }] },
    { input: `${CODE}0`, expected: [{ field: 'code', code: 'badCode' }] },
    { input: CODE.toUpperCase(), expected: [{ field: 'code', code: 'badCode' }] },
    { input: `https://ad.admitad.com/g/${CODE}/`, expected: [{ field: 'code', code: 'badCode' }] },
  ])('code $input', ({ input, expected }) => {
    const actual = admitadNetwork.validateAccount({ ...account, code: input });
    expect(actual).toEqual(expected);
  });
});
