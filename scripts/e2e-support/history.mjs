// The link history as a user sees it, read inside the extension's service worker: the compacted
// list `history` and the journal slots `historyJournal<n>` merged by entry id, newest first, as
// lib/storage/history.ts `mergeJournal` does. For the e2e tests and `npm run bench`, which read
// storage from outside and cannot import the extension's modules into the worker.

/**
 * Runs inside an extension context (`worker.evaluate(readHistoryInWorker)` in Chromium, or an
 * extension page's `evaluate` in Firefox, where `browser` is the promise API): no closures over
 * this module.
 */
export async function readHistoryInWorker() {
  const all = await (globalThis.browser ?? chrome).storage.local.get(null);
  const list = Array.isArray(all.history) ? all.history : [];
  const slots = Object.keys(all)
    .filter((key) => /^historyJournal\d+$/.test(key) && all[key] && typeof all[key] === 'object')
    .map((key) => all[key]);
  const byId = new Map(slots.filter((entry) => typeof entry.id === 'string').map((entry) => [entry.id, entry]));
  const inList = new Set();
  const kept = list.map((entry) => {
    if (typeof entry?.id !== 'string' || !byId.has(entry.id)) return entry;
    inList.add(entry.id);
    return byId.get(entry.id);
  });
  const fresh = [...byId.values()].filter((entry) => !inList.has(entry.id)).sort((a, b) => b.at - a.at);
  return [...fresh, ...kept];
}

/** The history of the extension whose worker this is (a Playwright `Worker`). */
export const readHistory = (worker) => worker.evaluate(readHistoryInWorker);
