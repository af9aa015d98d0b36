/**
 * Reading and writing every stored item; the validation itself is in lib/storage/state.ts.
 *
 * Plain `storage.local` rather than WXT's storage wrapper: the popup reads everything in one
 * `get` on every open, and the wrapper (with its lock) costs 4 KB of the popup's 20 KB budget.
 * `storageVersion` records the layout so a later release can migrate it.
 *
 * Lists are validated entry by entry: one unreadable preset must not hide the others, and it is
 * never dropped from storage by a later save (see `saveList`), so nothing the user made is lost.
 */
import { browser } from 'wxt/browser';
import type { Account } from '../networks/types';
import type { Preset } from '../presets/types';
import { accountSchema } from '../networks/schema';
import { presetSchema } from '../presets/schema';
import type { Settings } from './settings';
import { parseSettings, parseState, type StoredState } from './state';
import { STATE_STORAGE_KEYS, STORAGE_KEYS } from './keys';
import type { Schema } from '../schema/reader';

export { STORAGE_KEYS } from './keys';
export { parseList, parseSettings, parseState, type StorageProblem, type StoredState } from './state';
export const STORAGE_VERSION = 1;

/** Accounts, presets and settings, in one storage read (never the estimate's large values). */
export async function loadState(): Promise<StoredState> {
  return parseState(await browser.storage.local.get(STATE_STORAGE_KEYS));
}

/** Why a write failed, in terms the UI can explain. */
export type SaveError = { readonly kind: 'quota' } | { readonly kind: 'other'; readonly message: string };
export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly error: SaveError };

export function toSaveError(error: unknown): SaveError {
  const message = error instanceof Error ? error.message : String(error);
  // Chrome: "QUOTA_BYTES quota exceeded"; Firefox: "QuotaExceededError".
  return /quota/i.test(message) || (error instanceof Error && error.name === 'QuotaExceededError') ? { kind: 'quota' } : { kind: 'other', message };
}

/** Writes values and the layout version together; never throws. */
export async function write(values: Record<string, unknown>): Promise<SaveResult> {
  try {
    await browser.storage.local.set({ ...values, [STORAGE_KEYS.version]: STORAGE_VERSION });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toSaveError(error) };
  }
}

/**
 * Writes a validated list, carrying over every stored entry that does not validate: the user may
 * have made it with a newer version, and a save elsewhere must not silently delete it.
 */
async function saveList<T>(key: 'accounts' | 'presets', next: readonly T[], schema: Schema<T>): Promise<SaveResult> {
  let current: unknown;
  try {
    current = (await browser.storage.local.get(key))[key];
  } catch (error) {
    return { ok: false, error: toSaveError(error) };
  }
  const unreadable = Array.isArray(current) ? current.filter((entry) => !schema.safeParse(entry).success) : [];
  return write({ [key]: [...next, ...unreadable] });
}

export const saveAccounts = (accounts: readonly Account[]): Promise<SaveResult> => saveList('accounts', accounts, accountSchema);
export const savePresets = (presets: readonly Preset[]): Promise<SaveResult> => saveList('presets', presets, presetSchema);
/** Reads the stored settings afresh, applies `change` and writes the result. */
async function updateSettings(change: (current: Settings) => Settings): Promise<SaveResult> {
  let current: Settings;
  try {
    current = parseSettings((await browser.storage.local.get(STORAGE_KEYS.settings))[STORAGE_KEYS.settings]).settings;
  } catch (error) {
    return { ok: false, error: toSaveError(error) };
  }
  return write({ [STORAGE_KEYS.settings]: change(current) });
}

/**
 * Writes the preset choice. The badge opt-in keeps its stored value: only `saveBadgeOptIn`
 * changes it, because the pages calling this hold a copy of the settings read earlier (or
 * none of it), and writing that back must not undo a toggle made since in the options page.
 */
export const saveSettings = (settings: Settings): Promise<SaveResult> =>
  updateSettings((current) => ({ ...settings, badgeOptIn: current.badgeOptIn ?? false }));

/** The options page's badge toggle; everything else in the settings stays as stored. */
export const saveBadgeOptIn = (badgeOptIn: boolean): Promise<SaveResult> => updateSettings((current) => ({ ...current, badgeOptIn }));
