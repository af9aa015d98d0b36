/**
 * The ship-to country read from AliExpress's `aep_usuc_f` cookie once allowed. This
 * worker's copy of the build holds the optional cookies permission from install (see
 * `grantAtInstall` in support/fixtures.ts): a headless browser cannot answer the dialog.
 */
import { DEMO_STORAGE, DEMO_PRESET, SAMPLE_PRODUCT_ID, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { expect, test } from './support/fixtures';

test.use({ grantAtInstall: ['cookies', 'https://*.aliexpress.com/*', 'https://*.aliexpress.ru/*', 'https://*.aliexpress.us/*'] });

const productUrl = sampleProductUrl(SAMPLE_PRODUCT_ID);
const shipToGermany = { name: 'aep_usuc_f', value: 'site=glo&c_tp=EUR&region=DE&b_locale=de_DE', domain: '.aliexpress.com', path: '/', secure: true };

test("AliExpress shipping to DE with an audience in RU: shown as what the publisher sees, never as 'earns nothing'", async ({
  context,
  page,
  seedStorage,
  openPopupFor,
}) => {
  await seedStorage({ ...DEMO_STORAGE, presets: [{ ...DEMO_PRESET, audienceCountry: 'RU' }] });
  await context.addCookies([shipToGermany]);
  await page.goto(productUrl);
  const cookiesBefore = await context.cookies();

  const popup = await openPopupFor(productUrl);

  await expect(popup.getByTestId('ship-to')).toContainText('your AliExpress country: Germany (your setting)');
  // The publisher's own ship-to says nothing about where buyers are (seed 001 gives WW rates for the CIS).
  await expect(popup.locator('[data-code="countryMismatch"]')).toHaveCount(0);
  await expect(popup.locator('[data-rank="blocking"]')).toHaveCount(0);
  // Reading never writes.
  expect(await context.cookies()).toEqual(cookiesBefore);
});

test('the same ship-to country as the audience gives no country warning', async ({ context, seedStorage, openPopupFor }) => {
  await seedStorage(DEMO_STORAGE);
  await context.addCookies([shipToGermany]);
  const popup = await openPopupFor(productUrl);
  await expect(popup.getByTestId('ship-to')).toContainText('(your setting)');
  await expect(popup.locator('[data-code="countryMismatch"]')).toHaveCount(0);
});
