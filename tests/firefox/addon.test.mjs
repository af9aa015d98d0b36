/**
 * The built add-on (.output/firefox-mv2) in real Firefox ESR, headless, driven over WebDriver BiDi
 * (scripts/e2e-support/firefox.mjs): a publisher's first minutes, in order. The popup for a
 * product URL; the setup typed and clicked in the options page; the estimate and warnings for
 * that preset; copies from the context menu, the shortcut and the toolbar popup, read back from
 * the clipboard; the history they leave; a popup closed while its message is in flight. Every
 * test fails on an error from the add-on in Firefox's output.
 *
 * Run: `npx wxt build -b firefox && node --test tests/firefox/` (part of `npm test`).
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { SAMPLE_PRODUCT_ID, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { launchFirefoxWithAddon, poll, sleep } from '../../scripts/e2e-support/firefox.mjs';
import { readHistoryInWorker } from '../../scripts/e2e-support/history.mjs';

const ADMITAD_CODE = '1e8d114494b7e165239416525dc3e8';
const productUrl = sampleProductUrl(SAMPLE_PRODUCT_ID);
const admitadLink = (cleanUrl) => `https://ad.admitad.com/g/${ADMITAD_CODE}/?ulp=${encodeURIComponent(cleanUrl)}&subid=tg`;
const RU_PRODUCT_ID = '1005001234567890';

/** @type {Awaited<ReturnType<typeof launchFirefoxWithAddon>>} */
let firefox;
/** A tab on an add-on page, for storage reads: the add-on's own `browser.storage`. */
let storagePage;
const seenErrors = new Set();

const text = (page, selector) => page.$eval(selector, (element) => element.textContent?.trim() ?? '');
const waitForText = (page, selector, expected, timeout) =>
  poll(`${selector} reads ${expected}`, async () => {
    const actual = await text(page, selector).catch(() => null);
    return (expected instanceof RegExp ? expected.test(actual ?? '') : actual === expected) ? actual : actual === null ? false : false;
  }, { timeout });
const storage = () => storagePage.evaluate(() => globalThis.browser.storage.local.get(null));
/** The history as the options page shows it: the list and the journal merged. */
const history = () => storagePage.evaluate(readHistoryInWorker);

/** The form control whose <label> reads `label`, as a person finds it. */
async function control(page, label) {
  const handle = await poll(`the field “${label}”`, async () => {
    const found = await page.evaluateHandle((name) => [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === name)?.control ?? null, label);
    return (await found.evaluate((element) => element !== null)) ? found : false;
  });
  return handle.asElement();
}
async function button(page, name) {
  const handle = await poll(`the button “${name}”`, async () => {
    const found = await page.evaluateHandle((wanted) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === wanted && !b.disabled) ?? null, name);
    return (await found.evaluate((element) => element !== null)) ? found : false;
  });
  return handle.asElement();
}

before(async () => {
  firefox = await launchFirefoxWithAddon();
  // The first install opens the setup page (lib/background/first-install.ts); the setup test opens its own.
  storagePage = await firefox.openAddonPage('options.html', 'main');
});

after(async () => {
  await firefox?.close();
});

// Any error the add-on printed during a test fails that test, with the lines.
afterEach(async () => {
  const fresh = (await firefox.addonErrors()).filter((line) => !seenErrors.has(line));
  for (const line of fresh) seenErrors.add(line);
  assert.deepEqual(fresh, [], `the add-on reported errors in Firefox:\n${fresh.join('\n')}`);
});

test('the popup for a product URL shows the product and its clean link before any setup', async () => {
  const popup = await firefox.openAddonPage(`popup.html?url=${encodeURIComponent(`${productUrl}?aff_fcid=someone-else&spm=x`)}`, '[data-testid="deeplink"]');
  assert.equal(await text(popup, '[data-testid="product-id"]'), SAMPLE_PRODUCT_ID);
  assert.equal(await text(popup, '[data-testid="deeplink"]'), productUrl);
  assert.match(await text(popup, '[data-testid="setup-hint"]'), /Set up a preset/);
  await popup.close();
});

