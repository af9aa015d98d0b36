import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from '@/lib/storage/history';
import type { HistoryModel } from '@/lib/options/history-model';
import { copyFailureText, surfaceText } from '@/lib/options/text';
import { t, uiLanguage } from '@/lib/i18n/index';
import { Field } from './Field';
import { EmptyState } from './EmptyState';
import { LinkHealthPanel } from './LinkHealth';

export interface HistorySectionProps {
  model: HistoryModel;
  /** How many entries show before "Show more". */
  pageSize?: number;
}

function StatusLine({ model, num }: { model: HistoryModel; num: (value: number) => string }) {
  const status = model.status.value;
  return (
    <p role="status" class="note" data-testid="history-status">
      {status?.kind === 'copied' && t('history_copied')}
      {status?.kind === 'copyFailed' && <span class="error">{t('history_copyFailed')}</span>}
      {status?.kind === 'cleared' && t('history_cleared')}
      {status?.kind === 'clearFailed' && <span class="error">{t('history_clearFailed')}</span>}
      {status?.kind === 'exported' && t('history_exported', num(status.count))}
    </p>
  );
}

function EntryItem({ entry, model, when }: { entry: HistoryEntry; model: HistoryModel; when: string }) {
  return (
    <li class={entry.failure || entry.pending ? 'history-entry failed' : 'history-entry'}>
      <span class="grow">
        <span class="note">
          <time dateTime={new Date(entry.at).toISOString()}>{when}</time> · {surfaceText(entry.surface)} · {entry.presetName ?? t('history_noPreset')}
          {entry.productId && <> · {t('history_product', entry.productId)}</>}
        </span>
        {entry.title && (
          <span class="history-title" data-testid="history-title">
            {entry.title}
          </span>
        )}
        {entry.link && <span class="link history-link">{entry.link}</span>}
        {entry.failure && <span class="error">{t('history_failed', copyFailureText(entry.failure))}</span>}
        {!entry.failure && entry.pending && <span class="error">{t('history_interrupted')}</span>}
        <span class="clean-url">{entry.sourceUrl}</span>
      </span>
      {entry.link && (
        <button type="button" onClick={() => void model.copyAgain(entry)} aria-label={t('history_copyAgainLabel', entry.productId ?? entry.sourceUrl)}>
          {t('history_copyAgain')}
        </button>
      )}
    </li>
  );
}

/** Every link copied from the popup, the menu or the shortcut, newest first; search, copy again, export, clear. */
export function HistorySection({ model, pageSize = 50 }: HistorySectionProps) {
  const [shown, setShown] = useState(pageSize);
  const entries = model.entries.value;
  const filtered = model.filtered.value;
  const filter = model.filter.value;
  const language = uiLanguage();
  const formatter = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const num = (value: number) => new Intl.NumberFormat(language).format(value);
  const filtering = filter.text !== '' || filter.preset !== 'all' || filter.from !== '' || filter.to !== '';

  // Clearing asks first, in the page: the question and its two answers replace the button, and
  // the focus moves to the safe answer.
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);
  const clear = async () => {
    setConfirming(false);
    await model.clear();
  };

  return (
    <section class="card" aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading">{t('history_title')}</h2>
      <p class="note">{t('history_intro', num(model.limit))}</p>
      <p class="note" data-testid="history-count">
        {t('history_count', [num(entries.length), num(model.limit)])}
      </p>
      <div class="row filters" role="search" aria-label={t('history_searchLabel')}>
        <Field id="history-text" label={t('history_search')}>
          <input id="history-text" type="search" value={filter.text} onInput={(e) => model.setFilter({ text: e.currentTarget.value })} />
        </Field>
        <Field id="history-preset" label={t('history_preset')}>
          <select id="history-preset" value={filter.preset} onChange={(e) => model.setFilter({ preset: e.currentTarget.value })}>
            <option value="all">{t('history_presetAll')}</option>
            {model.presetChoices.value.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
            <option value="none">{t('history_noPreset')}</option>
          </select>
        </Field>
        <Field id="history-from" label={t('history_from')}>
          <input id="history-from" type="date" value={filter.from} max={filter.to || undefined} onInput={(e) => model.setFilter({ from: e.currentTarget.value })} />
        </Field>
        <Field id="history-to" label={t('history_to')}>
          <input id="history-to" type="date" value={filter.to} min={filter.from || undefined} onInput={(e) => model.setFilter({ to: e.currentTarget.value })} />
        </Field>
      </div>
      <div class="actions">
        {filtering && (
          <button type="button" onClick={() => model.clearFilter()}>
            {t('history_resetFilter')}
          </button>
        )}
        <button type="button" disabled={filtered.length === 0} onClick={() => model.exportCsv()}>
          {filtering ? t('history_exportShown', num(filtered.length)) : t('history_export')}
        </button>
        {!confirming && (
          <button type="button" class="danger" disabled={entries.length === 0} onClick={() => setConfirming(true)}>
            {t('history_clear')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="banner" role="group" aria-labelledby="history-confirm" data-testid="history-confirm">
          <p id="history-confirm">{t('history_confirmClear', num(entries.length))}</p>
          <div class="actions">
            <button type="button" class="danger" onClick={() => void clear()}>
              {t('history_clearConfirm')}
            </button>
            <button type="button" ref={keepRef} onClick={() => setConfirming(false)}>
              {t('history_clearKeep')}
            </button>
          </div>
        </div>
      )}
      {model.writeFailure.value && (
        <p class="error" role="alert" data-testid="history-not-saved">
          {t(model.writeFailure.value.kind === 'quota' ? 'history_notSavedFull' : 'history_notSaved', formatter.format(model.writeFailure.value.at))}
        </p>
      )}
      <StatusLine model={model} num={num} />
      {model.loaded.value && entries.length === 0 && <EmptyState title={t('history_empty')} action={t('history_emptyAction')} testId="history-empty" />}
      {entries.length > 0 && filtering && (
        <p class="note" data-testid="history-matches">
          {t('history_matches', num(filtered.length))}
        </p>
      )}
      <ul class="list" data-testid="history-list">
        {filtered.slice(0, shown).map((entry, index) => (
          <EntryItem key={entry.id ?? `${entry.at}-${index}`} entry={entry} model={model} when={formatter.format(entry.at)} />
        ))}
      </ul>
      {filtered.length > shown && (
        <button type="button" onClick={() => setShown(shown + pageSize)}>
          {t('history_showMore', [num(Math.min(pageSize, filtered.length - shown)), num(filtered.length - shown)])}
        </button>
      )}
      <LinkHealthPanel />
    </section>
  );
}
