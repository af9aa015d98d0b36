/**
 * Reading a hot-products export the user picked in the options page: CSV (comma, semicolon, tab
 * or pipe separated) or JSON, as AliExpress Portals, the Open Platform's hot-product query and
 * Admitad tools produce them. Liberal in what it reads (column names, URLs instead of ids, `12%`,
 * `12,5 %` or `0.125`), strict in what it returns: product ids as digit strings and rates as
 * percents, plus an error per unreadable row with its line. A file that cannot be read as a whole
 * gives one reason and no entries, so nothing stored changes.
 */
import { parseProductUrl } from '../url';

export interface HotListEntry {
  readonly productId: string;
  /** Percent (12 = 12%); null when the file gives no (readable) rate for the product. */
  readonly ratePct: number | null;
}

export const HOT_ROW_ERROR_CODES = ['missingId', 'badId', 'idPrecisionLost', 'badRate'] as const;
export type HotRowErrorCode = (typeof HOT_ROW_ERROR_CODES)[number];

export interface HotRowError {
  /** 1-based data row (CSV: after the header; JSON: item in the list). */
  readonly row: number;
  /** 1-based line in the file, for CSV; null for JSON. */
  readonly line: number | null;
  readonly code: HotRowErrorCode;
  /** The offending cell, shortened. */
  readonly value: string;
}

export const HOT_FAILURE_CODES = ['empty', 'tooLarge', 'badJson', 'noList', 'noIdColumn', 'tooManyRows', 'noProducts', 'unreadable'] as const;
export type HotFailureCode = (typeof HOT_FAILURE_CODES)[number];

export type HotListParseResult =
  | {
      readonly ok: true;
      readonly format: 'csv' | 'json';
      readonly entries: readonly HotListEntry[];
      readonly errors: readonly HotRowError[];
      /** The column (or JSON key) ids were read from; `(urls)` or `(ids)` when there was no header. */
      readonly idColumn: string;
      readonly rateColumn: string | null;
      /** Rows naming a product already read (kept once, with the higher rate). */
      readonly duplicates: number;
    }
  | { readonly ok: false; readonly reason: { readonly code: HotFailureCode; readonly detail?: string } };

export interface HotListParseOptions {
  /** Characters; a export of 100,000 products is about 10 MB with every column. */
  readonly maxChars?: number;
  readonly maxRows?: number;
}

export const HOT_LIST_LIMITS = { maxChars: 20_000_000, maxRows: 200_000 } as const;

/** Header and key names compared lower-case with everything but letters and digits removed. */
const normalizeName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Column names seen in AliExpress Portals, Open Platform and Admitad exports, best first. */
const ID_NAMES = ['productid', 'itemid', 'aliexpressproductid', 'productids', 'offerid', 'goodsid', 'id'];
const URL_NAMES = ['producturl', 'productdetailurl', 'detailurl', 'itemurl', 'url', 'link', 'productlink', 'promotionlink', 'promotionurl'];
const RATE_NAMES = [
  'hotproductcommissionrate',
  'hotcommissionrate',
  'hotrate',
  'commissionrate',
  'commissionpercent',
  'commissionpct',
  'rate',
];

/** "Commission" alone is an amount in AliExpress reports; with a % in the header it is a rate. */
const findPercentCommission = (header: readonly string[]) => header.findIndex((h) => normalizeName(h) === 'commission' && h.includes('%'));

const MAX_ID_DIGITS = 20;
const ID = new RegExp(`^[1-9]\\d{0,${MAX_ID_DIGITS - 1}}$`);

const shorten = (value: string) => (value.length > 80 ? `${value.slice(0, 77)}...` : value);

type IdRead = { readonly id: string } | { readonly error: HotRowErrorCode };

