/**
 * The batch worktable's re-check wired to the browser: the run read from `storage.local`, the
 * worker asked through the message protocol. The batch model makes the model from these deps
 * (lib/options/batch-model.ts); `watchBatchHealth` keeps it current while the page is open.
 */
import { browser } from 'wxt/browser';
import { createMessenger, createPortTransport } from '../messaging/client';
import { localArea, watchStorage } from '../storage/area';
import { createBatchLinkHealthStore, linkHealthBatchKey } from '../storage/link-health';
import type { BatchHealthDeps, BatchHealthModel } from './batch-health-model';

/** How often the page tells the worker to go on while a run is stored as running (as the history's panel does). */
const KEEP_ALIVE_MS = 10_000;

export function browserBatchHealthDeps(): BatchHealthDeps {
  const store = createBatchLinkHealthStore(localArea());
  const messenger = createMessenger(createPortTransport(browser.runtime));
  return {
    loadRun: store.loadRun,
    loadQueue: store.loadQueue,
    start: (products) => messenger.send('linkHealthStartProducts', { products: [...products] }),
    cancel: () => messenger.send('linkHealthCancel', {}),
    resume: () => messenger.send('linkHealthResume', {}),
  };
}

/** Reloads the run when the worker writes it, and wakes a worker stopped mid-run (the browser ends idle workers). */
export function watchBatchHealth(model: BatchHealthModel): void {
  watchStorage((changes, area) => {
    if (area === 'local' && linkHealthBatchKey in changes) void model.load();
  });
  setInterval(() => void model.keepAlive(), KEEP_ALIVE_MS);
  void model.load().then(() => model.keepAlive());
}
