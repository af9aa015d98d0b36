/**
 * The link-health model wired to the browser: the run read from `storage.local`, the worker asked
 * through the message protocol, files saved with `downloadText`. One per page, made on first use
 * so the history section can show it without the page's composition knowing about it.
 */
import { browser } from 'wxt/browser';
import { createMessenger, createPortTransport } from '../messaging/client';
import { localArea, watchStorage } from '../storage/area';
import { createLinkHealthStore, linkHealthKey } from '../storage/link-health';
import { downloadText } from './download';
import { createLinkHealthModel, type LinkHealthModel } from './link-health-model';


/** How often the page tells the worker to go on while a run is stored as running. */
const KEEP_ALIVE_MS = 10_000;

let shared: LinkHealthModel | null = null;

export function browserLinkHealthModel(): LinkHealthModel {
  if (shared) return shared;
  const store = createLinkHealthStore(localArea());
  const messenger = createMessenger(createPortTransport(browser.runtime));
  const model = createLinkHealthModel({
    loadRun: store.loadRun,
    loadQueue: store.loadQueue,
    start: () => messenger.send('linkHealthStart', {}),
    cancel: () => messenger.send('linkHealthCancel', {}),
    resume: () => messenger.send('linkHealthResume', {}),
    download: downloadText,
    now: () => new Date(),
  });
  watchStorage((changes, area) => {
    if (area === 'local' && linkHealthKey in changes) void model.load();
  });
  // A worker stopped mid-run (the browser ends idle workers) is woken and resumes from storage.
  setInterval(() => void model.keepAlive(), KEEP_ALIVE_MS);
  void model.load().then(() => model.keepAlive());
  shared = model;
  return model;
}
