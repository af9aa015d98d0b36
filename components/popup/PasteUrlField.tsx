import { t } from '@/lib/i18n/index';

export interface PasteUrlFieldProps {
  value: string;
  onInput: (value: string) => void;
}

export function PasteUrlField({ value, onInput }: PasteUrlFieldProps) {
  return (
    <div class="paste">
      <label class="field">
        <span>{t('popup_pasteLabel')}</span>
        <input
          type="url"
          data-testid="paste-url"
          value={value}
          placeholder={t('popup_pastePlaceholder')}
          spellcheck={false}
          autoComplete="off"
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      </label>
      {value && (
        <button type="button" class="link-button" onClick={() => onInput('')}>
          {t('popup_pasteClear')}
        </button>
      )}
    </div>
  );
}
