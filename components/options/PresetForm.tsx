import { useState } from 'preact/hooks';
import { PORTALS_TRACKING_KEYS } from '@/lib/networks/portals-tracking';
import { SUBID_KEYS, type Account, type FieldIssue } from '@/lib/networks/types';
import type { SubmitResult } from '@/lib/options/model';
import type { Preset, ProgramId } from '@/lib/presets/types';
import { POST_TEMPLATE_MAX, postTemplateOf } from '@/lib/presets/post-template';
import { t } from '@/lib/i18n/index';
import { fieldIssueText } from '@/lib/i18n/text';
import { AudienceCountryField } from './AudienceCountryField';
import { Field, describedBy } from './Field';
import { FormActions } from './FormActions';
import { useFocusFirstControl } from './useFocusFirstControl';

export interface PresetFormProps {
  initial: Preset;
  isNew: boolean;
  accounts: readonly Account[];
  onSubmit: (preset: Preset) => Promise<SubmitResult>;
  onCancel: () => void;
}

export const PROGRAM_LABELS = {
  ww: 'program_ww',
  'ru-cis-new': 'program_ruCisNew',
  portals: 'program_portals',
  'eu-benelux': 'program_euBenelux',
  other: 'program_other',
} as const satisfies Record<ProgramId, string>;

/** Empty sub-ids are dropped so a cleared field does not linger as `subid=` in links. */
function normalise(draft: Preset): Preset {
  const subIds = Object.fromEntries(
    Object.entries(draft.subIds)
      .map(([k, v]) => [k, (v ?? '').trim()])
      .filter(([, v]) => v !== ''),
  );
  const country = (draft.audienceCountry ?? '').trim().toUpperCase();
  const portals = Object.fromEntries(
    Object.entries(draft.portals ?? {})
      .map(([k, v]) => [k, (v ?? '').trim()])
      .filter(([, v]) => v !== ''),
  );
  const { portals: _previous, ...rest } = draft;
  return { ...rest, name: draft.name.trim(), audienceCountry: country === '' ? null : country, subIds, ...(Object.keys(portals).length > 0 ? { portals } : {}) };
}

export function PresetForm({ initial, isNew, accounts, onSubmit, onCancel }: PresetFormProps) {
  const [draft, setDraft] = useState<Preset>(initial);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const formRef = useFocusFirstControl<HTMLFormElement>();
  const errorFor = (field: string) => {
    const found = issues.filter((i) => i.field === field);
    return found.length ? found.map(fieldIssueText).join(' ') : undefined;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await onSubmit(normalise(draft));
    setIssues(result.ok ? [] : result.issues);
  };

  const nameError = errorFor('name');
  const accountError = errorFor('accountId');
  const audienceError = errorFor('audienceCountry');
  const postError = errorFor('post.text');
  const post = postTemplateOf(draft);
  return (
    <form ref={formRef} class="form" onSubmit={submit} aria-label={isNew ? t('options_addPreset') : t('options_editPreset')} noValidate>
      <div class="row">
        <Field id="preset-name" label={t('options_presetName')} error={nameError}>
          <input {...describedBy('preset-name', false, nameError)} name="preset-name" value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
        </Field>
        <Field id="preset-account" label={t('options_presetAccount')} error={accountError}>
          <select
            {...describedBy('preset-account', false, accountError)}
            name="preset-account"
            value={draft.accountId ?? ''}
            onChange={(e) => setDraft({ ...draft, accountId: e.currentTarget.value || null })}
          >
            <option value="">{t('options_presetAccountNone')}</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div class="row">
        <Field id="preset-program" label={t('options_presetProgram')}>
          <select id="preset-program" name="preset-program" value={draft.program} onChange={(e) => setDraft({ ...draft, program: e.currentTarget.value as ProgramId })}>
            {(Object.keys(PROGRAM_LABELS) as ProgramId[]).map((id) => (
              <option key={id} value={id}>
                {t(PROGRAM_LABELS[id])}
              </option>
            ))}
          </select>
        </Field>
        <AudienceCountryField
          id="preset-audience"
          value={draft.audienceCountry}
          program={draft.program}
          error={audienceError}
          onChange={(audienceCountry) => setDraft({ ...draft, audienceCountry })}
        />
      </div>
      <fieldset class="row">
        <legend>{t('options_subIds')}</legend>
        {SUBID_KEYS.map((key) => {
          const id = `preset-${key}`;
          const error = errorFor(`subIds.${key}`);
          return (
            <Field key={key} id={id} label={key} error={error}>
              <input
                {...describedBy(id, false, error)}
                name={id}
                value={draft.subIds[key] ?? ''}
                spellcheck={false}
                autoComplete="off"
                onInput={(e) => setDraft({ ...draft, subIds: { ...draft.subIds, [key]: e.currentTarget.value } })}
              />
            </Field>
          );
        })}
      </fieldset>
      {accounts.find((a) => a.id === draft.accountId)?.network === 'portals' && (
        <fieldset class="row">
          <legend>{t('options_portalsTracking')}</legend>
          <p class="note">{t('options_portalsTrackingHelp')}</p>
          {(['trackingId', ...PORTALS_TRACKING_KEYS] as const).map((key) => {
            const id = `preset-portals-${key}`;
            const error = errorFor(`portals.${key}`);
            return (
              <Field key={key} id={id} label={key === 'trackingId' ? t('options_portalsPresetTrackingId') : key} error={error}>
                <input
                  {...describedBy(id, false, error)}
                  name={id}
                  value={draft.portals?.[key] ?? ''}
                  spellcheck={false}
                  autoComplete="off"
                  onInput={(e) => setDraft({ ...draft, portals: { ...draft.portals, [key]: e.currentTarget.value } })}
                />
              </Field>
            );
          })}
        </fieldset>
      )}
      <label class="checkbox">
        <input type="checkbox" name="preset-keep-sku" checked={draft.keepSku} onChange={(e) => setDraft({ ...draft, keepSku: e.currentTarget.checked })} />
        {t('options_presetKeepSku')}
      </label>
      <label class="checkbox">
        <input
          type="checkbox"
          name="preset-neutral-links"
          aria-describedby="preset-neutral-links-hint"
          checked={draft.neutralLinks !== false}
          onChange={(e) => setDraft({ ...draft, neutralLinks: e.currentTarget.checked })}
        />
        {t('options_presetNeutralLinks')}
      </label>
      <p id="preset-neutral-links-hint" class="note">
        {t('options_presetNeutralLinksHint')}
      </p>
      <Field id="preset-post-template" label={t('options_postTemplate')} help={t('options_postTemplateHint')} error={postError}>
        <textarea
          {...describedBy('preset-post-template', true, postError)}
          name="preset-post-template"
          rows={3}
          maxLength={POST_TEMPLATE_MAX}
          spellcheck={false}
          value={post.text}
          onInput={(e) => setDraft({ ...draft, post: { ...post, text: e.currentTarget.value } })}
        />
      </Field>
      <label class="checkbox">
        <input
          type="checkbox"
          name="preset-post-disclosure"
          checked={post.disclosure}
          onChange={(e) => setDraft({ ...draft, post: { ...post, disclosure: e.currentTarget.checked } })}
        />
        {t('options_postDisclosure')}
      </label>
      <FormActions onCancel={onCancel} />
    </form>
  );
}
