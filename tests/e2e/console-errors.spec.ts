/**
 * The extension's errors fail the e2e suite (tests/e2e/support/fixtures.ts, `addonErrors`): the
 * collector itself is checked here, and a popup closed while its message to the background is in
 * flight must leave no error behind (the Firefox suite, tests/firefox/, checks the same there).
 */
import { SAMPLE_PRODUCT_ID, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { readHistory } from '../../scripts/e2e-support/history.mjs';
import { expect, test } from './support/fixtures';

test('a console error in an extension page fails the test', async ({ openPopupPage }) => {
  // Expected to fail: the fixture turns the page's console error into a test failure.
  test.fail();
  const popup = await openPopupPage(sampleProductUrl(SAMPLE_PRODUCT_ID));
  await popup.evaluate(() => console.error('planted by the e2e suite'));
});

test('a popup closed while its message to the background is in flight leaves no error', async ({ openPopupPage, serviceWorker, addonErrors }) => {
  for (let round = 0; round < 5; round++) {
    const popup = await openPopupPage(sampleProductUrl(SAMPLE_PRODUCT_ID));
    await popup.getByTestId('copy').waitFor();
    // Copy writes the clipboard, then sends `linkCopied`; the page closes right behind the click.
    await popup.evaluate(() => {
      (document.querySelector('[data-testid="copy"]') as HTMLButtonElement).click();
      return new Promise((resolve) => setTimeout(resolve, 0));
    });
    await popup.close();
  }
  // On a busy machine every page above may close before its message leaves. One more copy, left
  // open, shows the path works (history read as the options page reads it, list and journal merged).
  const last = await openPopupPage(sampleProductUrl(SAMPLE_PRODUCT_ID));
  await last.getByTestId('copy').click();
  await expect.poll(async () => (await readHistory(serviceWorker)).length).toBeGreaterThan(0);
  await last.close();
  expect(addonErrors).toEqual([]);
});
