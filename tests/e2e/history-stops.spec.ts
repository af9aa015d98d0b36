/**
 * The history survives a stopped service worker, in the built extension in real Chromium. Chrome
 * stops a worker whenever it likes; here it is stopped through the DevTools protocol
 * (scripts/e2e-support/service-worker.mjs) a few milliseconds into each of 30 context-menu copies,
 * at a different moment each time. Every link that reached the clipboard must be in the history
 * afterwards (lib/background/history-writer.ts writes the entry before the clipboard).
 */
import type { Worker } from '@playwright/test';
import type { Browser } from '@wxt-dev/browser';
import { DEMO_STORAGE, expectedAdmitadLink } from '../../scripts/e2e-support/demo-data.mjs';
import { readHistory } from '../../scripts/e2e-support/history.mjs';
import { openWorkerStopper, wakeServiceWorker } from '../../scripts/e2e-support/service-worker.mjs';
import { expect, test } from './support/fixtures';

type Dispatchable<E> = E extends Browser.events.Event<infer Listener> ? E & { dispatch: Listener } : never;
declare const chrome: Omit<typeof Browser, 'contextMenus'> & {
  contextMenus: Omit<typeof Browser.contextMenus, 'onClicked'> & { onClicked: Dispatchable<typeof Browser.contextMenus.onClicked> };
};

const TRIALS = 30;
const productUrl = (n: number) => `https://www.aliexpress.com/item/10050067890${String(n).padStart(5, '0')}.html`;
const activeTab = (worker: Worker) => worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!);

test('30 context-menu copies, the worker stopped during each: no link on the clipboard is missing from the history', async ({
  context,
  extensionId,
  page,
  serviceWorker,
  seedStorage,
  readClipboard,
}) => {
  test.setTimeout(180_000);
  await seedStorage(DEMO_STORAGE);
  await page.goto('https://shop.example.test/');
  const tab = await activeTab(serviceWorker);

  const stopper = await openWorkerStopper({ context, extensionId });
  const trials: { n: number; reachedClipboard: boolean }[] = [];
  try {
    for (let n = 1; n <= TRIALS; n += 1) {
      // A different moment of the copy each time: stopped 0 to 29 ms after the click reached the worker.
      await serviceWorker.evaluate(
        ({ tab, linkUrl, delay }) =>
          new Promise<void>((resolve) => {
            chrome.contextMenus.onClicked.dispatch({ menuItemId: 'copy:link', linkUrl, pageUrl: 'https://shop.example.test/', editable: false }, tab);
            setTimeout(resolve, delay);
          }),
        { tab, linkUrl: productUrl(n), delay: n - 1 },
      );
      await stopper.stop();
      await wakeServiceWorker({ context, extensionId });
      trials.push({ n, reachedClipboard: (await readClipboard()) === expectedAdmitadLink(productUrl(n)) });
    }
  } finally {
    await stopper.close();
  }

  // The next worker merges what the stopped ones left (compaction on start); read as the options page does.
  const entries = await readHistory(serviceWorker);
  const recorded = new Set(entries.map((entry) => entry.link));
  const reached = trials.filter((trial) => trial.reachedClipboard);
  const lost = reached.filter((trial) => !recorded.has(expectedAdmitadLink(productUrl(trial.n))));
  console.info(`worker stopped during ${TRIALS} copies: link on the clipboard ${reached.length}, history entry lost ${lost.length}, entries ${entries.length}`);
  expect(reached.length).toBeGreaterThan(0);
  expect(lost.map((trial) => trial.n)).toEqual([]);
});

test('with storage.local full, a menu copy still copies, flashes "!" saying the history did not keep it, and the options page says so', async ({
  context,
  extensionId,
  page,
  serviceWorker,
  seedStorage,
  readClipboard,
}) => {
  test.setTimeout(120_000);
  await seedStorage(DEMO_STORAGE);
  await page.goto('https://shop.example.test/');
  const tab = await activeTab(serviceWorker);
  const copy = (n: number) =>
    serviceWorker.evaluate(
      ({ tab, linkUrl }) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'copy:link', linkUrl, pageUrl: 'https://shop.example.test/', editable: false }, tab),
      { tab, linkUrl: productUrl(n) },
    );
  await copy(1);
  await expect.poll(async () => (await readHistory(serviceWorker)).map((entry) => entry.link)).toEqual([expectedAdmitadLink(productUrl(1))]);

  // Fill storage.local (10 MB in Chrome without unlimitedStorage) until not even a small value fits.
  const filled = await serviceWorker.evaluate(async () => {
    let keys = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 1 << 4]) {
      for (;;) {
        try {
          await chrome.storage.local.set({ [`filler${keys}`]: 'x'.repeat(size) });
          keys += 1;
        } catch (error) {
          if (!/quota/i.test(String(error))) throw error;
          break;
        }
      }
    }
    return keys;
  });
  expect(filled).toBeGreaterThan(9);

  await copy(2);
  expect(await readClipboard()).toBe(expectedAdmitadLink(productUrl(2)));
  await expect.poll(() => serviceWorker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tab.id!)).toBe('!');
  expect(await serviceWorker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tab.id!)).toBe(
    'Sublink: affiliate link copied It is not in the history: browser storage is full.',
  );
  // Nothing older is lost.
  expect((await readHistory(serviceWorker)).map((entry) => entry.link)).toEqual([expectedAdmitadLink(productUrl(1))]);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#history`);
  await expect(options.getByTestId('history-not-saved')).toContainText('Browser storage is full');
  await options.close();
});
