import { useMemo, useState } from 'preact/hooks';
import type { BatchRow } from '@/lib/batch/convert';
import type { BatchText } from '@/lib/batch/export';
import { BATCH_MAX_ROWS } from '@/lib/batch/extract';
import type { BatchFailure, BatchModel } from '@/lib/options/batch-model';
import { batchErrorText } from '@/lib/options/text';
import type { Preset } from '@/lib/presets/types';
import { catalogFormatters, type MessageFormatters } from '@/lib/rates';
import { warningMessage } from '@/lib/rules';
import { deeplinkErrorText } from '@/lib/i18n/text';
import { linkChangeText } from '@/lib/i18n/link-changes';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n/index';
import { Field, describedBy } from './Field';

export interface BatchSectionProps {
  model: BatchModel;
  presets: readonly Preset[];
  /** Rows shown before "Show more"; the export always has them all. */
  pageSize?: number;
}

const tr = (message: { key: string; substitutions: string[] }) => t(message.key as MessageKey, message.substitutions);

function failureText(failure: BatchFailure, formatNumber: (value: number) => string): string {
  switch (failure.reason) {
    case 'empty':
      return t('batch_fail_empty');
    case 'tooMany':
      return t('batch_fail_tooMany', formatNumber(failure.max));
    case 'tooLarge':
      return t('batch_fail_tooLarge');
    case 'unreadableFile':
      return t('batch_fail_unreadable');
    case 'noPreset':
      return t('batch_fail_noPreset');
    case 'preset':
      return deeplinkErrorText(failure.problem);
  }
}

function rateText(row: Extract<BatchRow, { ok: true }>, formatters: MessageFormatters): string {
  const { rate, best } = row.estimate;
  const num = formatters.number;
  const range = rate.max === null ? t('rate_rangeOpen', num(rate.min)) : t('rate_range', [num(rate.min), num(rate.max)]);
  return best === null ? range : `${t('rate_best', num(best))}, ${range}`;
}

function RowItem({ row, text, formatters }: { row: BatchRow; text: BatchText; formatters: MessageFormatters }) {
  return (
    <tr class={row.ok ? undefined : 'failed'}>
      <td>{row.row}</td>
      <td class="url-cell">{row.input}</td>
      {row.ok ? (
        <>
          <td class="url-cell">
            <span class="link">{row.link}</span>
            {row.duplicateOf !== null && <span class="note">{t('batch_duplicateOf', String(row.duplicateOf))}</span>}
            {row.changes.length > 0 && (
              <span class="note" data-testid="batch-changes">
                {t('batch_changes')}: {row.changes.map(linkChangeText).join('; ')}
              </span>
            )}
          </td>
          <td>
            {rateText(row, formatters)}
            {row.hot && <span class="hot">{t('hot_badge')}</span>}
          </td>
          <td>
            {row.warnings.length > 0 && (
              <ul class="warnings">
                {row.warnings.map((warning, index) => (
                  <li key={index} class={`warning ${warning.rank}`}>
                    {text.warning(warning)}
                  </li>
                ))}
              </ul>
            )}
          </td>
        </>
      ) : (
        <td colSpan={3} class="error">
          {text.error(row.error)}
        </td>
      )}
    </tr>
  );
}

