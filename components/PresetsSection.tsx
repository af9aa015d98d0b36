import { useState } from 'preact/hooks';
import type { OptionsModel } from '@/lib/options/model';
import type { Preset } from '@/lib/presets/types';
import { t } from '@/lib/i18n';
import { PROGRAM_LABELS, PresetForm } from './PresetForm';

export interface PresetsSectionProps {
  model: OptionsModel;
  newId: () => string;
}

export function PresetsSection({ model, newId }: PresetsSectionProps) {
  const [editing, setEditing] = useState<{ preset: Preset; isNew: boolean } | null>(null);
  const presets = model.presets.value;
  const accounts = model.accounts.value;
  const defaultId = model.defaultPresetId.value;

  const blank = (): Preset => ({
    id: newId(),
    name: '',
    accountId: accounts[0]?.id ?? null,
    program: 'ww',
    audienceCountry: null,
    subIds: {},
    keepSku: false,
  });

  return (
    <section class="card" aria-labelledby="presets-heading">
      <h2 id="presets-heading">{t('options_presets')}</h2>
      <p class="note">{t('options_presetsIntro')}</p>
      {presets.length === 0 && <p class="note">{t('options_noPresets')}</p>}
      <ul class="list" data-testid="preset-list">
        {presets.map((preset) => {
          const account = accounts.find((a) => a.id === preset.accountId);
          return (
            <li key={preset.id}>
              <span class="grow">
                <strong>{preset.name}</strong>{' '}
                <span class="note">
                  {account?.name ?? t('options_presetAccountNone')} · {t(PROGRAM_LABELS[preset.program])}
                  {preset.audienceCountry ? ` · ${preset.audienceCountry}` : ''}
                </span>
              </span>
              {preset.id === defaultId ? (
                <span class="badge">{t('options_default')}</span>
              ) : (
                <button type="button" onClick={() => void model.makeDefault(preset.id)}>
                  {t('options_makeDefault')}
                </button>
              )}
              <button type="button" onClick={() => setEditing({ preset, isNew: false })}>
                {t('options_edit')}
              </button>
              <button type="button" class="danger" onClick={() => confirm(t('options_confirmDelete', preset.name)) && void model.deletePreset(preset.id)}>
                {t('options_delete')}
              </button>
            </li>
          );
        })}
      </ul>
      {editing ? (
        <PresetForm
          key={editing.preset.id}
          initial={editing.preset}
          isNew={editing.isNew}
          accounts={accounts}
          onCancel={() => setEditing(null)}
          onSubmit={async (preset) => {
            const result = await model.savePreset(preset);
            if (result.ok) setEditing(null);
            return result;
          }}
        />
      ) : (
        <button type="button" onClick={() => setEditing({ preset: blank(), isNew: true })}>
          {t('options_addPreset')}
        </button>
      )}
    </section>
  );
}
