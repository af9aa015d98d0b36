/**
 * Settings export and import as a versioned JSON file: accounts, presets (each with its post template) and
 * the default preset; the API credentials only when the user ticks them in, on export and again
 * on import. An imported file is untrusted (docs/architecture.md, 'Hard rules' 5): it is parsed
 * whole with zod, every account and preset through the same schemas and checks storage and the forms use, and
 * a file that fails anywhere is refused with the reason before anything is written. A good file
 * is written in one `storage.local.set`, so an import is all or nothing.
 */
import { z } from 'zod';
import { maskSecret, parseStoredCredentials, type ApiCredentials } from '../storage/api-credentials';
import { accountSchema } from '../networks/schema';
import type { Account, FieldIssue } from '../networks/types';
import { presetSchema, validatePreset } from '../presets';
import type { Preset } from '../presets/types';
import type { Settings } from '../storage/settings';
import type { SaveResult } from '../storage/local';
import { parseSettings } from '../storage/state';
import { STATE_STORAGE_KEYS } from '../storage/keys';
import { storedValueOf } from '../storage/item';
import { accountsItem, apiCredentialsItem, presetsItem, settingsItem } from '../storage/items';
import type { Schema } from '../schema/reader';

export const SETTINGS_FILE_FORMAT = 'sublink-settings';
export const SETTINGS_FILE_VERSION = 1;
/** A file with the most accounts and presets anyone keeps is a few hundred KB. */
export const SETTINGS_FILE_MAX_CHARS = 2_000_000;
const MAX_ACCOUNTS = 200;
const MAX_PRESETS = 500;

export interface SettingsFile {
  readonly format: typeof SETTINGS_FILE_FORMAT;
  readonly version: typeof SETTINGS_FILE_VERSION;
  readonly exportedAt: string;
  readonly accounts: readonly Account[];
  readonly presets: readonly Preset[];
  readonly defaultPresetId: string | null;
  /** Only when the user ticked them in on export. */
  readonly secrets?: { readonly apiCredentials: ApiCredentials };
}

/** The part of the stored state an export carries and an import replaces. */
export interface TransferState {
  readonly accounts: readonly Account[];
  readonly presets: readonly Preset[];
  readonly defaultPresetId: string | null;
}

export function buildSettingsFile(state: TransferState, now: Date, credentials: ApiCredentials | null = null): SettingsFile {
  const hasSecrets = credentials !== null && (credentials.aliexpress !== undefined || credentials.admitad !== undefined);
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    accounts: state.accounts,
    presets: state.presets,
    defaultPresetId: state.presets.some((p) => p.id === state.defaultPresetId) ? state.defaultPresetId : null,
    ...(hasSecrets ? { secrets: { apiCredentials: credentials } } : {}),
  };
}

export const settingsFileName = (now: Date): string => `sublink-settings-${now.toISOString().slice(0, 10)}.json`;

export const serializeSettingsFile = (file: SettingsFile): string => `${JSON.stringify(file, null, 2)}\n`;

/** Why a file was refused; the UI says it in the user's language. */
export type ImportError =
  | { readonly code: 'tooLarge' }
  | { readonly code: 'notJson' }
  /** Valid JSON, but not a Sublink settings file (another extension's, a rate table, ...). */
  | { readonly code: 'foreign' }
  | { readonly code: 'newerVersion'; readonly version: number }
  /** A Sublink file with something wrong at `path`; `issue` when the forms have a message for it. */
  | { readonly code: 'invalid'; readonly path: string; readonly message: string; readonly issue?: FieldIssue };

export type ParseSettingsResult = { readonly ok: true; readonly file: SettingsFile } | { readonly ok: false; readonly error: ImportError };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFieldIssue = (value: unknown): value is FieldIssue => isRecord(value) && typeof value['field'] === 'string' && typeof value['code'] === 'string';

/** One of the project's stored-shape schemas (lib/schema/reader.ts) inside a zod schema, issues and all. */
function storedShape<T>(schema: Schema<T>) {
  return z.unknown().transform((value, ctx): T => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.map(String), params: isFieldIssue(issue.detail) ? { issue: issue.detail } : {} });
    }
    return z.NEVER;
  });
}

/** Credentials are kept only when every service in the file reads whole: a half-read secret is refused. */
const credentialsShape = z.record(z.string(), z.unknown()).transform((value, ctx): ApiCredentials => {
  const parsed = parseStoredCredentials(value);
  for (const service of Object.keys(value)) {
    if (service !== 'v' && !Object.hasOwn(parsed, service)) ctx.addIssue({ code: 'custom', message: 'not valid credentials', path: [service] });
  }
  // An export leaves the key out when there are none; an empty set would only erase the saved ones.
  if (!parsed.aliexpress && !parsed.admitad) ctx.addIssue({ code: 'custom', message: 'no credentials' });
  return parsed;
});

