import { BATCH_FILTERS, BATCH_PAGE_SIZES, type BatchFilter, type BatchPage, type BatchPageSize } from '@/lib/batch/view';
import { t, type MessageKey } from '@/lib/i18n/index';
import { LINK_HEALTH_STATUSES, type LinkHealthFilter } from '@/lib/options/link-health-model';
import type { LinkHealthStatus } from '@/lib/storage/link-health';
import { HEALTH_STATUS_KEYS } from '../LinkHealth';

const FILTER_LABEL: Record<BatchFilter, MessageKey> = {
  all: 'batch_filter_all',
  converted: 'batch_filter_converted',
  failed: 'batch_filter_failed',
  warnings: 'batch_filter_warnings',
  duplicates: 'batch_filter_duplicates',
};

export interface BatchPagerProps {
  page: BatchPage;
  filter: BatchFilter;
  pageSize: BatchPageSize;
  formatNumber: (value: number) => string;
  onFilter(filter: BatchFilter): void;
  onPageSize(size: BatchPageSize): void;
  onPage(index: number): void;
  /** The re-check's status filter, once some rows have a result. */
  health?: { readonly filter: LinkHealthFilter; readonly counts: Readonly<Record<LinkHealthStatus, number>>; readonly checked: number; onFilter(filter: LinkHealthFilter): void };
}

/** What the table shows: which rows (filter), how many at once, and which page. */
export function BatchPager({ page, filter, pageSize, formatNumber, onFilter, onPageSize, onPage, health }: BatchPagerProps) {
  const pages = Array.from({ length: page.count }, (_, index) => index);
  return (
    <div class="batch-pager" data-testid="batch-pager">
      <label class="field inline">
        <span>{t('batch_filter')}</span>
        <select value={filter} onChange={(event) => onFilter(event.currentTarget.value as BatchFilter)}>
          {BATCH_FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(FILTER_LABEL[value])}
            </option>
          ))}
        </select>
      </label>
      {health && health.checked > 0 && (
        <label class="field inline">
          <span>{t('batch_filter_health')}</span>
          <select value={health.filter} onChange={(event) => health.onFilter(event.currentTarget.value as LinkHealthFilter)}>
            <option value="all">{t('health_filter_all', formatNumber(health.checked))}</option>
            {LINK_HEALTH_STATUSES.filter((status) => health.counts[status] > 0 || health.filter === status).map((status) => (
              <option key={status} value={status}>
                {t('health_statusCount', [t(HEALTH_STATUS_KEYS[status]), formatNumber(health.counts[status])])}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="field inline">
        <span>{t('batch_pageSize')}</span>
        <select value={String(pageSize)} onChange={(event) => onPageSize(Number(event.currentTarget.value) as BatchPageSize)}>
          {BATCH_PAGE_SIZES.map((size) => (
            <option key={size} value={String(size)}>
              {formatNumber(size)}
            </option>
          ))}
        </select>
      </label>
      <div class="batch-pages">
        <button type="button" disabled={page.index === 0} onClick={() => onPage(page.index - 1)}>
          <span aria-hidden="true">‹ </span>
          {t('batch_pagePrev')}
        </button>
        <select
          aria-label={t('batch_page')}
          value={String(page.index)}
          disabled={page.count < 2}
          onChange={(event) => onPage(Number(event.currentTarget.value))}
        >
          {pages.map((index) => (
            <option key={index} value={String(index)}>
              {formatNumber(index + 1)}
            </option>
          ))}
        </select>
        <button type="button" disabled={page.index >= page.count - 1} onClick={() => onPage(page.index + 1)}>
          {t('batch_pageNext')}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      <p class="note batch-range" aria-live="polite" data-testid="batch-range">
        {t('batch_pageStatus', [formatNumber(page.first), formatNumber(page.last), formatNumber(page.total), formatNumber(page.index + 1), formatNumber(page.count)])}
      </p>
    </div>
  );
}
