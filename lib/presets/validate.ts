import { validatePresetPortals } from '../networks/portals-tracking';
import { validateSubIdsFor } from '../networks/registry';
import { findForbiddenSubIdText, presentSubIds } from '../networks/subids';
import type { Account, FieldIssue, SubIds } from '../networks/types';
import { postTemplateProblems } from './post-template';
import { PRESET_NAME_MAX } from './schema';
import type { Preset } from './types';

/**
 * Field-level problems with a preset as the editor holds it, against the saved accounts and
 * the other presets. Empty when the preset can be saved.
 *
 * - name: required, at most 60 characters, unique among the other presets ignoring case and
 *   surrounding spaces (two "Telegram" presets would be indistinguishable in the menu);
 * - accountId: null (plain link) or the id of a saved account;
 * - subIds: under the limits of that account's network (Admitad: 50/50/50/50/120);
 * - portals: a Portals account's tracking id override and custom tracking strings (seed 003);
 * - post.text: known placeholders only, `{link}` present, at most 2,000 characters.
 */
export function validatePreset(preset: Preset, accounts: readonly Account[], otherPresets: readonly Preset[]): FieldIssue[] {
  return [...validateName(preset, otherPresets), ...validateAccountAndSubIds(preset, accounts), ...validatePostTemplate(preset)];
}

function validatePostTemplate(preset: Preset): FieldIssue[] {
  if (preset.post === undefined) return [];
  return postTemplateProblems(preset.post.text).map((problem): FieldIssue => {
    if (problem.code === 'unknown-placeholder') return { field: 'post.text', code: 'unknownPlaceholder', detail: `{${problem.name}}` };
    if (problem.code === 'no-link') return { field: 'post.text', code: 'missingLinkPlaceholder' };
    return { field: 'post.text', code: 'tooLong', max: problem.max };
  });
}

function validateName(preset: Preset, otherPresets: readonly Preset[]): FieldIssue[] {
  const name = preset.name.trim();
  if (name === '') return [{ field: 'name', code: 'required' }];
  if (name.length > PRESET_NAME_MAX) return [{ field: 'name', code: 'tooLong', max: PRESET_NAME_MAX }];
  const key = nameKey(name);
  const taken = otherPresets.some((other) => other.id !== preset.id && nameKey(other.name) === key);
  return taken ? [{ field: 'name', code: 'duplicateName', detail: name }] : [];
}

function validateAccountAndSubIds(preset: Preset, accounts: readonly Account[]): FieldIssue[] {
  if (preset.accountId === null) return unencodableSubIds(preset.subIds);
  const account = accounts.find((candidate) => candidate.id === preset.accountId);
  if (account === undefined) {
    return [{ field: 'accountId', code: 'unknownAccount' }, ...unencodableSubIds(preset.subIds)];
  }
  const portals = account.network === 'portals' ? validatePresetPortals(preset.portals) : [];
  return [...validateSubIdsFor(account.network, preset.subIds), ...portals];
}

/**
 * Without an account the sub-ids are not sent anywhere yet, so no network's limits apply;
 * but characters that no link can carry are reported now rather than when an account is chosen.
 */
function unencodableSubIds(subIds: SubIds): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, value] of presentSubIds(subIds)) {
    const forbidden = findForbiddenSubIdText(value);
    if (forbidden !== undefined) issues.push({ field: `subIds.${key}`, code: 'forbiddenChars', detail: forbidden });
  }
  return issues;
}

/** Case-insensitive in every script ("Канал" = "канал"), as people read names. */
function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
