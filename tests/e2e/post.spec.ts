/**
 * "Copy as post" in the toolbar popup, in real Chromium: the preset's template rendered around the
 * link with what the popup knows (the tab's product title; a rate only when one is known), and
 * the history records a post.
 */
import { DEMO_PRESET, DEMO_STORAGE, SAMPLE_PRODUCT_ID, expectedAdmitadLink, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { readHistory } from '../../scripts/e2e-support/history.mjs';
import { expect, test } from './support/fixtures';

const productUrl = sampleProductUrl();

test('Copy as post puts the rendered template on the clipboard, and the history records a post', async ({ seedStorage, serviceWorker, openPopupFor, readClipboard }) => {
  const post = { text: '{title} — {rate}\n{link}\n#ad', disclosure: true };
  await seedStorage({ ...DEMO_STORAGE, presets: [{ ...DEMO_PRESET, post }] });
  const popup = await openPopupFor(productUrl);
  const link = expectedAdmitadLink(productUrl);
  await expect(popup.getByTestId('deeplink')).toHaveText(link);
  // The estimate is a range for this product (no category): the rate stays out, with its dash.
  await expect(popup.getByTestId('rate')).toBeVisible();

  await popup.getByTestId('copy-post').click();
  await expect(popup.getByTestId('copy-post')).toHaveAttribute('data-copied', 'true');
  await expect(popup.getByTestId('copy')).toHaveAttribute('data-copied', 'false');

  const expected = `Sample product ${SAMPLE_PRODUCT_ID}\n${link}\n#ad\nAffiliate link: I may earn a commission on purchases made through it.`;
  expect(await readClipboard()).toBe(expected);
  await expect
    .poll(async () => (await readHistory(serviceWorker)).find((entry: { link: string }) => entry.link === link))
    .toMatchObject({ surface: 'popup', as: 'post', title: `Sample product ${SAMPLE_PRODUCT_ID}` });
});

test('a template the popup cannot render copies nothing and says why', async ({ seedStorage, openPopupFor }) => {
  // Stored before the form checked it: no {link}.
  await seedStorage({ ...DEMO_STORAGE, presets: [{ ...DEMO_PRESET, post: { text: '{title} only', disclosure: false } }] });
  const popup = await openPopupFor(productUrl);
  await popup.getByTestId('copy-post').click();
  await expect(popup.getByTestId('post-problem')).toBeVisible();
  await expect(popup.getByTestId('copy-post')).toHaveAttribute('data-copied', 'false');
});
