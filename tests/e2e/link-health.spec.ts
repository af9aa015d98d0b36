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
/** `chrome` inside the service worker: the alarm and the toolbar icon's global badge. */
declare const worker: {
  alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined>; create(name: string, info: { when: number }): Promise<void> };
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string>; getBadgeBackgroundColor(details: object): Promise<number[]> };
};

/** lib/background/weekly-recheck.ts `WEEKLY_RECHECK_ALARM`. */
const WEEKLY_ALARM = 'sublink-weekly-recheck';

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

test('the weekly re-check: turned on in the history, its alarm re-checks the links and the dead ones are counted on the icon until the results are opened', async ({ page, extensionId, seedStorage, serviceWorker, admitad }) => {
  await seedStorage({ ...DEMO_STORAGE, history: HISTORY });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await saveAdmitadCredentials(page)).toMatchObject({ ok: true });

  const panel = await openHistory(page, extensionId);
  const toggle = panel.getByTestId('weekly-recheck-toggle');
  await expect(toggle).not.toBeChecked();
  await panel.getByLabel('How many of the latest links').fill('3');
  await panel.getByLabel('How many of the latest links').blur();
  // A click, not check(): the box shows the stored setting until the background has saved it on.
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(panel.getByTestId('weekly-recheck-status')).toContainText('Next weekly re-check of the latest 3 links');
  const alarm = await serviceWorker.evaluate((name) => (globalThis as unknown as { chrome: typeof worker }).chrome.alarms.get(name), WEEKLY_ALARM);
  expect(alarm?.periodInMinutes).toBe(7 * 24 * 60);

  // Nobody is looking at the results when the week comes round.
  await page.goto('about:blank');
  const requestsBefore = admitad.requests.length;
  // The browser cannot fast-forward a week: the worker fires its own alarm now, to the same listener
  // (an unpacked extension's alarms have no minimum delay).
  await serviceWorker.evaluate((name) => (globalThis as unknown as { chrome: typeof worker }).chrome.alarms.create(name, { when: Date.now() }), WEEKLY_ALARM);

  const badge = () => serviceWorker.evaluate(() => (globalThis as unknown as { chrome: typeof worker }).chrome.action.getBadgeText({}));
  // Of the three links, one is not affiliate and one is gone: two stopped earning.
  await expect.poll(badge, { timeout: 20_000 }).toBe('2');
  expect(admitad.requests.length).toBeGreaterThan(requestsBefore);
  const [title, color] = await serviceWorker.evaluate(async () => {
    const { action } = (globalThis as unknown as { chrome: typeof worker }).chrome;
    return [await action.getTitle({}), await action.getBadgeBackgroundColor({})] as const;
  });
  expect(title).toBe('Sublink: 2 of the 3 links re-checked this week stopped earning (gone or no longer affiliate). Open the history to see which.');
  expect(color).toEqual([0x84, 0x30, 0xce, 255]);

  const reopened = await openHistory(page, extensionId);
  await expect(reopened.getByTestId('link-health-status')).toContainText('Checked 3 links.');
  await expect.poll(badge, { timeout: 10_000 }).toBe('');
  await expect(reopened.getByTestId('weekly-recheck-toggle')).toBeChecked();
});
