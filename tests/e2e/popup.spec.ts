/**
 * The toolbar popup, built, in real Chromium, on real AliExpress URLs served locally.
 * The popup is opened the way a toolbar click opens it (see openToolbarPopup), so it reads
 * the tab URL through `activeTab` exactly as it will for a user.
 */
import type { Page } from '@playwright/test';
import { DEMO_STORAGE, SAMPLE_PRODUCT_ID, expectedAdmitadLink, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { readHistory } from '../../scripts/e2e-support/history.mjs';
import { SAMPLE_COOKIE } from '../../scripts/e2e-support/sample-server.mjs';
import { expect, test } from './support/fixtures';

const cleanProductUrl = sampleProductUrl(SAMPLE_PRODUCT_ID);

const byTestId = (popup: Page, id: string) => popup.locator(`[data-testid="${id}"]`);

test.describe('on a product page, with an Admitad preset', () => {
  test.beforeEach(async ({ seedStorage }) => {
    await seedStorage(DEMO_STORAGE);
  });

  test('shows the Admitad deeplink for the product, built from the clean URL', async ({ openPopupFor }) => {
    const popup = await openPopupFor(cleanProductUrl);

    await expect(byTestId(popup, 'state')).toHaveAttribute('data-kind', 'product');
    await expect(byTestId(popup, 'product-id')).toHaveText(SAMPLE_PRODUCT_ID);
    await expect(byTestId(popup, 'product-site')).toBeVisible();
    await expect(byTestId(popup, 'preset-picker').locator('input:checked')).toHaveValue('p1');
    await expect(byTestId(popup, 'deeplink')).toHaveText(expectedAdmitadLink(cleanProductUrl));
    await expect(byTestId(popup, 'clean-url')).toHaveText(cleanProductUrl);
    await expect(byTestId(popup, 'setup-hint')).toHaveCount(0);
  });

  test("strips other parties' tracking parameters before wrapping (docs/architecture.md, 'Hard rules' 3)", async ({ openPopupFor }) => {
    // Parameter names seen on AliExpress product links shared through other affiliates.
    const input = `${cleanProductUrl}?spm=a2g0o.home.0.0&aff_fcid=other&aff_platform=portals-tool&sk=_dSomeone&terminal_id=t1&algo_pvid=x`;

    const popup = await openPopupFor(input);

    await expect(byTestId(popup, 'deeplink')).toHaveText(expectedAdmitadLink(cleanProductUrl));
  });

  test('Copy puts exactly the shown link on the clipboard and leaves the page and its cookies alone', async ({
    context,
    page,
    serviceWorker,
    openPopupFor,
    readClipboard,
  }) => {
    await page.goto(cleanProductUrl);
    const domBefore = await page.evaluate(() => document.documentElement.outerHTML);
    const cookiesBefore = await context.cookies();
    expect(cookiesBefore).toContainEqual(expect.objectContaining(SAMPLE_COOKIE));

    const popup = await openPopupFor(cleanProductUrl);
    const shown = byTestId(popup, 'deeplink');
    await expect(shown).toHaveText(expectedAdmitadLink(cleanProductUrl));
    const expected = await shown.textContent();
    await byTestId(popup, 'copy').click();
    await expect(byTestId(popup, 'copy')).toHaveAttribute('data-copied', 'true');

    expect(await readClipboard()).toBe(expected);
    // The history keeps the product's title from the tab, without the site's suffix.
    await expect
      .poll(async () => (await readHistory(serviceWorker)).find((entry: { link: string }) => entry.link === expected))
      .toMatchObject({ surface: 'popup', title: `Sample product ${SAMPLE_PRODUCT_ID}` });
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(domBefore);
    expect(await context.cookies()).toEqual(cookiesBefore);
  });

  test('choosing another preset rebuilds the link and remembers the choice', async ({ seedStorage, openPopupFor, readStorage }) => {
    const video = { ...DEMO_STORAGE.presets[0]!, id: 'p2', name: 'Video', subIds: { subid: 'yt' } };
    await seedStorage({ presets: [...DEMO_STORAGE.presets, video] });
    const popup = await openPopupFor(cleanProductUrl);

    // One click on the segment; the default preset is marked.
    await expect(popup.getByRole('radio', { name: /^Blog/ })).toBeChecked();
    await expect(byTestId(popup, 'default-preset')).toHaveCount(1);
    await popup.getByRole('radio', { name: 'Video' }).click();

    await expect(byTestId(popup, 'deeplink')).toHaveText(
      `https://ad.admitad.com/g/${DEMO_STORAGE.accounts[0]!.code}/?ulp=${encodeURIComponent(cleanProductUrl)}&subid=yt`,
    );
    await expect.poll(async () => (await readStorage()).settings).toMatchObject({ lastUsedPresetId: 'p2' });
  });
});

test.describe('pages that are not a product', () => {
  test.beforeEach(async ({ seedStorage }) => {
    await seedStorage(DEMO_STORAGE);
  });

  const cases = [
    { name: 'store page', input: 'https://www.aliexpress.com/store/1234', expected: 'store' },
    { name: 'category page', input: 'https://www.aliexpress.com/category/100003109/women-clothing.html', expected: 'page' },
    { name: 'home page', input: 'https://www.aliexpress.com/', expected: 'page' },
    { name: 'non-AliExpress site', input: 'https://shop.example.test/', expected: 'not-aliexpress' },
  ];
  for (const { name, input, expected } of cases) {
    test(`${name}: ${input} -> ${expected}`, async ({ openPopupFor }) => {
      const popup = await openPopupFor(input);

      await expect(byTestId(popup, 'state')).toHaveAttribute('data-kind', expected);
      await expect(byTestId(popup, 'product-id')).toHaveCount(0);
    });
  }

  test('a short link pasted into the popup is reported as unresolvable offline', async ({ openPopupFor }) => {
    const popup = await openPopupFor('https://www.aliexpress.com/');

    await byTestId(popup, 'paste-url').fill('https://a.aliexpress.com/_mKabc12');

    await expect(byTestId(popup, 'state')).toHaveAttribute('data-kind', 'short-link');
    await expect(byTestId(popup, 'deeplink')).toHaveCount(0);
  });

  test('a product URL pasted on a non-AliExpress tab gets its deeplink', async ({ openPopupFor }) => {
    const popup = await openPopupFor('https://shop.example.test/');

    await byTestId(popup, 'paste-url').fill(`https://m.aliexpress.com/item/${SAMPLE_PRODUCT_ID}.html?aff_fcid=other`);

    await expect(byTestId(popup, 'state')).toHaveAttribute('data-kind', 'product');
    await expect(byTestId(popup, 'deeplink')).toHaveText(expectedAdmitadLink(cleanProductUrl));
  });
});

test.describe('before any account or preset exists', () => {
  test('shows the clean product URL to copy and the setup hint', async ({ openPopupFor, readClipboard }) => {
    const popup = await openPopupFor(`${cleanProductUrl}?spm=a2g0o.detail.0.0&aff_fcid=other`);

    await expect(byTestId(popup, 'state')).toHaveAttribute('data-kind', 'product');
    // With no affiliate link to show, the link box carries the clean URL itself (the separate
    // `clean-url` line is only shown next to an affiliate link).
    await expect(byTestId(popup, 'deeplink')).toHaveText(cleanProductUrl);
    await expect(byTestId(popup, 'setup-hint')).toBeVisible();
    await byTestId(popup, 'copy').click();
    await expect(byTestId(popup, 'copy')).toHaveAttribute('data-copied', 'true');
    expect(await readClipboard()).toBe(cleanProductUrl);
  });
});

test.describe('when Chrome gives the popup no tab URL', () => {
  // chrome.action.openPopup() is not a user gesture: no activeTab grant, so tabs.query returns
  // the tab without its URL. The popup must say so and offer the paste field, not guess.
  test('says there is no URL and builds the link for a pasted one', async ({ seedStorage, openPopupFor }) => {
    await seedStorage(DEMO_STORAGE);
    const popup = await openPopupFor(cleanProductUrl, { via: 'openPopup' });

    await expect(byTestId(popup, 'state')).toHaveAttribute('data-kind', 'no-url');
    await byTestId(popup, 'paste-url').fill(cleanProductUrl);
    await expect(byTestId(popup, 'deeplink')).toHaveText(expectedAdmitadLink(cleanProductUrl));
  });
});

test.describe('popup.html?url= (the paste prefill, also the fallback when no tab is involved)', () => {
  test('builds the deeplink for the prefilled URL', async ({ seedStorage, openPopupPage }) => {
    await seedStorage(DEMO_STORAGE);

    const popup = await openPopupPage(cleanProductUrl);

    await expect(byTestId(popup, 'paste-url')).toHaveValue(cleanProductUrl);
    await expect(byTestId(popup, 'deeplink')).toHaveText(expectedAdmitadLink(cleanProductUrl));
  });
});