test('the setup, typed and clicked, saves an account and the default preset', async () => {
  const options = await firefox.openAddonPage('options.html?setup=1', 'h1, h2');
  await (await control(options, 'Name')).type('My Admitad');
  await (await control(options, 'Admitad ad space code')).type(ADMITAD_CODE);
  await (await button(options, 'Save')).click();

  const presetName = await control(options, 'Preset name');
  await presetName.type('Telegram channel');
  await (await control(options, 'Audience country')).select('DE');
  await (await control(options, 'subid')).type('tg');
  await (await button(options, 'Save')).click();

  await waitForText(options, '[data-testid="setup-done"]', '“Telegram channel” is saved and is the default preset.');
  assert.equal(await text(options, '[data-testid="setup-example"]'), admitadLink(productUrl));
  const stored = await storage();
  assert.equal(stored.presets.length, 1);
  assert.equal(stored.presets[0].name, 'Telegram channel');
  assert.equal(stored.presets[0].audienceCountry, 'DE');
  assert.equal(stored.settings.defaultPresetId, stored.presets[0].id);
  assert.deepEqual(stored.accounts.map((a) => [a.network, a.code]), [['admitad', ADMITAD_CODE]]);
  await options.close();
});

test('the popup builds the preset’s link and shows its estimate and warnings', async () => {
  const popup = await firefox.openAddonPage(`popup.html?url=${encodeURIComponent(productUrl)}`, '[data-testid="deeplink"]');
  assert.equal(await text(popup, '[data-testid="deeplink"]'), admitadLink(productUrl));
  // WW through Admitad (the account set up above) to a country outside the CIS (DE), category
  // unknown: no seed prints its table, so it is seed 002's "0.38% to 34,6%" over its "50% of WW",
  // capped at $38, shown as derived (as tests/e2e/estimate.spec.ts checks in Chromium).
  await waitForText(popup, '[data-testid="rate"]', /0\.76.69\.2%/);
  assert.match(await text(popup, '[data-testid="cap"]'), /38/);
  const why = await popup.$eval('[data-testid="why"]', (element) => element.textContent ?? '');
  assert.match(why, /002_30d8551d32219963\.txt/);
  assert.match(why, /derived by Sublink, not a quote/);
  // Ship-to unknown until the user allows reading it: a warning says so.
  assert.match(await text(popup, '[data-testid="ship-to"]'), /Ship-to country unknown/);
  await popup.close();
  // A store page links with lower attribution priority than a product (seed 001): a ranked warning.
  const store = await firefox.openAddonPage(`popup.html?url=${encodeURIComponent('https://www.aliexpress.com/store/1234')}`, '[data-testid="deeplink"]');
  try {
    await waitForText(store, '[data-testid="warnings"]', /./);
    assert.ok((await store.$('[data-testid="warnings"] [data-rank="info"]')) !== null, 'the warning is ranked "good to know"');
  } finally {
    await store.close();
  }
});

test('the context menu on a link copies its affiliate link to the clipboard', async () => {
  const tab = await firefox.browser.newPage();
  await tab.goto('https://shop.example.test/');
  await tab.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    link.id = 'product-link';
    link.textContent = 'A product';
    document.body.append(link);
  }, `https://aliexpress.ru/item/${RU_PRODUCT_ID}.html?aff_fcid=someone-else`);
  await firefox.writeClipboard('(reset)');
  await firefox.contextMenuItem(tab, '#product-link', 'Copy affiliate link (Telegram channel)');
  // A DE audience on an aliexpress.ru product gets the locale-neutral product URL.
  const expected = admitadLink(`https://www.aliexpress.com/item/${RU_PRODUCT_ID}.html`);
  await poll('the menu copy on the clipboard', async () => (await firefox.readClipboard()) === expected);
  await tab.close();
});

