/**
 * Opt-in settings sync: accounts, presets (with their post templates) and the default preset,
 * kept equal across the user's browsers through `storage.sync` (lib/storage/sync.ts). API
 * credentials are never read here, so they cannot reach sync (docs/architecture.md, 'Hard rules' 4).
 *
 * The rule for conflicts: per preset (and per account), the last change wins. Each key holds one
 * preset; this browser remembers, per key, the value it and `storage.sync` last agreed on. A side
 * that moved since then is the change: a local change is written to sync, a synced change is
 * applied here. When both moved, the change being reconciled now is the later one and wins, unless
 * the synced record carries a later time. A local preset replaced from another browser is listed
 * in the sync state, so the options page shows what changed and when.
 */
import { accountSchema } from '../networks/schema';
import type { Account } from '../networks/types';
import { presetSchema } from '../presets/schema';
import type { Preset } from '../presets/types';
import type { StorageArea } from '../storage/area';
import type { SaveResult } from '../storage/local';
import type { Settings } from '../storage/settings';
import type { StoredState } from '../storage/state';
import {
  readSyncRecord,
  SYNC_PREFIX,
  SYNC_REPLACED_MAX,
  SYNC_SETTINGS_KEY,
  syncAccountKey,
  syncEntriesProblems,
  syncPresetKey,
  type SyncError,
  type SyncRecord,
  type SyncReplacement,
  type SyncState,
  type SyncStateStore,
} from '../storage/sync';
import type { Schema } from '../schema/reader';
import { createSerial } from '../async/serial';

export interface SettingsSyncDeps {
  loadState(): Promise<StoredState>;
  savePresets(presets: readonly Preset[]): Promise<SaveResult>;
  saveAccounts(accounts: readonly Account[]): Promise<SaveResult>;
  saveSettings(settings: Settings): Promise<SaveResult>;
  /** `storage.sync`. */
  readonly sync: StorageArea;
  readonly state: SyncStateStore;
  now(): number;
  newId(): string;
}

export interface SettingsSync {
  /** Brings this browser and `storage.sync` together; nothing when sync is off. */
  reconcile(): Promise<void>;
  /** The options page's switch. Turning on merges at once; turning off forgets what was agreed. */
  setEnabled(enabled: boolean): Promise<SyncState>;
}

const settingsSchema: Schema<{ defaultPresetId: string | null }> = {
  safeParse: (input) => {
    const value = input as { defaultPresetId?: unknown } | null;
    return value && (value.defaultPresetId === null || typeof value.defaultPresetId === 'string')
      ? { success: true, data: { defaultPresetId: value.defaultPresetId } }
      : { success: false, error: { issues: [{ path: ['defaultPresetId'], message: 'expected a preset id or null' }] } };
  },
  parse: (input) => {
    const parsed = settingsSchema.safeParse(input);
    if (!parsed.success) throw new Error('not synced settings');
    return parsed.data;
  },
};

const freshState = (deviceId: string): SyncState => ({ enabled: false, deviceId, lastSyncAt: null, lastError: null, agreed: {}, replaced: [] });

