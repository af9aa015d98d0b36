import { t, uiLanguage } from '@/lib/i18n/index';
import type { SyncModel } from '@/lib/options/sync-model';
import { browserSyncModel } from '@/lib/options/sync-browser';
import type { SyncError } from '@/lib/storage/sync';

export interface SyncSectionProps {
  model: SyncModel;
}

function errorText(error: SyncError, num: (value: number) => string): string {
  if (error.kind === 'full') return t('sync_error_full', num(error.bytes));
  if (error.kind === 'too-many') return t('sync_error_tooMany', num(error.items));
  if (error.kind === 'item-too-large') return t('sync_error_itemTooLarge', num(error.bytes));
  if (error.kind === 'browser') return t('sync_error_browser', error.message);
  // A key outside Sublink's own is never built by the sync; said as the browser's refusal would be.
  return t('sync_error_browser', error.key);
}

/** Opt-in sync of accounts, presets and the default preset; its rule for conflicts, its status and errors. */
export function SyncSection({ model }: SyncSectionProps) {
  const language = uiLanguage();
  const num = (value: number) => new Intl.NumberFormat(language).format(value);
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const error = model.error.value;
  const notice = model.notice.value;
  const lastSyncAt = model.lastSyncAt.value;
  return (
    <section class="card" id="sync" aria-labelledby="sync-heading" data-testid="sync">
      <h2 id="sync-heading">{t('sync_title')}</h2>
      <label class="checkbox">
        <input
          type="checkbox"
          data-testid="sync-toggle"
          checked={model.enabled.value}
          disabled={model.busy.value}
          onChange={(event) => void model.setEnabled(event.currentTarget.checked)}
        />
        <span>{t('sync_label')}</span>
      </label>
      <p class="note">{t('sync_rule')}</p>
      <p role="status" class="note" data-testid="sync-status">
        {model.enabled.value && lastSyncAt !== null && t('sync_lastSync', when.format(lastSyncAt))}
      </p>
      {(error || notice) && (
        <p class="error" role="alert" data-testid="sync-error">
          {error && errorText(error, num)}
          {notice?.kind === 'unavailable' && t('sync_unavailable')}
          {notice?.kind === 'failed' && t('sync_failed')}
        </p>
      )}
      {model.enabled.value && model.replaced.value.length > 0 && (
        <ul class="list" data-testid="sync-replaced">
          {model.replaced.value.map((item) => (
            <li key={`${item.presetId}-${item.at}`}>{t('sync_replaced', [item.name, when.format(item.at)])}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The sync section with the page's one sync model. */
export function SyncPanel() {
  return <SyncSection model={browserSyncModel()} />;
}