test('the keyboard shortcut copies the link of the product tab', async () => {
  const tab = await firefox.browser.newPage();
  await tab.goto(`${productUrl}?spm=a2g0o`);
  await tab.bringToFront();
  await firefox.writeClipboard('(reset)');
  await firefox.pressShortcut();
  await poll('the shortcut copy on the clipboard', async () => (await firefox.readClipboard()) === admitadLink(productUrl));
  await tab.close();
});

test('the toolbar popup on a product tab shows the link and copies it', async () => {
  const tab = await firefox.browser.newPage();
  await tab.goto(productUrl);
  await tab.bringToFront();
  await firefox.writeClipboard('(reset)');
  await firefox.clickToolbarButton();
  const shown = await poll('the toolbar popup’s link', () =>
    firefox.inToolbarPopup(`return document.querySelector('[data-testid="deeplink"]')?.textContent?.trim() || false;`),
  );
  assert.equal(shown, admitadLink(productUrl));
  await firefox.inToolbarPopup(`document.querySelector('[data-testid="copy"]').click(); return true;`);
  await poll('the popup copy on the clipboard', async () => (await firefox.readClipboard()) === admitadLink(productUrl));
  await poll('the copy marked in the popup', () => firefox.inToolbarPopup(`return document.querySelector('[data-testid="copy"]')?.dataset.copied === 'true';`));
  await firefox.closeToolbarPopup();
  await poll('the toolbar popup closed', async () => !(await firefox.toolbarPopupOpen()));
  await tab.close();
});

test('the history lists each copy with its surface, newest first', async () => {
  const options = await firefox.openAddonPage('options.html', '[data-testid="history-list"]');
  const entries = await poll('three history entries', async () => {
    const items = await options.$$eval('[data-testid="history-list"] li', (list) => list.map((item) => item.textContent ?? ''));
    return items.length === 3 ? items : false;
  });
  assert.match(entries[0], /Popup/);
  assert.match(entries[2], new RegExp(`product ${RU_PRODUCT_ID}`));
  const stored = await history();
  assert.deepEqual(stored.map((entry) => [entry.surface, entry.failure ?? null]), [
    ['popup', null],
    ['shortcut', null],
    ['context-menu', null],
  ]);
  assert.ok(stored.every((entry) => entry.link === admitadLink(productUrl) || entry.link === admitadLink(`https://www.aliexpress.com/item/${RU_PRODUCT_ID}.html`)));
  await options.close();
});

test('a popup closed while its message to the background is in flight leaves no error', async () => {
  // Copy sends `linkCopied` to the background once the clipboard is written; the tab closes
  // right after the click, before the background can answer.
  for (let round = 0; round < 8; round++) {
    const popup = await firefox.openAddonPage(`popup.html?url=${encodeURIComponent(productUrl)}`, '[data-testid="copy"]');
    await popup.evaluate(() => {
      document.querySelector('[data-testid="copy"]').click();
      return new Promise((resolve) => setTimeout(resolve, 0));
    });
    await popup.close();
  }
  await sleep(1_000);
});

test('a toolbar popup closed while its messages are in flight leaves no error', async () => {
  const tab = await firefox.browser.newPage();
  await tab.goto(productUrl);
  await tab.bringToFront();
  for (let round = 0; round < 5; round++) {
    await firefox.clickToolbarButton();
    await poll('the toolbar popup’s link', () => firefox.inToolbarPopup(`return document.querySelector('[data-testid="deeplink"]') ? true : false;`));
    // Copy sends `linkCopied` to the background; the panel closes before its answer can arrive.
    await firefox.inToolbarPopup(`document.querySelector('[data-testid="copy"]').click(); return true;`);
    await firefox.closeToolbarPopup();
    await poll('the toolbar popup closed', async () => !(await firefox.toolbarPopupOpen()));
  }
  // Firefox reports an abandoned call when its answer arrives; give the background time to answer.
  await sleep(1_000);
  const entries = await history();
  assert.ok(entries.length >= 3, 'copies were recorded');
  await tab.close();
});
