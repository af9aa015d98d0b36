/**
 * The store packages `npm run zip` writes to .output/, checked as a reviewer receives them: each
 * package unpacked and loaded in its browser (Chrome and Edge in Chromium, Firefox in Firefox
 * ESR), the popup building a link in it; and the Firefox sources zip, unpacked in a temp dir,
 * rebuilding with `npm ci && npm run build:firefox` into the same files as the Firefox package.
 *
 * Run: `npm run zip && node --test tests/packages/` (a stage of `npm test`). The rebuild needs the
 * npm registry.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { launchWithExtension } from '../../scripts/e2e-support/browser.mjs';
import { SAMPLE_PRODUCT_ID, sampleProductUrl } from '../../scripts/e2e-support/demo-data.mjs';
import { addonOrigin, launchFirefoxWithAddon, poll, repoRoot } from '../../scripts/e2e-support/firefox.mjs';
import { startSampleServer } from '../../scripts/e2e-support/sample-server.mjs';

const output = join(repoRoot, '.output');
const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
/** WXT's zip names: `<name>-<version>-<target>.zip`. */
const zipOf = (target) => join(output, `${name}-${version}-${target}.zip`);
const productUrl = sampleProductUrl(SAMPLE_PRODUCT_ID);
const temps = [];

function unpack(zip) {
  assert.ok(statSync(zip, { throwIfNoEntry: false })?.isFile(), `${zip} is missing: run \`npm run zip\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'sublink-package-'));
  temps.push(dir);
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return dir;
}

/** Every file under `dir`, relative path -> sha256. */
function digest(dir) {
  const files = {};
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

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
  const firefox = await launchFirefoxWithAddon({ dir });
  try {
    const popup = await firefox.openAddonPage(`popup.html?url=${encodeURIComponent(productUrl)}`, '[data-testid="deeplink"]');
    assert.ok(popup.url().startsWith(addonOrigin));
    const shown = await poll('the link', () => popup.$eval('[data-testid="deeplink"]', (element) => element.textContent?.trim()));
    assert.equal(shown, productUrl);
    assert.deepEqual(await firefox.addonErrors(), []);
  } finally {
    await firefox.close();
  }
});

test('the firefox sources zip rebuilds into the same files as the firefox package', { timeout: 600_000 }, () => {
  const packaged = digest(unpack(zipOf('firefox')));
  const sources = unpack(zipOf('sources'));
  const run = (args) => {
    const result = spawnSync('npm', args, { cwd: sources, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
    assert.equal(result.status, 0, `npm ${args.join(' ')} failed in the unpacked sources:\n${result.stdout}\n${result.stderr}`);
  };
  run(['ci', '--no-audit', '--no-fund']);
  run(['run', 'build:firefox']);
  const rebuilt = digest(join(sources, '.output', 'firefox-mv2'));
  assert.deepEqual(Object.keys(rebuilt).sort(), Object.keys(packaged).sort());
  const differing = Object.keys(packaged).filter((file) => packaged[file] !== rebuilt[file]);
  assert.deepEqual(differing, [], 'files that differ between the rebuild and the package');
});