const fileSchema = z
  .object({
    format: z.literal(SETTINGS_FILE_FORMAT),
    version: z.literal(SETTINGS_FILE_VERSION),
    exportedAt: z.string().max(64),
    accounts: z.array(storedShape(accountSchema)).max(MAX_ACCOUNTS),
    presets: z.array(storedShape(presetSchema)).max(MAX_PRESETS),
    defaultPresetId: z.string().max(64).nullable(),
    secrets: z.object({ apiCredentials: credentialsShape }).optional(),
  })
  .superRefine((file, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', message, path });
    const accountIds = new Set<string>();
    file.accounts.forEach((account, index) => {
      if (accountIds.has(account.id)) issue(['accounts', index, 'id'], 'the same id twice');
      accountIds.add(account.id);
    });
    const presetIds = new Set<string>();
    file.presets.forEach((preset, index) => {
      if (presetIds.has(preset.id)) issue(['presets', index, 'id'], 'the same id twice');
      presetIds.add(preset.id);
      // The checks the preset form makes: unique name, a known account, sub-ids within the network's limits.
      const [first] = validatePreset(preset, file.accounts, file.presets.slice(0, index));
      if (first) ctx.addIssue({ code: 'custom', message: first.code, path: ['presets', index, ...first.field.split('.')], params: { issue: first } });
    });
    if (file.defaultPresetId !== null && !presetIds.has(file.defaultPresetId)) issue(['defaultPresetId'], 'no preset has this id');
  });

/** Reads an imported file's text; never throws. */
export function parseSettingsFile(text: string): ParseSettingsResult {
  if (text.length > SETTINGS_FILE_MAX_CHARS) return { ok: false, error: { code: 'tooLarge' } };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: { code: 'notJson' } };
  }
  if (!isRecord(raw) || raw['format'] !== SETTINGS_FILE_FORMAT) return { ok: false, error: { code: 'foreign' } };
  const version = raw['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > SETTINGS_FILE_VERSION) {
    return { ok: false, error: { code: 'newerVersion', version } };
  }
  const parsed = fileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, file: parsed.data as SettingsFile };
  const [first] = parsed.error.issues;
  const detail = first?.code === 'custom' ? (first.params as { issue?: unknown } | undefined)?.issue : undefined;
  return {
    ok: false,
    error: {
      code: 'invalid',
      path: first ? first.path.map(String).join('.') : '',
      message: first?.message ?? 'invalid',
      ...(isFieldIssue(detail) ? { issue: detail } : {}),
    },
  };
}

// --- preview --------------------------------------------------------------------------------

