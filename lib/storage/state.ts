/**
 * Stored state as the UI reads it: pure parsing of what `storage.local` returned, migrated to the
 * current versions (lib/storage/items.ts) and validated entry by entry (docs/architecture.md, 'Hard rules' 5:
 * stored data may come from an older or newer version, or a hand edit). No browser API here: lib/storage/local.ts does the
 * I/O, and the popup, which reads through its preload script, imports only this.
 */
import type { Account } from '../networks/types';
import type { Preset } from '../presets/types';
import { accountSchema } from '../networks/schema';
import { presetSchema } from '../presets/schema';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './settings';
import { storedValueOf } from './item';
import { accountsItem, presetsItem, settingsItem } from './link-items';
import type { Issue, Schema } from '../schema/reader';

export type ItemKey = 'accounts' | 'presets' | 'settings' | 'history';

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

/** Migrates and validates what `storage.local.get(STATE_STORAGE_KEYS)` returned. */
export function parseState(raw: Readonly<Record<string, unknown>>): StoredState {
  const accounts = parseList('accounts', storedValueOf(accountsItem, raw), accountSchema);
  const presets = parseList('presets', storedValueOf(presetsItem, raw), presetSchema);
  const settings = parseSettings(storedValueOf(settingsItem, raw));
  return {
    accounts: accounts.items,
    presets: presets.items,
    settings: settings.settings,
    problems: [...accounts.problems, ...presets.problems, ...settings.problems],
  };
}
