/**
 * Settings backup and restore as a versioned JSON file: everything the user set up but the
 * secrets, by default. Version 2 carries accounts, presets (each with its post template) and the default preset, the hot-product
 * list, the rate-table source, the opt-ins (toolbar badge, ship-to country) and the category
 * picks, and the weekly re-check's switch and count once the user has set them; the link history only when the user ticks it in; the API credentials only when the user
 * ticks them in, on export and again on import. Version 1 files (accounts, presets, default
 * preset, credentials) are still read: a restore from one leaves everything else as it is. An imported file is untrusted (docs/architecture.md, 'Hard rules' 5): it is parsed
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
import { accountsItem, apiCredentialsItem, categoryPicksItem, hotListItem, presetsItem, rateSourceItem, settingsItem, weeklyRecheckItem } from '../storage/items';
import { isWeeklyRecheckCount, readWeeklyRecheck, WEEKLY_RECHECK_DEFAULT_COUNT, WEEKLY_RECHECK_MAX_COUNT, WEEKLY_RECHECK_MIN_COUNT } from '../storage/weekly-recheck';
import type { Schema } from '../schema/reader';
import { HOT_SOURCE_LIMITS, parseHotListStore, type HotListStore } from '../hotlist';
import { isCategoryKey, type CategoryPicks } from '../insights';
import { RATE_INTERVALS_MINUTES, readRateSource, type RateSource } from '../storage/rate-source';
import { checkRateSourceUrl } from '../rates/source-url';
import { BADGE_HOST_PERMISSIONS } from '../background/badge/hosts';
import { SHIP_TO_PERMISSIONS } from '../rules';
import { HISTORY_LIMIT, historyEntrySchema, type HistoryEntry } from '../storage/history';

export const SETTINGS_FILE_FORMAT = 'sublink-settings';
/** 2: the hot list, rate-table source, opt-ins, category picks and, ticked in, the history. */
export const SETTINGS_FILE_VERSION = 2;
/**
 * A hot list of the 200,000 ids a store holds (HOT_SOURCE_LIMITS) is about 4 MB of JSON, a full
 * history about 2 MB; accounts and presets a few hundred KB.
 */
export const SETTINGS_FILE_MAX_CHARS = 24_000_000;
const MAX_ACCOUNTS = 200;
const MAX_PRESETS = 500;
/** withCategoryPick keeps 500; room for a hand-merged file. */
const MAX_CATEGORY_PICKS = 5_000;

/** What a version 2 file carries besides accounts and presets (never a secret). */
export interface BackupExtras {
  /** The toolbar badge opt-in (settings). */
  readonly badgeOptIn: boolean;
  /** Whether Sublink may read the ship-to country (an optional permission, no stored value). */
  readonly shipToAllowed: boolean;
  readonly rateSource: RateSource;
  readonly hotList: HotListStore;
  readonly categoryPicks: CategoryPicks;
  /**
   * The weekly re-check of the latest links (lib/storage/weekly-recheck.ts): on or off, and how
   * many. Only once the user has set it (files from before it, and profiles that never touched
   * it, have none, and a restore of such a file leaves the setting as it is).
   */
  readonly weeklyRecheck?: WeeklyRecheckChoice;
}

/** What a backup keeps of the weekly re-check: the user's choice, not its schedule or last count. */
export interface WeeklyRecheckChoice {
  readonly enabled: boolean;
  readonly count: number;
}

export interface SettingsFile {
  readonly format: typeof SETTINGS_FILE_FORMAT;
  /** 1 for files from earlier releases, read as they are. */
  readonly version: 1 | typeof SETTINGS_FILE_VERSION;
  readonly exportedAt: string;
  readonly accounts: readonly Account[];
  readonly presets: readonly Preset[];
  readonly defaultPresetId: string | null;
  /** Every version 2 file has these; a version 1 file has none. */
  readonly badgeOptIn?: boolean;
  readonly shipToAllowed?: boolean;
  readonly rateSource?: RateSource;
  readonly hotList?: HotListStore;
  readonly categoryPicks?: CategoryPicks;
  /** Optional in version 2: absent from files of releases before it, and when never set. */
  readonly weeklyRecheck?: WeeklyRecheckChoice;
  /** Only when the user ticked it in on export. */
  readonly history?: readonly HistoryEntry[];
  /** Only when the user ticked them in on export. */
  readonly secrets?: { readonly apiCredentials: ApiCredentials };
}

