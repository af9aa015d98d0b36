import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n/index';
import { LINK_HEALTH_STATUSES, type LinkHealthFilter, type LinkHealthModel, type LinkHealthNotice, type LinkHealthRow } from '@/lib/options/link-health-model';
import { browserLinkHealthModel } from '@/lib/options/link-health-browser';
import { browserWeeklyRecheckModel } from '@/lib/options/weekly-recheck-browser';
import type { WeeklyRecheckModel } from '@/lib/options/weekly-recheck-model';
import { WeeklyRecheck } from './WeeklyRecheck';
import type { LinkHealthReason, LinkHealthResult, LinkHealthStatus } from '@/lib/storage/link-health';
import { Field } from './Field';
import { API_ERROR_KEYS } from '../shared/api-error-text';

export interface LinkHealthProps {
  model: LinkHealthModel;
  /** How many results show; the CSV has them all. */
  pageSize?: number;
  /** Settings of the re-check shown under its intro (the weekly re-check). */
  settings?: ComponentChildren;
}

export const HEALTH_STATUS_KEYS: Readonly<Record<LinkHealthStatus, MessageKey>> = {
  ok: 'health_status_ok',
  'not-affiliate': 'health_status_notAffiliate',
  gone: 'health_status_gone',
  'rate-changed': 'health_status_rateChanged',
  error: 'health_status_error',
  unchecked: 'health_status_unchecked',
};

export const HEALTH_REASON_KEYS: Readonly<Record<LinkHealthReason, MessageKey>> = {
  'no-preset': 'health_unchecked_noPreset',
  'no-api': 'health_unchecked_noApi',
  'no-credentials': 'health_unchecked_noCredentials',
  'no-access': 'health_unchecked_noAccess',
  'not-aliexpress': 'health_unchecked_notAliexpress',
  ...API_ERROR_KEYS,
};

const NEEDS_KEYS = { credentials: 'health_needs_credentials', access: 'health_needs_access', 'api-account': 'health_needs_apiAccount' } as const;

/** What the batch's re-check says instead of the history's: the same checks about other links. */
export interface HealthNoticeKeys {
  readonly apiAccount: MessageKey;
  readonly nothing: MessageKey;
}

const HISTORY_NOTICE_KEYS: HealthNoticeKeys = { apiAccount: 'health_needs_apiAccount', nothing: 'health_nothing' };

export function healthNoticeText(notice: LinkHealthNotice, num: (value: number) => string, keys: HealthNoticeKeys = HISTORY_NOTICE_KEYS): string | null {
  if (notice === null) return null;
  if (notice.kind === 'needs') return t(notice.needs === 'api-account' ? keys.apiAccount : NEEDS_KEYS[notice.needs]);
  if (notice.kind === 'nothing-to-check') return t(keys.nothing);
  if (notice.kind === 'running') return t('health_running');
  if (notice.kind === 'failed') return t('health_failed');
  if (notice.kind === 'storage-full') return t('health_storageFull');
  return t('health_exported', num(notice.count));
}

/** "rate 5% → 8%" when it changed, "rate 7%" when the API gave one, else null. */
export function healthRateText(result: LinkHealthResult, num: (value: number) => string): string | null {
  if (result.status === 'rate-changed' && typeof result.rateBefore === 'number' && typeof result.rateNow === 'number') {
    return t('health_rateChange', [num(result.rateBefore), num(result.rateNow)]);
  }
  return typeof result.rateNow === 'number' ? t('health_rate', num(result.rateNow)) : null;
}

function ResultItem({ row, num }: { row: LinkHealthRow; num: (value: number) => string }) {
  const { task, result } = row;
  const rate = healthRateText(result, num);
  return (
    <li class={result.status === 'ok' ? 'history-entry' : 'history-entry failed'} data-status={result.status}>
      <span class="grow">
        <span class="note">
          <strong>{t(HEALTH_STATUS_KEYS[result.status])}</strong>
          {rate && <> · {rate}</>}
          {result.hot && <> · {t('post_hot')}</>}
          {result.reason && <> · {t(HEALTH_REASON_KEYS[result.reason])}</>} · {task.presetName ?? t('history_noPreset')} · {t('history_product', task.productId)}
        </span>
        {result.title && <span class="history-title">{result.title}</span>}
        <span class="link history-link">{task.link}</span>
      </span>
    </li>
  );
}

