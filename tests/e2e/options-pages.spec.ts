/**
 * The options page as a small app, built, in real Chromium: every page opens by its hash (and the
 * older section hashes still land on their page), back, forward and a reload keep the page, axe
 * finds no serious violation on any page in light or dark, the navigation and each page's main
 * controls work from the keyboard alone, the setup takes whole Admitad and ePN links, and a backup
 * restored into a fresh profile gives the same popup link, estimate and HOT flag.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { launchWithExtension, openToolbarPopup } from '../../scripts/e2e-support/browser.mjs';
import { DEMO_STORAGE, SAMPLE_PRODUCT_ID, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { expect, test } from './support/fixtures';

const PAGES = [
  { id: 'links', title: 'Links', sections: ['Link history', 'Batch converter'] },
  { id: 'accounts', title: 'Accounts & presets', sections: ['Network accounts', 'Sub-id presets'] },
  { id: 'sources', title: 'Data sources', sections: ['Rate tables', 'Hot products', 'API credentials'] },
  { id: 'privacy', title: 'Privacy & backup', sections: ['Toolbar badge', 'Ship-to country', 'Back up and restore settings', 'Your data'] },
] as const;

const optionsUrl = (extensionId: string, rest = '') => `chrome-extension://${extensionId}/options.html${rest}`;

/** Only `id`'s page shows, with its title as the page's one level-1 heading. */
async function expectPage(page: Page, id: string, title: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  for (const other of PAGES) await expect(page.getByTestId(`page-${other.id}`)).toBeVisible({ visible: other.id === id });
  await expect(page).toHaveTitle(`${title} – Sublink options`);
}

test.describe('pages by hash', () => {
  for (const { id, title, sections } of PAGES) {
    test(`options.html#${id} opens ${title}, with every section of it`, async ({ page, extensionId }) => {
      await page.goto(optionsUrl(extensionId, `#${id}`));
      await expectPage(page, id, title);
      for (const section of sections) await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
      await expect(page.getByTestId('options-nav').getByRole('link', { name: title, exact: true })).toHaveAttribute('aria-current', 'page');
    });
  }

  for (const { hash, page: id, heading } of [
    { hash: '', page: 'links', heading: null },
    { hash: '#presets', page: 'accounts', heading: 'Sub-id presets' },
    { hash: '#api', page: 'sources', heading: 'API credentials' },
    { hash: '#backup', page: 'privacy', heading: 'Back up and restore settings' },
    // Hashes of the single-column page before (section ids and heading ids) still land there.
    { hash: '#history', page: 'links', heading: 'Link history' },
    { hash: '#privacy-heading', page: 'privacy', heading: 'Your data' },
    { hash: '#transfer-heading', page: 'privacy', heading: 'Back up and restore settings' },
    { hash: '#batch-heading', page: 'links', heading: 'Batch converter' },
    { hash: '#no-such-section', page: 'links', heading: null },
  ]) {
    test(`options.html${hash} lands on the ${id} page`, async ({ page, extensionId }) => {
      await page.setViewportSize({ width: 1280, height: 500 });
      await page.goto(optionsUrl(extensionId, hash));
      await expectPage(page, id, PAGES.find((p) => p.id === id)!.title);
      if (heading) await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeInViewport();
    });
  }

  test('every section is a link in the navigation, and each link shows its section', async ({ page, extensionId }) => {
    await page.setViewportSize({ width: 1280, height: 500 });
    await page.goto(optionsUrl(extensionId));
    const nav = page.getByTestId('options-nav');
    for (const { id, title, sections } of PAGES) {
      for (const section of sections) {
        await nav.getByRole('link', { name: section, exact: true }).click();
        await expectPage(page, id, title);
        const heading = page.getByRole('heading', { level: 2, name: section, exact: true });
        await expect(heading).toBeInViewport();
        await expect(heading).toBeFocused();
      }
    }
  });

  test('back, forward and a reload keep the page', async ({ page, extensionId }) => {
    await page.goto(optionsUrl(extensionId));
    const nav = page.getByTestId('options-nav');
    await nav.getByRole('link', { name: 'Data sources', exact: true }).click();
    await expectPage(page, 'sources', 'Data sources');
    await nav.getByRole('link', { name: 'Privacy & backup', exact: true }).click();
    await expectPage(page, 'privacy', 'Privacy & backup');

    await page.goBack();
    await expectPage(page, 'sources', 'Data sources');
    await page.goBack();
    await expectPage(page, 'links', 'Links');
    await page.goForward();
    await expectPage(page, 'sources', 'Data sources');
    await page.reload();
    await expectPage(page, 'sources', 'Data sources');
  });

  test('a form left open on one page is still there after a visit to another', async ({ page, extensionId }) => {
    await page.goto(optionsUrl(extensionId, '#accounts'));
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Half done');
    await page.getByTestId('options-nav').getByRole('link', { name: 'Links', exact: true }).click();
    await page.goBack();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Half done');
  });
});

