import { effect } from '@preact/signals-core';
import { t } from '@/lib/i18n/index';
import type { PopupModel } from '@/lib/popup/model';
import type { Preset } from '@/lib/presets/types';
import { h } from './dom';

/** Up to this many presets show as one-click segments; more would not fit a row or two, so a list. */
const SEGMENTS_MAX = 6;

type PresetModel = Pick<PopupModel, 'presets' | 'selectedPreset' | 'defaultPresetId' | 'selectPreset'>;

/**
 * The preset switch: radio buttons styled as segments (one click, arrow keys move between them),
 * or a `<select>` for a long list. The default preset, the one the menu and shortcut use, is marked.
 * Null without presets.
 */
export function presetChoice(model: PresetModel): HTMLElement | null {
  const presets = model.presets.value;
  if (presets.length === 0) return null;
  const defaultId = model.defaultPresetId.value;
  const choose = (event: Event) => model.selectPreset((event.currentTarget as HTMLInputElement | HTMLSelectElement).value);
  return presets.length <= SEGMENTS_MAX ? segments(model, presets, defaultId, choose) : list(model, presets, defaultId, choose);
}

function segments(model: PresetModel, presets: readonly Preset[], defaultId: string | null, choose: (event: Event) => void): HTMLElement {
  const inputs = presets.map((preset) => h('input', { type: 'radio', name: 'preset', value: preset.id, onChange: choose }));
  effect(() => {
    const selected = model.selectedPreset.value?.id;
    for (const input of inputs) input.checked = input.value === selected;
  });
  return h(
    'fieldset',
    { class: 'presets', 'data-testid': 'preset-picker' },
    h('legend', {}, t('popup_preset')),
    h(
      'div',
      { class: 'segments' },
      ...presets.map((preset, index) =>
        h(
          'label',
          { class: 'segment', title: preset.id === defaultId ? t('popup_presetDefaultWhy') : undefined },
          inputs[index]!,
          h('span', { class: 'segment-name' }, preset.name),
          preset.id === defaultId && h('span', { class: 'default-mark', 'data-testid': 'default-preset' }, t('popup_presetDefault')),
        ),
      ),
    ),
  );
}

function list(model: PresetModel, presets: readonly Preset[], defaultId: string | null, choose: (event: Event) => void): HTMLElement {
  const select = h(
    'select',
    { onChange: choose },
    ...presets.map((preset) => h('option', { value: preset.id }, preset.id === defaultId ? `${preset.name} (${t('popup_presetDefault')})` : preset.name)),
  );
  effect(() => {
    select.value = model.selectedPreset.value?.id ?? '';
  });
  return h('label', { class: 'field inline', 'data-testid': 'preset-picker' }, h('span', {}, t('popup_preset')), select);
}
