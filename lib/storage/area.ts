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

/** The part of the extension API this module uses: WXT's `browser`, or the fake one in tests. */
export interface StorageApi {
  readonly storage: {
    readonly local: AreaApi;
    readonly session?: AreaApi;
    readonly sync?: AreaApi;
    readonly onChanged: { addListener(listener: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void): void };
  };
}
interface AreaApi {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const areaOf = (pick: () => AreaApi): StorageArea => ({
  // Looked up on every call, so a test's spy on the area is seen.
  get: (keys) => pick().get(keys === null || typeof keys === 'string' ? keys : [...keys]),
  set: (items) => pick().set(items),
  remove: (keys) => pick().remove(typeof keys === 'string' ? keys : [...keys]),
});

/** `storage.local`. */
export const localArea = (api: StorageApi = browser): StorageArea => areaOf(() => api.storage.local);

/**
 * `storage.session`, or undefined where the browser lacks it: only a persistent background page
 * (Firefox MV2, older Firefox) can, and its memory then lives as long as the session would.
 */
export function sessionArea(api: StorageApi = browser): StorageArea | undefined {
  const session = api.storage.session;
  return session ? areaOf(() => session) : undefined;
}

/**
 * `storage.sync`, or undefined where the browser lacks it. Only lib/storage/sync.ts writes it, and
 * only accounts, presets and the default preset: never a secret (docs/architecture.md, 'Hard rules' 4).
 */
export function syncArea(api: StorageApi = browser): StorageArea | undefined {
  const sync = api.storage.sync;
  return sync ? areaOf(() => sync) : undefined;
}

/** `storage.onChanged`: every change, with the area's name (`local`, `session`, `sync`). */
export function watchStorage(listener: (changes: StorageChanges, area: string) => void, api: StorageApi = browser): void {
  api.storage.onChanged.addListener(listener);
}
