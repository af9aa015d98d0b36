/**
 * The estimate under the link, in the built extension in real Chromium: rate and its
 * "why", HOT from an imported hot list, the category pick, and nothing read from AliExpress's
 * cookie before the user allows it.
 */
import path from 'node:path';
import { DEMO_PRESET, DEMO_STORAGE, SAMPLE_PRODUCT_ID, expectedAdmitadLink, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { expect, test } from './support/fixtures';

const productUrl = sampleProductUrl(SAMPLE_PRODUCT_ID);
const ruAudienceOnWw = { ...DEMO_PRESET, audienceCountry: 'RU' };
const hotCsv = path.resolve(import.meta.dirname, '../fixtures/hotlist/hot-products.csv');

test('the rate renders with the facts it came from, each naming its seed', async ({ seedStorage, openPopupFor }) => {
  await seedStorage(DEMO_STORAGE);
  const popup = await openPopupFor(productUrl);

  // WW to a non-CIS country (DE), category unknown: seed 001's 0.8% to 7%, capped at $38.5.
  await expect(popup.getByTestId('rate')).toHaveText(/0\.8.7%/);
  await expect(popup.getByTestId('cap')).toContainText('38.5');
  await popup.getByText('Why?').click();
  await expect(popup.getByTestId('why')).toContainText('001_b214df0997934a9f.txt');
});

test("a product with its estimate fits Chrome's 600 px popup height, no scrolling", async ({ seedStorage, openPopupFor }) => {
  await seedStorage(DEMO_STORAGE);
  const popup = await openPopupFor(productUrl);
  await expect(popup.getByTestId('rate')).toBeVisible();
  await expect(popup.getByTestId('warnings')).toBeVisible();
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThanOrEqual(600);
});

test('picking the category gives the category rate, and the pick is remembered for the product', async ({ seedStorage, openPopupFor, readStorage }) => {
  await seedStorage({ ...DEMO_STORAGE, presets: [{ ...DEMO_PRESET, program: 'ru-cis-new' }] });
  let popup = await openPopupFor(productUrl);

  await popup.getByTestId('category-picker').selectOption('mobilePhone');
  // Seed 002, orders delivered to non-CIS countries: "Mobile phone 1,15%".
  await expect(popup.getByTestId('rate')).toContainText('1.15%');
  await expect(popup.getByTestId('rate')).toContainText('by category');
  await expect.poll(async () => (await readStorage())['categoryPicks']).toEqual({ [SAMPLE_PRODUCT_ID]: 'mobilePhone' });

  await popup.close();
  popup = await openPopupFor(productUrl);
  await expect(popup.getByTestId('category-picker')).toHaveValue('mobilePhone');
  await expect(popup.getByTestId('rate')).toContainText('1.15%');
});

test('a product in a hot list imported in the options page shows HOT in the popup', async ({ context, extensionId, seedStorage, openPopupFor }) => {
  await seedStorage(DEMO_STORAGE);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Hot-products file').setInputFiles(hotCsv);
  await expect(options.getByTestId('hot-import-result')).toContainText('2 products imported.');
  await expect(options.getByTestId('hot-list')).toContainText('hot-products.csv: 2 products');
  await options.close();

  const popup = await openPopupFor(productUrl);
  await expect(popup.getByTestId('hot')).toHaveText('HOT');
  await expect(popup.getByText('Hot-sale rate 9.5%')).toBeVisible();

  const other = await openPopupFor(sampleProductUrl('1005009999999999'));
  await expect(other.getByTestId('rate')).toBeVisible();
  await expect(other.getByTestId('hot')).toHaveCount(0);
});

test('a broken hot-list file is refused with its reason and the kept list is unchanged', async ({ context, extensionId, seedStorage, readStorage }) => {
  await seedStorage(DEMO_STORAGE);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Hot-products file').setInputFiles(hotCsv);
  await expect(options.getByTestId('hot-import-result')).toContainText('2 products imported.');
  const before = (await readStorage())['hotList'];

  await options.getByLabel('Hot-products file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"products": [') });
  await expect(options.getByTestId('hot-import-result')).toContainText('The file is not valid JSON.');
  expect((await readStorage())['hotList']).toEqual(before);
});

test('without the permission, the AliExpress ship-to cookie is not read', async ({ context, seedStorage, openPopupFor }) => {
  await seedStorage({ ...DEMO_STORAGE, presets: [ruAudienceOnWw] });
  await context.addCookies([{ name: 'aep_usuc_f', value: 'site=glo&c_tp=EUR&region=DE&b_locale=de_DE', domain: '.aliexpress.com', path: '/', secure: true }]);

  const popup = await openPopupFor(productUrl);
  await expect(popup.getByTestId('insights')).toBeVisible();
  await expect(popup.getByTestId('ship-to')).toContainText('Ship-to country unknown.');
  await expect(popup.getByTestId('read-ship-to')).toBeVisible();
  await expect(popup.locator('[data-code="countryMismatch"]')).toHaveCount(0);
  // The program warning needs no cookie: the preset's audience (RU) belongs to RU&CIS NEW.
  await expect(popup.locator('[data-code="regionBelongsToOtherProgram"]')).toBeVisible();
});

test('with the network off, the popup shows the same link and the same estimate', async ({ context, page, seedStorage, openPopupFor }) => {
  await seedStorage(DEMO_STORAGE);
  let popup = await openPopupFor(productUrl);
  const rateOnline = await popup.getByTestId('rate').textContent();
  await popup.close();

  await page.goto(productUrl);
  await context.setOffline(true);
  try {
    popup = await openPopupFor(productUrl);
    await expect(popup.getByTestId('deeplink')).toHaveText(expectedAdmitadLink(productUrl));
    await expect(popup.getByTestId('rate')).toHaveText(rateOnline ?? '');
  } finally {
    await context.setOffline(false);
  }
});
