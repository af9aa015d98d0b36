/**
 * Playwright fixtures for the built extension in real Chromium (docs/architecture.md, 'Layers').
 *
 * One browser and one sample server per worker (launching takes ~1 s); every test starts from
 * empty extension storage, no cookies and a fresh tab. Nothing here builds: run
 * `npx wxt build` first, the suite tests exactly what ships.
 */
import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page, type Worker } from '@playwright/test';
import type { Browser } from '@wxt-dev/browser';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, openToolbarPopup, snapshotBuild, type LaunchedExtension } from '../../../scripts/e2e-support/browser.mjs';
import { startSampleServer, type SampleServer } from '../../../scripts/e2e-support/sample-server.mjs';

export interface WorkerFixtures {
  sampleServer: SampleServer;
  launched: LaunchedExtension;
  /**
   * Optional permissions to hold from install, in this worker's copy of the build. Chrome grants
   * optional permissions only through a dialog a headless browser cannot answer, and has no
   * switch to pre-answer it; a suite that tests what happens after the grant lists the same
   * permissions here. The shipped manifest keeps them optional (tests/unit/manifest-guard.test.ts).
   */
  grantAtInstall: string[];
  /**
   * More --host-resolver-rules entries for this worker's browser, before the sample hosts' (the
   * API spec maps api-sg.aliexpress.com and api.admitad.com to its fakes). Override it with a
   * worker fixture that depends on whatever provides the ports.
   */
  hostRules: string[];
}

export interface ExtensionFixtures {
  extensionId: string;
  /** The extension's live MV3 service worker, for `evaluate` with `chrome.*` APIs. */
  serviceWorker: Worker;
  /**
   * Navigates the test's tab to `url`, brings it to front and opens the real toolbar popup for
   * it (with the `activeTab` grant a click gives). Returns the popup page.
   * `via: 'openPopup'` opens it with chrome.action.openPopup() instead: no grant, no tab URL.
   */
  openPopupFor(url: string, options?: { via?: 'click' | 'openPopup' }): Promise<Page>;
  /** Fallback: popup.html in a tab, `url` prefilled in the paste field via `?url=`. */
  openPopupPage(url?: string): Promise<Page>;
  /** Writes items into chrome.storage.local (keys as lib/storage/items.ts defines them). */
  seedStorage(items: Record<string, unknown>): Promise<void>;
  /** Everything in chrome.storage.local. */
  readStorage(): Promise<Record<string, unknown>>;
  /** The system clipboard's text, read from a page on the harness's own origin. */
  readClipboard(): Promise<string>;
  /** https://127.0.0.1:<port>: the harness origin, no extension or AliExpress involvement. */
  harnessOrigin: string;
  resetExtensionState: void;
  /**
   * Console errors and uncaught exceptions from the extension (its pages, toolbar popups, service
   * worker) during the test. Any of them fails the test, unless it matches `expectedAddonErrors`.
   */
  addonErrors: string[];
  /** Errors a test provokes on purpose (a refused import, a failing API), by pattern. */
  expectedAddonErrors: RegExp[];
}

// `chrome` as seen inside serviceWorker.evaluate(): the extension's own global, not Node's.
declare const chrome: typeof Browser;

const CLIPBOARD_SENTINEL = '(clipboard reset by the e2e harness)';

