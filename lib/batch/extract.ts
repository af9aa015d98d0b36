/**
 * What the batch converter converts: the URLs in a pasted text or a loaded file. One row per
 * input line (text) or per data record (CSV), numbered as the user sees them, so an error can
 * say which row it is about. Pure.
 */
import { detectDelimiter, parseCsv } from '../csv/index';
import { stripProsePunctuation } from '../url/parse';

/** The batch converter takes pasted text or a CSV of up to 10,000 URLs. */
export const BATCH_MAX_ROWS = 10_000;
/** Well above 10,000 long URLs (a wrapped URL is rarely over 1 KB); a bigger file is refused before parsing. */
export const BATCH_MAX_CHARS = 20_000_000;

export interface BatchInput {
  /** 1-based: the line of a pasted text, or the data record of a CSV (after its header). */
  readonly row: number;
  /** The URL found in the row, or the row's text when none looked like one (it gets an error). */
  readonly input: string;
  /** The row as the user gave it (the whole line, or the whole cell): exports write it back unchanged. */
  readonly source: string;
}

export type ExtractFailure = { readonly reason: 'empty' } | { readonly reason: 'tooMany'; readonly max: number } | { readonly reason: 'tooLarge' };

export type ExtractResult =
  | { readonly ok: true; readonly inputs: readonly BatchInput[]; readonly format: 'lines' | 'csv'; readonly column?: string }
  | ({ readonly ok: false } & ExtractFailure);

/**
 * A URL with a scheme, or a bare AliExpress address as people paste them. It ends at a comma or
 * semicolon too, so a CSV line pasted as text gives its URL and not the next cell; the product id
 * is in the path, before any comma a query string might hold.
 */
const URL_TOKEN = /(?:https?:\/\/|\b(?:[a-z0-9-]+\.)*aliexpress\.(?:com|ru|us)\/)[^\s"'<>,;]+/i;
/** Header names of a URL column, in the seeds' languages and the usual English ones. */
const URL_HEADER = /url|link|ссылк|enlace|koppeling/i;

function urlIn(text: string): string | null {
  const match = URL_TOKEN.exec(text);
  return match ? stripProsePunctuation(match[0]) : null;
}

function fromLines(text: string): BatchInput[] {
  const inputs: BatchInput[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i]!;
    const line = source.trim();
    if (line !== '') inputs.push({ row: i + 1, input: urlIn(line) ?? line, source });
  }
  return inputs;
}

/** The column holding URLs: named like one, else the one whose first cells look most like URLs. */
function urlColumn(header: readonly string[], sample: readonly (readonly string[])[]): number {
  const named = header.findIndex((cell) => URL_HEADER.test(cell));
  if (named >= 0) return named;
  let best = 0;
  let bestHits = -1;
  for (let column = 0; column < header.length; column++) {
    const hits = sample.filter((record) => urlIn(record[column] ?? '') !== null).length;
    if (hits > bestHits) {
      best = column;
      bestHits = hits;
    }
  }
  return best;
}

function fromCsv(text: string): { inputs: BatchInput[]; column: string } {
  const records = parseCsv(text, { delimiter: detectDelimiter(text), maxRecords: BATCH_MAX_ROWS + 2 });
  const [header = [], ...data] = records;
  const column = urlColumn(header, data.slice(0, 20));
  const inputs = data.map((record, index): BatchInput => {
    const source = record[column] ?? '';
    const cell = source.trim();
    return { row: index + 1, input: urlIn(cell) ?? cell, source };
  });
  return { inputs, column: header[column] ?? '' };
}

/**
 * A CSV with a header is recognised by its first line: it holds a delimiter and no URL (a
 * header names columns). Anything else is read as lines, one URL each; a line with other text
 * around its URL gives just the URL.
 */
export function extractBatchInputs(text: string, max = BATCH_MAX_ROWS): ExtractResult {
  if (text.length > BATCH_MAX_CHARS) return { ok: false, reason: 'tooLarge' };
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.trimStart().split(/\r\n|\n|\r/, 1)[0] ?? '';
  const isCsv = urlIn(firstLine) === null && /[,;\t]/.test(firstLine) && URL_HEADER.test(firstLine);
  const { inputs, column } = isCsv ? fromCsv(body.trimStart()) : { inputs: fromLines(body), column: undefined };
  if (inputs.length === 0) return { ok: false, reason: 'empty' };
  if (inputs.length > max) return { ok: false, reason: 'tooMany', max };
  return { ok: true, inputs, format: isCsv ? 'csv' : 'lines', ...(column !== undefined ? { column } : {}) };
}
