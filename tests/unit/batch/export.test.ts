import { describe, expect, it } from 'vitest';
import { batchContext, convertAll } from '@/lib/batch/convert';
import { BATCH_CSV_HEADER, batchCsv } from '@/lib/batch/export';
import { extractBatchInputs } from '@/lib/batch/extract';
import { parseCsv } from '@/lib/csv/index';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const preset: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: null, subIds: { subid: 'blog' }, keepSku: false };
const text = { warning: (w: { code: string }) => `text of ${w.code}`, error: (e: { code: string }) => `text of ${e.code}` };

describe('batchCsv', () => {
  it('writes one record per row with the link, estimate, warnings or error', () => {
    const inputs = ['https://www.aliexpress.com/item/1005006789012345.html', '=cmd|calc', 'https://www.aliexpress.com/item/1005006789012345.html'];
    const rows = convertAll(
      inputs.map((input, i) => ({ row: i + 1, input, source: input })),
      batchContext(preset, [admitad], {}, new Date('2025-06-01T00:00:00Z')),
    );
    const csv = batchCsv(rows, text);
    const [header, ok, failed, repeat] = parseCsv(csv);
    expect(header).toEqual([...BATCH_CSV_HEADER]);
    const record = Object.fromEntries(header!.map((name, i) => [name, ok![i]]));
    const first = rows[0]!;
    if (!first.ok) throw new Error('row 1 should convert');
    expect(record).toMatchObject({
      row: '1',
      status: 'ok',
      product_id: '1005006789012345',
      rate_min_pct: String(first.estimate.rate.min),
      // An open-ended range (WW through Admitad states no CIS rate) is an empty cell.
      rate_max_pct: first.estimate.rate.max === null ? '' : String(first.estimate.rate.max),
      hot: 'false',
      error: '',
    });
    expect(record['deeplink']).toMatch(/^https:\/\/ad\.admitad\.com\/g\/1e8d114494b7e165239416525dc3e8\/\?ulp=/);
    expect(record['warnings']).toContain('audienceUnknown: text of audienceUnknown');
    // The input cell starts with "=": written as text, not as a formula, and read back as it was.
    expect(csv).toContain(`"2","'=cmd|calc","error"`);
    expect(failed!.slice(0, 3)).toEqual(['2', '=cmd|calc', 'error']);
    // The error column by name: the link-health columns come after it.
    expect(failed![header!.indexOf('error')]).toBe('invalid-url: text of invalid-url');
    expect(repeat![header!.indexOf('duplicate_of_row')]).toBe('1');
    expect(record['changes']).toBe('');
  });

  it('says per row what the link changed, as kind and text', () => {
    const rows = convertAll(
      [{ row: 1, input: 'https://www.aliexpress.us/item/3256801887502111.html', source: 'https://www.aliexpress.us/item/3256801887502111.html' }],
      batchContext(preset, [admitad], {}, new Date('2025-06-01T00:00:00Z')),
    );
    const withText = { ...text, change: (c: { kind: string }) => `text of ${c.kind}` };
    const [header, record] = parseCsv(batchCsv(rows, withText));
    const expected = 'host: text of host | us-id: text of us-id';
    expect(record![header!.indexOf('changes')]).toBe(expected);
    const [, kindsOnly] = parseCsv(batchCsv(rows, text));
    expect(kindsOnly![header!.indexOf('changes')]).toBe('host | us-id');
  });

  it('writes every input cell back whole: commas, semicolons and text around the URL', () => {
    const lines = [
      'https://www.aliexpress.com/item/1005006789012345.html,USB cable,3.99',
      'see https://www.aliexpress.com/item/1005006789012346.html; cheap',
      '  https://www.aliexpress.com/item/1005006789012347.html?x=1;=HYPERLINK("http://evil.example")',
    ];
    const extracted = extractBatchInputs(lines.join('\n'));
    if (!extracted.ok) throw new Error('the lines should extract');
    const rows = convertAll(extracted.inputs, batchContext(preset, [admitad], {}, new Date('2025-06-01T00:00:00Z')));
    const [header, ...records] = parseCsv(batchCsv(rows, text));
    const inputColumn = header!.indexOf('input');
    expect(records.map((record) => record[inputColumn])).toEqual(lines);
  });

  it('writes every cell of a CSV input back whole: quotes, delimiters, newlines, formulas, and the title', () => {
    const cells = [
      'https://www.aliexpress.com/item/1005006789012345.html',
      '"quoted", https://www.aliexpress.com/item/1005006789012346.html',
      'line one\nhttps://www.aliexpress.com/item/1005006789012347.html\r\nline three',
      '=HYPERLINK("https://www.aliexpress.com/item/1005006789012348.html")',
      "'=already guarded; @SUM(1) -1 +2",
      '  spaced  ',
    ];
    const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
    const input = ['url,title', ...cells.map((cell, i) => `${quote(cell)},${quote(`Title ${i}, "${i}"`)}`)].join('\r\n');
    const extracted = extractBatchInputs(input);
    if (!extracted.ok) throw new Error('the CSV should extract');
    expect(extracted.format).toBe('csv');
    const rows = convertAll(extracted.inputs, batchContext(preset, [admitad], {}, new Date('2025-06-01T00:00:00Z')));
    const [header, ...records] = parseCsv(batchCsv(rows, text));
    const actual = records.map((record) => [record[header!.indexOf('input')], record[header!.indexOf('title')]]);
    const expected = cells.map((cell, i) => [cell, `Title ${i}, "${i}"`]);
    expect(actual).toEqual(expected);
    expect(records.map((record) => record[header!.indexOf('status')])).toEqual(['ok', 'ok', 'ok', 'ok', 'error', 'error']);
  });
});

describe('batchCsv link health columns', () => {
  const inputs = ['https://www.aliexpress.com/item/1005006789012345.html', '=cmd|calc', 'https://www.aliexpress.com/item/1005006789012346.html'];
  const rows = convertAll(
    inputs.map((input, i) => ({ row: i + 1, input, source: input })),
    batchContext(preset, [admitad], {}, new Date('2025-06-01T00:00:00Z')),
  );

  it('keeps every earlier column where it was and appends the health columns', () => {
    const [header] = parseCsv(batchCsv(rows, text));
    const expected = ['row', 'input', 'status', 'deeplink', 'product_id', 'title', 'rate_best_pct', 'rate_min_pct', 'rate_max_pct', 'hot', 'duplicate_of_row', 'warnings', 'changes', 'error', 'health', 'rate_before', 'rate_now', 'health_reason'];
    expect(header).toEqual(expected);
  });

  it.each([
    { name: 'no re-check', health: undefined, expected: ['', '', '', ''] },
    { name: 'ok with its rate', health: { status: 'ok', rateNow: 7 }, expected: ['ok', '', '7', ''] },
    { name: 'rate changed old → new', health: { status: 'rate-changed', rateBefore: 5, rateNow: 8 }, expected: ['rate-changed', '5', '8', ''] },
    { name: 'timed out', health: { status: 'error', reason: 'timeout' }, expected: ['error', '', '', 'timeout'] },
  ])('row 1 $name', ({ health, expected }) => {
    const [header, first, failed] = parseCsv(batchCsv(rows, text, (row) => (row.row === 1 ? health : undefined)));
    const from = header!.indexOf('health');
    expect(first!.slice(from)).toEqual(expected);
    // A row without a link has nothing to re-check.
    expect(failed!.slice(from)).toEqual(['', '', '', '']);
  });
});
