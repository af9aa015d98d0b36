#!/usr/bin/env node
// `npm start`: build the extension, open it in Chromium on a local sample AliExpress product
// page and open the real toolbar popup.
//   - with a display ($DISPLAY or $WAYLAND_DISPLAY): headed; the browser stays open until you
//     close it (Ctrl+C also works). The profile persists in artifacts/chromium-profile.
//   - without one (or with --headless): prints what the popup shows and saves a screenshot
//     to artifacts/popup.png, then exits.
// Options: --headless, --no-build, --url=<AliExpress URL to open instead of the sample>.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { extensionDir, launchWithExtension, openToolbarPopup, repoRoot } from './e2e-support/browser.mjs';
import { DEMO_STORAGE, sampleProductUrl } from './e2e-support/demo-data.mjs';
import { startSampleServer } from './e2e-support/sample-server.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = flag('headless') || !hasDisplay;
// Tracking parameters from somebody else's link, to show that Sublink strips them.
const startUrl = option('url') ?? `${sampleProductUrl()}?spm=a2g0o.home.0.0&aff_fcid=someone-else`;
const artifacts = join(repoRoot, 'artifacts');

const say = (line = '') => process.stdout.write(`${line}\n`);
const step = (line) => say(`\u25b8 ${line}`);

function build() {
  step('Building the extension (npx wxt build)...');
  const started = Date.now();
  const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error('`wxt build` failed (output above).');
  }
  step(`Built ${extensionDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  if (!flag('no-build')) build();
  mkdirSync(artifacts, { recursive: true });

  const server = await startSampleServer();
  step(`Sample AliExpress pages served on 127.0.0.1:${server.port} (the browser maps *.aliexpress.* there)`);

  const profile = join(artifacts, 'chromium-profile');
  let launched;
  try {
    launched = await launchWithExtension({ serverPort: server.port, headless, userDataDir: profile });
  } catch (error) {
    await server.close();
    if (/ProcessSingleton|profile.*in use|SingletonLock/i.test(String(error))) {
      throw new Error(`The profile ${profile} is in use: close the Chromium that \`npm start\` opened before, then retry.`);
    }
    throw error;
  }
  const { context, extensionId } = launched;
  step(`Chromium ${headless ? 'headless' : 'headed'}, extension id ${extensionId}`);

  const worker = await launched.serviceWorker();
  const stored = await worker.evaluate(() => chrome.storage.local.get(['accounts', 'presets']));
  const isEmpty = !(Array.isArray(stored.accounts) && stored.accounts.length) && !(Array.isArray(stored.presets) && stored.presets.length);
  if (isEmpty) {
    await worker.evaluate((items) => chrome.storage.local.set(items), DEMO_STORAGE);
    step(`Storage was empty: seeded the demo Admitad account "${DEMO_STORAGE.accounts[0].name}" and preset "${DEMO_STORAGE.presets[0].name}"`);
  } else {
    step('Storage already has accounts/presets: left as is');
  }

  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(startUrl);
  step(`Opened ${startUrl}`);

  const { popup, disconnect } = await openToolbarPopup({ context, tab, extensionId, cdpEndpoint: launched.cdpEndpoint });
  step('Opened the toolbar popup');

  const state = popup.locator('[data-testid="state"]');
  await state.waitFor({ timeout: 10_000 }).catch(() => undefined);
  const kind = await state.getAttribute('data-kind').catch(() => null);
  const deeplink = popup.locator('[data-testid="deeplink"]');
  const link = (await deeplink.count()) > 0 ? ((await deeplink.textContent()) ?? '').trim() : null;
  say();
  say(`  Popup state: ${kind ?? '(no [data-testid=state] rendered)'}`);
  say(`  Link:        ${link ?? '(none shown)'}`);
  say();

  if (headless) {
    const screenshot = join(artifacts, 'popup.png');
    // A headless popup has no toolbar to size it against: give the body the popup's width.
    await popup.evaluate(() => {
      if (document.body.getBoundingClientRect().width < 200) document.body.style.width = '380px';
    });
    await popup.screenshot({ path: screenshot, fullPage: true });
    step(`Saved ${screenshot}`);
    await disconnect();
    await launched.close();
    await server.close();
    return;
  }

  await disconnect();
  say('The browser stays open: click the Sublink toolbar icon on any AliExpress page (sample pages:');
  say('  https://www.aliexpress.com/item/<digits>.html, /store/<digits>, /category/..., /).');
  say('Close the browser window or press Ctrl+C to stop.');
  const stop = async () => {
    await launched.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  context.once('close', () => void server.close().then(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`\u2716 ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