/** The history's re-check: start and cancel, progress, results by status, CSV export. */
export function LinkHealth({ model, pageSize = 100, settings }: LinkHealthProps) {
  const language = uiLanguage();
  const num = (value: number) => new Intl.NumberFormat(language).format(value);
  const run = model.run.value;
  const rows = model.rows.value;
  const visible = model.visible.value;
  const counts = model.counts.value;
  const notice = healthNoticeText(model.notice.value, num);
  const done = run?.results.length ?? 0;
  return (
    <div class="link-health" data-testid="link-health" aria-labelledby="link-health-heading">
      <h3 id="link-health-heading">{t('health_title')}</h3>
      <p class="note">{t('health_intro')}</p>
      {settings}
      <div class="actions">
        {model.running.value ? (
          <button type="button" onClick={() => void model.cancel()}>
            {t('health_cancel')}
          </button>
        ) : (
          <button type="button" onClick={() => void model.start()}>
            {t('health_start')}
          </button>
        )}
        <button type="button" disabled={visible.length === 0} onClick={() => model.exportCsv()}>
          {t('health_export')}
        </button>
      </div>
      <p role="status" class="note" data-testid="link-health-status">
        {run?.state === 'running' && (
          <progress max={run.total} value={done} aria-label={t('health_progress', [num(done), num(run.total)])} />
        )}{' '}
        {run?.state === 'running' && t('health_progress', [num(done), num(run.total)])}
        {run?.state === 'cancelled' && t(run.stoppedBy === 'storage-full' ? 'health_stoppedStorageFull' : 'health_cancelled', [num(done), num(run.total)])}
        {run?.state === 'done' && t('health_done', num(done))}
        {notice && <span class={model.notice.value?.kind === 'exported' ? undefined : 'error'}> {notice}</span>}
      </p>
      {rows.length > 0 && (
        <>
          <Field id="link-health-filter" label={t('health_filter')}>
            <select id="link-health-filter" class="status-filter" value={model.filter.value} onChange={(e) => model.setFilter(e.currentTarget.value as LinkHealthFilter)}>
              <option value="all">{t('health_filter_all', num(rows.length))}</option>
              {LINK_HEALTH_STATUSES.filter((status) => counts[status] > 0).map((status) => (
                <option key={status} value={status}>
                  {t('health_statusCount', [t(HEALTH_STATUS_KEYS[status]), num(counts[status])])}
                </option>
              ))}
            </select>
          </Field>
          <ul class="list" data-testid="link-health-results">
            {visible.slice(0, pageSize).map((row) => (
              <ResultItem key={row.result.entryId} row={row} num={num} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * Results in front of the user count as seen: the weekly count leaves the toolbar icon once a
 * finished run's results show here (again when the page comes back to the front).
 */
export function useWeeklyCountSeen(health: LinkHealthModel, weekly: WeeklyRecheckModel): void {
  const run = health.run.value;
  const shownRun = run && run.state !== 'running' ? run.id : null;
  const counted = weekly.weekly.value.deadLinks?.runId ?? null;
  useEffect(() => {
    if (shownRun === null || counted === null) return;
    const acknowledge = () => void weekly.acknowledge();
    acknowledge();
    document.addEventListener('visibilitychange', acknowledge);
    return () => document.removeEventListener('visibilitychange', acknowledge);
  }, [shownRun, counted, weekly]);
}

/** The history section's re-check, with the page's one link-health model and its weekly switch. */
export function LinkHealthPanel() {
  const health = browserLinkHealthModel();
  const weekly = browserWeeklyRecheckModel();
  useWeeklyCountSeen(health, weekly);
  return <LinkHealth model={health} settings={<WeeklyRecheck model={weekly} />} />;
}