/** A product id from a cell: digits, a number, or any AliExpress product URL. */
function readId(raw: unknown): IdRead {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw <= 0) return { error: Number.isInteger(raw) ? 'idPrecisionLost' : 'badId' };
    return { id: String(raw) };
  }
  if (typeof raw !== 'string') return { error: raw === undefined || raw === null ? 'missingId' : 'badId' };
  const cell = raw.trim();
  if (cell === '') return { error: 'missingId' };
  if (ID.test(cell)) return { id: cell };
  // Spreadsheets write long ids as 1.00500678901234E+15: the last digits are gone.
  if (/^\d(\.\d+)?e\+?\d+$/i.test(cell)) return { error: 'idPrecisionLost' };
  // "1005006789012345.0" from a spreadsheet column typed as number.
  const decimal = /^([1-9]\d*)\.0+$/.exec(cell);
  if (decimal && decimal[1]!.length <= MAX_ID_DIGITS) return { id: decimal[1]! };
  if (/aliexpress\./i.test(cell)) {
    const parsed = parseProductUrl(cell);
    if (parsed.kind === 'product' && ID.test(parsed.product.id)) return { id: parsed.product.id };
  }
  return { error: 'badId' };
}

interface RawRate {
  readonly value: number;
  readonly percentSign: boolean;
}

/** A rate cell as written: `12`, `12.5%`, `12,5 %`, `0.125`; undefined when empty; null when unreadable. */
function readRawRate(raw: unknown): RawRate | null | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw, percentSign: false } : null;
  if (typeof raw !== 'string') return null;
  const cell = raw.trim();
  if (cell === '') return undefined;
  const match = /^(-?\d+(?:[.,]\d+)?)\s*(%?)$/.exec(cell);
  if (!match) return null;
  return { value: Number(match[1]!.replace(',', '.')), percentSign: match[2] === '%' };
}

/**
 * Percent or fraction, decided per column: a `%` in a cell or in the header means percents; a
 * column whose unitless values are all below 1 holds fractions (hot-sale rates are well above
 * 1%, and AliExpress's API writes "12.0%"); anything else is percents.
 */
function toPercents(raws: readonly (RawRate | null | undefined)[], headerSaysPercent: boolean): (number | null | 'bad')[] {
  const unitless = raws.filter((r): r is RawRate => !!r && !r.percentSign);
  const fractions = !headerSaysPercent && unitless.length > 0 && unitless.every((r) => r.value < 1);
  return raws.map((raw) => {
    if (raw === undefined) return null;
    if (raw === null) return 'bad';
    const pct = raw.percentSign || !fractions ? raw.value : raw.value * 100;
    const rounded = Math.round(pct * 1e4) / 1e4;
    return rounded >= 0 && rounded <= 100 ? rounded : 'bad';
  });
}

interface Row {
  readonly id: unknown;
  readonly rate: unknown;
  readonly line: number | null;
}

function collect(
  format: 'csv' | 'json',
  rows: readonly Row[],
  idColumn: string,
  rateColumn: string | null,
  headerSaysPercent: boolean,
): HotListParseResult {
  const rates = toPercents(
    rows.map((r) => readRawRate(r.rate)),
    headerSaysPercent,
  );
  const byId = new Map<string, number | null>();
  const errors: HotRowError[] = [];
  let duplicates = 0;
  rows.forEach((row, index) => {
    const at = { row: index + 1, line: row.line };
    const id = readId(row.id);
    if ('error' in id) {
      errors.push({ ...at, code: id.error, value: shorten(String(row.id ?? '')) });
      return;
    }
    const read = rates[index] ?? null;
    if (read === 'bad') {
      // The product is still in the hot list; only its rate is unknown.
      errors.push({ ...at, code: 'badRate', value: shorten(String(row.rate)) });
    }
    const rate = read === 'bad' ? null : read;
    if (byId.has(id.id)) {
      duplicates += 1;
      const known = byId.get(id.id) ?? null;
      byId.set(id.id, known === null ? rate : rate === null ? known : Math.max(known, rate));
    } else byId.set(id.id, rate);
  });
  if (byId.size === 0) {
    const first = errors[0];
    return { ok: false, reason: { code: 'noProducts', ...(first ? { detail: `${first.code} at row ${first.row}` } : {}) } };
  }
  const entries = [...byId].map(([productId, ratePct]) => ({ productId, ratePct }));
  return { ok: true, format, entries, errors, idColumn, rateColumn, duplicates };
}