export const test = base.extend<ExtensionFixtures & { context: BrowserContext; page: Page }, WorkerFixtures>({
  sampleServer: [
    // Playwright reads a fixture's dependencies from this destructuring: `{}` means none.
    // oxlint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startSampleServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  grantAtInstall: [[], { scope: 'worker', option: true }],

  // oxlint-disable-next-line no-empty-pattern
  hostRules: [async ({}, use) => use([]), { scope: 'worker' }],

  launched: [
    async ({ sampleServer, headless, grantAtInstall, hostRules }, use) => {
      if (grantAtInstall.length === 0) {
        const launched = await launchWithExtension({ serverPort: sampleServer.port, headless, snapshot: true, hostRules });
        await use(launched);
        await launched.close();
        return;
      }
      const dir = await snapshotBuild();
      const manifestPath = join(dir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      const hosts = grantAtInstall.filter((p) => p.includes('://'));
      const apis = grantAtInstall.filter((p) => !p.includes('://'));
      manifest.permissions = [...(manifest.permissions ?? []), ...apis];
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
      writeFileSync(manifestPath, JSON.stringify(manifest));
      const launched = await launchWithExtension({ serverPort: sampleServer.port, headless, dir, hostRules });
      await use(launched);
      await launched.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  context: async ({ launched }, use) => {
    await use(launched.context);
  },

  page: async ({ context }, use) => {
    const page = await context.newPage();
    // Tabs left over from an earlier test would make "the active tab" ambiguous. The new tab
    // is opened first: closing a window's last tab would close the window.
    for (const stale of context.pages()) if (stale !== page) await stale.close();
    await use(page);
    await page.close().catch(() => undefined);
  },

  extensionId: async ({ launched }, use) => {
    await use(launched.extensionId);
  },

  serviceWorker: async ({ launched }, use) => {
    await use(await launched.serviceWorker());
  },

  harnessOrigin: async ({ sampleServer }, use) => {
    await use(`https://127.0.0.1:${sampleServer.port}`);
  },

  resetExtensionState: [
    async ({ launched, context }, use) => {
      const worker = await launched.serviceWorker();
      await worker.evaluate(async () => {
        await chrome.storage.local.clear();
        await chrome.storage.session.clear();
      });
      await context.clearCookies();
      await use();
    },
    { auto: true },
  ],

  expectedAddonErrors: [[], { option: true }],

  addonErrors: [
    async ({ context, launched, expectedAddonErrors }, use, testInfo) => {
      const errors: string[] = [];
      const origin = `chrome-extension://${launched.extensionId}/`;
      const fromAddon = (source: string, where: string) => source.startsWith(origin) || where.startsWith(origin);
      const onConsole = (message: ConsoleMessage) => {
        if (message.type() !== 'error') return;
        const page = message.page();
        if (fromAddon(message.location().url, page?.url() ?? message.worker()?.url() ?? '')) errors.push(`console.error in ${page?.url() ?? message.location().url}: ${message.text()}`);
      };
      const onPageError = (error: Error, page: Page | null) => {
        if (page && page.url().startsWith(origin)) errors.push(`uncaught in ${page.url()}: ${error.message}`);
      };
      const worker = await launched.serviceWorker();
      const onWorkerConsole = (message: ConsoleMessage) => {
        if (message.type() === 'error') errors.push(`console.error in the service worker: ${message.text()}`);
      };
      context.on('console', onConsole);
      const onWebError = (webError: { error(): Error; page(): Page | null }) => onPageError(webError.error(), webError.page());
      context.on('weberror', onWebError);
      worker.on('console', onWorkerConsole);
      await use(errors);
      context.off('console', onConsole);
      context.off('weberror', onWebError);
      worker.off('console', onWorkerConsole);
      const unexpected = errors.filter((line) => !expectedAddonErrors.some((pattern) => pattern.test(line)));
      if (unexpected.length > 0 && testInfo.status === 'passed') {
        throw new Error(`The extension reported ${unexpected.length} error(s) during the test:\n${unexpected.join('\n')}`);
      }
    },
    { auto: true },
  ],

  seedStorage: async ({ serviceWorker }, use) => {
    await use(async (items) => {
      await serviceWorker.evaluate((values) => chrome.storage.local.set(values), items);
    });
  },

  readStorage: async ({ serviceWorker }, use) => {
    await use(() => serviceWorker.evaluate(() => chrome.storage.local.get(null)));
  },

  openPopupFor: async ({ launched, context, page, serviceWorker, addonErrors }, use, testInfo) => {
    const opened: { popup: Page; disconnect(): Promise<void> }[] = [];
    await use(async (url, { via = 'click' } = {}) => {
      // Already there (a test that went offline after loading the page): no new navigation.
      if (page.url() !== url) await page.goto(url);
      const result = await openToolbarPopup({
        context,
        tab: page,
        extensionId: launched.extensionId,
        cdpEndpoint: launched.cdpEndpoint,
        via,
        serviceWorker,
      });
      opened.push(result);
      // The popup lives on its own CDP connection: the context's console listener does not see it.
      result.popup.on('console', (message) => {
        if (message.type() === 'error') addonErrors.push(`console.error in the toolbar popup: ${message.text()}`);
      });
      result.popup.on('pageerror', (error) => addonErrors.push(`uncaught in the toolbar popup: ${error.message}`));
      await result.popup.waitForLoadState('domcontentloaded');
      return result.popup;
    });
    for (const [index, { popup, disconnect }] of opened.entries()) {
      if (testInfo.status !== testInfo.expectedStatus && !popup.isClosed()) {
        const screenshot = await popup.screenshot().catch(() => null);
        if (screenshot) await testInfo.attach(`popup-${index}.png`, { body: screenshot, contentType: 'image/png' });
        const html = await popup.content().catch(() => null);
        if (html) await testInfo.attach(`popup-${index}.html`, { body: html, contentType: 'text/html' });
      }
      await disconnect().catch(() => undefined);
    }
  },

  openPopupPage: async ({ context, extensionId }, use) => {
    const pages: Page[] = [];
    await use(async (url) => {
      const popup = await context.newPage();
      pages.push(popup);
      const query = url === undefined ? '' : `?url=${encodeURIComponent(url)}`;
      await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return popup;
    });
    for (const popup of pages) await popup.close().catch(() => undefined);
  },

  readClipboard: async ({ context, harnessOrigin }, use) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harnessOrigin });
    const clipboardPage = async <T>(action: (page: Page) => Promise<T>): Promise<T> => {
      const page = await context.newPage();
      try {
        await page.goto(`${harnessOrigin}/`);
        // The async clipboard API wants a focused document.
        await page.bringToFront();
        return await action(page);
      } finally {
        await page.close();
      }
    };
    // Start from a known value so a link copied by an earlier test cannot pass this one.
    await clipboardPage((page) => page.evaluate((text) => navigator.clipboard.writeText(text), CLIPBOARD_SENTINEL));
    await use(() => clipboardPage((page) => page.evaluate(() => navigator.clipboard.readText())));
  },
});

export { expect };