test.describe('axe finds no serious violation', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const { id, title } of PAGES) {
      test(`${title} (${theme})`, async ({ page, extensionId, seedStorage }, testInfo) => {
        await seedStorage(DEMO_STORAGE);
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(optionsUrl(extensionId, `#${id}`));
        await expectPage(page, id, title);
        await expect(page.locator('[data-testid="account-list"] > li')).toHaveCount(1);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');

        const results = await new AxeBuilder({ page }).analyze();
        await testInfo.attach(`axe-options-${id}-${theme}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => ({ rule: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
        expect(serious).toEqual([]);
      });
    }
  }
});

test.describe('keyboard only', () => {
  /** Presses Tab (or Shift+Tab) until `target` has the focus, at most `limit` times, as a keyboard user reaches it. */
  async function tabTo(page: Page, target: ReturnType<Page['locator']>, { backwards = false, limit = 60 } = {}) {
    for (let press = 0; press < limit; press++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    await expect(target).toBeFocused();
  }

  test('the navigation and each page’s main control work from the keyboard', async ({ page, extensionId, seedStorage }) => {
    await seedStorage(DEMO_STORAGE);
    await page.goto(optionsUrl(extensionId));
    await expect(page.locator('[data-testid="account-list"] > li')).toHaveCount(1);
    const nav = page.getByTestId('options-nav');
    const pageLink = (name: string) => nav.getByRole('link', { name, exact: true });

    // Accounts & presets: the page's heading takes the focus, and Tab goes on into the page.
    await tabTo(page, pageLink('Accounts & presets'));
    await page.keyboard.press('Enter');
    await expectPage(page, 'accounts', 'Accounts & presets');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Add preset' }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Preset name')).toBeFocused();

    // Data sources: the rate interval is reached and changed.
    await tabTo(page, pageLink('Data sources'), { backwards: true });
    await page.keyboard.press('Enter');
    await expectPage(page, 'sources', 'Data sources');
    const interval = page.getByLabel('Check for a new table');
    await tabTo(page, interval);
    await page.keyboard.press('ArrowDown');
    await expect(interval).not.toHaveValue('360');

    // Links: the history search takes typing.
    await tabTo(page, pageLink('Links'), { backwards: true });
    await page.keyboard.press('Enter');
    await expectPage(page, 'links', 'Links');
    const search = page.getByLabel('Product, URL or preset');
    await tabTo(page, search);
    await page.keyboard.type('1005');
    await expect(search).toHaveValue('1005');

    // Privacy & backup: the backup downloads from the keyboard.
    await tabTo(page, pageLink('Privacy & backup'), { backwards: true });
    await page.keyboard.press('Enter');
    await expectPage(page, 'privacy', 'Privacy & backup');
    await tabTo(page, page.getByRole('button', { name: 'Export settings' }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^sublink-settings-.*\.json$/);
  });
});

test.describe('the setup takes what people paste', () => {
  const ADMITAD_CODE = '1e8d114494b7e165239416525dc3e8';
  const EPN_CODE = 'p0o9i8u7y6t5r4e3w2q1a2s3d4f5g6h7';
  const ulp = encodeURIComponent(sampleProductUrl());

  /** Puts `text` into the field as a paste does (an input event of type insertFromPaste). */
  async function paste(page: Page, label: string, text: string) {
    await page.getByLabel(label).evaluate((input: HTMLInputElement, value) => {
      input.focus();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: value }));
    }, text);
  }

  for (const { name, input } of [
    { name: 'the ad-space link', input: `https://ad.admitad.com/g/${ADMITAD_CODE}/` },
    { name: 'a whole deeplink with ulp and sub-ids', input: `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${ulp}&subid=blog` },
    { name: 'a link copied without https://', input: `ad.admitad.com/g/${ADMITAD_CODE}/extra` },
  ]) test(`a whole Admitad link: ${name}`, async ({ page, extensionId, readStorage }) => {
    await page.goto(optionsUrl(extensionId, '?setup=1'));
    await page.getByLabel('Name', { exact: true }).fill('My Admitad');
    await paste(page, 'Admitad ad space code', input);
    // Read at once: the field shows the code, and says where it came from.
    await expect(page.getByLabel('Admitad ad space code')).toHaveValue(ADMITAD_CODE);
    await expect(page.getByText('Read from the link you pasted.')).toBeVisible();
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await expect(page.getByRole('heading', { name: 'Step 2 of 2: your first preset' })).toBeVisible();
    expect((await readStorage())['accounts']).toEqual([expect.objectContaining({ network: 'admitad', code: ADMITAD_CODE })]);
  });

  test('a whole Admitad link typed rather than pasted is read on save', async ({ page, extensionId, readStorage }) => {
    await page.goto(optionsUrl(extensionId, '?setup=1'));
    await page.getByLabel('Name', { exact: true }).fill('My Admitad');
    await page.getByLabel('Admitad ad space code').fill(`https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${ulp}`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Step 2 of 2: your first preset' })).toBeVisible();
    expect((await readStorage())['accounts']).toEqual([expect.objectContaining({ code: ADMITAD_CODE })]);
  });

  test('the whole ePN link fills host and code; a host given with https:// is read too', async ({ page, extensionId, readStorage }) => {
    await page.goto(optionsUrl(extensionId, '?setup=1'));
    await page.getByRole('combobox', { name: 'Network' }).selectOption('epn');
    await page.getByLabel('Name', { exact: true }).fill('My ePN');
    await paste(page, 'ePN code', `https://alipromo.com/redirect/cpa/o/${EPN_CODE}/?to=${ulp}&sub=tg`);
    await expect(page.getByLabel('ePN code')).toHaveValue(EPN_CODE);
    await expect(page.getByLabel('ePN link host')).toHaveValue('alipromo.com');

    await page.getByLabel('ePN link host').fill('https://shopnow.pub/');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Step 2 of 2: your first preset' })).toBeVisible();
    expect((await readStorage())['accounts']).toEqual([expect.objectContaining({ network: 'epn', host: 'shopnow.pub', code: EPN_CODE })]);
  });

  for (const { name, network, label, input, expected } of [
    {
      name: 'a link to another network in the Admitad field',
      network: 'admitad',
      label: 'Admitad ad space code',
      input: `https://alipromo.com/redirect/cpa/o/${EPN_CODE}/`,
      expected: 'This link goes to alipromo.com, not to Admitad. Paste the link of your Admitad ad space (https://ad.admitad.com/g/CODE/…) or just its code.',
    },
    {
      name: 'an Admitad page that is not an ad-space link',
      network: 'admitad',
      label: 'Admitad ad space code',
      input: 'https://ad.admitad.com/ru/webmaster/',
      expected: 'This Admitad link has no ad space code. Paste the link of your ad space (https://ad.admitad.com/g/CODE/…) or just the code after /g/.',
    },
    {
      name: 'an ePN page without a code',
      network: 'epn',
      label: 'ePN code',
      input: 'https://epn.bz/en/cabinet',
      expected: "This link has no ePN code. Paste a link from ePN's link builder (https://HOST/redirect/cpa/o/CODE/…) or just the code after /redirect/cpa/o/.",
    },
  ]) test(`${name} says exactly what is wrong, and saves nothing`, async ({ page, extensionId, readStorage }) => {
    await page.goto(optionsUrl(extensionId, '?setup=1'));
    await page.getByRole('combobox', { name: 'Network' }).selectOption(network);
    await page.getByLabel('Name', { exact: true }).fill('Mine');
    if (network === 'epn') await page.getByLabel('ePN link host').fill('alipromo.com');
    await page.getByLabel(label).fill(input);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: expected.slice(0, 40) })).toHaveText(expected);
    await expect(page.getByLabel(label)).toHaveAttribute('aria-invalid', 'true');
    expect((await readStorage())['accounts']).toBeUndefined();
  });
});

