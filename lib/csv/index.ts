/**
 * CSV in and out, as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180): comma
 * separated, CRLF between records, a field quoted when it holds a comma, quote, CR or LF, and
 * a quote inside doubled. Pure and import-free, so the e2e suite and the bench can load it.
 *
 * Exports are opened in spreadsheets, and a cell starting with `=`, `+`, `-` or `@` (or a tab or
 * CR, which some spreadsheets skip before reading a formula) runs as a formula there. A product
 * URL or preset name is attacker-influenced text, so such a cell is prefixed with `'`, which
 * spreadsheets show as text (OWASP, "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection).
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, made safe for spreadsheets and quoted when RFC 4180 needs it. Numbers are written as they are. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header and rows as one CSV text, CRLF-terminated records. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Excel reads a CSV file as the system code page unless it starts with a UTF-8 byte order
 * mark, which would garble Cyrillic preset names; other readers skip it.
 */
export const UTF8_BOM = '\uFEFF';

export interface ParseCsvOptions {
  /** Defaults to the one of `,` `;` tab that splits the first line into the most fields. */
  readonly delimiter?: string;
  /** Stop after this many records (the caller reports the rest as too many). */
  readonly maxRecords?: number;
}

/** The delimiter that splits the first line (outside quotes) into the most fields; comma on a tie. */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    for (const char of first) {
      if (char === '"') quoted = !quoted;
      else if (!quoted && char === candidate) count++;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Records of a CSV text. Lenient where files in the wild are: LF or CRLF, a byte order mark,
 * a quote inside an unquoted field kept as it is, an unclosed quote running to the end. Blank
 * lines give no record.
 */
export function parseCsv(input: string, { delimiter, maxRecords = Infinity }: ParseCsvOptions = {}): string[][] {
  const text = input.startsWith(UTF8_BOM) ? input.slice(1) : input;
  const sep = delimiter ?? detectDelimiter(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === sep) endField();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if ((field !== '' || fieldStarted || record.length > 0) && records.length < maxRecords) endRecord();
  return records;
}
