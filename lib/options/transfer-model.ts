/**
 * Settings backup and restore in the options page, over lib/options/settings-transfer.ts.
 * A restore goes file -> validation -> preview of what changes -> the user applies it; a file
 * that fails validation is refused with the reason, and nothing is written. Applying asks the
 * browser first for what the file's opt-ins need (from the click), writes the settings in one
 * write, then hands the rate-table source and the history to the background.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { ApiCredentials } from '../api/credentials';
import type { SaveError } from '../storage/local';
import type { HistoryEntry } from '../storage/history';
import type { RateSource } from '../storage/rate-source';
import {
  applySettingsFile,
  buildSettingsFile,
  diffSettings,
  extrasOf,
  parseSettingsFile,
  permissionsForRestore,
  serializeSettingsFile,
  settingsFileName,
  SETTINGS_FILE_MAX_CHARS,
  type ImportError,
  type SettingsDiff,
  type BackupExtras,
  type PermissionRequest,
  type SettingsFile,
  type TransferCore,
  type TransferStorage,
} from './settings-transfer';

export interface TransferDeps {
  /** The accounts, presets and default preset the page shows. */
  current(): TransferCore;
  /** The opt-ins, rate-table source, hot list and category picks as stored now. */
  readExtras(): Promise<BackupExtras>;
  /** The link history; read only when the user ticks it into a backup. */
  readHistory(): Promise<readonly HistoryEntry[]>;
  /** The stored API credentials; read only when the user ticks them into an export. */
  readCredentials(): Promise<ApiCredentials | null>;
  /** permissions.request; called first in the click that restores, before anything is awaited. */
  requestPermissions(request: PermissionRequest): Promise<boolean>;
  /** The background's `setRateSource`: stores the source and fetches the table. */
  setRateSource(source: RateSource): Promise<{ readonly ok: boolean }>;
  /**
   * The background's `setWeeklyRecheck`: it alone writes that setting, and checks what the API
   * needs before turning it on. Without it, a file's weekly choice is left off.
   */
  setWeeklyRecheck?(choice: { readonly enabled: boolean; readonly count: number }): Promise<{ readonly ok: boolean }>;
  /** The background's `restoreHistory`. */
  restoreHistory(entries: readonly HistoryEntry[]): Promise<{ readonly restored: boolean }>;
  readonly storage: TransferStorage;
  download(fileName: string, text: string, type: string): void;
  now(): Date;
  /** Re-reads storage into the page after an import. */
  reload(): Promise<void>;
}

export type TransferPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'exported'; readonly withSecrets: boolean; readonly withHistory: boolean }
  | { readonly kind: 'preview'; readonly fileName: string; readonly file: SettingsFile; readonly diff: SettingsDiff }
  | { readonly kind: 'refused'; readonly fileName: string; readonly error: ImportError | { readonly code: 'unreadable' } }
  | { readonly kind: 'saveFailed'; readonly error: SaveError }
  | { readonly kind: 'imported'; readonly diff: SettingsDiff; readonly withSecrets: boolean; readonly leftOff: readonly LeftOff[] };

/**
 * What a restore could not bring back, and why: `badge`, `shipTo`, `rateSource` when the browser
 * did not grant their access; `rateSourceFailed`, `history` and `weeklyRecheck` when the background
 * refused them (the weekly re-check: without the API credentials or access it needs).
 */
export type LeftOff = 'badge' | 'shipTo' | 'rateSource' | 'rateSourceFailed' | 'history' | 'weeklyRecheck';

export function createTransferModel(deps: TransferDeps) {
  const phase = signal<TransferPhase>({ kind: 'idle' });

  return {
    phase: phase as ReadonlySignal<TransferPhase>,

    async exportFile(includeSecrets: boolean, includeHistory = false) {
      const [extras, history, credentials] = await Promise.all([
        deps.readExtras(),
        includeHistory ? deps.readHistory() : null,
        includeSecrets ? deps.readCredentials().catch(() => null) : null,
      ]);
      const now = deps.now();
      const file = buildSettingsFile({ ...deps.current(), extras }, now, credentials, history);
      deps.download(settingsFileName(now), serializeSettingsFile(file), 'application/json');
      phase.value = { kind: 'exported', withSecrets: file.secrets !== undefined, withHistory: file.history !== undefined };
    },

    async readFile(file: { readonly name: string; readonly size: number; text(): Promise<string> }) {
      if (file.size > SETTINGS_FILE_MAX_CHARS) {
        phase.value = { kind: 'refused', fileName: file.name, error: { code: 'tooLarge' } };
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        phase.value = { kind: 'refused', fileName: file.name, error: { code: 'unreadable' } };
        return;
      }
      const parsed = parseSettingsFile(text);
      if (!parsed.ok) {
        phase.value = { kind: 'refused', fileName: file.name, error: parsed.error };
        return;
      }
      const extras = await deps.readExtras().catch(() => undefined);
      phase.value = { kind: 'preview', fileName: file.name, file: parsed.file, diff: diffSettings({ ...deps.current(), ...(extras ? { extras } : {}) }, parsed.file) };
    },

    async apply(includeSecrets: boolean, includeHistory = false) {
      const current = phase.value;
      if (current.kind !== 'preview') return;
      const { file } = current;
      // Browsers grant a permission only from a user action: asked before anything is awaited.
      const request = permissionsForRestore(file);
      const granting = request ? deps.requestPermissions(request).catch(() => false) : Promise.resolve(true);
      const granted = await granting;
      const extras = extrasOf(file);
      const withSecrets = includeSecrets && file.secrets !== undefined;
      const result = await applySettingsFile(file, { includeSecrets: withSecrets, grants: { badge: granted } }, deps.storage);
      if (!result.ok) {
        phase.value = { kind: 'saveFailed', error: result.error };
        return;
      }
      const leftOff: LeftOff[] = [];
      if (extras && !granted) {
        if (extras.badgeOptIn) leftOff.push('badge');
        if (extras.shipToAllowed) leftOff.push('shipTo');
        if (extras.rateSource.url !== null) leftOff.push('rateSource');
      }
      if (extras && (extras.rateSource.url === null || granted)) {
        const set = await deps.setRateSource(extras.rateSource).catch(() => ({ ok: false }));
        if (!set.ok) leftOff.push('rateSourceFailed');
      }
      if (extras?.weeklyRecheck) {
        const choice = extras.weeklyRecheck;
        const set = deps.setWeeklyRecheck ? await deps.setWeeklyRecheck(choice).catch(() => ({ ok: false })) : { ok: false };
        if (!set.ok) leftOff.push('weeklyRecheck');
      }
      if (includeHistory && file.history && file.history.length > 0) {
        const restored = await deps.restoreHistory(file.history).catch(() => ({ restored: false }));
        if (!restored.restored) leftOff.push('history');
      }
      await deps.reload();
      phase.value = { kind: 'imported', diff: current.diff, withSecrets, leftOff };
    },

    cancel() {
      phase.value = { kind: 'idle' };
    },
  };
}

export type TransferModel = ReturnType<typeof createTransferModel>;
