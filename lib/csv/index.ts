/**
 * CSV in and out, as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180): comma
 * separated, CRLF between records, a quote inside a field doubled. Pure and import-free, so the
 * e2e suite and the bench can load it.
 *
 * Exports are opened in spreadsheets, where text that starts with `=`, `+`, `-` or `@` (or a tab
 * or CR, which some spreadsheets skip before reading a formula) runs as a formula. A product URL
 * or preset name is attacker-influenced text, so, following OWASP's "CSV Injection" guidance
 * (https://owasp.org/www-community/attacks/CSV_Injection):
 * - every cell is quoted. Excel in a locale whose list separator is `;` (most of the EU) splits an
 *   unquoted cell at each `;`, so a quoted cell is the only one it keeps whole;
 * - every `;`-separated segment of a cell that starts like a formula gets a `'` in front, which
 *   spreadsheets show as text: should the cell be split after all, no piece runs.
 * `parseCsv` removes exactly those `'`s again, so our own exports read back unchanged. A segment
 * that already starts with `'`s before a formula character gets one more, so that the guard
 * always comes off exactly once.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** A segment (the cell's start, or right after a `;`) that a spreadsheet would run as a formula. */
const FORMULA_SEGMENT = /(^|;)('*[=+\-@\t\r])/g;
/** The same with our guard in front of it. */
const GUARDED_SEGMENT = /(^|;)'('*[=+\-@\t\r])/g;

/** Puts `'` before every segment a spreadsheet would evaluate. */
export function guardFormulas(text: string): string {
  return text.replace(FORMULA_SEGMENT, "$1'$2");
}

/** The inverse of `guardFormulas`. */
export function unguardFormulas(text: string): string {
  return text.replace(GUARDED_SEGMENT, '$1$2');
}

/** One cell: quoted, with formula segments guarded. Numbers and booleans are written as they are, quoted. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'number') return Number.isFinite(value) ? `"${value}"` : '""';
  if (typeof value === 'boolean') return value ? '"true"' : '"false"';
  return `"${guardFormulas(value).replaceAll('"', '""')}"`;
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
  /**
   * Take off the `'` that `csvCell` put before formula segments (default true), so our own
   * exports read back exactly. Text without such a guard is unchanged.
   */
  readonly unguard?: boolean;
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
export function parseCsv(input: string, { delimiter, maxRecords = Infinity, unguard = true }: ParseCsvOptions = {}): string[][] {
  const text = input.startsWith(UTF8_BOM) ? input.slice(1) : input;
  const sep = delimiter ?? detectDelimiter(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(unguard ? unguardFormulas(field) : field);
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