/**
 * RFC 4180 records with the line each starts on; quoted fields may hold separators and newlines.
 * Linear: it jumps from one special character to the next, and it stops after `maxRecords`, so
 * a file with too many rows is refused after reading one more than the limit, not all of it.
 */
const NOT_BLANK = /[^ \t]/;

function csvRecords(text: string, delimiter: string, maxRecords: number): { cells: string[]; line: number }[] {
  const records: { cells: string[]; line: number }[] = [];
  const special = new RegExp(`[${delimiter === '\t' ? '\\t' : `\\${delimiter}`}"\\r\\n]`, 'g');
  let cells: string[] = [];
  let cell = '';
  // Whether the cell holds anything but blanks: a quote opens a quoted cell only before that.
  let cellHasText = false;
  let line = 1;
  let recordLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    cellHasText = false;
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ cells, line: recordLine });
    cells = [];
  };
  let i = 0;
  while (i < text.length && records.length < maxRecords) {
    special.lastIndex = i;
    const next = special.exec(text);
    const at = next ? next.index : text.length;
    if (at > i) {
      const run = text.slice(i, at);
      cell = cell === '' ? run : cell + run;
      if (!cellHasText && NOT_BLANK.test(run)) cellHasText = true;
    }
    if (!next) break;
    const ch = next[0];
    i = at + 1;
    if (ch === '"' && !cellHasText) {
      // A quoted cell: up to the closing quote, "" standing for one quote.
      cell = '';
      cellHasText = true;
      for (;;) {
        const close = text.indexOf('"', i);
        const end = close < 0 ? text.length : close;
        const run = text.slice(i, end);
        for (let nl = run.indexOf('\n'); nl >= 0; nl = run.indexOf('\n', nl + 1)) line += 1;
        cell += run;
        if (close < 0) {
          i = text.length;
          break;
        }
        if (text[close + 1] === '"') {
          cell += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    } else if (ch === '"') {
      cell += ch;
    } else if (ch === delimiter) endCell();
    else {
      if (ch === '\r' && text[i] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    }
  }
  if ((cell !== '' || cells.length > 0) && records.length < maxRecords) endRecord();
  return records;
}

function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t', '|'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ',';
}

function findColumn(names: readonly string[], wanted: readonly string[]): number {
  for (const name of wanted) {
    const index = names.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
}

function parseCsv(text: string, maxRows: number): HotListParseResult {
  const lineEnd = text.search(/\r|\n/);
  const firstLine = lineEnd < 0 ? text : text.slice(0, lineEnd);
  // The header, the limit, and one more row to tell "too many" from "exactly the limit".
  const records = csvRecords(text, detectDelimiter(firstLine), maxRows + 2);
  if (records.length === 0) return { ok: false, reason: { code: 'empty' } };
  const header = records[0]!.cells;
  const names = header.map(normalizeName);
  let idIndex = findColumn(names, ID_NAMES);
  if (idIndex < 0) idIndex = findColumn(names, URL_NAMES);
  let rateIndex = findColumn(names, RATE_NAMES);
  if (rateIndex < 0) rateIndex = findPercentCommission(header);

  if (idIndex < 0) {
    // No header: a plain list of ids or product URLs, one per line.
    if (!('id' in readId(header[0]))) return { ok: false, reason: { code: 'noIdColumn', detail: shorten(header.join(', ')) } };
    if (records.length > maxRows) return { ok: false, reason: { code: 'tooManyRows', detail: String(maxRows) } };
    const rows = records.map((r) => ({ id: r.cells[0], rate: undefined, line: r.line }));
    return collect('csv', rows, /^\d+$/.test(String(header[0]).trim()) ? '(ids)' : '(urls)', null, false);
  }
  const body = records.slice(1);
  if (body.length > maxRows) return { ok: false, reason: { code: 'tooManyRows', detail: String(maxRows) } };
  const rows = body.map((r) => ({ id: r.cells[idIndex], rate: rateIndex >= 0 ? r.cells[rateIndex] : undefined, line: r.line }));
  const rateHeader = rateIndex >= 0 ? header[rateIndex]! : null;
  return collect('csv', rows, header[idIndex]!.trim(), rateHeader?.trim() ?? null, rateHeader !== null && /%|percent/i.test(rateHeader));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The list inside a JSON export: the document itself, or the first array found breadth-first
 * (an Open Platform answer nests it as `..._response.resp_result.result.products.product`).
 */
function findList(json: unknown): unknown[] | null {
  let level: unknown[] = [json];
  for (let depth = 0; depth < 8 && level.length > 0; depth += 1) {
    const next: unknown[] = [];
    for (const value of level) {
      if (Array.isArray(value)) return value;
      if (isRecord(value)) next.push(...Object.values(value));
    }
    level = next.slice(0, 1000);
  }
  return null;
}

function keyFor(item: Record<string, unknown>, wanted: readonly string[]): string | undefined {
  const byName = new Map(Object.keys(item).map((key) => [normalizeName(key), key]));
  for (const name of wanted) {
    const key = byName.get(normalizeName(name));
    if (key !== undefined) return key;
  }
  return undefined;
}

function parseJson(text: string, maxRows: number): HotListParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: { code: 'badJson', detail: error instanceof Error ? error.message : undefined } };
  }
  const list = findList(json);
  if (!list) return { ok: false, reason: { code: 'noList' } };
  if (list.length === 0) return { ok: false, reason: { code: 'empty' } };
  if (list.length > maxRows) return { ok: false, reason: { code: 'tooManyRows', detail: String(maxRows) } };
  const objects = list.filter(isRecord);
  const sample = objects[0];
  const idKey = sample ? (keyFor(sample, ID_NAMES) ?? keyFor(sample, URL_NAMES)) : undefined;
  const rateKey = sample ? (keyFor(sample, RATE_NAMES) ?? Object.keys(sample)[findPercentCommission(Object.keys(sample))]) : undefined;
  if (objects.length > 0 && idKey === undefined) return { ok: false, reason: { code: 'noIdColumn', detail: shorten(Object.keys(sample!).join(', ')) } };
  const rows = list.map((item) =>
    isRecord(item)
      ? { id: Object.hasOwn(item, idKey!) ? item[idKey!] : undefined, rate: rateKey !== undefined && Object.hasOwn(item, rateKey) ? item[rateKey] : undefined, line: null }
      : { id: item, rate: undefined, line: null },
  );
  return collect('json', rows, idKey ?? '(ids)', rateKey ?? null, rateKey !== undefined && /%|percent/i.test(rateKey));
}

