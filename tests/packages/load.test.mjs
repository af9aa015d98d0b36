/**
 * The store packages `npm run zip` writes to .output/, checked as a reviewer receives them: each
 * package unpacked and loaded in its browser (Chrome and Edge in Chromium, Firefox in Firefox
 * ESR), the popup building a link in it. tests/packages/sources.test.mjs rebuilds the sources zip.
 *
 * Run: `npm run zip && node --test tests/packages/load.test.mjs` (a stage of `npm test`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { launchWithExtension } from '../../scripts/e2e-support/browser.mjs';
import { removeUnpacked, unpack, zipOf } from './packages.mjs';
import { SAMPLE_PRODUCT_ID, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { launchFirefoxWithAddon, poll } from '../../scripts/e2e-support/firefox.mjs';
import { startSampleServer } from '../../scripts/e2e-support/sample-server.mjs';

const productUrl = sampleProductUrl(SAMPLE_PRODUCT_ID);
after(removeUnpacked);

for (const target of ['chrome', 'edge']) {
  test(`the ${target} package loads in Chromium and its popup builds a link`, async () => {
    const dir = unpack(zipOf(target));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.manifest_version, 3);
    const server = await startSampleServer();
    const launched = await launchWithExtension({ serverPort: server.port, dir });
    try {
      const popup = await launched.context.newPage();
      const errors = [];
      popup.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      popup.on('pageerror', (error) => errors.push(error.message));
      await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?url=${encodeURIComponent(productUrl)}`);
      await popup.getByTestId('deeplink').waitFor();
      assert.equal((await popup.getByTestId('deeplink').textContent())?.trim(), productUrl);
      assert.deepEqual(errors, []);
    } finally {
      await launched.close();
      await server.close();
    }
  });
}

test('the firefox package installs in Firefox and its popup builds a link', async () => {
  const dir = unpack(zipOf('firefox'));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.manifest_version, 2);
  assert.equal(manifest.browser_specific_settings.gecko.id, 'sublink@sublink.dev');
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'], optional: ['browsingActivity', 'authenticationInfo'] });
  const firefox = await launchFirefoxWithAddon({ dir });
  try {
    const popup = await firefox.openAddonPage(`popup.html?url=${encodeURIComponent(productUrl)}`, '[data-testid="deeplink"]');
    const shown = await poll('the link', () => popup.$eval('[data-testid="deeplink"]', (element) => element.textContent?.trim()));
    assert.equal(shown, productUrl);
    assert.deepEqual(await firefox.addonErrors(), []);
  } finally {
    await firefox.close();
  }
});
