import { useEffect, useState } from 'preact/hooks';
import type { OptionsModel } from '@/lib/options/model';
import type { Preset } from '@/lib/presets/types';
import { t } from '@/lib/i18n/index';
import { PROGRAM_LABELS, PresetForm } from './PresetForm';
import { EmptyState } from './EmptyState';

export interface PresetsSectionProps {
  model: OptionsModel;
  newId: () => string;
}

const copyName = (name: string, n: number) => (n === 1 ? t('options_copyName', name) : t('options_copyNameN', [name, String(n)]));

export function PresetsSection({ model, newId }: PresetsSectionProps) {
  const [editing, setEditing] = useState<{ preset: Preset; isNew: boolean } | null>(null);
  // A move or a duplicate re-renders the list; the focus then goes to the first of these ids that
  // is there and enabled: after a move, the button pressed (or, at the top or bottom of the list
  // where it is disabled, its twin), so a keyboard user can press it again; after a duplicate,
  // the copy's Edit button.
  const [focusNext, setFocusNext] = useState<readonly string[] | null>(null);
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

  useEffect(() => {
    if (!focusNext) return;
    const target = focusNext.map((id) => document.getElementById(id) as HTMLButtonElement | null).find((button) => button && !button.disabled);
    target?.focus();
    setFocusNext(null);
  }, [focusNext, presets]);

  const move = async (preset: Preset, offset: -1 | 1) => {
    const [pressed, twin] = offset < 0 ? ['up', 'down'] : ['down', 'up'];
    if (await model.movePreset(preset.id, offset)) setFocusNext([`preset-${pressed}-${preset.id}`, `preset-${twin}-${preset.id}`]);
  };

  const duplicate = async (preset: Preset) => {
    const copyId = await model.duplicatePreset(preset.id, newId(), copyName);
    if (copyId) setFocusNext([`preset-edit-${copyId}`]);
  };

  return (
    <section class="card" aria-labelledby="presets-heading">
      <h2 id="presets-heading">{t('options_presets')}</h2>
      <p class="note">{t('options_presetsIntro')}</p>
      {presets.length === 0 && <EmptyState title={t('options_noPresets')} action={t('options_noPresetsAction')} testId="presets-empty" />}
      <ul class="list" data-testid="preset-list">
        {presets.map((preset, index) => {
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
              <button type="button" id={`preset-edit-${preset.id}`} onClick={() => setEditing({ preset, isNew: false })}>
                {t('options_edit')}
              </button>
              <button type="button" onClick={() => void duplicate(preset)} aria-label={t('options_duplicateLabel', preset.name)}>
                {t('options_duplicate')}
              </button>
              <span class="move" role="group" aria-label={t('options_orderLabel', preset.name)}>
                <button
                  type="button"
                  id={`preset-up-${preset.id}`}
                  disabled={index === 0}
                  aria-label={t('options_moveUp', preset.name)}
                  title={t('options_moveUp', preset.name)}
                  onClick={() => void move(preset, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  id={`preset-down-${preset.id}`}
                  disabled={index === presets.length - 1}
                  aria-label={t('options_moveDown', preset.name)}
                  title={t('options_moveDown', preset.name)}
                  onClick={() => void move(preset, 1)}
                >
                  ↓
                </button>
              </span>
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
