import { describe, expect, it } from 'vitest';
import { batchContext, convertAll } from '@/lib/batch/convert';
import { BATCH_CSV_HEADER, batchCsv } from '@/lib/batch/export';
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
      inputs.map((input, i) => ({ row: i + 1, input })),
      batchContext(preset, [admitad], {}, new Date('2025-06-01T00:00:00Z')),
    );
    const [header, ok, failed, repeat] = parseCsv(batchCsv(rows, text));
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
    // The input cell starts with "=": written as text, not as a formula.
    expect(failed!.slice(0, 3)).toEqual(['2', "'=cmd|calc", 'error']);
    expect(failed!.at(-1)).toBe('invalid-url: text of invalid-url');
    expect(repeat![header!.indexOf('duplicate_of_row')]).toBe('1');
  });
});
