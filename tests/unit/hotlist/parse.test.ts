import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHotList, type HotListParseResult } from '../../../lib/hotlist';

const ID_A = '1005006789012345';
const ID_B = '1005001234567890';
const ID_C = '4000123456789';

const entriesOf = (result: HotListParseResult) => (result.ok ? result.entries : []);

describe('parseHotList: CSV', () => {
  it.each([
    {
      name: 'AliExpress Portals export ("Product Id", "Commission Rate" as 12.0%)',
      input: `Product Id,Product Desc,Commission Rate\n${ID_A},"USB-C cable, 2 m",12.0%\n${ID_B},Phone case,7%\n`,
      expected: [
        { productId: ID_A, ratePct: 12 },
        { productId: ID_B, ratePct: 7 },
      ],
    },
    {
      name: 'Open Platform field names, the hot rate preferred over the regular one',
      input: `product_id,commission_rate,hot_product_commission_rate\n${ID_A},5.0%,15.0%\n`,
      expected: [{ productId: ID_A, ratePct: 15 }],
    },
    {
      name: 'semicolons, a decimal comma and "(%)" in the header',
      input: `ProductId;Commission Rate (%)\n${ID_A};12,5\n`,
      expected: [{ productId: ID_A, ratePct: 12.5 }],
    },
    {
      name: 'tabs',
      input: `item_id\trate\n${ID_A}\t9\n`,
      expected: [{ productId: ID_A, ratePct: 9 }],
    },
    {
      name: 'rates as fractions (every value below 1)',
      input: `product_id,commission_rate\n${ID_A},0.12\n${ID_B},0.075\n`,
      expected: [
        { productId: ID_A, ratePct: 12 },
        { productId: ID_B, ratePct: 7.5 },
      ],
    },
    {
      name: 'unitless percents (some value of 1 or more)',
      input: `product_id,commission_rate\n${ID_A},0.5\n${ID_B},7\n`,
      expected: [
        { productId: ID_A, ratePct: 0.5 },
        { productId: ID_B, ratePct: 7 },
      ],
    },
    {
      name: 'no rate column',
      input: `ProductId,Title\n${ID_A},Cable\n`,
      expected: [{ productId: ID_A, ratePct: null }],
    },
    {
      name: '"Commission" with a % in the header is a rate',
      input: `Product ID,Commission (%)\n${ID_A},8\n`,
      expected: [{ productId: ID_A, ratePct: 8 }],
    },
    {
      name: '"Commission" without a % is an amount, not a rate',
      input: `Product ID,Commission\n${ID_A},1.25\n`,
      expected: [{ productId: ID_A, ratePct: null }],
    },
    {
      name: 'product URLs instead of ids',
      input: `Product Url,Commission Rate\nhttps://www.aliexpress.com/item/${ID_A}.html?spm=x,10%\nhttps://aliexpress.ru/item/${ID_C}.html,11%\n`,
      expected: [
        { productId: ID_A, ratePct: 10 },
        { productId: ID_C, ratePct: 11 },
      ],
    },
    {
      name: 'a headerless list of ids, CRLF, with a BOM and blank lines',
      input: `\uFEFF${ID_A}\r\n\r\n${ID_B}\r\n`,
      expected: [
        { productId: ID_A, ratePct: null },
        { productId: ID_B, ratePct: null },
      ],
    },
    {
      name: 'a headerless list of product URLs',
      input: `https://www.aliexpress.com/item/${ID_A}.html\nhttps://m.aliexpress.com/item/${ID_B}.html\n`,
      expected: [
        { productId: ID_A, ratePct: null },
        { productId: ID_B, ratePct: null },
      ],
    },
    {
      name: 'an id a spreadsheet wrote as 1005006789012345.0',
      input: `product_id\n${ID_A}.0\n`,
      expected: [{ productId: ID_A, ratePct: null }],
    },
    {
      name: 'the same product twice: kept once, with the higher rate',
      input: `product_id,commission_rate\n${ID_A},5%\n${ID_A},9%\n`,
      expected: [{ productId: ID_A, ratePct: 9 }],
    },
  ])('reads $name', ({ input, expected }) => {
    const actual = parseHotList(input);
    expect(actual.ok).toBe(true);
    expect(entriesOf(actual)).toEqual(expected);
  });

  it('reports unreadable rows with their line, keeping the rest', () => {
    const input = [
      'product_id,commission_rate',
      `${ID_A},12%`,
      '1.00500678901234E+15,10%',
      ',5%',
      `"${ID_B}","multi`,
      'line rate"',
      `${ID_C},150%`,
      'not-an-id,3%',
    ].join('\n');
    const actual = parseHotList(input);
    if (!actual.ok) throw new Error('expected ok');
    expect(actual.entries).toEqual([
      { productId: ID_A, ratePct: 12 },
      { productId: ID_B, ratePct: null },
      { productId: ID_C, ratePct: null },
    ]);
    expect(actual.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'idPrecisionLost'],
      [4, 'missingId'],
      [5, 'badRate'],
      [7, 'badRate'],
      [8, 'badId'],
    ]);
  });

  it('says which columns it read', () => {
    const actual = parseHotList(`Product Id,Hot Product Commission Rate\n${ID_A},12%\n`);
    expect(actual).toMatchObject({ ok: true, format: 'csv', idColumn: 'Product Id', rateColumn: 'Hot Product Commission Rate', duplicates: 0 });
  });
});

