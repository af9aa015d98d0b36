// Real Chromium with the built extension: launch, find the extension, open the real toolbar
// popup for a tab. Shared by the e2e fixture, `npm start` and `npm run bench`.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { hostResolverRules } from './sample-server.mjs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Tests, start and bench always run the production build, never `wxt` dev mode. */
export const extensionDir = join(repoRoot, '.output', 'chrome-mv3');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Throws the one message a developer needs when the build is missing. */
export function assertExtensionBuilt(dir = extensionDir) {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}/manifest.json: run \`npx wxt build\` first.`);
  }
}

/**
 * Copies the build to a temp dir, so a `wxt build` started while the browser runs (it empties
 * .output first) cannot pull files from under the loaded extension. WXT writes manifest.json
 * last: a build in progress is waited for, and a copy that raced one is retried.
 */
export async function snapshotBuild(dir = extensionDir) {
  const manifest = join(dir, 'manifest.json');
  for (let attempt = 0; attempt < 60; attempt++) {
    if (!existsSync(manifest)) {
      if (attempt === 0 && !existsSync(dir)) break;
      await sleep(500);
      continue;
    }
    const before = statSync(manifest).mtimeMs;
    const copy = mkdtempSync(join(tmpdir(), 'sublink-ext-'));
    try {
      cpSync(dir, copy, { recursive: true });
    } catch {
      rmSync(copy, { recursive: true, force: true });
      continue;
    }
    if (existsSync(manifest) && statSync(manifest).mtimeMs === before && existsSync(join(copy, 'manifest.json'))) return copy;
    rmSync(copy, { recursive: true, force: true });
  }
  assertExtensionBuilt(dir);
  throw new Error(`${dir} kept changing while it was being copied: is a \`wxt build\` running in a loop?`);
}

/**
 * Launches Chromium with only our extension loaded, every sample host mapped to the local
 * sample server and every other host unresolvable.
 */
export async function launchWithExtension({ serverPort, headless = true, dir: buildDir = extensionDir, userDataDir, snapshot = false, lang = 'en-US', hostRules = [] } = {}) {
  if (!snapshot) assertExtensionBuilt(buildDir);
  const dir = snapshot ? await snapshotBuild(buildDir) : buildDir;
  const ownsProfile = !userDataDir;
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'sublink-profile-'));
  const freshProfile = !existsSync(join(profile, 'Default'));
  // A reused profile still holds the last run's port; only this run's file may be read.
  rmSync(join(profile, 'DevToolsActivePort'), { force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless,
    viewport: null,
    // Playwright passes --disable-extensions by default; --disable-extensions-except would
    // override it, but dropping it keeps the command line unambiguous.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      // The catalog the extension shows (chrome.i18n); the e2e suite checks es and nl this way.
      `--lang=${lang}`,
      // Extra MAP rules (the fake APIs' hosts) go first: Chromium takes the first rule that matches.
      `--host-resolver-rules=${[...hostRules, hostResolverRules(serverPort)].join(', ')}`,
      '--ignore-certificate-errors',
      // Port 0: Chromium picks a free port and writes it to <profile>/DevToolsActivePort.
      '--remote-debugging-port=0',
    ],
  });
  let worker = context.serviceWorkers()[0];
  if (!worker) {
    try {
      worker = await context.waitForEvent('serviceworker', { timeout: 10_000 });
    } catch (error) {
      await context.close();
      if (ownsProfile) rmSync(profile, { recursive: true, force: true });
      if (snapshot) rmSync(dir, { recursive: true, force: true });
      throw new Error(`The extension in ${dir} started no service worker within 10 s: is the build complete and loadable?`, { cause: error });
    }
  }
  const extensionId = new URL(worker.url()).host;
  // A fresh profile is a first install: the extension opens its setup page once (lib/background/first-install.ts).
  // Noted for the test that checks it, then closed, so it never becomes a test's "active tab".
  const isSetupTab = (page) => page.url().startsWith(`chrome-extension://${extensionId}/options.html?setup=1`);
  let setupTabUrl = context.pages().find(isSetupTab)?.url() ?? null;
  if (!setupTabUrl && freshProfile) {
    const opened = await context.waitForEvent('page', { predicate: isSetupTab, timeout: 5_000 }).catch(() => null);
    setupTabUrl = opened?.url() ?? null;
  }
  for (const page of context.pages().filter(isSetupTab)) await page.close();
  const debugPort = await readDevToolsPort(profile);
  return {
    context,
    extensionId,
    debugPort,
    cdpEndpoint: `http://127.0.0.1:${debugPort}`,
    /** The live service worker (a worker stopped by Chrome is replaced by a new one). */
    serviceWorker: () => liveServiceWorker(context, extensionId),
    /** The setup page the extension opened at install (already closed), or null. */
    setupTabUrl,
    /** The directory Chromium loaded the extension from (a snapshot copy if asked for). */
    extensionPath: dir,
    async close() {
      await context.close();
      if (ownsProfile) rmSync(profile, { recursive: true, force: true });
      if (snapshot) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function readDevToolsPort(profile) {
  const file = join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 100; i++) {
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    }
    await sleep(50);
  }
  throw new Error(`Chromium did not write ${file}`);
}

