import type { Preset } from '@/lib/presets/types';
import { t } from '@/lib/i18n/index';

export interface PresetPickerProps {
  presets: readonly Preset[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function PresetPicker({ presets, selectedId, onSelect }: PresetPickerProps) {
  return (
    <label class="field inline">
      <span>{t('popup_preset')}</span>
      <select
        data-testid="preset-picker"
        value={selectedId ?? ''}
        disabled={presets.length === 0}
        onChange={(event) => onSelect(event.currentTarget.value)}
      >
        {presets.length === 0 && <option value="">{t('popup_noPresetsOption')}</option>}
        {presets.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.name}
          </option>
        ))}
      </select>
    </label>
  );
}
