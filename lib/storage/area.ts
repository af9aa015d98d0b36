/**
 * The browser's storage areas, behind the small interface the rest of lib/storage takes as a
 * dependency (tests pass an in-memory one). The only module that touches `browser.storage`,
 * together with the popup's preload reads (lib/storage/preload.ts), which cannot load the polyfill.
 */
import { browser } from 'wxt/browser';

export interface StorageArea {
  get(keys: string | readonly string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | readonly string[]): Promise<void>;
}

export type StorageChanges = Readonly<Record<string, { oldValue?: unknown; newValue?: unknown }>>;

/** `storage.local`. */
export function localArea(): StorageArea {
  return {
    get: (keys) => browser.storage.local.get(keys === null ? null : typeof keys === 'string' ? keys : [...keys]),
    set: (items) => browser.storage.local.set(items),
    remove: (keys) => browser.storage.local.remove(typeof keys === 'string' ? keys : [...keys]),
  };
}

/**
 * `storage.session`, or undefined where the browser lacks it: only a persistent background page
 * (Firefox MV2, older Firefox) can, and its memory then lives as long as the session would.
 */
export function sessionArea(): StorageArea | undefined {
  const area = browser.storage.session as typeof browser.storage.session | undefined;
  if (!area) return undefined;
  return {
    get: (keys) => area.get(keys === null ? null : typeof keys === 'string' ? keys : [...keys]),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(typeof keys === 'string' ? keys : [...keys]),
  };
}

/** `storage.onChanged`: every change, with the area's name (`local`, `session`, `sync`). */
export function watchStorage(listener: (changes: StorageChanges, area: string) => void): void {
  browser.storage.onChanged.addListener(listener);
}
