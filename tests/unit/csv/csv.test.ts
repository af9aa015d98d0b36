import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, detectDelimiter, guardFormulas, parseCsv, toCsv, unguardFormulas, UTF8_BOM } from '@/lib/csv/index';

describe('csvCell', () => {
  // Every cell quoted: Excel in a `;`-separator locale keeps only a quoted cell whole.
  it.each([
    { input: 'plain', expected: '"plain"' },
    { input: 'a,b', expected: '"a,b"' },
    { input: 'a;b', expected: '"a;b"' },
    { input: 'say "hi"', expected: '"say ""hi"""' },
    { input: 'two\nlines', expected: '"two\nlines"' },
    { input: 'cr\rhere', expected: '"cr\rhere"' },
    { input: '', expected: '""' },
    { input: null, expected: '""' },
    { input: undefined, expected: '""' },
    { input: 1.15, expected: '"1.15"' },
    { input: -3, expected: '"-3"' },
    { input: Number.NaN, expected: '""' },
    { input: true, expected: '"true"' },
  ])('writes $input as $expected (RFC 4180, always quoted)', ({ input, expected }) => {
    expect(csvCell(input)).toBe(expected);
  });

  // OWASP "CSV Injection": a cell, or a `;`-separated piece of one, that a spreadsheet would
  // evaluate is kept as text.
  it.each([
    { input: '=HYPERLINK("http://evil.example","click")', expected: `"'=HYPERLINK(""http://evil.example"",""click"")"` },
    { input: '+1+1', expected: `"'+1+1"` },
    { input: '-2+3', expected: `"'-2+3"` },
    { input: '@SUM(A1)', expected: `"'@SUM(A1)"` },
    { input: '\t=1', expected: `"'\t=1"` },
    { input: '\r=1', expected: `"'\r=1"` },
    { input: 'a=1', expected: '"a=1"' },
    { input: 'https://www.aliexpress.com/item/1.html?x=1;=HYPERLINK("http://evil.example")', expected: `"https://www.aliexpress.com/item/1.html?x=1;'=HYPERLINK(""http://evil.example"")"` },
    { input: 'a;+1;b;-2;@x', expected: `"a;'+1;b;'-2;'@x"` },
    { input: "'=already", expected: `"''=already"` },
    { input: "it's fine", expected: `"it's fine"` },
  ])('defuses formula segment in $input', ({ input, expected }) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves no piece of any cell starting like a formula when Excel splits it at ;', () => {
    const hostile = ['x;=1+1', '=cmd|"/c calc"!A1', 'ok;\t=2', 'a;;@b', "b;'-1"];
    for (const cell of hostile) {
      // What a `;`-locale Excel does with the unquoted text: split at every `;`.
      const pieces = csvCell(cell).slice(1, -1).replaceAll('""', '"').split(';');
      for (const piece of pieces) expect(piece).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

describe('guardFormulas / unguardFormulas', () => {
  it.each(['', 'plain', '=1', "'=1", "''=1", 'a;=b;c', "a;'=b", "'", "';", ';;=', '-', "it's"])('round-trips %j', (input) => {
    expect(unguardFormulas(guardFormulas(input))).toBe(input);
  });
});

describe('toCsv', () => {
  it('writes a header and CRLF-terminated records', () => {
    const actual = toCsv(['a', 'b'], [['1', 'x,y'], [2, null]]);
    expect(actual).toBe('"a","b"\r\n"1","x,y"\r\n"2",""\r\n');
  });
});

describe('parseCsv', () => {
  it.each([
    { input: 'a,b\r\n1,2\r\n', expected: [['a', 'b'], ['1', '2']] },
    { input: 'a,b\n1,2', expected: [['a', 'b'], ['1', '2']] },
    { input: 'a;b\n1;2', expected: [['a', 'b'], ['1', '2']] },
    { input: 'a\tb\n1\t2', expected: [['a', 'b'], ['1', '2']] },
    { input: '"x,y","say ""hi"""\n', expected: [['x,y', 'say "hi"']] },
    { input: '"two\nlines",b', expected: [['two\nlines', 'b']] },
    { input: 'a,b\n\n\n1,2\n', expected: [['a', 'b'], ['1', '2']] },
    { input: `${UTF8_BOM}url\nhttps://x`, expected: [['url'], ['https://x']] },
    { input: 'a,,c', expected: [['a', '', 'c']] },
    { input: '"unclosed,b', expected: [['unclosed,b']] },
    { input: '', expected: [] },
  ])('reads $input', ({ input, expected }) => {
    expect(parseCsv(input)).toEqual(expected);
  });

  it('reads back what toCsv writes, formula guards included', () => {
    const rows = [['https://www.aliexpress.com/item/1.html?a=1,2', 'Канал "TG"', 'line\nbreak', '', '=SUM(A1)', 'x;-1;@y']];
    expect(parseCsv(toCsv(['url', 'name', 'note', 'empty', 'formula', 'segments'], rows))).toEqual([['url', 'name', 'note', 'empty', 'formula', 'segments'], ...rows]);
  });

  it('reads back any text exactly (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', ';', '"', "'", '=', '+', '-', '@', '\t', '\r', '\n', ' ', 'я') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const header = rows[0]!.map((_, index) => `c${index}`);
        const same = rows.map((row) => header.map((_, index) => row[index] ?? ''));
        expect(parseCsv(toCsv(header, same), { delimiter: ',' })).toEqual([header, ...same]);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a leading guard when asked to read the text as it is', () => {
    expect(parseCsv(`"'=1"`, { unguard: false })).toEqual([["'=1"]]);
  });

  it('stops at maxRecords', () => {
    expect(parseCsv('1\n2\n3\n4', { maxRecords: 2 })).toEqual([['1'], ['2']]);
  });

  it.each([
    { input: 'a,b;c', expected: ',' },
    { input: 'a;b;c,d', expected: ';' },
    { input: 'a\tb\tc', expected: '\t' },
    { input: '"a;b;c",d', expected: ',' },
    { input: 'single', expected: ',' },
  ])('detects the delimiter of $input', ({ input, expected }) => {
    expect(detectDelimiter(input)).toBe(expected);
  });
});
