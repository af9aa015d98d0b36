/**
 * Store screenshots, taken from the built extension in real Chromium into
 * artifacts/store-screenshots/ (ignored by git with the rest of artifacts/):
 *
 * - popup-product-light.png, popup-product-dark.png: the toolbar popup on a product page with
 *   the demo preset, link and estimate, at its natural size (380 px wide, as tall as its content);
 * - popup-store-1280x800.png: both popups side by side on a 1280x800 canvas, the size the Chrome
 *   Web Store and Edge Add-ons take;
 * - options-light.png, options-dark.png: the options page (its Accounts & presets page) at 1280x800;
 * - options-pages/<page>-<width>x<height>-<theme>.png: every options page at 1280x800 and
 *   1920x1080 (and a narrow 760x900), light and dark, for a look before a change to the options
 *   page is called done.
 */
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PRESET, DEMO_STORAGE, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { repoRoot } from '../../scripts/e2e-support/browser.mjs';
import { expect, test } from './support/fixtures';

const outDir = path.join(repoRoot, 'artifacts', 'store-screenshots');
const STORE_SIZE = { width: 1280, height: 800 };
/** Two channels, so the preset picker and the options list look like a publisher's. */
const STORAGE = {
  ...DEMO_STORAGE,
  presets: [...DEMO_STORAGE.presets, { ...DEMO_PRESET, id: 'p2', name: 'YouTube', subIds: { subid: 'yt', subid1: 'review' } }],
};

test.beforeAll(() => {
  mkdirSync(outDir, { recursive: true });
});

/** The popup's natural size: the body's width (styles.css) and the content's height. */
async function contentSize(popup: Page) {
  const size = await popup.evaluate(() => ({
    width: Math.ceil(document.body.getBoundingClientRect().width),
    height: Math.ceil(document.documentElement.scrollHeight),
  }));
  return size;
}

test('popup on a product page, light and dark, and a 1280x800 store image of both', async ({ context, seedStorage, openPopupFor }) => {
  await seedStorage(STORAGE);
  const shots: Record<string, string> = {};
  for (const theme of ['light', 'dark'] as const) {
    const popup = await openPopupFor(sampleProductUrl());
    await popup.emulateMedia({ colorScheme: theme });
    await expect(popup.getByTestId('rate')).toBeVisible();
    // The Copy button is focused on open; a store image shows it at rest.
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const size = await contentSize(popup);
    // The headless popup window is shorter than the popup (about 410x510): captured beyond it, the
    // part below can come out as stale tiles. Scrolling through it first has it painted.
    await popup.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      scrollTo(0, document.documentElement.scrollHeight);
      await frame();
      scrollTo(0, 0);
      await frame();
    });
    expect(size.width).toBeGreaterThanOrEqual(300);
    const file = path.join(outDir, `popup-product-${theme}.png`);
    // Beyond the headless popup window (about 410x510): the whole popup, at the body's width.
    const image = await popup.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, ...size }, animations: 'disabled' });
    shots[theme] = image.toString('base64');
    await popup.close();
  }

  const canvas = await context.newPage();
  await canvas.setViewportSize(STORE_SIZE);
  await canvas.setContent(`<!doctype html>
    <body style="margin:0;height:100vh;display:flex;gap:64px;align-items:center;justify-content:center;background:linear-gradient(135deg,#e6f4f5,#1f2630)">
      <img src="data:image/png;base64,${shots.light}" style="max-height:760px;box-shadow:0 8px 32px #0005;border-radius:8px">
      <img src="data:image/png;base64,${shots.dark}" style="max-height:760px;box-shadow:0 8px 32px #0008;border-radius:8px">
    </body>`);
  await canvas.screenshot({ path: path.join(outDir, 'popup-store-1280x800.png') });
  await canvas.close();
});

for (const theme of ['light', 'dark'] as const) {
  test(`options page at 1280x800 (${theme})`, async ({ page, seedStorage, extensionId }) => {
    await seedStorage(STORAGE);
    await page.setViewportSize(STORE_SIZE);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`chrome-extension://${extensionId}/options.html#accounts`);
    await expect(page.getByTestId('preset-list').getByRole('listitem')).toHaveCount(2);

    await page.screenshot({ path: path.join(outDir, `options-${theme}.png`), animations: 'disabled' });
  });
}

// The two store and desktop sizes, and a narrow window where the navigation sits above the page.
const REVIEW_SIZES = [STORE_SIZE, { width: 1920, height: 1080 }, { width: 760, height: 900 }];
const OPTIONS_PAGES = ['links', 'accounts', 'sources', 'privacy'] as const;

test('every options page at 1280x800 and 1920x1080, light and dark', async ({ page, seedStorage, extensionId }) => {
  await seedStorage(STORAGE);
  const reviewDir = path.join(outDir, 'options-pages');
  mkdirSync(reviewDir, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const size of REVIEW_SIZES) {
      await page.setViewportSize(size);
      for (const id of OPTIONS_PAGES) {
        await page.goto(`chrome-extension://${extensionId}/options.html#${id}`);
        await expect(page.getByTestId(`page-${id}`)).toBeVisible();
        // Hidden pages hold their lists too: wait for storage to fill them in.
        await expect(page.locator('[data-testid="account-list"] > li')).toHaveCount(1);
        await page.screenshot({ path: path.join(reviewDir, `${id}-${size.width}x${size.height}-${theme}.png`), animations: 'disabled' });
      }
    }
  }
});
