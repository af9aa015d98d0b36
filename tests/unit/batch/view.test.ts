import { describe, expect, it } from 'vitest';
import type { BatchRow } from '@/lib/batch/convert';
import { filterRows, ownWarnings, pageOf, sharedWarnings, warningKey, type BatchFilter } from '@/lib/batch/view';
import type { Warning } from '@/lib/rules';

const euFee = { code: 'euServiceFee', rank: 'info', seed: '004_8627bb1cc9c85cbb.txt', params: { maxPct: 8 }, sources: [] } as unknown as Warning;
const sClick = { code: 'sClickLink', rank: 'costly', seed: '001_b214df0997934a9f.txt', params: {}, sources: [] } as unknown as Warning;
const euFeeOther = { ...euFee, params: { maxPct: 5 } } as unknown as Warning;

function converted(row: number, warnings: readonly Warning[], duplicateOf: number | null = null): BatchRow {
  const id = String(1005006000000000 + row);
  return {
    row,
    input: `https://www.aliexpress.com/item/${id}.html`,
    source: `https://www.aliexpress.com/item/${id}.html`,
    ok: true,
    link: `https://ad.admitad.com/g/x/?ulp=${id}`,
    changes: [],
    kind: 'product',
    productId: id,
    estimate: { rate: { min: 1, max: 2 }, best: 1.5 },
    hot: false,
    warnings,
    duplicateOf,
  };
}
const failed = (row: number): BatchRow => ({ row, input: 'x', source: 'x', ok: false, error: { code: 'invalid-url', reason: 'not-a-url' } });

describe('sharedWarnings', () => {
  it.each([
    { name: 'a warning on every converted row is shared', input: [converted(1, [euFee, sClick]), failed(2), converted(3, [euFee])], expected: ['euServiceFee'] },
    { name: 'a warning missing from one row is not', input: [converted(1, [euFee]), converted(2, [sClick])], expected: [] },
    { name: 'the same code with other params is another warning', input: [converted(1, [euFee]), converted(2, [euFeeOther])], expected: [] },
    { name: 'one converted row keeps its warnings where they are', input: [converted(1, [euFee]), failed(2)], expected: [] },
    { name: 'no converted row, nothing shared', input: [failed(1), failed(2)], expected: [] },
  ])('$name', ({ input, expected }) => {
    const actual = sharedWarnings(input).shared.map((warning) => warning.code);
    expect(actual).toEqual(expected);
  });

  it('leaves each row only its own warnings', () => {
    const rows = [converted(1, [euFee, sClick]), converted(2, [euFee])];
    const shared = sharedWarnings(rows);
    const actual = rows.map((row) => (row.ok ? ownWarnings(row, shared).map(warningKey) : null));
    expect(actual).toEqual([[warningKey(sClick)], []]);
  });
});

describe('filterRows', () => {
  const rows = [converted(1, [euFee, sClick]), failed(2), converted(3, [euFee]), converted(4, [euFee], 1)];
  it.each<{ input: BatchFilter; expected: number[] }>([
    { input: 'all', expected: [1, 2, 3, 4] },
    { input: 'converted', expected: [1, 3, 4] },
    { input: 'failed', expected: [2] },
    // The EU fee is on every converted row: said once above the table, it does not make a row "with warnings".
    { input: 'warnings', expected: [1] },
    { input: 'duplicates', expected: [4] },
  ])('$input', ({ input, expected }) => {
    const actual = filterRows(rows, input, sharedWarnings(rows)).map((row) => row.row);
    expect(actual).toEqual(expected);
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 250 }, (_, i) => failed(i + 1));
  it.each([
    { input: { index: 0, size: 100 }, expected: { index: 0, count: 3, first: 1, last: 100, shown: 100 } },
    { input: { index: 2, size: 100 }, expected: { index: 2, count: 3, first: 201, last: 250, shown: 50 } },
    { input: { index: 9, size: 100 }, expected: { index: 2, count: 3, first: 201, last: 250, shown: 50 } },
    { input: { index: -1, size: 50 }, expected: { index: 0, count: 5, first: 1, last: 50, shown: 50 } },
  ])('page $input.index of size $input.size', ({ input, expected }) => {
    const page = pageOf(rows, input.index, input.size);
    const actual = { index: page.index, count: page.count, first: page.first, last: page.last, shown: page.rows.length };
    expect(actual).toEqual(expected);
    expect(page.rows[0]!.row).toBe(expected.first);
  });

  it('has one empty page when nothing matches', () => {
    const actual = pageOf([], 3, 100);
    expect(actual).toEqual({ rows: [], index: 0, count: 1, first: 0, last: 0, total: 0 });
  });
});
