/**
 * The opt-in product badge, in the built extension in real Chromium.
 *
 * The badge needs optional host access to AliExpress tabs, which Chrome grants only through its
 * permission dialog; a headless browser cannot answer that dialog and Chromium has no switch or
 * DevTools command to pre-answer it (PermissionsRequestFunction's auto-confirm is for Chromium's
 * own C++ tests). So this suite loads a copy of the build whose manifest also lists the same
 * AliExpress patterns under `host_permissions` (`grantAtInstall` in support/fixtures.ts): Chrome
 * then holds the access from install, and the options page's real `permissions.request` call
 * resolves at once, without a dialog. What is tested is everything after the grant: nothing shows
 * until the user turns the option on, the tab URL is read on navigation, the estimate is the
 * popup's, and turning it off clears it. The shipped manifest (checked by
 * tests/unit/manifest-guard.test.ts) keeps the access optional.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { Browser } from '@wxt-dev/browser';
import { DEMO_STORAGE, SAMPLE_PRODUCT_ID } from '../../scripts/e2e-support/demo-data.mjs';
import { BADGE_HOST_PERMISSIONS } from '../../lib/background/badge/hosts';
import { expect, test } from './support/fixtures';

declare const chrome: typeof Browser;

test.use({ grantAtInstall: [...BADGE_HOST_PERMISSIONS] });

const PRODUCT_URL = `https://aliexpress.ru/item/${SAMPLE_PRODUCT_ID}.html`;
const OTHER_PRODUCT_ID = '1005001234567890';

async function productTab(context: BrowserContext, worker: Worker, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, url);
  return { page, tabId };
}

const badgeOf = (worker: Worker, tabId: number) =>
  worker.evaluate(async (tabId) => ({ text: await chrome.action.getBadgeText({ tabId }), title: await chrome.action.getTitle({ tabId }) }), tabId);

async function setOptIn(context: BrowserContext, extensionId: string, on: boolean) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#badge`);
  const toggle = options.locator('[data-testid="badge-opt-in-toggle"]');
  await expect(toggle).toBeEnabled();
  await expect(toggle).toBeChecked({ checked: !on });
  await toggle.click();
  await expect(toggle).toBeChecked({ checked: on });
  await options.close();
}

test('shows nothing on a product tab until the user turns the badge on, then reads the tab URL, and clears when turned off', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await serviceWorker.evaluate((items) => chrome.storage.local.set(items), DEMO_STORAGE);
  const { page, tabId } = await productTab(context, serviceWorker, PRODUCT_URL);
  const idleTitle = await serviceWorker.evaluate(() => chrome.action.getTitle({}));

  // Host access alone changes nothing: the tab URL is visible, but the option is off.
  await page.reload();
  await page.waitForTimeout(300);
  expect(await badgeOf(serviceWorker, tabId)).toEqual({ text: '', title: idleTitle });

  await setOptIn(context, extensionId, true);

  await expect.poll(() => badgeOf(serviceWorker, tabId)).toEqual({ text: '', title: `Sublink: product ${SAMPLE_PRODUCT_ID}` });
  await page.goto(`https://aliexpress.ru/item/${OTHER_PRODUCT_ID}.html`);
  await expect.poll(async () => (await badgeOf(serviceWorker, tabId)).title).toBe(`Sublink: product ${OTHER_PRODUCT_ID}`);
  await page.goto('https://aliexpress.ru/store/1234');
  await expect.poll(async () => (await badgeOf(serviceWorker, tabId)).title).toBe(idleTitle);
  await page.goto(PRODUCT_URL);
  await expect.poll(async () => (await badgeOf(serviceWorker, tabId)).title).toBe(`Sublink: product ${SAMPLE_PRODUCT_ID}`);

  await setOptIn(context, extensionId, false);

  await expect.poll(() => badgeOf(serviceWorker, tabId)).toEqual({ text: '', title: idleTitle });
  expect((await serviceWorker.evaluate(() => chrome.storage.local.get('settings'))).settings).toMatchObject({ badgeOptIn: false });
  await page.reload();
  await page.waitForTimeout(300);
  expect(await badgeOf(serviceWorker, tabId)).toEqual({ text: '', title: idleTitle });
});

test('shows HOT for a product in the hot list and the estimated rate for a picked category, only after the opt-in', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const ruCisToGermany = { ...DEMO_STORAGE.presets[0]!, program: 'ru-cis-new', audienceCountry: 'DE' };
  await serviceWorker.evaluate((items) => chrome.storage.local.set(items), {
    ...DEMO_STORAGE,
    presets: [ruCisToGermany],
    // What the options page's hot-list import and the popup's category picker store.
    hotList: { v: 1, sources: [{ id: 'import', label: 'hot.csv', updatedAt: '2026-11-01T00:00:00.000Z', ids: [SAMPLE_PRODUCT_ID], rates: [7] }] },
    categoryPicks: { [OTHER_PRODUCT_ID]: 'mobilePhone' },
  });
  const hot = await productTab(context, serviceWorker, PRODUCT_URL);
  const rated = await productTab(context, serviceWorker, `https://www.aliexpress.com/item/${OTHER_PRODUCT_ID}.html`);
  await hot.page.waitForTimeout(300);
  expect((await badgeOf(serviceWorker, hot.tabId)).text).toBe('');
  expect((await badgeOf(serviceWorker, rated.tabId)).text).toBe('');

  await setOptIn(context, extensionId, true);

  await expect.poll(() => badgeOf(serviceWorker, hot.tabId)).toEqual({ text: 'HOT', title: `Sublink: product ${SAMPLE_PRODUCT_ID} is a hot-sale item, estimated commission 7%` });
  // Seed 002: RU&CIS NEW pays 1.15% on mobile phones delivered outside CIS; the badge rounds down.
  await expect.poll(() => badgeOf(serviceWorker, rated.tabId)).toEqual({ text: '1.1%', title: `Sublink: product ${OTHER_PRODUCT_ID}, estimated commission 1.15%` });

  // A new hot list is picked up without reloading the tab.
  await serviceWorker.evaluate(() => chrome.storage.local.set({ hotList: { v: 1, sources: [] } }));
  await expect.poll(async () => (await badgeOf(serviceWorker, hot.tabId)).text).toBe('');
});
