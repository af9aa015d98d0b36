/**
 * Hostile input that used to take quadratic time: a pasted line ending in a long run of `)`, a
 * hot-list cell of quote characters. Each input here is large enough that quadratic work would
 * run for minutes (and hit the 60 s hang guard), while linear work takes milliseconds. How the
 * time grows is measured as a ratio in `npm run bench` (scripts/bench/scaling.ts), not here:
 * unit tests assert no timings.
 */
import { describe, expect, it } from 'vitest';
import { extractBatchInputs } from '../../../lib/batch/extract';
import { parseHotList } from '../../../lib/hotlist/parse';
import { MAX_URL_LENGTH, parseProductUrl } from '../../../lib/url';

const PRODUCT = 'https://www.aliexpress.com/item/1005006789012345.html';

describe('hostile input is read in one pass', () => {
  it('finds the URL in a pasted line followed by a million closing parentheses', () => {
    const actual = extractBatchInputs(`${PRODUCT}${')'.repeat(1_000_000)}\n`);
    expect(actual.ok && actual.inputs[0]!.input).toBe(PRODUCT);
  });

  it('reads a line of a URL, a million closing parentheses and a word as one row', () => {
    const actual = extractBatchInputs(`${PRODUCT}${')'.repeat(1_000_000)}x\n`);
    expect(actual.ok && actual.inputs.map((input) => input.input.startsWith(PRODUCT))).toEqual([true]);
  });

  it('reads a product URL padded with closing parentheses up to the parser\'s length limit', () => {
    const input = PRODUCT + ')'.repeat(MAX_URL_LENGTH - PRODUCT.length);
    expect(parseProductUrl(input)).toStrictEqual({ kind: 'product', product: { id: '1005006789012345', site: 'com' } });
  });

  it('reads a hot-list cell of two million quote characters as text', () => {
    const actual = parseHotList(`product_id,note\n1005006789012345,x${'"'.repeat(2_000_000)}`);
    expect(actual.ok && actual.entries.map((entry) => entry.productId)).toEqual(['1005006789012345']);
  });
});
