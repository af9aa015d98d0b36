/**
 * Settings export and import in the options page, over lib/options/settings-transfer.ts.
 * An import goes file -> validation -> preview of what changes -> the user applies it; a file
 * that fails validation is refused with the reason, and nothing is written.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { ApiCredentials } from '../api/credentials';
import type { SaveError } from '../storage/local';
import {
  applySettingsFile,
  buildSettingsFile,
  diffSettings,
  parseSettingsFile,
  serializeSettingsFile,
  settingsFileName,
  SETTINGS_FILE_MAX_CHARS,
  type ImportError,
  type SettingsDiff,
  type SettingsFile,
  type TransferState,
  type TransferStorage,
} from './settings-transfer';

export interface TransferDeps {
  /** The accounts, presets and default preset the page shows. */
  current(): TransferState;
  /** The stored API credentials; read only when the user ticks them into an export. */
  readCredentials(): Promise<ApiCredentials | null>;
  readonly storage: TransferStorage;
  download(fileName: string, text: string, type: string): void;
  now(): Date;
  /** Re-reads storage into the page after an import. */
  reload(): Promise<void>;
}

export type TransferPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'exported'; readonly withSecrets: boolean }
  | { readonly kind: 'preview'; readonly fileName: string; readonly file: SettingsFile; readonly diff: SettingsDiff }
  | { readonly kind: 'refused'; readonly fileName: string; readonly error: ImportError | { readonly code: 'unreadable' } }
  | { readonly kind: 'saveFailed'; readonly error: SaveError }
  | { readonly kind: 'imported'; readonly diff: SettingsDiff; readonly withSecrets: boolean };

export function createTransferModel(deps: TransferDeps) {
  const phase = signal<TransferPhase>({ kind: 'idle' });

  return {
    phase: phase as ReadonlySignal<TransferPhase>,

    async exportFile(includeSecrets: boolean) {
      const credentials = includeSecrets ? await deps.readCredentials().catch(() => null) : null;
      const now = deps.now();
      const file = buildSettingsFile(deps.current(), now, credentials);
      deps.download(settingsFileName(now), serializeSettingsFile(file), 'application/json');
      phase.value = { kind: 'exported', withSecrets: file.secrets !== undefined };
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
      phase.value = parsed.ok
        ? { kind: 'preview', fileName: file.name, file: parsed.file, diff: diffSettings(deps.current(), parsed.file) }
        : { kind: 'refused', fileName: file.name, error: parsed.error };
    },

    async apply(includeSecrets: boolean) {
      const current = phase.value;
      if (current.kind !== 'preview') return;
      const withSecrets = includeSecrets && current.file.secrets !== undefined;
      const result = await applySettingsFile(current.file, { includeSecrets: withSecrets }, deps.storage);
      if (!result.ok) {
        phase.value = { kind: 'saveFailed', error: result.error };
        return;
      }
      await deps.reload();
      phase.value = { kind: 'imported', diff: current.diff, withSecrets };
    },

    cancel() {
      phase.value = { kind: 'idle' };
    },
  };
}

export type TransferModel = ReturnType<typeof createTransferModel>;
