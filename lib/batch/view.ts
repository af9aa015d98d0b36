/**
 * How a converted batch is looked at: the warnings every converted row shares (said once, above
 * the table, instead of on each row), a filter by outcome, and pages. Pure; the options page's
 * batch model keeps the choices in signals.
 */
import type { Warning } from '../rules';
import type { BatchRow } from './convert';

export const BATCH_FILTERS = ['all', 'converted', 'failed', 'warnings', 'duplicates'] as const;
export type BatchFilter = (typeof BATCH_FILTERS)[number];

/** Rows per page the user can choose; the first page of 10,000 rows renders as fast as a page of this size. */
export const BATCH_PAGE_SIZES = [50, 100, 250, 500] as const;
export type BatchPageSize = (typeof BATCH_PAGE_SIZES)[number];
export const DEFAULT_BATCH_PAGE_SIZE: BatchPageSize = 100;

type ConvertedRow = Extract<BatchRow, { ok: true }>;

/** Two warnings are the same when code and params are: "EU fee up to 8%" twice is one fact. */
export function warningKey(warning: Warning): string {
  return `${warning.code}:${JSON.stringify(warning.params)}`;
}

export interface SharedWarnings {
  /** Carried by every converted row, in the order the first row lists them. */
  readonly shared: readonly Warning[];
  readonly sharedKeys: ReadonlySet<string>;
}

const NONE: SharedWarnings = { shared: [], sharedKeys: new Set() };

/**
 * The warnings every converted row carries. With fewer than two converted rows nothing is
 * "shared": a single row shows its own warnings where it is.
 */
export function sharedWarnings(rows: readonly BatchRow[]): SharedWarnings {
  let candidates: Map<string, Warning> | null = null;
  let converted = 0;
  for (const row of rows) {
    if (!row.ok) continue;
    converted++;
    if (candidates === null) {
      candidates = new Map(row.warnings.map((warning) => [warningKey(warning), warning]));
    } else {
      const own = new Set(row.warnings.map(warningKey));
      for (const key of candidates.keys()) if (!own.has(key)) candidates.delete(key);
    }
    if (candidates.size === 0) return NONE;
  }
  if (candidates === null || converted < 2) return NONE;
  return { shared: [...candidates.values()], sharedKeys: new Set(candidates.keys()) };
}

/** A row's warnings less the shared ones, which the page states once above the table. */
export function ownWarnings(row: ConvertedRow, shared: SharedWarnings): readonly Warning[] {
  if (shared.sharedKeys.size === 0) return row.warnings;
  return row.warnings.filter((warning) => !shared.sharedKeys.has(warningKey(warning)));
}

/** Whether `row` is shown under `filter`; "warnings" means warnings of its own, beyond the shared ones. */
export function rowMatches(row: BatchRow, filter: BatchFilter, shared: SharedWarnings): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'converted':
      return row.ok;
    case 'failed':
      return !row.ok;
    case 'warnings':
      return row.ok && ownWarnings(row, shared).length > 0;
    case 'duplicates':
      return row.ok && row.duplicateOf !== null;
  }
}

export function filterRows(rows: readonly BatchRow[], filter: BatchFilter, shared: SharedWarnings): readonly BatchRow[] {
  return filter === 'all' ? rows : rows.filter((row) => rowMatches(row, filter, shared));
}

export interface BatchPage {
  readonly rows: readonly BatchRow[];
  /** 0-based, clamped into range. */
  readonly index: number;
  readonly count: number;
  /** 1-based positions of the first and last row shown among the filtered rows; 0 when none. */
  readonly first: number;
  readonly last: number;
  readonly total: number;
}

/** Page `index` of `rows`; an index past the end shows the last page, so a narrower filter never shows an empty page. */
export function pageOf(rows: readonly BatchRow[], index: number, size: number): BatchPage {
  const count = Math.max(1, Math.ceil(rows.length / size));
  const clamped = Math.min(Math.max(0, Math.floor(index)), count - 1);
  const start = clamped * size;
  const shown = rows.slice(start, start + size);
  return { rows: shown, index: clamped, count, first: shown.length ? start + 1 : 0, last: start + shown.length, total: rows.length };
}