/** Accounts, presets and the default preset: what every version of the file carries. */
export interface TransferCore {
  readonly accounts: readonly Account[];
  readonly presets: readonly Preset[];
  readonly defaultPresetId: string | null;
}

/** The part of the stored state a backup carries and a restore replaces. */
export interface TransferState extends TransferCore {
  readonly extras: BackupExtras;
}

/** The stored items a backup's extras come from. */
export const EXTRAS_ITEMS = [settingsItem, rateSourceItem, hotListItem, categoryPicksItem, weeklyRecheckItem];

/**
 * The extras as stored: read leniently, as every page reads them (a value this version cannot
 * read backs up as its default). An opt-in counts as on only with its access granted.
 */
export function storedExtras(snapshot: Record<string, unknown>, access: { readonly badge: boolean; readonly shipTo: boolean }): BackupExtras {
  const settings = parseSettings(storedValueOf(settingsItem, snapshot)).settings;
  const picks = storedValueOf(categoryPicksItem, snapshot);
  const categoryPicks = isRecord(picks) ? Object.fromEntries(Object.entries(picks).filter(([id, key]) => /^\d{1,20}$/.test(id) && isCategoryKey(key))) : {};
  const weeklyRaw = storedValueOf(weeklyRecheckItem, snapshot);
  const weekly = weeklyRaw === undefined ? null : readWeeklyRecheck(weeklyRaw);
  return {
    badgeOptIn: settings.badgeOptIn === true && access.badge,
    shipToAllowed: access.shipTo,
    rateSource: readRateSource(storedValueOf(rateSourceItem, snapshot)),
    hotList: parseHotListStore(storedValueOf(hotListItem, snapshot)).store,
    categoryPicks: categoryPicks as CategoryPicks,
    ...(weekly ? { weeklyRecheck: { enabled: weekly.enabled, count: weekly.count } } : {}),
  };
}

/** The extras a version 2 file carries, or null for a version 1 file. */
export function extrasOf(file: SettingsFile): BackupExtras | null {
  const { badgeOptIn, shipToAllowed, rateSource, hotList, categoryPicks, weeklyRecheck } = file;
  if (badgeOptIn === undefined || shipToAllowed === undefined || !rateSource || !hotList || !categoryPicks) return null;
  return { badgeOptIn, shipToAllowed, rateSource, hotList, categoryPicks, ...(weeklyRecheck ? { weeklyRecheck } : {}) };
}

export function buildSettingsFile(
  state: TransferState,
  now: Date,
  credentials: ApiCredentials | null = null,
  history: readonly HistoryEntry[] | null = null,
): SettingsFile {
  const hasSecrets = credentials !== null && (credentials.aliexpress !== undefined || credentials.admitad !== undefined);
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    accounts: state.accounts,
    presets: state.presets,
    defaultPresetId: state.presets.some((p) => p.id === state.defaultPresetId) ? state.defaultPresetId : null,
    ...state.extras,
    ...(history !== null ? { history } : {}),
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

/** The hot list as the store keeps it, strictly: a source the store would skip refuses the file. */
const hotListShape = z
  .object({ v: z.literal(1), sources: z.array(z.unknown()).max(HOT_SOURCE_LIMITS.sources) })
  .transform((value, ctx): HotListStore => {
    const { store, problems } = parseHotListStore(value);
    for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem.message, path: ['sources', problem.index, ...(problem.path ? problem.path.split('.') : [])] });
    return store;
  });

const categoryPicksShape = z
  .record(z.string().regex(/^\d{1,20}$/, 'a product id'), z.string().refine(isCategoryKey, 'not a known category'))
  .refine((picks) => Object.keys(picks).length <= MAX_CATEGORY_PICKS, `more than ${MAX_CATEGORY_PICKS} picks`)
  .transform((picks) => picks as CategoryPicks);

const rateSourceShape = z.object({
  url: z
    .string()
    .max(2048)
    .nullable()
    .superRefine((url, ctx) => {
      if (url === null) return;
      const checked = checkRateSourceUrl(url);
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.error });
    }),
  intervalMinutes: z.number().refine((minutes) => (RATE_INTERVALS_MINUTES as readonly number[]).includes(minutes), `one of ${RATE_INTERVALS_MINUTES.join(', ')}`),
});

/** What version 2 added; a version 1 file has none of it, a version 2 file all but the history. */
const VERSION_2_FIELDS = ['badgeOptIn', 'shipToAllowed', 'rateSource', 'hotList', 'categoryPicks'] as const;

