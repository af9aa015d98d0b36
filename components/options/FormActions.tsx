import { t } from '@/lib/i18n/index';

export interface FormActionsProps {
  /** The primary button's text; it submits the form unless `onConfirm` is given. */
  confirmLabel?: string;
  onConfirm?: () => void;
  onCancel: () => void;
}

/** A form's primary action and Cancel, in the same order and style everywhere in the options page. */
export function FormActions({ confirmLabel = t('options_save'), onConfirm, onCancel }: FormActionsProps) {
  return (
    <div class="actions">
      <button type={onConfirm ? 'button' : 'submit'} class="primary" onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" onClick={onCancel}>
        {t('options_cancel')}
      </button>
    </div>
  );
}
