/** Storage keys, in a module with no imports so the popup's preload script can use them. */
export const STORAGE_KEYS = {
  version: 'storageVersion',
  accounts: 'accounts',
  presets: 'presets',
  settings: 'settings',
  history: 'history',
} as const;

/** What the popup reads on open, in one `get`. */
export const POPUP_STORAGE_KEYS = [STORAGE_KEYS.accounts, STORAGE_KEYS.presets, STORAGE_KEYS.settings];
