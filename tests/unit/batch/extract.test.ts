import { describe, expect, it } from 'vitest';
import { BATCH_MAX_ROWS, extractBatchInputs } from '@/lib/batch/extract';

const url = (id: number) => `https://www.aliexpress.com/item/${1005006000000000 + id}.html`;

describe('extractBatchInputs', () => {
  it('reads one URL per line, numbering rows by line and skipping blank lines', () => {
    const actual = extractBatchInputs(`${url(1)}\n\n  ${url(2)}  \r\n${url(3)}`);
    expect(actual).toEqual({
      ok: true,
      format: 'lines',
      inputs: [
        { row: 1, input: url(1), source: url(1) },
        { row: 3, input: url(2), source: `  ${url(2)}  ` },
        { row: 4, input: url(3), source: url(3) },
      ],
    });
  });

  it.each([
    { input: `Great cable: ${url(1)} (cheap!)`, expected: url(1) },
    { input: `<${url(1)}>`, expected: url(1) },
    { input: `${url(1)},USB cable,3.99`, expected: url(1) },
    { input: `see ${url(1)}.`, expected: url(1) },
    { input: 'www.aliexpress.com/item/1005006000000001.html', expected: 'www.aliexpress.com/item/1005006000000001.html' },
    { input: 'https://example.com/x', expected: 'https://example.com/x' },
    { input: 'just words', expected: 'just words' },
    // A closing bracket ends the URL only when the URL did not open it (the rule of the GitHub Flavored
    // Markdown spec, "Autolinks (extension)": `www.google.com/search?q=Markup+(business)` keeps its `)`).
    { input: `(see ${url(1)})`, expected: url(1) },
    { input: 'https://www.aliexpress.com/item/1005001.html?x=(a)', expected: 'https://www.aliexpress.com/item/1005001.html?x=(a)' },
    { input: 'hubs (https://www.aliexpress.com/wholesale?SearchText=usb+hub+(4+ports)).', expected: 'https://www.aliexpress.com/wholesale?SearchText=usb+hub+(4+ports)' },
    { input: 'see https://en.wikipedia.org/wiki/Python_(programming_language)', expected: 'https://en.wikipedia.org/wiki/Python_(programming_language)' },
  ])('takes the URL out of "$input"', ({ input, expected }) => {
    const actual = extractBatchInputs(input);
    expect(actual.ok && actual.inputs[0]!.input).toBe(expected);
  });

  it('reads a CSV by its url column, rows numbered after the header, with the title column', () => {
    const csv = `title;Product URL;price\r\n"Cable; USB-C";${url(1)};3.99\r\nEmpty;;1\r\nHub;${url(2)};9`;
    expect(extractBatchInputs(csv)).toEqual({
      ok: true,
      format: 'csv',
      column: 'Product URL',
      inputs: [
        { row: 1, input: url(1), source: url(1), title: 'Cable; USB-C' },
        { row: 2, input: '', source: '', title: 'Empty' },
        { row: 3, input: url(2), source: url(2), title: 'Hub' },
      ],
    });
  });

  it('reads a CSV exported by a spreadsheet, with a byte order mark and quoted URLs', () => {
    const csv = `\uFEFF"link","name"\n"${url(1)}","A"\n`;
    expect(extractBatchInputs(csv)).toMatchObject({ ok: true, format: 'csv', column: 'link', inputs: [{ row: 1, input: url(1), title: 'A' }] });
  });

  it.each([
    { header: 'url,notes', expected: undefined },
    { header: 'url,Название', expected: 'Item' },
    { header: 'url,titel', expected: 'Item' },
    // "Product URL" is the URL column, never the title.
    { header: 'Product URL,name', expected: 'Item' },
  ])('takes a title only from a column named like one: $header', ({ header, expected }) => {
    const result = extractBatchInputs(`${header}\n${url(1)},Item`);
    const actual = result.ok ? result.inputs[0]!.title : 'refused';
    expect(actual).toBe(expected);
  });

  it.each([{ input: '' }, { input: '\n  \n' }])('refuses an empty list', ({ input }) => {
    expect(extractBatchInputs(input)).toEqual({ ok: false, reason: 'empty' });
  });

  it('takes 10,000 rows and refuses one more', () => {
    const lines = Array.from({ length: BATCH_MAX_ROWS }, (_, i) => url(i));
    expect(extractBatchInputs(lines.join('\n'))).toMatchObject({ ok: true });
    expect(extractBatchInputs([...lines, url(BATCH_MAX_ROWS)].join('\n'))).toEqual({ ok: false, reason: 'tooMany', max: BATCH_MAX_ROWS });
    expect(extractBatchInputs(`url,x\n${[...lines, url(BATCH_MAX_ROWS)].join(',1\n')}`)).toEqual({ ok: false, reason: 'tooMany', max: BATCH_MAX_ROWS });
  });

  it('refuses text over the size limit before reading it', () => {
    expect(extractBatchInputs('x'.repeat(20_000_001))).toEqual({ ok: false, reason: 'tooLarge' });
  });
});
