/**
 * Link health in the built extension, in real Chromium: the options page's "Re-check links" asks
 * the background, which asks https://api.admitad.com (resolved to the TLS fake in tests/fakes) about
 * each product link in the history; the page shows a status per link, filters and exports them.
 * Without API credentials it says what it needs.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_STORAGE, SAMPLE_PRODUCT_ID, expectedAdmitadLink, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { FAKE_ADMITAD_CAMPAIGN_ID, FAKE_ADMITAD_CREDENTIALS, FAKE_ADMITAD_WEBSITE_ID } from '../fakes/index.mjs';
import { stopServiceWorker, wakeServiceWorker } from '../../scripts/e2e-support/service-worker.mjs';
import { expect } from './support/fixtures';
import { test } from './support/fake-admitad';


/** The fake's catalog (tests/fakes/catalog.mjs): an affiliate product, a non-affiliate one, and one it does not know. */
const PRODUCTS = { ok: SAMPLE_PRODUCT_ID, notAffiliate: '1005009999999999', gone: '1005000000000777' };
const entry = (id: string, index: number) => {
  const sourceUrl = sampleProductUrl(id);
  return { id: `e${index}`, at: 1_764_000_000_000 - index, surface: 'popup', sourceUrl, presetId: 'p1', presetName: 'Blog', link: expectedAdmitadLink(sourceUrl), productId: id };
};
const HISTORY = [entry(PRODUCTS.ok, 0), entry(PRODUCTS.notAffiliate, 1), entry(PRODUCTS.gone, 2)];

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const saveAdmitadCredentials = (page: Page) =>
  page.evaluate(
    (input) => chrome.runtime.sendMessage({ type: 'saveApiCredentials', data: input }),
    { service: 'admitad', ...FAKE_ADMITAD_CREDENTIALS, websiteId: FAKE_ADMITAD_WEBSITE_ID, campaignId: FAKE_ADMITAD_CAMPAIGN_ID },
  );

async function openHistory(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html#history`);
  const panel = page.getByTestId('link-health');
  await expect(panel).toBeVisible();
  return panel;
}

test('without API credentials, Re-check says what it needs', async ({ page, extensionId, seedStorage }) => {
  await seedStorage({ ...DEMO_STORAGE, history: HISTORY });
  const panel = await openHistory(page, extensionId);
  await panel.getByRole('button', { name: 'Re-check links' }).click();
  await expect(panel.getByTestId('link-health-status')).toContainText('Re-checking needs API credentials');
  await expect(panel.getByTestId('link-health-results')).toHaveCount(0);
});

test('with Admitad credentials, each link gets its status; the results filter and export to CSV', async ({ page, extensionId, seedStorage, admitad }) => {
  await seedStorage({ ...DEMO_STORAGE, history: HISTORY });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await saveAdmitadCredentials(page)).toMatchObject({ ok: true });

  const panel = await openHistory(page, extensionId);
  await panel.getByRole('button', { name: 'Re-check links' }).click();
  await expect(panel.getByTestId('link-health-status')).toContainText('Checked 3 links.', { timeout: 20_000 });

  const results = panel.getByTestId('link-health-results').locator('li');
  await expect(results).toHaveCount(3);
  expect(await results.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))).toEqual(['ok', 'not-affiliate', 'gone']);
  await expect(results.first()).toContainText('rate 7%');
  await expect(results.first()).toContainText('Sample product');
  expect(admitad.requests.some((request) => request.path === '/aliexpress/commission_rates/')).toBe(true);

  await panel.getByLabel('Show').selectOption('gone');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(PRODUCTS.gone);

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export results (CSV)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sublink-link-health-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  // Every cell quoted (lib/csv).
  expect(lines[0]).toBe('"checked_at","status","rate_before","rate_now","hot","reason","title","preset","product_id","source_url","link"');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(',"gone",');
  expect(lines[1]).toContain(`"${PRODUCTS.gone}"`);
});

test('a re-check goes on after the browser stops the worker mid-run', async ({ context, page, extensionId, seedStorage, readStorage }) => {
  const many = Array.from({ length: 30 }, (_, index) => entry(index % 3 === 0 ? PRODUCTS.gone : PRODUCTS.ok, index));
  await seedStorage({ ...DEMO_STORAGE, history: many });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await saveAdmitadCredentials(page)).toMatchObject({ ok: true });
  const panel = await openHistory(page, extensionId);
  await panel.getByRole('button', { name: 'Re-check links' }).click();

  const stored = async () => (await readStorage())['linkHealth'] as { state: string; results: { status: string }[] } | undefined;
  await expect.poll(async () => (await stored())?.results.length ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
  await stopServiceWorker({ context, extensionId });
  const atStop = (await stored())!;
  expect(atStop.state).toBe('running');
  expect(atStop.results.length).toBeLessThan(30);
  await wakeServiceWorker({ context, extensionId });

  await expect(panel.getByTestId('link-health-status')).toContainText('Checked 30 links.', { timeout: 40_000 });
  const done = (await stored())!;
  expect(done.results.map((result) => result.status)).toEqual(many.map((_, index) => (index % 3 === 0 ? 'gone' : 'ok')));
});
