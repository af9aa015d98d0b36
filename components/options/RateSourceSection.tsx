import { useState } from 'preact/hooks';
import type { SourcesModel } from '@/lib/options/sources-model';
import { rateErrorText } from '@/lib/options/text';
import { t } from '@/lib/i18n/index';
import { Field, describedBy } from './Field';

export interface RateSourceSectionProps {
  model: SourcesModel;
}

const PROBLEM_KEYS = {
  notHttps: 'options_rateNotHttps',
  badUrl: 'options_rateBadUrl',
  badHost: 'options_rateBadHost',
  hasCredentials: 'options_rateHasCredentials',
  denied: 'options_rateDenied',
  failed: 'options_rateFailed',
  storageFull: 'options_rateStorageFull',
  storageFailed: 'options_rateStorageFailed',
} as const;

/** The optional remote rate table: where from, how often, and how the last fetch went. */
export function RateSourceSection({ model }: RateSourceSectionProps) {
  const current = model.rate.value;
  const [url, setUrl] = useState<string | null>(null);
  const [interval, setIntervalMinutes] = useState<number | null>(null);
  const shownUrl = url ?? current?.source.url ?? '';
  const shownInterval = interval ?? current?.source.intervalMinutes ?? 360;
  const problem = model.rateProblem.value;
  const status = current?.status;
  const error = status?.lastError;
  const errorText = error ? rateErrorText(error) : null;

  return (
    <section class="card" aria-labelledby="rates-heading" data-testid="rate-source">
      <h2 id="rates-heading">{t('options_rates')}</h2>
      <p class="note">{t('options_ratesIntro')}</p>
      <div class="row form">
        <Field id="rate-url" label={t('options_rateUrl')} error={problem ? t(PROBLEM_KEYS[problem]) : undefined}>
          <input
            {...describedBy('rate-url', false, problem ? t(PROBLEM_KEYS[problem]) : undefined)}
            type="url"
            value={shownUrl}
            placeholder="https://"
            spellcheck={false}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </Field>
        <Field id="rate-interval" label={t('options_rateInterval')}>
          <select id="rate-interval" value={String(shownInterval)} onChange={(event) => setIntervalMinutes(Number(event.currentTarget.value))}>
            {model.rateIntervalsMinutes.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {t(`options_rateInterval${minutes}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div class="actions">
        <button type="button" class="primary" disabled={model.busy.value} onClick={() => void model.setRateSource(shownUrl, shownInterval)}>
          {t('options_rateSave')}
        </button>
        {current?.source.url && (
          <button type="button" disabled={model.busy.value} onClick={() => void model.refreshRates()}>
            {t('options_rateRefresh')}
          </button>
        )}
      </div>
      {status && (
        <div class="status-block" data-testid="rate-status" role="status">
          <p>
            {status.source === 'remote' && status.url
              ? t('rate_source_remote', [status.version, status.url])
              : t('rate_source_embedded', status.version)}
          </p>
          {status.fetchedAt && <p class="note">{t('rate_fetchedAt', new Date(status.fetchedAt).toLocaleString())}</p>}
          {status.checkedAt && <p class="note">{t('rate_checkedAt', new Date(status.checkedAt).toLocaleString())}</p>}
          {error && errorText && (
            <p class="error" data-testid="rate-error">
              {error.path ? t('rate_errorField', [error.path, errorText]) : errorText}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