export function createSettingsSync(deps: SettingsSyncDeps): SettingsSync {
  const serial = createSerial();

  async function reconcileNow(): Promise<void> {
    const state = await deps.state.load();
    if (!state?.enabled) return;
    const now = deps.now();
    const [local, snapshot] = await Promise.all([deps.loadState(), deps.sync.get(null)]);
    const remote = new Map<string, SyncRecord>();
    for (const [key, raw] of Object.entries(snapshot)) {
      const parsed = key.startsWith(SYNC_PREFIX) ? readSyncRecord(raw) : null;
      if (parsed) remote.set(key, parsed);
    }

    const agreed: Record<string, string> = { ...state.agreed };
    /** What `agreed` becomes for the keys written to sync, applied only once the write succeeds. */
    const agreedOnWrite: Record<string, string | null> = {};
    const writes: Record<string, SyncRecord> = {};
    const removes: string[] = [];
    const replaced: SyncReplacement[] = [];
    const changedLocally = { presets: false, accounts: false, settings: false };

    /** One synced key: which side moved since the last agreement, and what to do about it. */
    function reconcileKey<T>(key: string, localValue: T | undefined, schema: Schema<T>, apply: (value: T | undefined, record?: SyncRecord) => void) {
      const record = remote.get(key);
      const parsedRemote = record ? schema.safeParse(record.value) : undefined;
      // A synced value this version cannot read (a newer version wrote it): left alone on both sides.
      if (parsedRemote && !parsedRemote.success) return;
      const remoteValue = parsedRemote?.data;
      const localText = localValue === undefined ? null : JSON.stringify(localValue);
      const remoteText = remoteValue === undefined ? null : JSON.stringify(remoteValue);
      const last = agreed[key] ?? null;
      if (localText === remoteText) {
        if (localText === null) delete agreed[key];
        else agreed[key] = localText;
        return;
      }
      const localMoved = localText !== last;
      const remoteMoved = remoteText !== last;
      const remoteWins = remoteMoved && (!localMoved || (record !== undefined && record.at > now));
      if (remoteWins) {
        apply(remoteValue, record);
        if (remoteText === null) delete agreed[key];
        else agreed[key] = remoteText;
        return;
      }
      if (localText === null) removes.push(key);
      else writes[key] = { value: localValue, at: now, by: state!.deviceId };
      agreedOnWrite[key] = localText;
    }

    function reconcileList<T extends { id: string }>(list: T[], keyOf: (id: string) => string, kindPrefix: string, schema: Schema<T>, onApply: (before: T | undefined, after: T | undefined, record?: SyncRecord) => void) {
      const ids = new Set<string>(list.map((item) => item.id));
      for (const key of [...remote.keys(), ...Object.keys(agreed)]) if (key.startsWith(kindPrefix)) ids.add(key.slice(kindPrefix.length));
      for (const id of ids) {
        const key = keyOf(id);
        reconcileKey(key, list.find((item) => item.id === id), schema, (value, record) => {
          const index = list.findIndex((item) => item.id === id);
          const before = index >= 0 ? list[index] : undefined;
          if (value === undefined) {
            if (index >= 0) list.splice(index, 1);
          } else if (index >= 0) list[index] = value;
          else list.push(value);
          onApply(before, value, record);
        });
      }
    }

    const presets = [...local.presets];
    const accounts = [...local.accounts];
    reconcileList(accounts, syncAccountKey, syncAccountKey(''), accountSchema, () => {
      changedLocally.accounts = true;
    });
    reconcileList(presets, syncPresetKey, syncPresetKey(''), presetSchema, (before, after, record) => {
      changedLocally.presets = true;
      // Shown in the options page: a preset of this browser replaced by another browser's change.
      if (before && after && record && record.by !== state.deviceId) replaced.push({ presetId: after.id, name: after.name, at: record.at });
    });
    let defaultPresetId = local.settings.defaultPresetId;
    // No default chosen here is no opinion: a browser that just turned sync on takes the synced one.
    reconcileKey(SYNC_SETTINGS_KEY, defaultPresetId === null ? undefined : { defaultPresetId }, settingsSchema, (value) => {
      if (value && value.defaultPresetId !== defaultPresetId) {
        defaultPresetId = value.defaultPresetId;
        changedLocally.settings = true;
      }
    });

    // Local first: what another browser changed is kept here even when sync is full.
    const localWrites: Promise<SaveResult>[] = [];
    if (changedLocally.accounts) localWrites.push(deps.saveAccounts(accounts));
    if (changedLocally.presets) localWrites.push(deps.savePresets(presets));
    if (changedLocally.settings) localWrites.push(deps.saveSettings({ ...local.settings, defaultPresetId }));
    await Promise.all(localWrites);

    let lastError: SyncError | null = state.lastError;
    const writing = Object.keys(writes).length > 0 || removes.length > 0;
    if (writing) {
      const after: Record<string, unknown> = {};
      for (const [key, record] of remote) if (!removes.includes(key)) after[key] = record;
      Object.assign(after, writes);
      const [problem] = syncEntriesProblems(after);
      if (problem) lastError = problem;
      else {
        try {
          if (Object.keys(writes).length > 0) await deps.sync.set(writes);
          if (removes.length > 0) await deps.sync.remove(removes);
          for (const [key, text] of Object.entries(agreedOnWrite)) {
            if (text === null) delete agreed[key];
            else agreed[key] = text;
          }
          lastError = null;
        } catch (error) {
          lastError = { kind: 'browser', message: error instanceof Error ? error.message : String(error) };
        }
      }
    } else if (lastError?.kind !== 'browser') {
      // Nothing left to write: whatever was too large or too many is no longer there.
      lastError = null;
    }

    const transferred = writing || localWrites.length > 0;
    const next: SyncState = {
      ...state,
      agreed,
      lastError,
      lastSyncAt: transferred ? now : state.lastSyncAt,
      replaced: [...replaced.reverse(), ...state.replaced].slice(0, SYNC_REPLACED_MAX),
    };
    // Written only when something changed: the state's own change must not start another round.
    if (JSON.stringify(next) !== JSON.stringify(state)) await deps.state.save(next);
  }

  return {
    reconcile: () => serial(reconcileNow),
    setEnabled: (enabled) =>
      serial(async () => {
        const current = (await deps.state.load()) ?? freshState(deps.newId());
        const next: SyncState = enabled ? { ...current, enabled: true } : { ...current, enabled: false, agreed: {}, lastError: null };
        await deps.state.save(next);
        if (enabled) await reconcileNow();
        return (await deps.state.load()) ?? next;
      }),
  };
}
