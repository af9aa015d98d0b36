// Stopping and waking the extension's MV3 service worker in real Chromium, for the e2e suite
// and `npm run bench`: the background must survive being stopped at any moment.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function withExtensionPage(context, extensionId, action) {
  const page = await context.newPage();
  try {
    // Any page of the extension's origin: its CDP session sees the extension's worker, and its
    // `chrome.runtime` can message the worker.
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    return await action(page);
  } finally {
    await page.close();
  }
}

/**
 * Stops the worker through the DevTools protocol (ServiceWorker.stopAllWorkers on a session of
 * one of the extension's pages), as Chrome stops an idle worker, and waits until it reports
 * `stopped`. Playwright's Worker handle stays valid: Chrome restarts the worker on the same
 * target, so the same handle evaluates in the new instance once it runs again.
 */
export async function stopServiceWorker({ context, extensionId, timeout = 10_000 }) {
  const prefix = `chrome-extension://${extensionId}/`;
  await withExtensionPage(context, extensionId, async (page) => {
    const cdp = await context.newCDPSession(page);
    let stopped = false;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(prefix) && v.runningStatus === 'stopped')) stopped = true;
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + timeout;
    while (!stopped) {
      if (Date.now() > deadline) throw new Error(`The service worker did not stop within ${timeout} ms`);
      await sleep(10);
    }
    await cdp.detach();
  });
}

/** Starts a stopped worker with an event, as a menu click or a shortcut would: a runtime message. */
export async function wakeServiceWorker({ context, extensionId }) {
  await withExtensionPage(context, extensionId, (page) =>
    // Not one of lib/messaging's envelopes: the worker's router ignores it, so no reply comes.
    page.evaluate(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined)),
  );
}

/**
 * A DevTools session kept open on one of the extension's pages, to stop the worker many times
 * with no page to open first: `stop()` sends ServiceWorker.stopAllWorkers at once, so a test can
 * stop the worker a chosen few milliseconds into an event (tests/e2e/history-stops.spec.ts).
 */
export async function openWorkerStopper({ context, extensionId, timeout = 10_000 }) {
  const prefix = `chrome-extension://${extensionId}/`;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  const cdp = await context.newCDPSession(page);
  // Every version of our worker by id, with its last running status.
  const statuses = new Map();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith(prefix)) statuses.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const allStopped = () => [...statuses.values()].every((status) => status === 'stopped');
  return {
    async stop() {
      // Already stopped (it may stop on its own): no update would come.
      if (statuses.size > 0 && allStopped()) return;
      const deadline = Date.now() + timeout;
      // A worker still starting ignores the request: it is sent again until the worker stops.
      for (let sentAt = 0; !allStopped(); await sleep(5)) {
        if (Date.now() > deadline) throw new Error(`The service worker did not stop within ${timeout} ms (${[...statuses.values()].join(', ')})`);
        if (Date.now() - sentAt > 250) {
          sentAt = Date.now();
          await cdp.send('ServiceWorker.stopAllWorkers');
        }
      }
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
  };
}