test('a backup restored into a fresh profile gives the same popup link, estimate and HOT flag', async ({ page, extensionId, seedStorage, openPopupFor, sampleServer, headless }) => {
  const productUrl = sampleProductUrl();
  // The hot list and a category pick change the estimate: both must travel in the backup.
  await seedStorage({
    ...DEMO_STORAGE,
    hotList: { v: 1, sources: [{ id: 'import', label: 'hot-products.csv', updatedAt: '2025-05-30T08:00:00.000Z', ids: [SAMPLE_PRODUCT_ID], rates: [9.5] }] },
    categoryPicks: { [SAMPLE_PRODUCT_ID]: 'mobilePhone' },
  });
  const shown = async (popup: Page) => {
    await expect(popup.getByTestId('rate')).toBeVisible();
    return {
      link: await popup.getByTestId('deeplink').textContent(),
      rate: await popup.getByTestId('rate').textContent(),
      hot: await popup.getByTestId('hot').textContent(),
    };
  };
  const original = await shown(await openPopupFor(productUrl));
  expect(original.hot).toBe('HOT');

  await page.goto(optionsUrl(extensionId, '#backup'));
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export settings' }).click()]);
  const backupPath = await file.path();
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  expect(backup).toMatchObject({ version: 2, hotList: { sources: [{ ids: [SAMPLE_PRODUCT_ID] }] }, categoryPicks: { [SAMPLE_PRODUCT_ID]: 'mobilePhone' } });
  expect(backup).not.toHaveProperty('secrets');
  expect(backup).not.toHaveProperty('history');

  const fresh = await launchWithExtension({ serverPort: sampleServer.port, headless, snapshot: true });
  try {
    const freshOptions = await fresh.context.newPage();
    await freshOptions.goto(optionsUrl(fresh.extensionId, '#backup'));
    const transfer = freshOptions.getByTestId('transfer');
    await transfer.getByLabel('Settings file (.json)').setInputFiles(backupPath);
    const preview = transfer.getByTestId('transfer-preview');
    await expect(preview.getByTestId('transfer-extras')).toContainText('Hot products (lists/products): 0/0 → 1/1');
    await expect(preview.getByTestId('transfer-extras')).toContainText('Category picks (products): 0 → 1');
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(transfer.getByTestId('transfer-status')).toHaveText('Imported: 1 presets and 1 accounts.');

    const tab = await fresh.context.newPage();
    await tab.goto(productUrl);
    const { popup, disconnect } = await openToolbarPopup({ context: fresh.context, tab, extensionId: fresh.extensionId, cdpEndpoint: fresh.cdpEndpoint });
    try {
      expect(await shown(popup)).toEqual(original);
    } finally {
      await disconnect();
    }
  } finally {
    await fresh.close();
  }
});
