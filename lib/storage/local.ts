/**
 * Reading and writing the state (accounts, presets, settings) and single raw values in
 * `storage.local`; the items are defined in lib/storage/items.ts and validated in
 * lib/storage/state.ts.
 *
 * Plain `storage.local` rather than WXT's storage wrapper: the popup reads everything in one
 * `get` on every open, and the wrapper (with its lock) costs 4 KB of the popup's 15 KB budget.
 *
 * Lists are validated entry by entry: one unreadable preset must not hide the others, and it is
 * never dropped from storage by a later save (see `saveList`), so nothing the user made is lost.
 */
import type { Account } from '../networks/types';
import type { Preset } from '../presets/types';
import { accountSchema } from '../networks/schema';
import { presetSchema } from '../presets/schema';
import type { Settings } from './settings';
import { parseSettings, parseState, type StoredState } from './state';
import { ESTIMATE_ITEMS, STATE_ITEMS, STATE_STORAGE_KEYS } from './keys';
import { readKeysOf, storedEntries, storedValueOf, type StoredItem } from './item';
import { accountsItem, LOCAL_ITEMS, presetsItem, settingsItem } from './items';
import { localArea, type StorageArea } from './area';
import { estimateDataOf } from './estimate';
import type { RawEstimateData } from '../insights';
import type { Schema } from '../schema/reader';

export { STORAGE_KEYS } from './keys';
export { parseList, parseSettings, parseState, type StorageProblem, type StoredState } from './state';

/** Why a write failed, in terms the UI can explain. */
export type SaveError = { readonly kind: 'quota' } | { readonly kind: 'other'; readonly message: string };
export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly error: SaveError };

/**
 * Whether a browser's storage error says the storage is full. Chrome: "QUOTA_BYTES quota
 * exceeded"; Firefox: "QuotaExceededError". Also for services that keep the error as text (the
 * rate cache's `storage` error), so a page can say "storage is full" in words.
 */
export const isQuotaMessage = (message: string): boolean => /quota/i.test(message);

export function toSaveError(error: unknown): SaveError {
  const message = error instanceof Error ? error.message : String(error);
  return isQuotaMessage(message) || (error instanceof Error && error.name === 'QuotaExceededError') ? { kind: 'quota' } : { kind: 'other', message };
}

const itemByKey = new Map<string, StoredItem>(LOCAL_ITEMS.map((item) => [item.key, item]));

/** `values` by storage key, each with its item's version (`storedEntries`) when it is a defined item. */
export function withVersions(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.assign({}, ...Object.entries(values).map(([key, value]) => {
    const item = itemByKey.get(key);
    return item ? storedEntries(item, value) : { [key]: value };
  })) as Record<string, unknown>;
}

export interface LocalStore {
  /** Accounts, presets and settings, in one storage read (never the estimate's large values). */
  loadState(): Promise<StoredState>;
  /** Writes values (by storage key) with their versions, in one `set`; never throws. */
  write(values: Readonly<Record<string, unknown>>): Promise<SaveResult>;
  saveAccounts(accounts: readonly Account[]): Promise<SaveResult>;
  savePresets(presets: readonly Preset[]): Promise<SaveResult>;
  /**
   * Writes the preset choice. The badge opt-in keeps its stored value: only `saveBadgeOptIn`
   * changes it, because the pages calling this hold a copy of the settings read earlier (or
   * none of it), and writing that back must not undo a toggle made since in the options page.
   */
  saveSettings(settings: Settings): Promise<SaveResult>;
  /** The options page's badge toggle; everything else in the settings stays as stored. */
  saveBadgeOptIn(badgeOptIn: boolean): Promise<SaveResult>;
  /** What one `get` of these items' keys returns: raw values and versions, for `storedValueOf`. */
  readSnapshot(items: readonly StoredItem[]): Promise<Record<string, unknown>>;
}

