import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopupStorageReads, type PreloadStorageApi } from '@/lib/storage/preload';
import { PRELOAD_GLOBAL, type PopupPreload } from '@/lib/popup/preload';

interface PromiseApi extends PreloadStorageApi {
  tabs: { query(query: { active: boolean; currentWindow: boolean }): Promise<{ url?: string }[]> };
}

// No webextension-polyfill here on purpose: this must run before any module is compiled. Both
// Firefox's `browser` and Chrome MV3's `chrome` return promises for these two calls.
export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as { browser?: PromiseApi; chrome?: PromiseApi } & Record<string, unknown>;
  const api = scope.browser ?? scope.chrome;
  if (!api) return;
  const preload: PopupPreload = {
    tabs: api.tabs.query({ active: true, currentWindow: true }),
    ...startPopupStorageReads(api),
  };
  // Rejections are handled where the promises are consumed; keep them from being reported as unhandled meanwhile.
  preload.tabs.catch(() => undefined);
  preload.storage.catch(() => undefined);
  preload.estimate.catch(() => undefined);
  scope[PRELOAD_GLOBAL] = preload;
});