/** One value an import changes: `subIds.subid`, `code`; null where there was none, or is none after. */
export interface FieldChange {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface ItemChange<T> {
  readonly before: T;
  readonly after: T;
  /** Top-level fields that differ, e.g. `name`, `subIds`. */
  readonly fields: readonly string[];
  /**
   * Every value that differs, old and new, so a shared file cannot swap an ad-space code or a
   * sub-id unnoticed behind a field name.
   */
  readonly changes: readonly FieldChange[];
}

export interface ListDiff<T> {
  readonly added: readonly T[];
  readonly changed: readonly ItemChange<T>[];
  readonly removed: readonly T[];
  readonly unchanged: number;
}

export interface SettingsDiff {
  readonly accounts: ListDiff<Account>;
  readonly presets: ListDiff<Preset>;
  /** Names of the default preset before and after, when it changes. */
  readonly defaultPreset: { readonly before: string | null; readonly after: string | null } | null;
  readonly hasSecrets: boolean;
  /**
   * The API credentials the file carries, masked: what would replace the saved ones if the user
   * ticks them in. The saved secrets are never read back into a page, so `before` is null.
   */
  readonly secrets: readonly FieldChange[];
  readonly changesAnything: boolean;
}

/** Secrets shown masked, as the credentials section shows saved ones. */
const SECRET_FIELDS = new Set(['appSecret', 'clientSecret']);

/** Every leaf of a stored shape as `path -> text`, nested objects joined with dots. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) {
      for (const [path, text] of leaves(inner, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
    }
  } else if (value !== undefined && value !== null) {
    out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const old = leaves(before);
  const next = leaves(after);
  const fields = [...new Set([...old.keys(), ...next.keys()])].filter((field) => old.get(field) !== next.get(field));
  return fields.map((field) => ({ field, before: old.get(field) ?? null, after: next.get(field) ?? null }));
}

function secretChanges(file: SettingsFile): FieldChange[] {
  const credentials = file.secrets?.apiCredentials;
  if (!credentials) return [];
  return [...leaves(credentials)].map(([field, value]) => ({
    field,
    before: null,
    after: SECRET_FIELDS.has(field.split('.').at(-1) ?? '') ? maskSecret(value) : value,
  }));
}

/** Key order does not matter; `undefined` fields count as absent (as in JSON). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => a[key] !== undefined || b[key] !== undefined));
  return [...keys].every((key) => sameValue(a[key], b[key]));
}

function diffList<T extends { readonly id: string }>(current: readonly T[], incoming: readonly T[]): ListDiff<T> {
  const before = new Map(current.map((item) => [item.id, item]));
  const after = new Set(incoming.map((item) => item.id));
  const added: T[] = [];
  const changed: ItemChange<T>[] = [];
  let unchanged = 0;
  for (const item of incoming) {
    const old = before.get(item.id);
    if (!old) added.push(item);
    else if (sameValue(old, item)) unchanged++;
    else {
      const fields = [...new Set([...Object.keys(old), ...Object.keys(item)])].filter(
        (key) => !sameValue((old as Record<string, unknown>)[key], (item as Record<string, unknown>)[key]),
      );
      changed.push({ before: old, after: item, fields, changes: fieldChanges(old, item) });
    }
  }
  return { added, changed, removed: current.filter((item) => !after.has(item.id)), unchanged };
}

/** What an import of `file` would change in `current` (it replaces accounts and presets). */
export function diffSettings(current: TransferState, file: SettingsFile): SettingsDiff {
  const accounts = diffList(current.accounts, file.accounts);
  const presets = diffList(current.presets, file.presets);
  const nameOf = (list: readonly Preset[], id: string | null) => list.find((p) => p.id === id)?.name ?? null;
  const defaultBefore = nameOf(current.presets, current.defaultPresetId);
  const defaultAfter = nameOf(file.presets, file.defaultPresetId);
  const defaultPreset = defaultBefore === defaultAfter && current.defaultPresetId === file.defaultPresetId ? null : { before: defaultBefore, after: defaultAfter };
  const listChanges = (diff: ListDiff<unknown>) => diff.added.length + diff.changed.length + diff.removed.length;
  return {
    accounts,
    presets,
    defaultPreset,
    hasSecrets: file.secrets !== undefined,
    secrets: secretChanges(file),
    changesAnything: listChanges(accounts) + listChanges(presets) > 0 || defaultPreset !== null || file.secrets !== undefined,
  };
}

// --- apply ----------------------------------------------------------------------------------

export interface TransferStorage {
  /** Raw values and versions by key (lib/storage/local.ts `readStoredKeys`). */
  get(keys: readonly string[]): Promise<Record<string, unknown>>;
  /** One write of every value (lib/storage/local.ts `write`: adds each item's version, never throws). */
  write(values: Record<string, unknown>): Promise<SaveResult>;
}

/** Stored entries this version cannot read (a newer version's): kept, as lib/storage/local.ts keeps them on every save. */
function unreadable<T>(raw: unknown, schema: Schema<T>): unknown[] {
  return Array.isArray(raw) ? raw.filter((entry) => !schema.safeParse(entry).success) : [];
}

/**
 * Replaces accounts, presets and the default preset with the file's, in one write. Credentials
 * are written only when the file has them and `includeSecrets` is set; otherwise the stored
 * ones stay as they are.
 */
export async function applySettingsFile(file: SettingsFile, { includeSecrets }: { includeSecrets: boolean }, storage: TransferStorage): Promise<SaveResult> {
  let current: Record<string, unknown>;
  try {
    current = await storage.get(STATE_STORAGE_KEYS);
  } catch (error) {
    return { ok: false, error: { kind: 'other', message: error instanceof Error ? error.message : String(error) } };
  }
  const stored = parseSettings(storedValueOf(settingsItem, current)).settings;
  const settings: Settings = { ...stored, defaultPresetId: file.defaultPresetId, lastUsedPresetId: file.defaultPresetId };
  const secrets = includeSecrets && file.secrets ? { [apiCredentialsItem.key]: { v: 1, ...file.secrets.apiCredentials } } : {};
  return storage.write({
    [accountsItem.key]: [...file.accounts, ...unreadable(storedValueOf(accountsItem, current), accountSchema)],
    [presetsItem.key]: [...file.presets, ...unreadable(storedValueOf(presetsItem, current), presetSchema)],
    [settingsItem.key]: settings,
    ...secrets,
  });
}
