/**
 * Locale-neutral links in the built popup, in real Chromium: whatever storefront the publisher browses
 * or pastes, the deeplink wraps https://www.aliexpress.com/item/<global id>.html, and the popup says
 * what it changed. The AliExpress hosts are served locally (tests/e2e/support/fixtures.ts).
 */
import type { Page } from '@playwright/test';
import { DEMO_PRESET, DEMO_STORAGE, SAMPLE_PRODUCT_ID, expectedAdmitadLink, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { expect, test } from './support/fixtures';

const byTestId = (popup: Page, id: string) => popup.locator(`[data-testid="${id}"]`);
const changeItem = (popup: Page, kind: string) => byTestId(popup, 'link-changes').locator(`li[data-change="${kind}"]`);

test.describe('the deeplink wraps the locale-neutral product URL', () => {
  test('an es. product tab: www. host, with the change stated', async ({ seedStorage, openPopupFor }) => {
    // DEMO_PRESET's audience is DE: a Spanish storefront is the wrong one for its buyers anyway.
    await seedStorage(DEMO_STORAGE);
    const popup = await openPopupFor(`https://es.aliexpress.com/item/${SAMPLE_PRODUCT_ID}.html?gatewayAdapt=glo2esp`);

    await expect(byTestId(popup, 'deeplink')).toHaveText(expectedAdmitadLink(sampleProductUrl()));
    await expect(changeItem(popup, 'host')).toContainText('es.aliexpress.com');
    await expect(changeItem(popup, 'host')).toContainText('www.aliexpress.com');
  });

  test('an aliexpress.us product tab with a DE-audience preset: global host and global id', async ({ seedStorage, openPopupFor }) => {
    await seedStorage({ ...DEMO_STORAGE, presets: [{ ...DEMO_PRESET, audienceCountry: 'DE' }] });
    const popup = await openPopupFor('https://www.aliexpress.us/item/3256801887502111.html?gatewayAdapt=glo2usa4itemAdapt&_randl_shipto=US');

    await expect(byTestId(popup, 'deeplink')).toHaveText(expectedAdmitadLink('https://www.aliexpress.com/item/1005002073816863.html'));
    await expect(changeItem(popup, 'host')).toContainText('www.aliexpress.us');
    await expect(changeItem(popup, 'us-id')).toContainText('3256801887502111');
    await expect(changeItem(popup, 'us-id')).toContainText('1005002073816863');
  });

  test('an Awin wrapper pasted in the popup: the product inside, the other publisher\'s tracking removed', async ({ seedStorage, openPopupFor }) => {
    await seedStorage(DEMO_STORAGE);
    const popup = await openPopupFor('https://shop.example.test/');

    const wrapped = `https://es.aliexpress.com/item/${SAMPLE_PRODUCT_ID}.html?aff_trace_key=theirs&terminal_id=t1`;
    await byTestId(popup, 'paste-url').fill(`https://www.awin1.com/cread.php?awinmid=11640&awinaffid=99999&ued=${encodeURIComponent(wrapped)}`);

    await expect(byTestId(popup, 'state')).toHaveAttribute('data-kind', 'product');
    await expect(byTestId(popup, 'deeplink')).toHaveText(expectedAdmitadLink(sampleProductUrl()));
    await expect(changeItem(popup, 'foreign-affiliate')).toBeVisible();
    await expect(changeItem(popup, 'host')).toContainText('es.aliexpress.com');
  });

  test('a preset with locale-neutral links off keeps the storefront and states no change', async ({ seedStorage, openPopupFor }) => {
    await seedStorage({ ...DEMO_STORAGE, presets: [{ ...DEMO_PRESET, neutralLinks: false }] });
    const esUrl = `https://es.aliexpress.com/item/${SAMPLE_PRODUCT_ID}.html`;
    const popup = await openPopupFor(esUrl);

    await expect(byTestId(popup, 'deeplink')).toHaveText(expectedAdmitadLink(esUrl));
    await expect(byTestId(popup, 'link-changes')).toHaveCount(0);
  });
});
