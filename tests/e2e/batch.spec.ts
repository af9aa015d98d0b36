/**
 * The batch converter as a worktable, built, in real Chromium: a 10,000-row spreadsheet export
 * converts, pages, filters, copies one link to the clipboard (and into the history) and exports a
 * CSV whose input column gives back every cell exactly; warnings every row shares are said once;
 * badges keep their full text for hover, focus and screen readers; axe finds nothing serious in
 * light or dark; a Portals preset makes no link and says why.
 *
 * The section is reached by `options.html#batch` and its `data-testid`, not by where it sits on
 * the page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../lib/csv/index';
import { DEMO_ACCOUNT, DEMO_PRESET, DEMO_STORAGE, expectedAdmitadLink } from '../../scripts/e2e-support/demo-data.mjs';
import { readHistory } from '../../scripts/e2e-support/history.mjs';
import { expect, test } from './support/fixtures';

const productId = (i: number) => String(1005006000000000 + i);
const productUrl = (i: number) => `https://www.aliexpress.com/item/${productId(i)}.html`;

/**
 * What a spreadsheet column of links holds in the wild, one form per row in turn: quotes and
 * the delimiter, line breaks inside the cell, cells a spreadsheet would run as formulas, text
 * around the URL, a store page, and two that are not AliExpress products at all.
 */
const CELL_FORMS: readonly ((i: number) => string)[] = [
  (i) => productUrl(i),
  (i) => `"Great", ${productUrl(i)}`,
  (i) => `line one\n${productUrl(i)}\r\nline three`,
  (i) => `=HYPERLINK("${productUrl(i)}")`,
  (i) => `+${productUrl(i)}`,
  (i) => `  ${productUrl(i)}?spm=a; see this  `,
  (i) => `@${productUrl(i)}`,
  () => 'https://www.aliexpress.com/store/1234',
  (i) => `https://example.com/item/${productId(i)}.html`,
  () => '-1',
];
const cellAt = (i: number) => CELL_FORMS[i % CELL_FORMS.length]!(i);
const titleAt = (i: number) => `Item ${i + 1}, "blue"`;
const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;

async function openBatch(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`chrome-extension://${extensionId}/options.html#batch`);
  await expect(page.getByTestId('batch')).toBeVisible();
  return page;
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const failure = await file.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  return readFileSync(await file.path(), 'utf8');
}

test('a 10,000-row batch converts, pages, copies one link and exports a CSV whose input column round-trips', async ({
  context,
  extensionId,
  seedStorage,
  readClipboard,
  serviceWorker,
}) => {
  test.setTimeout(120_000);
  await seedStorage(DEMO_STORAGE);
  const options = await openBatch(context, extensionId);
  const batch = options.getByTestId('batch');
  const cells = Array.from({ length: 10_000 }, (_, i) => cellAt(i));
  const csv = ['title,url', ...cells.map((cell, i) => `${quote(titleAt(i))},${quote(cell)}`)].join('\r\n');

  await test.step('converts the file', async () => {
    await batch.getByLabel('Or load a file (CSV or text)').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // The field shows the file (a textarea shows its line breaks as LF); the file itself is what converts.
    await expect.poll(async () => (await batch.getByLabel('AliExpress URLs').inputValue()).slice(0, 30)).toBe('title,url\n"Item 1, ""blue""","');
    await batch.getByRole('button', { name: 'Convert' }).click();
    // 8 of every 10 forms are AliExpress pages; the store page repeats from its second row on.
    await expect(batch.getByTestId('batch-summary')).toHaveText(/^10,000 rows with “Blog”: 8,000 converted, 2,000 with errors, [\d,]+ with warnings, 999 repeats\. Took [\d.]+ s\.$/, {
      timeout: 60_000,
    });
  });

  const table = batch.getByTestId('batch-table');
  const range = batch.getByTestId('batch-range');
  const firstRowNumber = () => table.locator('tbody tr').first().locator('td').first();

  await test.step('pages: next, a page size, a page by number, a filter', async () => {
    await expect(table.getByRole('row')).toHaveCount(101);
    await expect(range).toHaveText('Rows 1–100 of 10,000, page 1 of 100');
    await batch.getByRole('button', { name: 'Next page' }).click();
    await expect(range).toHaveText('Rows 101–200 of 10,000, page 2 of 100');
    await expect(firstRowNumber()).toHaveText('101');
    // A bigger page keeps the first row on screen in view: row 101 is on page 1 of 500 rows.
    await batch.getByLabel('Rows per page').selectOption('500');
    await expect(range).toHaveText('Rows 1–500 of 10,000, page 1 of 20');
    await expect(table.getByRole('row')).toHaveCount(501);
    await batch.getByLabel('Page', { exact: true }).selectOption({ label: '20' });
    await expect(range).toHaveText('Rows 9,501–10,000 of 10,000, page 20 of 20');
    await expect(firstRowNumber()).toHaveText('9501');
    await batch.getByLabel('Show').selectOption({ label: 'With errors' });
    await expect(range).toHaveText('Rows 1–500 of 2,000, page 1 of 4');
    await expect(table.locator('tbody tr:not(.failed)')).toHaveCount(0);
    await expect(firstRowNumber()).toHaveText('9');
    await batch.getByLabel('Show').selectOption({ label: 'All rows' });
    await batch.getByLabel('Rows per page').selectOption('100');
    await expect(range).toHaveText('Rows 1–100 of 10,000, page 1 of 100');
  });

  await test.step('copies one link with its own button, and by keyboard', async () => {
    // Row 2's cell is `"Great", <url>`: the link is for the URL in it.
    const expected = expectedAdmitadLink(productUrl(1));
    await batch.getByRole('button', { name: 'Copy the link of row 2', exact: true }).click();
    await expect(batch.getByTestId('batch-copy-status')).toHaveText('Link of row 2 copied.');
    expect(await readClipboard()).toBe(expected);
    await expect(table.locator('tr[data-row="2"]').getByTestId('batch-link')).toHaveText(expected);
    await expect.poll(async () => (await readHistory(serviceWorker)).find((entry: { link: string }) => entry.link === expected)).toMatchObject({ surface: 'batch', presetId: 'p1' });

    await options.bringToFront();
    await batch.getByRole('button', { name: 'Copy the link of row 1', exact: true }).focus();
    await options.keyboard.press('Enter');
    await expect(batch.getByTestId('batch-copy-status')).toHaveText('Link of row 1 copied.');
    expect(await readClipboard()).toBe(expectedAdmitadLink(productUrl(0)));
  });

  await test.step('exports every row, every input cell exactly as it was', async () => {
    const text = await downloadText(options, () => batch.getByRole('button', { name: 'Export all 10,000 rows as CSV' }).click());
    const [header = [], ...records] = parseCsv(text);
    expect(records).toHaveLength(10_000);
    const column = (name: string) => records.map((record) => record[header.indexOf(name)]);
    expect(column('input')).toEqual(cells);
    expect(column('title')).toEqual(cells.map((_, i) => titleAt(i)));
    expect(column('row')).toEqual(cells.map((_, i) => String(i + 1)));
    expect(records[3]).toEqual(expect.arrayContaining(['ok', expectedAdmitadLink(productUrl(3)), productId(3)]));
    expect(records[9]![header.indexOf('status')]).toBe('error');
  });
});

