/**
 * Every stored item, typed and validated on read (DESIGN.md hard rule 5: stored data may come
 * from an older version or a hand edit, and is checked at this boundary, once).
 *
 * Plain `storage.local` rather than WXT's storage wrapper: the popup reads everything in one
 * `get` on every open, and the wrapper (with its lock) costs 4 KB of the popup's 20 KB budget.
 * `storageVersion` records the layout so a later release can migrate it.
 *
 * Lists are validated entry by entry: one unreadable preset must not hide the others, and it is
 * never dropped from storage by a later save (see `saveList`), so nothing the user made is lost.
 */
import { browser } from 'wxt/browser';
import type { Account } from './networks/types';
import type { Preset } from './presets/types';
import { accountSchema } from './networks/schema';
import { presetSchema } from './presets/schema';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './settings';
import type { Issue, Schema } from './validate';

export const STORAGE_VERSION = 1;
export const STORAGE_KEYS = {
  version: 'storageVersion',
  accounts: 'accounts',
  presets: 'presets',
  settings: 'settings',
  history: 'history',
} as const;

type ItemKey = 'accounts' | 'presets' | 'settings' | 'history';

/** One stored value that failed validation: where it is and why, for the options page. */
export interface StorageProblem {
  readonly key: ItemKey;
  readonly index?: number;
  readonly path: string;
  readonly message: string;
}

export interface StoredState {
  readonly accounts: readonly Account[];
  readonly presets: readonly Preset[];
  readonly settings: Settings;
  readonly problems: readonly StorageProblem[];
}

function describeIssue(issues: readonly Issue[]): { path: string; message: string } {
  const first = issues[0];
  return { path: first ? first.path.map(String).join('.') : '', message: first?.message ?? 'invalid' };
}

export function parseList<T>(key: ItemKey, raw: unknown, schema: Schema<T>): { items: T[]; problems: StorageProblem[] } {
  const items: T[] = [];
  const problems: StorageProblem[] = [];
  if (raw === undefined || raw === null) return { items, problems };
  if (!Array.isArray(raw)) return { items, problems: [{ key, path: '', message: 'expected a list' }] };
  raw.forEach((entry, index) => {
    const parsed = schema.safeParse(entry);
    if (parsed.success) items.push(parsed.data);
    else problems.push({ key, index, ...describeIssue(parsed.error.issues) });
  });
  return { items, problems };
}

export function parseSettings(raw: unknown): { settings: Settings; problems: StorageProblem[] } {
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems: [] };
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  return { settings: DEFAULT_SETTINGS, problems: [{ key: 'settings', ...describeIssue(parsed.error.issues) }] };
}

/** Everything the popup needs, in one storage read. */
export async function loadState(): Promise<StoredState> {
  const raw = await browser.storage.local.get([STORAGE_KEYS.accounts, STORAGE_KEYS.presets, STORAGE_KEYS.settings]);
  const accounts = parseList('accounts', raw[STORAGE_KEYS.accounts], accountSchema);
  const presets = parseList('presets', raw[STORAGE_KEYS.presets], presetSchema);
  const settings = parseSettings(raw[STORAGE_KEYS.settings]);
  return {
    accounts: accounts.items,
    presets: presets.items,
    settings: settings.settings,
    problems: [...accounts.problems, ...presets.problems, ...settings.problems],
  };
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
export const saveSettings = (settings: Settings): Promise<SaveResult> => write({ [STORAGE_KEYS.settings]: settings });
