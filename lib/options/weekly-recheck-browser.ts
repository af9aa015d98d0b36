/**
 * The weekly re-check's switch wired to the browser: the setting read from `storage.local`, its
 * changes sent to the worker, and "seen" sent only while the page is in front of the user. One per
 * page, made on first use, like the link-health model.
 */
import { browser } from 'wxt/browser';
import { createMessenger, createPortTransport } from '../messaging/client';
import { localArea, watchStorage } from '../storage/area';
import { createWeeklyRecheckStore, weeklyRecheckKey } from '../storage/weekly-recheck';
import { createWeeklyRecheckModel, type WeeklyRecheckModel } from './weekly-recheck-model';

let shared: WeeklyRecheckModel | null = null;

export function browserWeeklyRecheckModel(): WeeklyRecheckModel {
  if (shared) return shared;
  const store = createWeeklyRecheckStore(localArea());
  const messenger = createMessenger(createPortTransport(browser.runtime));
  const model = createWeeklyRecheckModel({
    load: store.load,
    set: (request) => messenger.send('setWeeklyRecheck', request),
    // A page left open in a background tab has not shown anything to anyone.
    seen: async () => (document.visibilityState === 'visible' ? messenger.send('linkHealthSeen', {}) : undefined),
  });
  watchStorage((changes, area) => {
    if (area === 'local' && weeklyRecheckKey in changes) void model.load();
  });
  void model.load();
  shared = model;
  return model;
}