const fileSchema = z
  .object({
    format: z.literal(SETTINGS_FILE_FORMAT),
    version: z.union([z.literal(1), z.literal(SETTINGS_FILE_VERSION)]),
    exportedAt: z.string().max(64),
    accounts: z.array(storedShape(accountSchema)).max(MAX_ACCOUNTS),
    presets: z.array(storedShape(presetSchema)).max(MAX_PRESETS),
    defaultPresetId: z.string().max(64).nullable(),
    badgeOptIn: z.boolean().optional(),
    shipToAllowed: z.boolean().optional(),
    rateSource: rateSourceShape.optional(),
    hotList: hotListShape.optional(),
    categoryPicks: categoryPicksShape.optional(),
    weeklyRecheck: z
      .object({
        enabled: z.boolean(),
        count: z.number().refine(isWeeklyRecheckCount, `a whole number from ${WEEKLY_RECHECK_MIN_COUNT} to ${WEEKLY_RECHECK_MAX_COUNT}`),
      })
      .optional(),
    history: z.array(storedShape(historyEntrySchema)).max(HISTORY_LIMIT).optional(),
    secrets: z.object({ apiCredentials: credentialsShape }).optional(),
  })
  .superRefine((file, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', message, path });
    for (const field of VERSION_2_FIELDS) {
      if (file.version === 1 && file[field] !== undefined) issue([field], 'not in a version 1 file');
      if (file.version === 2 && file[field] === undefined) issue([field], 'missing');
    }
    if (file.version === 1 && file.history !== undefined) issue(['history'], 'not in a version 1 file');
    if (file.version === 1 && file.weeklyRecheck !== undefined) issue(['weeklyRecheck'], 'not in a version 1 file');
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
   * What else a version 2 file changes: `badgeOptIn`, `shipToAllowed`, `rateSource.url`,
   * `rateSource.intervalMinutes`, `hotList`, `categoryPicks` (as counts) and, when the file has
   * the weekly re-check's choice, `weeklyRecheck.enabled` and `weeklyRecheck.count`. Empty for version 1.
   */
  readonly extras: readonly FieldChange[];
  /** History entries the file brings (merged into the history only when ticked in), or null. */
  readonly historyEntries: number | null;
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
/** A hot list as a short comparable summary: `<sources>/<products>`. */
const hotListSummary = (store: HotListStore): string => `${store.sources.length}/${store.sources.reduce((sum, source) => sum + source.ids.length, 0)}`;

function extrasChanges(current: BackupExtras | undefined, file: BackupExtras | null): FieldChange[] {
  if (!file) return [];
  const values = (extras: BackupExtras | undefined): Record<string, string | null> => ({
    badgeOptIn: extras ? String(extras.badgeOptIn) : null,
    shipToAllowed: extras ? String(extras.shipToAllowed) : null,
    'rateSource.url': extras ? extras.rateSource.url : null,
    'rateSource.intervalMinutes': extras ? String(extras.rateSource.intervalMinutes) : null,
    hotList: extras ? hotListSummary(extras.hotList) : null,
    // The picks themselves are compared: the same count can hide other picks.
    categoryPicks: extras ? JSON.stringify(Object.entries(extras.categoryPicks).sort()) : null,
    // Compared only when the file has a choice: a file without one leaves the setting as it is.
    ...(file.weeklyRecheck
      ? {
          'weeklyRecheck.enabled': extras?.weeklyRecheck ? String(extras.weeklyRecheck.enabled) : extras ? 'false' : null,
          'weeklyRecheck.count': extras?.weeklyRecheck ? String(extras.weeklyRecheck.count) : extras ? String(WEEKLY_RECHECK_DEFAULT_COUNT) : null,
        }
      : {}),
  });
  const before = values(current);
  const after = values(file);
  return Object.keys(after)
    .filter((field) => before[field] !== after[field])
    .map((field) =>
      field === 'categoryPicks'
        ? { field, before: current ? String(Object.keys(current.categoryPicks).length) : null, after: String(Object.keys(file.categoryPicks).length) }
        : { field, before: before[field] ?? null, after: after[field] ?? null },
    );
}

export function diffSettings(current: TransferCore & { readonly extras?: BackupExtras }, file: SettingsFile): SettingsDiff {
  const accounts = diffList(current.accounts, file.accounts);
  const presets = diffList(current.presets, file.presets);
  const nameOf = (list: readonly Preset[], id: string | null) => list.find((p) => p.id === id)?.name ?? null;
  const defaultBefore = nameOf(current.presets, current.defaultPresetId);
  const defaultAfter = nameOf(file.presets, file.defaultPresetId);
  const defaultPreset = defaultBefore === defaultAfter && current.defaultPresetId === file.defaultPresetId ? null : { before: defaultBefore, after: defaultAfter };
  const listChanges = (diff: ListDiff<unknown>) => diff.added.length + diff.changed.length + diff.removed.length;
  const extras = extrasChanges(current.extras, extrasOf(file));
  return {
    accounts,
    presets,
    defaultPreset,
    hasSecrets: file.secrets !== undefined,
    secrets: secretChanges(file),
    extras,
    historyEntries: file.history ? file.history.length : null,
    changesAnything:
      listChanges(accounts) + listChanges(presets) > 0 || defaultPreset !== null || file.secrets !== undefined || extras.length > 0 || (file.history?.length ?? 0) > 0,
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

export interface PermissionRequest {
  readonly permissions: string[];
  readonly origins: string[];
}

/**
 * The optional permissions a version 2 file's opt-ins need in this browser: AliExpress host access
 * for the badge, the cookie permission and hosts for the ship-to country, the rate table's origin.
 * Null when it needs none. Asked in one request, from the click that restores the file, as the
 * switches on the page ask for them (docs/architecture.md, 'Hard rules' 4).
 */
export function permissionsForRestore(file: SettingsFile): PermissionRequest | null {
  const extras = extrasOf(file);
  if (!extras) return null;
  const origins = new Set<string>();
  const permissions = new Set<string>();
  if (extras.badgeOptIn) for (const origin of BADGE_HOST_PERMISSIONS) origins.add(origin);
  if (extras.shipToAllowed) {
    for (const permission of SHIP_TO_PERMISSIONS.permissions) permissions.add(permission);
    for (const origin of SHIP_TO_PERMISSIONS.origins) origins.add(origin);
  }
  const rate = extras.rateSource.url === null ? null : checkRateSourceUrl(extras.rateSource.url);
  if (rate?.ok) origins.add(`${rate.origin}/*`);
  return origins.size + permissions.size > 0 ? { permissions: [...permissions], origins: [...origins] } : null;
}

/** What the browser granted for the file's opt-ins, asked from the click that restores it. */
export interface RestoreGrants {
  /** Host access to AliExpress tabs, which the badge needs (lib/background/badge/hosts.ts). */
  readonly badge: boolean;
}

/**
 * Replaces accounts, presets and the default preset with the file's, and for a version 2 file the
 * badge opt-in (on only when its access was granted), the hot list and the category picks, all
 * in one write: a restore is all or nothing. Credentials are written only when the file has them
 * and `includeSecrets` is set; otherwise the stored ones stay as they are. The rate-table source,
 * the ship-to permission and the history are not storage writes of this page: the caller hands
 * them to the background and the browser after this write succeeds.
 */
export async function applySettingsFile(
  file: SettingsFile,
  { includeSecrets, grants = { badge: false } }: { includeSecrets: boolean; grants?: RestoreGrants },
  storage: TransferStorage,
): Promise<SaveResult> {
  let current: Record<string, unknown>;
  try {
    current = await storage.get(STATE_STORAGE_KEYS);
  } catch (error) {
    return { ok: false, error: { kind: 'other', message: error instanceof Error ? error.message : String(error) } };
  }
  const stored = parseSettings(storedValueOf(settingsItem, current)).settings;
  const extras = extrasOf(file);
  const settings: Settings = {
    ...stored,
    defaultPresetId: file.defaultPresetId,
    lastUsedPresetId: file.defaultPresetId,
    ...(extras ? { badgeOptIn: extras.badgeOptIn && grants.badge } : {}),
  };
  const secrets = includeSecrets && file.secrets ? { [apiCredentialsItem.key]: { v: 1, ...file.secrets.apiCredentials } } : {};
  const extraValues = extras ? { [hotListItem.key]: extras.hotList, [categoryPicksItem.key]: extras.categoryPicks } : {};
  return storage.write({
    [accountsItem.key]: [...file.accounts, ...unreadable(storedValueOf(accountsItem, current), accountSchema)],
    [presetsItem.key]: [...file.presets, ...unreadable(storedValueOf(presetsItem, current), presetSchema)],
    [settingsItem.key]: settings,
    ...extraValues,
    ...secrets,
  });
}
