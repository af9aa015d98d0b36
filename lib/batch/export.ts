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
  // Link health, after every other column so that scripts reading the columns above by position keep working.
  'health',
  'rate_before',
  'rate_now',
  'health_reason',
] as const;

/**
 * A row's last re-check (lib/storage/link-health.ts `LinkHealthResult`): its status, the rate the
 * check before it saw when that changed, the rate now, and why it could not tell.
 */
export interface BatchRowHealth {
  readonly status: string;
  readonly rateBefore?: number | null;
  readonly rateNow?: number | null;
  readonly reason?: string;
}

const healthCells = (health: BatchRowHealth | undefined): CsvValue[] =>
  health ? [health.status, health.rateBefore ?? '', health.rateNow ?? '', health.reason ?? ''] : ['', '', '', ''];

/** `code: text` pairs joined by ` | `: the code for filters, the text for people. */
function warningsCell(warnings: readonly Warning[], text: BatchText): string {
  return warnings.map((warning) => `${warning.code}: ${text.warning(warning)}`).join(' | ');
}

/** `kind: text` pairs like the warnings: what the deeplink changed about the row's URL. */
function changesCell(changes: readonly LinkChange[], text: BatchText): string {
  return changes.map((change) => (text.change ? `${change.kind}: ${text.change(change)}` : change.kind)).join(' | ');
}

export function batchCsvRow(row: BatchRow, text: BatchText, health?: BatchRowHealth): CsvValue[] {
  if (!row.ok) return [row.row, row.source, 'error', '', '', row.title ?? '', '', '', '', '', '', '', '', `${row.error.code}: ${text.error(row.error)}`, ...healthCells(undefined)];
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
    ...healthCells(health),
  ];
}

/** `health` gives a row's last re-check, if it had one; without it the health columns are empty. */
export function batchCsv(rows: readonly BatchRow[], text: BatchText, health?: (row: BatchRow) => BatchRowHealth | undefined): string {
  return toCsv(
    BATCH_CSV_HEADER,
    rows.map((row) => batchCsvRow(row, text, health?.(row))),
  );
}
