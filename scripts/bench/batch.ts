/**
 * A timing probe for `npm run bench` (budget: 10,000 URLs convert in under 2 seconds): the
 * whole batch path on a pasted list, from text to rows to the CSV export. Nothing here runs in
 * the unit tests, which must not depend on machine speed.
 */
import type { Account } from '../../lib/networks/types';
import type { Preset } from '../../lib/presets/types';
import { warningMessage } from '../../lib/rules';
import { batchContext, convertAll } from '../../lib/batch/convert';
import { batchCsv } from '../../lib/batch/export';
import { extractBatchInputs } from '../../lib/batch/extract';

const ACCOUNT: Account = { id: 'bench-account', network: 'admitad', name: 'Bench', code: '1e8d114494b7e165239416525dc3e8' };
const PRESET: Preset = {
  id: 'bench-preset',
  name: 'Bench',
  accountId: ACCOUNT.id,
  program: 'ww',
  audienceCountry: 'DE',
  subIds: { subid: 'bench', subid1: 'batch' },
  keepSku: true,
};

/** The URL forms a publisher pastes, a few broken ones among them, each with a distinct id. */
const FORMS: readonly ((id: string) => string)[] = [
  (id) => `https://www.aliexpress.com/item/${id}.html`,
  (id) => `https://www.aliexpress.com/item/${id}.html?spm=a2g0o.home.0.0&aff_fcid=abc&sk=_dX&algo_pvid=x`,
  (id) => `https://aliexpress.ru/item/${id}.html?sku_id=12000038000000001`,
  (id) => `https://es.aliexpress.com/item/${id}.html?gatewayAdapt=glo2esp`,
  (id) => `https://m.aliexpress.com/item/${id}.html`,
  (id) => `Look at this: https://www.aliexpress.us/item/${id}.html!`,
  (id) => `https://click.aliexpress.com/e/x?redirectUrl=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F${id}.html`,
  (id) => `https://ad.admitad.com/g/somebodyelse/?ulp=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F${id}.html&subid=x`,
  (id) => `aliexpress.com/item/${id}.html`,
  () => 'https://www.aliexpress.com/store/1234',
  () => 'https://s.click.aliexpress.com/e/_DdNkq3x',
  (id) => `https://example.com/item/${id}.html`,
];

export function batchBenchText(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(FORMS[i % FORMS.length]!(String(1005006000000000 + i)));
  return lines.join('\n');
}

export interface BatchTiming {
  readonly rows: number;
  readonly converted: number;
  readonly elapsedMs: number;
}

/** Extract, convert and export `count` URLs once; `clock` is injectable for the scripts. */
export function measureBatchConvert({ count = 10_000, clock = () => performance.now() }: { count?: number; clock?: () => number } = {}): BatchTiming {
  const text = batchBenchText(count);
  const started = clock();
  const extracted = extractBatchInputs(text, count);
  if (!extracted.ok) throw new Error(`bench input refused: ${extracted.reason}`);
  const rows = convertAll(extracted.inputs, batchContext(PRESET, [ACCOUNT], {}, new Date('2025-06-01T12:00:00Z')));
  const csv = batchCsv(rows, { warning: (w) => warningMessage(w).key, error: (e) => e.code });
  const elapsedMs = clock() - started;
  if (csv.length === 0) throw new Error('empty export');
  return { rows: rows.length, converted: rows.filter((row) => row.ok).length, elapsedMs };
}
