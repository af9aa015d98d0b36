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
  /** The product's title, when a CSV has a column for it (named like `TITLE_HEADER`). */
  readonly title?: string;
}

export type ExtractFailure = { readonly reason: 'empty' } | { readonly reason: 'tooMany'; readonly max: number } | { readonly reason: 'tooLarge' };

export type ExtractResult =
  | { readonly ok: true; readonly inputs: readonly BatchInput[]; readonly format: 'lines' | 'csv'; readonly column?: string }
  | ({ readonly ok: false } & ExtractFailure);

/**
 * A URL with a scheme, or a bare AliExpress address as people paste them. It ends at a comma or
 * semicolon too, so a CSV line pasted as text gives its URL and not the next cell; the product id
 * is in the path, before any comma a query string might hold.
 *
 * Found by scanning rather than by one regular expression: a pasted line may hold tens of thousands of
 * `)` or letters, on which a pattern with a repeated group before `$` or `aliexpress.` backtracks
 * quadratically (a 100-line batch of such lines took 43 s). Every step below looks at each character
 * a bounded number of times.
 */
const SCHEME_START = /https?:\/\//i;
const BARE_HOST_ROOT = /aliexpress\.(?:com|ru|us)\//gi;
/** Searched from a given index (global flag, lastIndex): one native scan with no backtracking. */
const TOKEN_END = /[\s"'<>,;]/g;

function tokenEnd(text: string, from: number): number {
  TOKEN_END.lastIndex = from;
  return TOKEN_END.exec(text)?.index ?? text.length;
}
/** Header names of a URL column, in the seeds' languages and the usual English ones. */
const URL_HEADER = /url|link|ссылк|enlace|koppeling/i;
/** Header names of a title column: what spreadsheet exports of product lists call it. */
const TITLE_HEADER = /^\s*(?:title|name|product name|название|наименование|título|titulo|nombre|titel|naam)\s*$/i;

function isLabelChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45; // 0-9 A-Z a-z -
}

/** Where `aliexpress.<tld>/` at `root` starts once its subdomain labels (`m.es.`) are counted in. */
function hostStart(text: string, root: number): number {
  let start = root;
  while (start >= 2 && text.charCodeAt(start - 1) === 46 && isLabelChar(text.charCodeAt(start - 2))) {
    let label = start - 2;
    while (label > 0 && isLabelChar(text.charCodeAt(label - 1))) label--;
    start = label;
  }
  return start;
}

/** The first URL in `text`: the earliest `http(s)://` or bare AliExpress host. */
function urlStart(text: string): number {
  const scheme = SCHEME_START.exec(text);
  const afterScheme = scheme === null ? -1 : scheme.index + scheme[0].length;
  // `https://` needs at least one URL character after it, as the pattern's `[^\s"'<>,;]+` did.
  let best = scheme !== null && afterScheme < text.length && tokenEnd(text, afterScheme) !== afterScheme ? scheme.index : -1;
  BARE_HOST_ROOT.lastIndex = 0;
  for (let match = BARE_HOST_ROOT.exec(text); match !== null; match = BARE_HOST_ROOT.exec(text)) {
    if (best !== -1 && match.index >= best) break;
    const start = hostStart(text, match.index);
    // A host starts a word: `xaliexpress.com/` is not AliExpress.
    const before = start === 0 ? 32 : text.charCodeAt(start - 1);
    if (!isLabelChar(before) && before !== 95) best = best === -1 ? start : Math.min(best, start);
  }
  return best;
}

function urlIn(text: string): string | null {
  const start = urlStart(text);
  if (start === -1) return null;
  return stripProsePunctuation(text.slice(start, tokenEnd(text, start)));
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
  // Cells are kept as the file has them (no formula guard taken off): the export writes each back
  // exactly, guarding it on the way out (lib/csv/index.ts).
  const records = parseCsv(text, { delimiter: detectDelimiter(text), maxRecords: BATCH_MAX_ROWS + 2, unguard: false });
  const [header = [], ...data] = records;
  const column = urlColumn(header, data.slice(0, 20));
  const titleColumn = header.findIndex((cell, index) => index !== column && TITLE_HEADER.test(cell));
  const inputs = data.map((record, index): BatchInput => {
    const source = record[column] ?? '';
    const cell = source.trim();
    const title = titleColumn < 0 ? '' : (record[titleColumn] ?? '').trim();
    return { row: index + 1, input: urlIn(cell) ?? cell, source, ...(title ? { title } : {}) };
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
