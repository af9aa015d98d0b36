import { useMemo } from 'preact/hooks';
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
import { BatchHealthBar } from './batch/BatchHealthBar';
import { BatchPager } from './batch/BatchPager';
import { BatchTable } from './batch/BatchTable';

export interface BatchSectionProps {
  model: BatchModel;
  presets: readonly Preset[];
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
      // Portals links come only from the API, one product at a time: the batch makes none (an
      // untracked link earns nothing), and says where such links can be had.
      return failure.problem === 'needs-api' ? t('batch_fail_needsApi') : deeplinkErrorText(failure.problem);
  }
}

/** A pasted list or a file of AliExpress URLs to deeplinks, estimates and warnings, exported as CSV. */
export function BatchSection({ model, presets }: BatchSectionProps) {
  const language = uiLanguage();
  const formatters = useMemo(() => catalogFormatters((key) => t(key as MessageKey), language), [language]);
  const text: BatchText = useMemo(
    () => ({ warning: (warning) => tr(warningMessage(warning, formatters)), error: batchErrorText, change: linkChangeText }),
    [formatters],
  );
  const phase = model.outcome.value;
  const running = phase.kind === 'running';

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await model.loadFile(file);
    input.value = '';
  };

  return (
    <section class="card batch-worktable" id="batch" aria-labelledby="batch-heading" data-testid="batch">
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
          // Left editable while a batch runs: it converts the text as it was at Convert, and making a
          // 10,000-line field read-only and back lays all its text out again, twice per batch.
          onInput={(e) => model.setText(e.currentTarget.value)}
        />
      </Field>
      <Field id="batch-file" label={t('batch_file')}>
        <input id="batch-file" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" disabled={running} onChange={(event) => void onFile(event)} />
      </Field>
      <div class="actions">
        <button type="button" class="primary" disabled={running || presets.length === 0} onClick={() => void model.convert()}>
          {t('batch_convert')}
        </button>
        {running && (
          <button type="button" onClick={() => model.cancel()}>
            {t('batch_cancel')}
          </button>
        )}
      </div>
      {running && <BatchProgress model={model} formatNumber={formatters.number} />}
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
      {phase.kind === 'done' && <BatchResults model={model} text={text} formatters={formatters} total={phase.rows.length} />}
    </section>
  );
}

interface BatchResultsProps {
  model: BatchModel;
  text: BatchText;
  formatters: MessageFormatters;
  total: number;
}

/** The worktable: export, the warnings every row shares (once), what to show, and the page of rows. */
function BatchResults({ model, text, formatters, total }: BatchResultsProps) {
  const { shared } = model.shared.value;
  const page = model.page.value;
  const copy = model.copyStatus.value;
  const health = model.health;
  return (
    <>
      <div class="actions">
        <button type="button" onClick={() => model.exportCsv(text)}>
          {t('batch_export', formatters.number(total))}
        </button>
      </div>
      {health && <BatchHealthBar health={health} formatNumber={formatters.number} />}
      {shared.length > 0 && (
        <div class="batch-shared" data-testid="batch-shared">
          <h3>{t('batch_sharedWarnings')}</h3>
          <ul class="warnings">
            {shared.map((warning, index) => (
              <li key={index} class={`warning ${warning.rank}`}>
                <span class="rank">{t(`rule_rank_${warning.rank}`)}</span> {text.warning(warning)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <BatchPager
        page={page}
        filter={model.filter.value}
        pageSize={model.pageSize.value}
        formatNumber={formatters.number}
        onFilter={model.setFilter}
        onPageSize={model.setPageSize}
        onPage={model.goToPage}
        {...(health
          ? { health: { filter: health.filter.value, counts: health.counts.value, checked: health.byRow.value.size, onFilter: model.setHealthFilter } }
          : {})}
      />
      <p role="status" class="note batch-copy-status" data-testid="batch-copy-status">
        {copy.kind === 'copied' && t('batch_copied', String(copy.row))}
        {copy.kind === 'copyFailed' && <span class="error">{t('batch_copyFailed', String(copy.row))}</span>}
      </p>
      {page.rows.length === 0 ? (
        <p class="note">{t('batch_noMatch')}</p>
      ) : (
        <BatchTable
          rows={page.rows}
          shared={model.shared.value}
          formatters={formatters}
          warningText={text.warning}
          errorText={(row) => text.error(row.error)}
          onCopy={(row) => void model.copyLink(row)}
          {...(health ? { health: health.byRow.value } : {})}
        />
      )}
    </>
  );
}

/** Reads the progress counts itself: a step re-renders this bar, not the section and its 10,000-line field. */
function BatchProgress({ model, formatNumber }: { model: BatchModel; formatNumber: (value: number) => string }) {
  const phase = model.phase.value;
  if (phase.kind !== 'running') return null;
  const text = t('batch_progress', [formatNumber(phase.done), formatNumber(phase.total)]);
  return (
    <p class="progress-line">
      <progress max={phase.total} value={phase.done} aria-label={t('batch_progressLabel')} aria-valuetext={text} data-testid="batch-progress" />{' '}
      <span aria-hidden="true">{text}</span>
    </p>
  );
}