/** A pasted list or a file of AliExpress URLs to deeplinks, estimates and warnings, exported as CSV. */
export function BatchSection({ model, presets, pageSize = 100 }: BatchSectionProps) {
  const [shown, setShown] = useState(pageSize);
  const language = uiLanguage();
  const formatters = useMemo(() => catalogFormatters((key) => t(key as MessageKey), language), [language]);
  const text: BatchText = useMemo(
    () => ({ warning: (warning) => tr(warningMessage(warning, formatters)), error: batchErrorText, change: linkChangeText }),
    [formatters],
  );
  const phase = model.phase.value;
  const running = phase.kind === 'running';

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await model.loadFile(file);
    input.value = '';
  };

  const convert = async () => {
    setShown(pageSize);
    await model.convert();
  };

  return (
    <section class="card" id="batch" aria-labelledby="batch-heading" data-testid="batch">
      <h2 id="batch-heading">{t('batch_title')}</h2>
      <p class="note">{t('batch_intro', formatters.number(BATCH_MAX_ROWS))}</p>
      {presets.length === 0 ? (
        <p class="note">{t('batch_needsPreset')}</p>
      ) : (
        <Field id="batch-preset" label={t('batch_preset')}>
          <select id="batch-preset" value={model.presetId.value ?? ''} disabled={running} onChange={(e) => model.choosePreset(e.currentTarget.value)}>
            {presets.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="batch-text" label={t('batch_urls')} help={t('batch_urlsHelp')}>
        <textarea
          {...describedBy('batch-text', true, undefined)}
          rows={8}
          spellcheck={false}
          autoComplete="off"
          wrap="off"
          value={model.text.value}
          readOnly={running}
          onInput={(e) => model.setText(e.currentTarget.value)}
        />
      </Field>
      <Field id="batch-file" label={t('batch_file')}>
        <input id="batch-file" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" disabled={running} onChange={(event) => void onFile(event)} />
      </Field>
      <div class="actions">
        <button type="button" class="primary" disabled={running || presets.length === 0} onClick={() => void convert()}>
          {t('batch_convert')}
        </button>
        {running && (
          <button type="button" onClick={() => model.cancel()}>
            {t('batch_cancel')}
          </button>
        )}
      </div>
      {running && (
        <p class="progress-line">
          <progress
            max={phase.total}
            value={phase.done}
            aria-label={t('batch_progressLabel')}
            aria-valuetext={t('batch_progress', [formatters.number(phase.done), formatters.number(phase.total)])}
            data-testid="batch-progress"
          />{' '}
          <span aria-hidden="true">{t('batch_progress', [formatters.number(phase.done), formatters.number(phase.total)])}</span>
        </p>
      )}
      <div role="status" data-testid="batch-status">
        {phase.kind === 'cancelled' && <p class="note">{t('batch_cancelled')}</p>}
        {phase.kind === 'done' && (
          <p data-testid="batch-summary">
            {t('batch_summary', [
              formatters.number(phase.summary.total),
              formatters.number(phase.summary.converted),
              formatters.number(phase.summary.failed),
              formatters.number(phase.summary.withWarnings),
              formatters.number(phase.summary.duplicates),
              phase.presetName,
            ])}{' '}
            <span class="note">{t('batch_elapsed', formatters.number(Math.round(phase.elapsedMs / 100) / 10))}</span>
          </p>
        )}
      </div>
      {phase.kind === 'failed' && (
        <p class="error" role="alert" data-testid="batch-error">
          {failureText(phase.failure, formatters.number)}
        </p>
      )}
      {phase.kind === 'done' && (
        <>
          <div class="actions">
            <button type="button" onClick={() => model.exportCsv(text)}>
              {t('batch_export', formatters.number(phase.rows.length))}
            </button>
          </div>
          <div class="table-wrap">
            <table class="batch-table" data-testid="batch-table">
              <caption class="note">{t('batch_tableCaption', [formatters.number(Math.min(shown, phase.rows.length)), formatters.number(phase.rows.length)])}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('batch_colRow')}</th>
                  <th scope="col">{t('batch_colInput')}</th>
                  <th scope="col">{t('batch_colLink')}</th>
                  <th scope="col">{t('batch_colRate')}</th>
                  <th scope="col">{t('batch_colWarnings')}</th>
                </tr>
              </thead>
              <tbody>
                {phase.rows.slice(0, shown).map((row) => (
                  <RowItem key={row.row} row={row} text={text} formatters={formatters} />
                ))}
              </tbody>
            </table>
          </div>
          {phase.rows.length > shown && (
            <button type="button" onClick={() => setShown(shown + pageSize)}>
              {t('batch_showMore', [formatters.number(Math.min(pageSize, phase.rows.length - shown)), formatters.number(phase.rows.length - shown)])}
            </button>
          )}
        </>
      )}
    </section>
  );
}
