/**
 * The settings-sync model wired to the browser: the state read from `storage.local`, the switch
 * sent to the worker. One per page, made on first use, like the link-health one.
 */
import { browser } from 'wxt/browser';
import { createMessenger, createPortTransport } from '../messaging/client';
import { localArea, watchStorage } from '../storage/area';
import { createSyncStateStore, syncStateKey } from '../storage/sync';
import { createSyncModel, type SyncModel } from './sync-model';

let sharedSync: SyncModel | null = null;

export function browserSyncModel(): SyncModel {
  if (sharedSync) return sharedSync;
  const store = createSyncStateStore(localArea());
  const messenger = createMessenger(createPortTransport(browser.runtime));
  const model = createSyncModel({ loadState: store.load, setEnabled: (enabled) => messenger.send('setSyncEnabled', { enabled }) });
  watchStorage((changes, area) => {
    if (area === 'local' && syncStateKey in changes) void model.load();
  });
  void model.load();
  sharedSync = model;
  return model;
}
