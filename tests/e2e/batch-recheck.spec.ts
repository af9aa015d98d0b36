/**
 * The batch worktable's "Re-check" in the built extension, in real Chromium: a small batch's
 * product rows go to the worker, which asks https://api.admitad.com (resolved to the TLS fake in
 * tests/fakes) with the history's link-health engine; each row gets its status badge, the health
 * filter narrows the table, and the CSV gains the health columns while the input column still
 * gives back every cell exactly. Without API credentials it says what it needs.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { parseCsv } from '../../lib/csv/index';
import { DEMO_STORAGE, SAMPLE_PRODUCT_ID } from '../../scripts/e2e-support/demo-data.mjs';
import { FAKE_ADMITAD_CAMPAIGN_ID, FAKE_ADMITAD_CREDENTIALS, FAKE_ADMITAD_WEBSITE_ID } from '../fakes/index.mjs';
import { expect } from './support/fixtures';
import { test } from './support/fake-admitad';


/** The fake's catalog (tests/fakes/catalog.mjs): the sample at 7%, an ordinary product at 5%, a non-affiliate one, and one it does not know. */
const PRODUCTS = [
  { id: SAMPLE_PRODUCT_ID, status: 'rate-changed' },
  { id: '1005001234567890', status: 'ok' },
  { id: '1005009999999999', status: 'not-affiliate' },
  { id: '1005000000000777', status: 'gone' },
] as const;
const url = (id: string) => `https://www.aliexpress.com/item/${id}.html`;
/** Spreadsheet cells as publishers have them (as in tests/e2e/batch.spec.ts), then two rows that are no product: a store page and another site. */
const FORMS: readonly ((id: string) => string)[] = [
  (id) => url(id),
  (id) => `"Great", ${url(id)}`,
  (id) => `line one\n${url(id)}\r\nline three`,
  (id) => `=HYPERLINK("${url(id)}")`,
  (id) => `  ${url(id)}?spm=a; see this  `,
  () => 'https://www.aliexpress.com/store/1234',
  (id) => `https://example.com/item/${id}.html`,
];
const ROWS = 20;
const cells = Array.from({ length: ROWS }, (_, i) => FORMS[i % FORMS.length]!(PRODUCTS[i % PRODUCTS.length]!.id));
const isProductRow = (i: number) => i % FORMS.length < 5;
/**
 * A row's expected health: the product's status, nothing for rows without a product link. The
 * rate changes once: a later row of the same product compares with the rate its first row saw.
 */
const expectedHealth = cells.map((_, i) => (isProductRow(i) ? PRODUCTS[i % PRODUCTS.length]!.status : ''));
expectedHealth.forEach((status, i) => {
  if (status === 'rate-changed' && expectedHealth.indexOf('rate-changed') !== i) expectedHealth[i] = 'ok';
});
const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
const csvFile = ['title,url', ...cells.map((cell, i) => `${quote(`Item ${i + 1}`)},${quote(cell)}`)].join('\r\n');

/** An earlier history re-check saw the sample at 5%: the batch's check reports the change to 7%. */
const EARLIER_RUN = { id: 'earlier', state: 'done', startedAt: 1, finishedAt: 2, total: 0, results: [], lastRates: { [`${SAMPLE_PRODUCT_ID} p1`]: 5 } };

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const saveAdmitadCredentials = (page: Page) =>
  page.evaluate(
    (input) => chrome.runtime.sendMessage({ type: 'saveApiCredentials', data: input }),
    { service: 'admitad', ...FAKE_ADMITAD_CREDENTIALS, websiteId: FAKE_ADMITAD_WEBSITE_ID, campaignId: FAKE_ADMITAD_CAMPAIGN_ID },
  );

async function convertBatch(context: BrowserContext, extensionId: string, page?: Page) {
  const options = page ?? (await context.newPage());
  await options.setViewportSize({ width: 1280, height: 800 });
  await options.goto(`chrome-extension://${extensionId}/options.html#batch`);
  const batch = options.getByTestId('batch');
  await batch.getByLabel('Or load a file (CSV or text)').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csvFile) });
  await batch.getByRole('button', { name: 'Convert' }).click();
  await expect(batch.getByTestId('batch-summary')).toContainText(`${ROWS} rows with “Blog”`);
  return { options, batch };
}

test('without API credentials, the batch Re-check says what it needs', async ({ context, extensionId, seedStorage }) => {
  await seedStorage(DEMO_STORAGE);
  const { batch } = await convertBatch(context, extensionId);
  await batch.getByTestId('batch-health').getByRole('button', { name: 'Re-check links' }).click();
  await expect(batch.getByTestId('batch-health-status')).toContainText('Re-checking needs API credentials');
  await expect(batch.locator('[data-health]')).toHaveCount(0);
});

test('with Admitad credentials, each product row gets its status; the health filter and the CSV follow', async ({ context, page, extensionId, seedStorage, readStorage, admitad }) => {
  test.setTimeout(90_000);
  await seedStorage({ ...DEMO_STORAGE, linkHealth: EARLIER_RUN });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await saveAdmitadCredentials(page)).toMatchObject({ ok: true });
  const { options, batch } = await convertBatch(context, extensionId, page);

  const checked = expectedHealth.filter(Boolean).length;
  await batch.getByTestId('batch-health').getByRole('button', { name: 'Re-check links' }).click();
  await expect(batch.getByTestId('batch-health-status')).toContainText(`Checked ${checked} links.`, { timeout: 40_000 });
  expect(admitad.requests.some((request) => request.path === '/aliexpress/commission_rates/')).toBe(true);

  const rows = batch.getByTestId('batch-table').locator('tbody tr');
  await expect(rows).toHaveCount(ROWS);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-health]')?.getAttribute('data-health') ?? ''));
  expect(shown).toEqual(expectedHealth);
  // The changed rate, old → new, on the row itself.
  await expect(rows.first().getByTestId('batch-health-badge')).toContainText('rate 5% → 7%');
  if (process.env['RECHECK_SHOT']) await options.screenshot({ path: process.env['RECHECK_SHOT'], fullPage: true });

  await batch.getByLabel('Health').selectOption('gone');
  await expect(rows).toHaveCount(expectedHealth.filter((status) => status === 'gone').length);
  await expect(rows.first()).toContainText(PRODUCTS[3].id);
  await batch.getByLabel('Health').selectOption('all');
  await expect(rows).toHaveCount(ROWS);

  const [file] = await Promise.all([options.waitForEvent('download'), batch.getByRole('button', { name: `Export all ${ROWS} rows as CSV` }).click()]);
  const [header = [], ...records] = parseCsv(readFileSync((await file.path())!, 'utf8'));
  const column = (name: string) => records.map((record) => record[header.indexOf(name)]);
  expect(column('input')).toEqual(cells);
  expect(column('health')).toEqual(expectedHealth);
  const rateOf = (i: number) => ({ [SAMPLE_PRODUCT_ID]: '7', '1005001234567890': '5' })[PRODUCTS[i % PRODUCTS.length]!.id];
  expect(column('rate_now').filter((_, i) => expectedHealth[i] === 'ok' || expectedHealth[i] === 'rate-changed')).toEqual(
    expectedHealth.flatMap((status, i) => (status === 'ok' || status === 'rate-changed' ? [rateOf(i)] : [])),
  );
  expect(column('rate_before')[0]).toBe('5');
  // The history's own re-check was not replaced by the batch's.
  expect((await readStorage())['linkHealth']).toEqual(EARLIER_RUN);
});