/** Parses a hot-products export. Pure; never throws. */
export function parseHotList(text: string, options: HotListParseOptions = {}): HotListParseResult {
  const maxChars = options.maxChars ?? HOT_LIST_LIMITS.maxChars;
  const maxRows = options.maxRows ?? HOT_LIST_LIMITS.maxRows;
  if (typeof text !== 'string') return { ok: false, reason: { code: 'empty' } };
  if (text.length > maxChars) return { ok: false, reason: { code: 'tooLarge', detail: String(maxChars) } };
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return { ok: false, reason: { code: 'empty' } };
  try {
    return /^\s*[[{]/.test(content) ? parseJson(content, maxRows) : parseCsv(content, maxRows);
  } catch (error) {
    // Nothing above should throw; if it does, the file is refused rather than half-read.
    return { ok: false, reason: { code: 'unreadable', detail: error instanceof Error ? error.message : String(error) } };
  }
}

/** Catalog message for a refused file: `hot_fail_<code>`; the row limit is the one substitution. */
export function hotFailureMessage(reason: { readonly code: HotFailureCode; readonly detail?: string }): { key: `hot_fail_${HotFailureCode}`; substitutions: string[] } {
  return { key: `hot_fail_${reason.code}`, substitutions: reason.code === 'tooManyRows' ? [reason.detail ?? ''] : [] };
}

/** Catalog message for a skipped row: `hot_row_<code>` with the file line (row for JSON) and the cell. */
export function hotRowErrorMessage(error: HotRowError): { key: `hot_row_${HotRowErrorCode}`; substitutions: string[] } {
  const where = String(error.line ?? error.row);
  return { key: `hot_row_${error.code}`, substitutions: error.code === 'missingId' ? [where] : [where, error.value] };
}
