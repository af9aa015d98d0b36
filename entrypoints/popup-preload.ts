import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ESTIMATE_STORAGE_KEYS, STATE_STORAGE_KEYS } from '@/lib/storage/keys';
import { PRELOAD_GLOBAL, type PopupPreload } from '@/lib/popup/preload';

interface PromiseApi {
  tabs: { query(query: { active: boolean; currentWindow: boolean }): Promise<{ url?: string }[]> };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
}

// No webextension-polyfill here on purpose: this must run before any module is compiled. Both
// Firefox's `browser` and Chrome MV3's `chrome` return promises for these two calls.
export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as { browser?: PromiseApi; chrome?: PromiseApi } & Record<string, unknown>;
  const api = scope.browser ?? scope.chrome;
  if (!api) return;
  const preload: PopupPreload = {
    tabs: api.tabs.query({ active: true, currentWindow: true }),
    storage: api.storage.local.get(STATE_STORAGE_KEYS),
    estimate: api.storage.local.get(ESTIMATE_STORAGE_KEYS),
  };
  // Rejections are handled where the promises are consumed; keep them from being reported as unhandled meanwhile.
  preload.tabs.catch(() => undefined);
  preload.storage.catch(() => undefined);
  preload.estimate.catch(() => undefined);
  scope[PRELOAD_GLOBAL] = preload;
});
