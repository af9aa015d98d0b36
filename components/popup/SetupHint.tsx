import { t } from '@/lib/i18n/index';

export interface SetupHintProps {
  onOpenOptions: () => void;
}

export function SetupHint({ onOpenOptions }: SetupHintProps) {
  return (
    <p class="setup-hint" data-testid="setup-hint">
      {t('popup_setupHint')}{' '}
      <button type="button" class="link-button" onClick={onOpenOptions}>
        {t('popup_openOptions')}
      </button>
    </p>
  );
}
