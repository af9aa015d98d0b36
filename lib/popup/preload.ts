/**
 * The popup's two reads (active tab, stored presets) started by a tiny classic script while the
 * module graph is still loading and compiling, so the storage and tabs round trips overlap with
 * it instead of following it. Measured by `npm run bench` as the popup's time to link.
 */
export interface PopupPreload {
  readonly tabs: Promise<readonly { url?: string }[]>;
  /** STATE_STORAGE_KEYS. */
  readonly storage: Promise<Record<string, unknown>>;
  /** ESTIMATE_STORAGE_KEYS, in their own read so a large hot list never delays the link. */
  readonly estimate: Promise<Record<string, unknown>>;
}

export const PRELOAD_GLOBAL = '__sublinkPopupPreload';

export function takePopupPreload(): PopupPreload | undefined {
  const holder = globalThis as typeof globalThis & { [PRELOAD_GLOBAL]?: PopupPreload };
  const preload = holder[PRELOAD_GLOBAL];
  delete holder[PRELOAD_GLOBAL];
  return preload;
}
