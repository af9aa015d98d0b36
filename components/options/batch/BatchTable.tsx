import type { BatchRow } from '@/lib/batch/convert';
import { ownWarnings, type SharedWarnings } from '@/lib/batch/view';
import type { MessageFormatters } from '@/lib/rates';
import type { Warning } from '@/lib/rules';
import { linkChangeText } from '@/lib/i18n/link-changes';
import { t } from '@/lib/i18n/index';
import type { LinkHealthResult } from '@/lib/storage/link-health';
import { HealthBadge } from './HealthBadge';
import { TipBadge } from './TipBadge';
import { WarningBadge } from './WarningBadge';

type ConvertedRow = Extract<BatchRow, { ok: true }>;

export interface BatchTableProps {
  rows: readonly BatchRow[];
  shared: SharedWarnings;
  formatters: MessageFormatters;
  warningText(warning: Warning): string;
  errorText(row: Extract<BatchRow, { ok: false }>): string;
  onCopy(row: BatchRow): void;
  /** Each row's last re-check, by row number. */
  health?: ReadonlyMap<number, LinkHealthResult>;
}

function rateText(row: ConvertedRow, formatters: MessageFormatters): string {
  const { rate, best } = row.estimate;
  const num = formatters.number;
  const range = rate.max === null ? t('rate_rangeOpen', num(rate.min)) : t('rate_range', [num(rate.min), num(rate.max)]);
  return best === null ? range : `${t('rate_best', num(best))}, ${range}`;
}

/** The product column: its id (and title when the file had one), or what kind of page it is. */
function ProductCell({ row }: { row: BatchRow }) {
  if (!row.ok) {
    return (
      <td class="batch-product">
        <span class="batch-input" title={row.source}>
          {row.input}
        </span>
      </td>
    );
  }
  return (
    <td class="batch-product">
      {row.productId ? <span class="batch-id">{row.productId}</span> : <span class="note">{t(row.kind === 'store' ? 'batch_kind_store' : 'batch_kind_page')}</span>}
      {row.title && (
        <span class="batch-title" title={row.title}>
          {row.title}
        </span>
      )}
    </td>
  );
}

function ConvertedCells({ row, shared, formatters, warningText, onCopy, health }: { row: ConvertedRow } & Omit<BatchTableProps, 'rows' | 'errorText'>) {
  const warnings = ownWarnings(row, shared);
  const checked = health?.get(row.row);
  return (
    <>
      <td class="batch-link-cell">
        <div class="batch-link">
          <button type="button" class="batch-copy" aria-label={t('batch_copyRow', String(row.row))} onClick={() => onCopy(row)}>
            {t('batch_copy')}
          </button>
          <code class="batch-url" title={row.link} data-testid="batch-link">
            {row.link}
          </code>
        </div>
      </td>
      <td class="batch-rate">
        {rateText(row, formatters)}
        {row.hot && <span class="hot">{t('hot_badge')}</span>}
      </td>
      <td class="batch-warnings">
        {(checked || warnings.length > 0 || row.changes.length > 0 || row.duplicateOf !== null) && (
          <ul class="batch-badges">
            {checked && (
              <li data-health={checked.status}>
                <HealthBadge result={checked} formatNumber={formatters.number} />
              </li>
            )}
            {warnings.map((warning, index) => (
              <li key={index}>
                <WarningBadge warning={warning} text={warningText(warning)} />
              </li>
            ))}
            {row.changes.length > 0 && (
              <li>
                <TipBadge label={t('batch_changes')} tip={row.changes.map(linkChangeText).join('; ')} tone="note" testId="batch-changes" />
              </li>
            )}
            {row.duplicateOf !== null && (
              <li>
                <TipBadge label={t('batch_badge_repeat')} tip={t('batch_duplicateOf', String(row.duplicateOf))} tone="note" />
              </li>
            )}
          </ul>
        )}
      </td>
    </>
  );
}

/** One compact row per input: row number, product, the link with its copy button, rate and warning badges. */
export function BatchTable({ rows, shared, formatters, warningText, errorText, onCopy, health }: BatchTableProps) {
  return (
    <div class="table-wrap">
      <table class="batch-table" data-testid="batch-table">
        <colgroup>
          <col class="batch-col-row" />
          <col class="batch-col-product" />
          <col class="batch-col-link" />
          <col class="batch-col-rate" />
          <col class="batch-col-warnings" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('batch_colRow')}</th>
            <th scope="col">{t('batch_colProduct')}</th>
            <th scope="col">{t('batch_colLink')}</th>
            <th scope="col">{t('batch_colRate')}</th>
            <th scope="col">{t('batch_colWarnings')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} class={row.ok ? undefined : 'failed'} data-row={row.row}>
              <td class="batch-row-number">{row.row}</td>
              <ProductCell row={row} />
              {row.ok ? (
                <ConvertedCells row={row} shared={shared} formatters={formatters} warningText={warningText} onCopy={onCopy} health={health} />
              ) : (
                <td colSpan={3} class="error">
                  {errorText(row)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
