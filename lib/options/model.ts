/**
 * The options page's model: accounts, presets and the default preset, validated before every
 * save, with per-field issues for the forms and one notice line for the page.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { validateAccount } from '../networks';
import type { Account, FieldIssue } from '../networks/types';
import { validatePreset } from '../presets';
import { defaultPresetOf } from '../presets/default';
import { PRESET_NAME_MAX } from '../presets/schema';
import type { Preset } from '../presets/types';
import type { Settings } from '../storage/settings';
import type { SaveError, SaveResult, StorageProblem, StoredState } from '../storage/local';

export interface OptionsDeps {
  loadState(): Promise<StoredState>;
  saveAccounts(accounts: readonly Account[]): Promise<SaveResult>;
  savePresets(presets: readonly Preset[]): Promise<SaveResult>;
  saveSettings(settings: Settings): Promise<SaveResult>;
}

export type Notice = { readonly kind: 'saved' } | { readonly kind: 'save-failed'; readonly error: SaveError } | null;

/** A form submit either saved, or says which fields are wrong (or that storage refused it). */
export type SubmitResult = { readonly ok: true } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

export interface OptionsModel {
  readonly accounts: ReadonlySignal<readonly Account[]>;
  readonly presets: ReadonlySignal<readonly Preset[]>;
  readonly settings: ReadonlySignal<Settings>;
  readonly problems: ReadonlySignal<readonly StorageProblem[]>;
  readonly notice: ReadonlySignal<Notice>;
  readonly defaultPresetId: ReadonlySignal<string | null>;
  load(): Promise<void>;
  saveAccount(account: Account): Promise<SubmitResult>;
  deleteAccount(id: string): Promise<void>;
  savePreset(preset: Preset): Promise<SubmitResult>;
  deletePreset(id: string): Promise<void>;
  makeDefault(id: string): Promise<void>;
  /**
   * Saves a copy of the preset right after it, under the first free name `copyName` gives
   * (`n` counts up from 1); returns the copy's id, or null when it could not be saved.
   */
  duplicatePreset(id: string, newId: string, copyName: (name: string, n: number) => string): Promise<string | null>;
  /** Moves the preset one place up (-1) or down (+1) in the list the popup and the menu show. */
  movePreset(id: string, offset: -1 | 1): Promise<boolean>;
}

const upsert = <T extends { id: string }>(list: readonly T[], item: T): T[] =>
  list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];

function duplicateNameIssue<T extends { id: string; name: string }>(list: readonly T[], item: T): FieldIssue[] {
  const name = item.name.trim().toLowerCase();
  return list.some((x) => x.id !== item.id && x.name.trim().toLowerCase() === name) ? [{ field: 'name', code: 'duplicateName' }] : [];
}

export function createOptionsModel(deps: OptionsDeps): OptionsModel {
  const accounts = signal<readonly Account[]>([]);
  const presets = signal<readonly Preset[]>([]);
  const settings = signal<Settings>({ defaultPresetId: null, lastUsedPresetId: null });
  const problems = signal<readonly StorageProblem[]>([]);
  const notice = signal<Notice>(null);

  // The same rule as the menu, the shortcut and the badge (lib/presets/default.ts).
  const defaultPresetId = computed(() => defaultPresetOf(presets.value, settings.value)?.id ?? null);

  async function commit(write: () => Promise<SaveResult>[]): Promise<boolean> {
    const results = await Promise.all(write());
    const failed = results.find((r): r is Extract<SaveResult, { ok: false }> => !r.ok);
    notice.value = failed ? { kind: 'save-failed', error: failed.error } : { kind: 'saved' };
    return !failed;
  }

  return {
    accounts,
    presets,
    settings,
    problems,
    notice,
    defaultPresetId,

    async load() {
      const state = await deps.loadState();
      accounts.value = state.accounts;
      presets.value = state.presets;
      settings.value = state.settings;
      problems.value = state.problems;
    },

    async saveAccount(account) {
      const issues = [...validateAccount(account), ...duplicateNameIssue(accounts.value, account)];
      if (issues.length > 0) return { ok: false, issues };
      const next = upsert(accounts.value, account);
      if (!(await commit(() => [deps.saveAccounts(next)]))) return { ok: false, issues: [] };
      accounts.value = next;
      return { ok: true };
    },

    async deleteAccount(id) {
      const nextAccounts = accounts.value.filter((a) => a.id !== id);
      // Presets that used the account keep their sub-ids and fall back to the plain link.
      const nextPresets = presets.value.map((p) => (p.accountId === id ? { ...p, accountId: null } : p));
      if (await commit(() => [deps.saveAccounts(nextAccounts), deps.savePresets(nextPresets)])) {
        accounts.value = nextAccounts;
        presets.value = nextPresets;
      }
    },

    async savePreset(preset) {
      const others = presets.value.filter((p) => p.id !== preset.id);
      const issues = validatePreset(preset, accounts.value, others);
      if (issues.length > 0) return { ok: false, issues };
      const next = upsert(presets.value, preset);
      const writes = () => [deps.savePresets(next)];
      if (!(await commit(writes))) return { ok: false, issues: [] };
      presets.value = next;
      return { ok: true };
    },

    async deletePreset(id) {
      const next = presets.value.filter((p) => p.id !== id);
      const nextSettings: Settings = {
        defaultPresetId: settings.value.defaultPresetId === id ? null : settings.value.defaultPresetId,
        lastUsedPresetId: settings.value.lastUsedPresetId === id ? null : settings.value.lastUsedPresetId,
      };
      if (await commit(() => [deps.savePresets(next), deps.saveSettings(nextSettings)])) {
        presets.value = next;
        settings.value = nextSettings;
      }
    },

    async duplicatePreset(id, newId, copyName) {
      const index = presets.value.findIndex((p) => p.id === id);
      const original = presets.value[index];
      if (!original) return null;
      let copy: Preset = original;
      for (let n = 1; n <= presets.value.length + 1; n++) {
        // The suffix must survive the length limit, so the original's name is what gets cut.
        const suffixLength = copyName('', n).length;
        copy = { ...original, id: newId, name: copyName(original.name.slice(0, Math.max(1, PRESET_NAME_MAX - suffixLength)), n).trim() };
        if (!validatePreset(copy, accounts.value, presets.value).some((issue) => issue.code === 'duplicateName')) break;
      }
      if (validatePreset(copy, accounts.value, presets.value).length > 0) return null;
      const next = [...presets.value.slice(0, index + 1), copy, ...presets.value.slice(index + 1)];
      if (!(await commit(() => [deps.savePresets(next)]))) return null;
      presets.value = next;
      return newId;
    },

    async movePreset(id, offset) {
      const index = presets.value.findIndex((p) => p.id === id);
      const target = index + offset;
      if (index < 0 || target < 0 || target >= presets.value.length) return false;
      const next = [...presets.value];
      [next[index], next[target]] = [next[target]!, next[index]!];
      if (!(await commit(() => [deps.savePresets(next)]))) return false;
      presets.value = next;
      return true;
    },

    async makeDefault(id) {
      // Choosing a default also makes it the popup's next pick, which is what the user expects to see.
      const next: Settings = { defaultPresetId: id, lastUsedPresetId: id };
      if (await commit(() => [deps.saveSettings(next)])) settings.value = next;
    },
  };
}
