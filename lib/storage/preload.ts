/**
 * The popup's two storage reads, started by its preload script (entrypoints/popup-preload.ts)
 * before the module graph loads. That script runs without webextension-polyfill, so these take
 * the browser's own promise-returning API: Firefox's `browser` or Chrome MV3's `chrome`.
 */
import { ESTIMATE_STORAGE_KEYS, STATE_STORAGE_KEYS } from './keys';

export interface PreloadStorageApi {
  readonly storage: { readonly local: { get(keys: string[]): Promise<Record<string, unknown>> } };
}

export function startPopupStorageReads(api: PreloadStorageApi): { storage: Promise<Record<string, unknown>>; estimate: Promise<Record<string, unknown>> } {
  return {
    // Everything the link needs (lib/storage/state.ts `parseState`).
    storage: api.storage.local.get(STATE_STORAGE_KEYS),
    // The estimate's data, in its own read so a large hot list never delays the link.
    estimate: api.storage.local.get(ESTIMATE_STORAGE_KEYS),
  };
}
