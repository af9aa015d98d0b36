import type { Notice } from '@/lib/options/model';
import type { StorageProblem } from '@/lib/storage/local';
import { t } from '@/lib/i18n/index';

export interface NoticeBarProps {
  notice: Notice;
  problems: readonly StorageProblem[];
}

const describeProblem = (p: StorageProblem) => `${p.key}${p.index === undefined ? '' : `[${p.index}]`}${p.path ? `.${p.path}` : ''}: ${p.message}`;

/** The page's one status line, plus any stored data we could not read (kept, never deleted). */
export function NoticeBar({ notice, problems }: NoticeBarProps) {
  return (
    <>
      <p role="status" class="status" data-testid="notice">
        {notice?.kind === 'saved' && t('options_saved')}
      </p>
      {notice?.kind === 'save-failed' && (
        <p class="banner" role="alert">
          {notice.error.kind === 'quota' ? t('options_quotaExceeded') : t('options_saveFailed', notice.error.message)}
        </p>
      )}
      {problems.length > 0 && (
        <p class="banner" role="alert">
          {t('options_storageProblem', problems.map(describeProblem).join('; '))}
        </p>
      )}
    </>
  );
}
