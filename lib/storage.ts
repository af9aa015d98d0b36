/**
 * Every stored item, typed, versioned and validated on read (DESIGN.md hard rule 5: stored data
 * may come from an older version or a hand edit, and is checked at this boundary, once).
 *
 * Lists are validated entry by entry: one unreadable preset must not hide the others, and it is
 * never dropped from storage by a later save (see `saveList`), so nothing the user made is lost.
 */
import { storage } from 'wxt/utils/storage';
import type { Account } from './networks/types';
import type { Preset } from './presets/types';
import { accountSchema } from './networks';
import { presetSchema } from './presets';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './settings';
import { historyEntrySchema, type HistoryEntry } from './history';

export const accountsItem = storage.defineItem<unknown[]>('local:accounts', { fallback: [], version: 1 });
export const presetsItem = storage.defineItem<unknown[]>('local:presets', { fallback: [], version: 1 });
export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });
export const historyItem = storage.defineItem<unknown[]>('local:history', { fallback: [], version: 1 });

/** One stored value that failed validation: where it is and why, for the options page. */
export interface StorageProblem {
  readonly key: 'accounts' | 'presets' | 'settings' | 'history';
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

interface Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

function describeIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): { path: string; message: string } {
  const first = issues[0];
  return { path: first ? first.path.map(String).join('.') : '', message: first?.message ?? 'invalid' };
}

export function parseList<T>(key: StorageProblem['key'], raw: unknown, schema: Schema<T>): { items: T[]; problems: StorageProblem[] } {
  const items: T[] = [];
  const problems: StorageProblem[] = [];
  if (!Array.isArray(raw)) {
    return { items, problems: raw == null ? [] : [{ key, path: '', message: 'expected a list' }] };
  }
  raw.forEach((entry, index) => {
    const parsed = schema.safeParse(entry);
    if (parsed.success) items.push(parsed.data);
    else problems.push({ key, index, ...describeIssue(parsed.error.issues) });
  });
  return { items, problems };
}

export function parseSettings(raw: unknown): { settings: Settings; problems: StorageProblem[] } {
  const parsed = settingsSchema.safeParse(raw ?? DEFAULT_SETTINGS);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  return { settings: DEFAULT_SETTINGS, problems: [{ key: 'settings', ...describeIssue(parsed.error.issues) }] };
}

/** Everything the popup needs, in one storage read. */
export async function loadState(): Promise<StoredState> {
  const [accountsRaw, presetsRaw, settingsRaw] = await storage.getItems([accountsItem, presetsItem, settingsItem]);
  const accounts = parseList('accounts', accountsRaw?.value, accountSchema);
  const presets = parseList('presets', presetsRaw?.value, presetSchema);
  const settings = parseSettings(settingsRaw?.value);
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
  return /quota/i.test(message) ? { kind: 'quota' } : { kind: 'other', message };
}

async function guardedWrite(write: () => Promise<void>): Promise<SaveResult> {
  try {
    await write();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toSaveError(error) };
  }
}

/**
 * Writes a validated list, carrying over every stored entry that does not validate: the user may
 * have made it with a newer version, and a save elsewhere must not silently delete it.
 */
async function saveList<T>(item: typeof accountsItem, next: readonly T[], schema: Schema<T>): Promise<SaveResult> {
  return guardedWrite(async () => {
    const current = await item.getValue();
    const unreadable = Array.isArray(current) ? current.filter((entry) => !schema.safeParse(entry).success) : [];
    await item.setValue([...next, ...unreadable]);
  });
}

export const saveAccounts = (accounts: readonly Account[]): Promise<SaveResult> => saveList(accountsItem, accounts, accountSchema);
export const savePresets = (presets: readonly Preset[]): Promise<SaveResult> => saveList(presetsItem, presets, presetSchema);
export const saveSettings = (settings: Settings): Promise<SaveResult> => guardedWrite(() => settingsItem.setValue(settings));

export async function loadHistory(): Promise<{ entries: HistoryEntry[]; problems: StorageProblem[] }> {
  const { items, problems } = parseList('history', await historyItem.getValue(), historyEntrySchema);
  return { entries: items, problems };
}

export const saveHistory = (entries: readonly HistoryEntry[]): Promise<SaveResult> => guardedWrite(() => historyItem.setValue([...entries]));
