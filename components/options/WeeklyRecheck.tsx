import { WEEKLY_RECHECK_MAX_COUNT, WEEKLY_RECHECK_MIN_COUNT, type WeeklyRecheckModel, type WeeklyRecheckProblem, type WeeklySkipReason } from '@/lib/options/weekly-recheck-model';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n/index';
import { Field } from './Field';

export interface WeeklyRecheckProps {
  model: WeeklyRecheckModel;
}

const NEEDS_KEYS = { credentials: 'health_needs_credentials', access: 'health_needs_access', 'api-account': 'weekly_needs_apiAccount' } as const;

const SKIP_KEYS: Readonly<Record<WeeklySkipReason, MessageKey>> = {
  running: 'health_running',
  'nothing-to-check': 'health_nothing',
  'storage-full': 'health_storageFull',
  ...NEEDS_KEYS,
};

function problemText(problem: WeeklyRecheckProblem, num: (value: number) => string): string | null {
  if (problem === null) return null;
  if (problem.kind === 'invalid-count') return t('weekly_invalidCount', [num(WEEKLY_RECHECK_MIN_COUNT), num(WEEKLY_RECHECK_MAX_COUNT)]);
  if (problem.kind === 'needs') return t(NEEDS_KEYS[problem.needs]);
  return t(problem.kind === 'storage-full' ? 'options_quotaExceeded' : 'weekly_saveFailed');
}

/** The history's weekly re-check: off by default; on, the latest N links once a week, the dead ones counted on the icon. */
export function WeeklyRecheck({ model }: WeeklyRecheckProps) {
  const language = uiLanguage();
  const num = (value: number) => new Intl.NumberFormat(language).format(value);
  const when = (at: number) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const weekly = model.weekly.value;
  const problem = model.problem.value;
  const countError = problem?.kind === 'invalid-count' ? problemText(problem, num) ?? undefined : undefined;
  const otherProblem = problem?.kind === 'invalid-count' ? null : problemText(problem, num);
  return (
    <div class="weekly-recheck" data-testid="weekly-recheck">
      <label class="checkbox">
        <input
          type="checkbox"
          data-testid="weekly-recheck-toggle"
          checked={weekly.enabled}
          disabled={model.busy.value}
          onChange={(event) => {
            // Stays as stored until the background answers: a refused switch does not look on.
            const wanted = event.currentTarget.checked;
            event.currentTarget.checked = weekly.enabled;
            void model.setEnabled(wanted);
          }}
        />
        <span>{t('weekly_label')}</span>
      </label>
      <Field id="weekly-recheck-count" label={t('weekly_count')} error={countError}>
        <input
          id="weekly-recheck-count"
          class="count-input"
          type="number"
          inputMode="numeric"
          min={WEEKLY_RECHECK_MIN_COUNT}
          max={WEEKLY_RECHECK_MAX_COUNT}
          step={1}
          value={model.countText.value}
          aria-invalid={countError ? 'true' : undefined}
          aria-describedby={countError ? 'weekly-recheck-count-error' : undefined}
          disabled={model.busy.value}
          onChange={(event) => void model.setCount(event.currentTarget.value)}
        />
      </Field>
      <p class="note">{t('weekly_note')}</p>
      <p role="status" class="note" data-testid="weekly-recheck-status">
        {weekly.enabled && weekly.dueAt !== null && t('weekly_next', [num(weekly.count), when(weekly.dueAt)])}
        {weekly.enabled && weekly.lastSkip && <span class="error"> {t('weekly_skipped', [when(weekly.lastSkip.at), t(SKIP_KEYS[weekly.lastSkip.reason])])}</span>}
        {otherProblem && <span class="error"> {otherProblem}</span>}
      </p>
    </div>
  );
}