export function createLocalStore(area: StorageArea): LocalStore {
  async function write(values: Readonly<Record<string, unknown>>): Promise<SaveResult> {
    try {
      await area.set(withVersions(values));
      return { ok: true };
    } catch (error) {
      return { ok: false, error: toSaveError(error) };
    }
  }

  /**
   * Writes a validated list, carrying over every stored entry that does not validate: the user may
   * have made it with a newer version, and a save elsewhere must not silently delete it.
   */
  async function saveList<T>(item: StoredItem, next: readonly T[], schema: Schema<T>): Promise<SaveResult> {
    let current: unknown;
    try {
      current = storedValueOf(item, await area.get(item.readKeys));
    } catch (error) {
      return { ok: false, error: toSaveError(error) };
    }
    const unreadable = Array.isArray(current) ? current.filter((entry) => !schema.safeParse(entry).success) : [];
    return write({ [item.key]: [...next, ...unreadable] });
  }

  /** Reads the stored settings afresh, applies `change` and writes the result. */
  async function updateSettings(change: (current: Settings) => Settings): Promise<SaveResult> {
    let current: Settings;
    try {
      current = parseSettings(storedValueOf(settingsItem, await area.get(settingsItem.readKeys))).settings;
    } catch (error) {
      return { ok: false, error: toSaveError(error) };
    }
    return write({ [settingsItem.key]: change(current) });
  }

  return {
    loadState: async () => parseState(await area.get(STATE_STORAGE_KEYS)),
    write,
    saveAccounts: (accounts) => saveList(accountsItem, accounts, accountSchema),
    savePresets: (presets) => saveList(presetsItem, presets, presetSchema),
    saveSettings: (settings) => updateSettings((current) => ({ ...settings, badgeOptIn: current.badgeOptIn ?? false })),
    saveBadgeOptIn: (badgeOptIn) => updateSettings((current) => ({ ...current, badgeOptIn })),
    readSnapshot: (items) => area.get(readKeysOf(items)),
  };
}

/**
 * One value per storage key, migrated on read and written with its version: for the background
 * services that keep single items (rate source, hot list, rate cache). Errors reject.
 */
export interface ItemValues {
  get(key: string): Promise<unknown>;
  set(values: Record<string, unknown>): Promise<void>;
}

export function createItemValues(area: StorageArea): ItemValues {
  return {
    async get(key) {
      const item = itemByKey.get(key);
      if (!item) return (await area.get(key))[key];
      return storedValueOf(item, await area.get(item.readKeys));
    },
    set: (values) => area.set(withVersions(values)),
  };
}

/** The extension's own `storage.local`, made on first use. */
let browserStore: LocalStore | undefined;
const store = (): LocalStore => (browserStore ??= createLocalStore(localArea()));

export const loadState = (): Promise<StoredState> => store().loadState();
export const write = (values: Readonly<Record<string, unknown>>): Promise<SaveResult> => store().write(values);
export const saveAccounts = (accounts: readonly Account[]): Promise<SaveResult> => store().saveAccounts(accounts);
export const savePresets = (presets: readonly Preset[]): Promise<SaveResult> => store().savePresets(presets);
export const saveSettings = (settings: Settings): Promise<SaveResult> => store().saveSettings(settings);
export const saveBadgeOptIn = (badgeOptIn: boolean): Promise<SaveResult> => store().saveBadgeOptIn(badgeOptIn);
/** What one `get` of these items' keys returns; read each with `storedValueOf`. */
export const readSnapshot = (items: readonly StoredItem[]): Promise<Record<string, unknown>> => store().readSnapshot(items);
/** Raw values and versions by storage key, for readers that take a `get` (lib/options/settings-transfer.ts). */
export const readStoredKeys = (keys: readonly string[]): Promise<Record<string, unknown>> => localArea().get(keys);
/** The popup's two reads, when its preload script did not run (lib/storage/preload.ts). */
export const readStateSnapshot = (): Promise<Record<string, unknown>> => readSnapshot(STATE_ITEMS);
export const readEstimateSnapshot = (): Promise<Record<string, unknown>> => readSnapshot(ESTIMATE_ITEMS);
/** The estimate's stored data, migrated, for the badge and the batch converter. */
export const readEstimateData = async (): Promise<RawEstimateData> => estimateDataOf(await readEstimateSnapshot());
