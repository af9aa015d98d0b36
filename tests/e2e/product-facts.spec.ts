/**
 * The product facts the publisher types in the popup, in the built extension in real Chromium:
 * a price gives the commission in money, a store kind gives its seed's warning, a slip is said
 * and kept, and the facts are there again when the popup reopens.
 */
import { DEMO_PRESET, DEMO_STORAGE, SAMPLE_PRODUCT_ID, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { expect, test } from './support/fixtures';

const productUrl = sampleProductUrl(SAMPLE_PRODUCT_ID);
// RU&CIS NEW with German buyers and the phone category: seed 002's non-CIS "Mobile phone 1,15%".
const storage = { ...DEMO_STORAGE, presets: [{ ...DEMO_PRESET, program: 'ru-cis-new' }], categoryPicks: { [SAMPLE_PRODUCT_ID]: 'mobilePhone' } };

test('a typed price shows the money, a typed store kind its warning, and both are kept for the product', async ({ seedStorage, openPopupFor, readStorage }) => {
  await seedStorage(storage);
  let popup = await openPopupFor(productUrl);
  await expect(popup.getByTestId('rate')).toHaveText(/^1\.15%/);
  await expect(popup.getByTestId('commission')).toHaveCount(0);
  // Collapsed by default: the popup must fit Chrome's 600 px.
  await expect(popup.getByTestId('fact-price')).toBeHidden();

  await popup.getByTestId('product-facts').locator('summary').click();
  // A slip is said, kept in the field, and stores nothing.
  await popup.getByTestId('fact-price').fill('12..5');
  await popup.getByTestId('fact-price').press('Enter');
  await expect(popup.getByTestId('fact-price-error')).toHaveText('Enter the price as a number greater than 0, like 12.99.');
  await expect(popup.getByTestId('fact-price')).toHaveValue('12..5');
  expect((await readStorage())['productFacts']).toBeUndefined();

  await popup.getByTestId('fact-price').fill('200');
  await popup.getByTestId('fact-price').press('Enter');
  await expect(popup.getByTestId('fact-price-error')).toHaveCount(0);
  // 200 USD × 1.15% = 2.30, rounded down to the cent (seed 001).
  await expect(popup.getByTestId('commission')).toContainText('2.3');
  await expect(popup.getByTestId('commission')).toContainText('USD on this price');

  // Seed 002: stores without commission are not paid "regardless of the country of order’s delivery".
  await popup.getByTestId('fact-store').selectOption('noCommission');
  await expect(popup.locator('[data-testid="warnings"] [data-code="noCommissionStore"]')).toHaveAttribute('data-rank', 'blocking');
  await expect(popup.getByTestId('product-facts')).toContainText('you entered');
  await expect
    .poll(async () => (await readStorage())['productFacts'])
    .toEqual([{ productId: SAMPLE_PRODUCT_ID, price: { amount: 200, currency: 'USD' }, storeKind: 'noCommission' }]);

  await popup.close();
  popup = await openPopupFor(productUrl);
  await expect(popup.getByTestId('facts-entered')).toHaveText(' · you entered: 2');
  await expect(popup.locator('[data-code="noCommissionStore"]')).toBeVisible();
  // Collapsed again on open, on the row "Why?" already takes: what was typed costs no height
  // (the 600 px budget is measured in tests/e2e/estimate.spec.ts).
  await expect(popup.getByTestId('fact-price')).toBeHidden();
  const why = await popup.getByTestId('why').boundingBox();
  const facts = await popup.getByTestId('product-facts').boundingBox();
  expect(facts?.y).toBe(why?.y);
  expect(facts?.height).toBe(why?.height);
  await popup.getByTestId('product-facts').locator('summary').click();
  await expect(popup.getByTestId('fact-price')).toHaveValue('200');
  await expect(popup.getByTestId('fact-store')).toHaveValue('noCommission');

  // One click clears a typed fact.
  await popup.getByRole('button', { name: 'Clear what you entered: Store' }).click();
  await expect(popup.locator('[data-code="noCommissionStore"]')).toHaveCount(0);
  await expect(popup.getByTestId('fact-store')).toHaveValue('');
  await expect(popup.getByTestId('commission')).toContainText('2.3');
});

test('a currency chosen before the amount is the one stored, and a decimal comma reads as one', async ({ seedStorage, openPopupFor, readStorage }) => {
  await seedStorage(storage);
  const popup = await openPopupFor(productUrl);
  await popup.getByTestId('product-facts').locator('summary').click();
  await popup.getByTestId('fact-currency').selectOption('EUR');
  await popup.getByTestId('fact-price').fill('15,50');
  await popup.getByTestId('fact-price').press('Enter');
  await expect.poll(async () => (await readStorage())['productFacts']).toEqual([{ productId: SAMPLE_PRODUCT_ID, price: { amount: 15.5, currency: 'EUR' } }]);
  // 15.50 × 1.15% = 0.178, rounded down to the cent (seed 001).
  await expect(popup.getByTestId('commission')).toContainText('0.17 EUR on this price');
});