test('warnings every row shares are said once; badges keep their full text; light and dark pass axe; keyboard reaches the badges', async ({
  context,
  extensionId,
  seedStorage,
}) => {
  // Buyers in the Netherlands under the Benelux program: seed 004's EU fee applies to every product.
  const benelux = { ...DEMO_PRESET, id: 'p2', name: 'Benelux', program: 'eu-benelux', audienceCountry: 'NL' };
  await seedStorage({ ...DEMO_STORAGE, presets: [DEMO_PRESET, benelux] });
  const options = await openBatch(context, extensionId);
  const batch = options.getByTestId('batch');
  const lines = [...Array.from({ length: 20 }, (_, i) => productUrl(i)), 'https://www.aliexpress.com/store/1234', 'https://example.com/x'];
  await batch.getByLabel('AliExpress URLs').fill(lines.join('\n'));
  await batch.getByLabel('Preset').selectOption({ label: 'Benelux' });
  await batch.getByRole('button', { name: 'Convert' }).click();
  await expect(batch.getByTestId('batch-summary')).toContainText('“Benelux”');

  const shared = batch.getByTestId('batch-shared');
  await expect(shared).toContainText('For every converted row');
  await expect(shared.getByText('EU buyers pay a service fee of up to 8% that earns no commission.')).toHaveCount(1);
  const table = batch.getByTestId('batch-table');
  await expect(table.getByText('EU fee')).toHaveCount(0);

  // Blog sells to Germany under WW: the store page carries a warning of its own.
  await batch.getByLabel('Preset').selectOption({ label: 'Blog' });
  await batch.getByRole('button', { name: 'Convert' }).click();
  await expect(batch.getByTestId('batch-summary')).toContainText('“Blog”');

  // The store page's own warning: a short badge whose full sentence is part of its text.
  const badge = table.locator('tr[data-row="21"] .batch-badge', { hasText: 'Not a product' });
  await expect(badge).toContainText('Links to product pages win attribution');
  const tipWidth = () => badge.locator('.batch-tip').evaluate((tip) => tip.getBoundingClientRect().width);
  expect(await tipWidth()).toBeLessThanOrEqual(1);
  // From the row's copy button, Tab reaches the badge, which shows its sentence.
  await batch.getByRole('button', { name: 'Copy the link of row 21', exact: true }).focus();
  await options.keyboard.press('Tab');
  await expect(badge).toBeFocused();
  expect(await tipWidth()).toBeGreaterThan(100);

  for (const theme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: theme });
    const results = await new AxeBuilder({ page: options }).include('[data-testid="batch"]').analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
    expect(serious, theme).toEqual([]);
  }
  await options.keyboard.press('Escape');
  await expect(badge).not.toBeFocused();
});

test('a Portals preset makes no links and says why and what to do', async ({ context, extensionId, seedStorage }) => {
  const portals = { id: 'acc-p', network: 'portals', name: 'My Portals', appKey: '500123', trackingId: 'blog_main' };
  await seedStorage({
    accounts: [DEMO_ACCOUNT, portals],
    presets: [{ ...DEMO_PRESET, id: 'pp', name: 'Portals blog', accountId: 'acc-p', program: 'portals', subIds: {} }],
    settings: { defaultPresetId: 'pp', lastUsedPresetId: null },
  });
  const options = await openBatch(context, extensionId);
  const batch = options.getByTestId('batch');
  await batch.getByLabel('AliExpress URLs').fill(productUrl(1));
  await batch.getByRole('button', { name: 'Convert' }).click();
  await expect(batch.getByTestId('batch-error')).toHaveText(/^No links: this is an AliExpress Portals preset\..*adding your API credentials in the options/);
  await expect(batch.getByTestId('batch-table')).toHaveCount(0);
});
