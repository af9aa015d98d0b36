import { describe, expect, it } from 'vitest';
import { csvCell, detectDelimiter, parseCsv, toCsv, UTF8_BOM } from '@/lib/csv/index';

describe('csvCell', () => {
  it.each([
    { input: 'plain', expected: 'plain' },
    { input: 'a,b', expected: '"a,b"' },
    { input: 'say "hi"', expected: '"say ""hi"""' },
    { input: 'two\nlines', expected: '"two\nlines"' },
    { input: 'cr\rhere', expected: '"cr\rhere"' },
    { input: '', expected: '' },
    { input: null, expected: '' },
    { input: undefined, expected: '' },
    { input: 1.15, expected: '1.15' },
    { input: -3, expected: '-3' },
    { input: Number.NaN, expected: '' },
    { input: true, expected: 'true' },
  ])('writes $input as $expected (RFC 4180)', ({ input, expected }) => {
    expect(csvCell(input)).toBe(expected);
  });

  // OWASP "CSV Injection": a cell a spreadsheet would evaluate is kept as text.
  it.each([
    { input: '=HYPERLINK("http://evil.example","click")', expected: `"'=HYPERLINK(""http://evil.example"",""click"")"` },
    { input: '+1+1', expected: "'+1+1" },
    { input: '-2+3', expected: "'-2+3" },
    { input: '@SUM(A1)', expected: "'@SUM(A1)" },
    { input: '\t=1', expected: "'\t=1" },
    { input: '\r=1', expected: `"'\r=1"` },
    { input: 'a=1', expected: 'a=1' },
  ])('defuses formula cell $input', ({ input, expected }) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes a header and CRLF-terminated records', () => {
    const actual = toCsv(['a', 'b'], [['1', 'x,y'], [2, null]]);
    expect(actual).toBe('a,b\r\n1,"x,y"\r\n2,\r\n');
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

  it('reads back what toCsv writes, formula guard aside', () => {
    const rows = [['https://www.aliexpress.com/item/1.html?a=1,2', 'Канал "TG"', 'line\nbreak', '']];
    expect(parseCsv(toCsv(['url', 'name', 'note', 'empty'], rows))).toEqual([['url', 'name', 'note', 'empty'], ...rows]);
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