async function liveServiceWorker(context, extensionId) {
  const prefix = `chrome-extension://${extensionId}/`;
  const current = context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (current) return current;
  // A stopped MV3 worker restarts on any extension event; opening one of our pages is one.
  const waiting = context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout: 10_000 });
  const page = await context.newPage();
  await page.goto(`${prefix}manifest.json`).catch(() => undefined);
  try {
    return await waiting;
  } finally {
    await page.close();
  }
}

/**
 * Opens the real toolbar popup for `tab`, the way a click on the toolbar icon does.
 *
 * `chrome.action.openPopup()` from the service worker opens the popup too, but it is not a
 * user gesture, so Chrome grants no `activeTab` and `tabs.query` returns the tab without its
 * URL. CDP `Extensions.triggerAction` runs the action as a toolbar click does, including the
 * `activeTab` grant, so the popup reads the tab URL exactly as it will for a user.
 *
 * `via: 'openPopup'` uses `chrome.action.openPopup()` instead, to check what the popup does when
 * Chrome gives it no tab URL.
 *
 * Returns the popup as a Playwright Page on a fresh CDP connection (a connection made before
 * the popup existed does not see it), plus `disconnect()` to drop that connection.
 *
 * `settleMs`: wait that long after the popup appears before connecting. Connecting makes
 * Playwright work inside the page while it loads; the bench lets it load unobserved.
 */
export async function openToolbarPopup({ context, tab, extensionId, cdpEndpoint, via = 'click', serviceWorker, timeout = 10_000, popupPath = 'popup.html', settleMs = 0 }) {
  await tab.bringToFront();
  const popupUrl = `chrome-extension://${extensionId}/${popupPath}`;
  // noDefaults: a connection otherwise points the browser's downloads at its own temp folder,
  // deleted when it disconnects, and a page's download after a popup was opened would be lost.
  const control = await chromium.connectOverCDP(cdpEndpoint, { noDefaults: true });
  try {
    const cdp = await control.newBrowserCDPSession();
    const tabTarget = await findTabTarget(cdp, context, tab);
    const before = new Set((await listTargets(cdp)).filter((t) => t.url.startsWith(popupUrl)).map((t) => t.targetId));
    if (via === 'openPopup') {
      if (!serviceWorker) throw new Error("via: 'openPopup' needs the extension's serviceWorker");
      await serviceWorker.evaluate(() => chrome.action.openPopup());
    } else {
      await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tabTarget.targetId });
    }
    const deadline = Date.now() + timeout;
    let popupTarget;
    while (!popupTarget) {
      popupTarget = (await listTargets(cdp)).find((t) => t.url.startsWith(popupUrl) && !before.has(t.targetId));
      if (popupTarget) break;
      if (Date.now() > deadline) throw new Error(`The toolbar popup did not open within ${timeout} ms`);
      await sleep(25);
    }
    if (settleMs > 0) await sleep(settleMs);
    const browser = await chromium.connectOverCDP(cdpEndpoint, { noDefaults: true });
    const popup = browser
      .contexts()
      .flatMap((c) => c.pages())
      .find((p) => p.url().startsWith(popupUrl));
    if (!popup) {
      await browser.close();
      throw new Error('The popup target exists but Playwright does not list it');
    }
    return { popup, disconnect: () => browser.close() };
  } finally {
    await control.close();
  }
}

async function listTargets(cdp) {
  // The default filter leaves out "tab" targets, which triggerAction needs.
  return (await cdp.send('Target.getTargets', { filter: [{}] })).targetInfos;
}

/** The CDP "tab" target of a Playwright page: what Extensions.triggerAction wants. */
async function findTabTarget(cdp, context, tab) {
  const session = await context.newCDPSession(tab);
  try {
    const { targetInfo } = await session.send('Target.getTargetInfo');
    const targets = await listTargets(cdp);
    const tabs = targets.filter((t) => t.type === 'tab');
    const page = targets.find((t) => t.targetId === targetInfo.targetId);
    const byParent = tabs.find((t) => page?.parentId && t.targetId === page.parentId);
    if (byParent) return byParent;
    const sameUrl = tabs.filter((t) => t.url === targetInfo.url);
    if (sameUrl.length === 1) return sameUrl[0];
    throw new Error(`Cannot tell which tab to open the popup on: ${sameUrl.length} tabs show ${targetInfo.url}`);
  } finally {
    await session.detach();
  }
}
