import type { CopyState } from '@/lib/popup/model';
import { t } from '@/lib/i18n/index';

export interface LinkBoxProps {
  label: string;
  link: string;
  copyState: CopyState;
  onCopy: () => void;
}

/** The finished link and the one button the user came for. */
export function LinkBox({ label, link, copyState, onCopy }: LinkBoxProps) {
  const copied = copyState.kind === 'copied';
  return (
    <section class="link-box" aria-label={label}>
      <h2>{label}</h2>
      <p class="link" data-testid="deeplink">
        {link}
      </p>
      <button type="button" class="primary" data-testid="copy" data-copied={copied ? 'true' : 'false'} onClick={onCopy} autoFocus>
        {copied ? t('popup_copied') : t('popup_copy')}
      </button>
      <span role="status" class="status">
        {copyState.kind === 'failed' ? t('popup_copyFailed', copyState.message) : ''}
      </span>
    </section>
  );
}
