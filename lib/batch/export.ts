/**
 * The batch result as CSV (lib/csv/index.ts: RFC 4180, spreadsheet-safe cells). Column names are
 * fixed English identifiers, for scripts; the texts in `warnings` and `error` are in the
 * user's language, from the `text` the page passes.
 */
import { toCsv, type CsvValue } from '../csv/index';
import type { Warning } from '../rules';
import type { LinkChange } from '../url/neutral';
import type { BatchError, BatchRow } from './convert';

export interface BatchText {
  warning(warning: Warning): string;
  error(error: BatchError): string;
  /** Text for what the link changed; without it the cell holds the change kinds only. */
  change?(change: LinkChange): string;
}

export const BATCH_CSV_HEADER = [
  'row',
  'input',
  'status',
  'deeplink',
  'product_id',
  'title',
  'rate_best_pct',
  'rate_min_pct',
  'rate_max_pct',
  'hot',
  'duplicate_of_row',
  'warnings',
  'changes',
  'error',
] as const;

/** `code: text` pairs joined by ` | `: the code for filters, the text for people. */
function warningsCell(warnings: readonly Warning[], text: BatchText): string {
  return warnings.map((warning) => `${warning.code}: ${text.warning(warning)}`).join(' | ');
}

/** `kind: text` pairs like the warnings: what the deeplink changed about the row's URL. */
function changesCell(changes: readonly LinkChange[], text: BatchText): string {
  return changes.map((change) => (text.change ? `${change.kind}: ${text.change(change)}` : change.kind)).join(' | ');
}

export function batchCsvRow(row: BatchRow, text: BatchText): CsvValue[] {
  if (!row.ok) return [row.row, row.source, 'error', '', '', row.title ?? '', '', '', '', '', '', '', '', `${row.error.code}: ${text.error(row.error)}`];
  return [
    row.row,
    row.source,
    'ok',
    row.link,
    row.productId ?? '',
    row.title ?? '',
    row.estimate.best,
    row.estimate.rate.min,
    row.estimate.rate.max,
    row.hot,
    row.duplicateOf,
    warningsCell(row.warnings, text),
    changesCell(row.changes, text),
    '',
  ];
}

export function batchCsv(rows: readonly BatchRow[], text: BatchText): string {
  return toCsv(
    BATCH_CSV_HEADER,
    rows.map((row) => batchCsvRow(row, text)),
  );
}
