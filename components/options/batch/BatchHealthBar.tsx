import { t } from '@/lib/i18n/index';
import type { BatchHealthModel } from '@/lib/options/batch-health-model';
import { healthNoticeText, type HealthNoticeKeys } from '../LinkHealth';

const BATCH_NOTICE_KEYS: HealthNoticeKeys = { apiAccount: 'batch_health_needsApiAccount', nothing: 'batch_health_nothing' };

export interface BatchHealthBarProps {
  health: BatchHealthModel;
  formatNumber: (value: number) => string;
}

/** The worktable's re-check: start or cancel, its progress, and what it needs when it cannot start. */
export function BatchHealthBar({ health, formatNumber: num }: BatchHealthBarProps) {
  const run = health.run.value;
  const done = run?.results.length ?? 0;
  // A finished run over another batch says nothing about these rows.
  const aboutTheseRows = run?.state === 'running' || health.byRow.value.size > 0;
  const notice = healthNoticeText(health.notice.value, num, BATCH_NOTICE_KEYS);
  return (
    <div class="batch-health" data-testid="batch-health">
      <div class="actions">
        {health.running.value ? (
          <button type="button" onClick={() => void health.cancel()}>
            {t('health_cancel')}
          </button>
        ) : (
          // Described by the note: the history's panel on the same page has a button of the same name.
          <button type="button" aria-describedby="batch-health-note" onClick={() => void health.start()}>
            {t('health_start')}
          </button>
        )}
        <span class="note" id="batch-health-note">
          {t('batch_health_note')}
        </span>
      </div>
      <p role="status" class="note" data-testid="batch-health-status">
        {run?.state === 'running' && <progress max={run.total} value={done} aria-label={t('health_progress', [num(done), num(run.total)])} />}{' '}
        {run?.state === 'running' && t('health_progress', [num(done), num(run.total)])}
        {aboutTheseRows && run?.state === 'cancelled' && t(run.stoppedBy === 'storage-full' ? 'health_stoppedStorageFull' : 'health_cancelled', [num(done), num(run.total)])}
        {aboutTheseRows && run?.state === 'done' && t('health_done', num(done))}
        {notice && <span class="error"> {notice}</span>}
      </p>
    </div>
  );
}