describe('parseHotList: JSON', () => {
  it.each([
    {
      name: 'an array of objects with numeric ids',
      input: JSON.stringify([{ ProductId: Number(ID_C), commission_rate: '7.5%' }]),
      expected: [{ productId: ID_C, ratePct: 7.5 }],
    },
    {
      name: 'an Open Platform hot-product answer',
      input: JSON.stringify({
        aliexpress_affiliate_hotproduct_query_response: {
          resp_result: {
            resp_code: 200,
            result: {
              current_record_count: 1,
              products: { product: [{ product_id: ID_A, commission_rate: '5.0%', hot_product_commission_rate: '12.0%', product_title: 'Cable' }] },
            },
          },
        },
      }),
      expected: [{ productId: ID_A, ratePct: 12 }],
    },
    {
      name: 'an array of id strings',
      input: JSON.stringify([ID_A, ID_B]),
      expected: [
        { productId: ID_A, ratePct: null },
        { productId: ID_B, ratePct: null },
      ],
    },
    {
      name: 'a wrapper object with a products list',
      input: JSON.stringify({ exportedAt: '2025-06-01', products: [{ id: ID_A, rate: 0.1 }] }),
      expected: [{ productId: ID_A, ratePct: 10 }],
    },
  ])('reads $name', ({ input, expected }) => {
    const actual = parseHotList(input);
    expect(actual).toMatchObject({ ok: true, format: 'json' });
    expect(entriesOf(actual)).toEqual(expected);
  });

  it('flags a numeric id too large for JSON numbers (its last digits are already gone)', () => {
    const actual = parseHotList(`[{"product_id": 10050067890123456789}, {"product_id": "${ID_A}"}]`);
    if (!actual.ok) throw new Error('expected ok');
    expect(actual.entries).toEqual([{ productId: ID_A, ratePct: null }]);
    expect(actual.errors).toEqual([{ row: 1, line: null, code: 'idPrecisionLost', value: '10050067890123457000' }]);
  });

  it('ignores __proto__ keys and does not pollute prototypes', () => {
    const actual = parseHotList(`[{"__proto__": {"polluted": true}, "product_id": "${ID_A}"}]`);
    expect(entriesOf(actual)).toEqual([{ productId: ID_A, ratePct: null }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseHotList: files it refuses, whole', () => {
  it.each([
    { name: 'an empty file', input: '', expected: 'empty' },
    { name: 'only whitespace and a BOM', input: '\uFEFF  \n ', expected: 'empty' },
    { name: 'broken JSON', input: '[{"product_id": ', expected: 'badJson' },
    { name: 'JSON with no list', input: '{"product_id": "1"}', expected: 'noList' },
    { name: 'an empty JSON list', input: '{"products": []}', expected: 'empty' },
    { name: 'JSON objects without an id field', input: '[{"name": "cable", "price": 2}]', expected: 'noIdColumn' },
    { name: 'CSV without an id column', input: 'name,price\ncable,2\n', expected: 'noIdColumn' },
    { name: 'no readable id at all', input: 'product_id\nabc\n,\n', expected: 'noProducts' },
  ])('$name: $expected', ({ input, expected }) => {
    const actual = parseHotList(input);
    expect(actual).toMatchObject({ ok: false, reason: { code: expected } });
  });

  it('refuses a file over the size limit', () => {
    expect(parseHotList(`${ID_A}\n`.repeat(10), { maxChars: 50 })).toMatchObject({ ok: false, reason: { code: 'tooLarge' } });
  });

  it('refuses more rows than the limit rather than importing part of the file', () => {
    expect(parseHotList(`product_id\n${ID_A}\n${ID_B}\n${ID_C}\n`, { maxRows: 2 })).toMatchObject({ ok: false, reason: { code: 'tooManyRows', detail: '2' } });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.array(fc.string()).map((cells) => cells.join(',\n"'))), (text) => {
        const actual = parseHotList(text);
        expect(typeof actual.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseHotList: the CSV reader', () => {
  it('reads quoted cells with doubled quotes, separators and line breaks, and counts lines through them', () => {
    const input = `product_id,note\n${ID_A},"two\nlines, ""quoted"""\nnot-an-id,x\n${ID_B},plain`;
    const actual = parseHotList(input);
    expect(entriesOf(actual).map((e) => e.productId)).toEqual([ID_A, ID_B]);
    expect(actual.ok && actual.errors).toEqual([{ row: 2, line: 4, code: 'badId', value: 'not-an-id' }]);
  });

  it('keeps a quote inside an unquoted cell as text, and reads pipe-separated files', () => {
    const actual = parseHotList(`product_id|rate\n${ID_A}|12"%\n${ID_B}|7%`);
    expect(entriesOf(actual).map((e) => [e.productId, e.ratePct])).toEqual([
      [ID_A, null],
      [ID_B, 7],
    ]);
  });

  it('accepts exactly the row limit and refuses one more, whatever follows the limit', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => String(1005000000000000 + i));
    expect(parseHotList(`product_id\n${rows(3).join('\n')}`, { maxRows: 3 }).ok).toBe(true);
    // Past the limit the reader stops: an unclosed quote there is never read.
    const tail = `\n"${'x'.repeat(1000)}`;
    expect(parseHotList(`product_id\n${rows(4).join('\n')}${tail}`, { maxRows: 3 })).toMatchObject({ ok: false, reason: { code: 'tooManyRows', detail: '3' } });
  });

  it('reads a cell of 200,000 quote characters as text, not as 200,000 quoted cells', () => {
    const actual = parseHotList(`product_id,note\n${ID_A},x${'"'.repeat(200_000)}`);
    expect(entriesOf(actual).map((e) => e.productId)).toEqual([ID_A]);
  });
});
