import type { ComponentChildren } from 'preact';
import type { Fact } from '@/lib/rates';
import { CATEGORY_KEYS, categoryLabelKey, factMessage, seedDocumentKey, type CategoryKey, type MessageFormatters } from '@/lib/rates';
import type { SourceRef } from '@/lib/rates/types';
import { warningMessage } from '@/lib/rules';
import { presentWarnings, type Insights, type PresentedWarning } from '@/lib/insights';
import type { ShipToAccess } from '@/lib/popup/ship-to';
import { ProductFacts, type ProductFactsChange } from '@/components/popup/ProductFacts';
import { t, type MessageKey } from '@/lib/i18n/index';

export interface InsightsPanelProps {
  insights: Insights;
  /** Product pages only: the category picker is offered for them. */
  productId: string | null;
  shipToAccess: ShipToAccess;
  formatters: MessageFormatters;
  onPickCategory: (key: CategoryKey | null) => void;
  onReadShipTo: () => void;
  /** Stores what the user typed about the product (price, store kind, seller's country). */
  onSetProductFacts: (change: ProductFactsChange) => void;
  formatPrice: (amount: number, currency: string) => string;
  /** What a network API said, shown first: it refines the estimate below. */
  api?: ComponentChildren;
  /** The API gave the exact rate: the estimate below it is labelled as an estimate. */
  exactRateShown?: boolean;
}

/** The commission on the price: the best guess, else the range (amounts already rounded down, seed 001). */
function moneyText(commission: NonNullable<Insights['estimate']['commission']>, num: (value: number) => string): string {
  if (commission.best !== null) return num(commission.best);
  return commission.max === null ? `${num(commission.min)}+` : `${num(commission.min)}–${num(commission.max)}`;
}

const tr = (message: { key: string; substitutions: string[] }) => t(message.key as MessageKey, message.substitutions);

/** Facts whose number Sublink computed: their source states the statement, not the number. */
const DERIVED_FACTS: ReadonlySet<string> = new Set(['derivedFromProgram', 'rateRangeDerived', 'derivedTable']);

/**
 * The document by its short name ("Admitad RU&CIS"); on expand its full name ("Admitad —
 * AliExpress RU&CIS NEW program page"), the date as the seed gives it, the quote and the file.
 */
function SourceDetails({ source, formatters, derived = false }: { source: SourceRef; formatters: MessageFormatters; derived?: boolean }) {
  const key = seedDocumentKey(source.seed);
  const name = key ? t(key as MessageKey) : source.seed;
  const shortName = key ? t(key.replace('source_', 'source_short_') as MessageKey) : source.seed;
  return (
    <details class="source" data-seed={source.seed}>
      <summary>
        {shortName}
        {derived && ` · ${t('insights_sourceDerived')}`}
      </summary>
      {source.date ? t('insights_sourceDated', [name, formatters.date(source.date)]) : t('insights_source', name)}
      {source.quote && (
        <>
          {': '}
          <q>{source.quote}</q>
        </>
      )}{' '}
      <span class="seed-file">{source.seed}</span>
    </details>
  );
}

function FactItem({ fact, formatters }: { fact: Fact; formatters: MessageFormatters }) {
  return (
    <li>
      {tr(factMessage(fact, formatters))}
      {fact.source && <SourceDetails source={fact.source} formatters={formatters} derived={DERIVED_FACTS.has(fact.id)} />}
    </li>
  );
}

function WarningItem({ item, formatters }: { item: PresentedWarning; formatters: MessageFormatters }) {
  const { warning, merged } = item;
  return (
    <li class={`warning ${warning.rank}`} data-code={warning.code} data-rank={warning.rank} data-merged={merged.map((m) => m.code).join(' ') || undefined}>
      <strong class="rank">{t(`rule_rank_${warning.rank}`)}</strong> {tr(warningMessage(warning, formatters))}
      {warning.sources.map((source, index) => (
        <SourceDetails key={index} source={source} formatters={formatters} />
      ))}
      {merged.length > 0 && (
        <details class="source">
          <summary>{t('warnings_alsoSays')}</summary>
          {merged.map((other) => (
            <p key={other.code} data-code={other.code}>
              {tr(warningMessage(other, formatters))} {other.sources.map((source) => seedDocumentKey(source.seed) ? t(seedDocumentKey(source.seed) as MessageKey) : source.seed).join('; ')}
            </p>
          ))}
        </details>
      )}
    </li>
  );
}

/** The estimate, the HOT flag and the warnings under the link; every number can say where it is from. */
export function InsightsPanel({ insights, productId, shipToAccess, formatters, onPickCategory, onReadShipTo, onSetProductFacts, formatPrice, api, exactRateShown = false }: InsightsPanelProps) {
  const { estimate, warnings, hot, shipTo } = insights;
  const shownWarnings = presentWarnings(warnings);
  // Known: what the publisher sees, worth a line. Unknown: kept under "Why?" with the way to read it.
  const shipToLine = (
    <p class="note" data-testid="ship-to">
      {shipTo ? t(shipTo.from === 'cookie' ? 'insights_shipToCookie' : 'insights_shipToSite', formatters.country(shipTo.country)) : t('insights_shipToUnknown')}{' '}
      {shipTo?.from !== 'cookie' && shipToAccess !== 'allowed' && shipToAccess !== 'checking' && (
        <button type="button" class="link-button" title={t('insights_readShipToWhy')} data-testid="read-ship-to" onClick={onReadShipTo}>
          {t('insights_readShipTo')}
        </button>
      )}
      {shipToAccess === 'denied' && <span> {t('insights_readShipToDenied')}</span>}
    </p>
  );
  const num = formatters.number;
  const range =
    estimate.rate.max === null ? t('rate_rangeOpen', num(estimate.rate.min)) : t('rate_range', [num(estimate.rate.min), num(estimate.rate.max)]);
  return (
    <section class="insights" data-testid="insights" aria-label={t('insights_title')}>
      {insights.title && (
        <p class="product-title" data-testid="product-title" title={insights.title}>
          {insights.title}
        </p>
      )}
      {api}
      <div class="rate-line">
        <p class={exactRateShown ? 'rate note' : 'rate'} data-testid="rate">
          {exactRateShown && <span>{t('api_tableEstimate')}: </span>}
          {/* One number when the category gives one; the range stays beside it, smaller. */}
          {estimate.best !== null ? <strong>{t('rate_best', num(estimate.best))}</strong> : <span>{range}</span>}
          {estimate.byCategory && <span class="note"> · {t('rate_byCategory')}</span>}
          {hot.hot && (
            <span class="hot" data-testid="hot" title={t('hot_inList', hot.label)}>
              {t('hot_badge')}
            </span>
          )}
        </p>
        {estimate.best !== null && (estimate.rate.max === null || estimate.rate.min !== estimate.rate.max) && (
          <p class="note" data-testid="rate-range">
            {t('rate_rangeNote', range)}
          </p>
        )}
        {hot.hot && hot.ratePct !== null && <p class="note">{t('hot_rate', num(hot.ratePct))}</p>}
        {estimate.commission && (
          <p class="note" data-testid="commission">
            {t('rate_commissionOn', [moneyText(estimate.commission, num), estimate.commission.currency])}
            {estimate.commission.capped && ` · ${t('rate_commissionCapped')}`}
          </p>
        )}
        {estimate.cap && (
          <p class="note" data-testid="cap">
            {t('rate_capPerOrder', [num(estimate.cap.amount), estimate.cap.currency])}
            {/* Where the cap bites matters next to a price; without one it is under "Why?". */}
            {estimate.commission &&
              estimate.capBitesAbove &&
              ` · ${t('rate_capBites', [num(estimate.capBitesAbove.price), estimate.capBitesAbove.currency, num(estimate.capBitesAbove.ratePct)])}`}
          </p>
        )}
        {productId && (
          <span class="category">
            <select
              data-testid="category-picker"
              aria-label={t('rate_pickCategory')}
              title={t('rate_pickCategory')}
              value={insights.categoryKey ?? ''}
              onChange={(event) => onPickCategory((event.currentTarget.value || null) as CategoryKey | null)}
            >
              <option value="">{t('insights_categoryUnknown')}</option>
              {CATEGORY_KEYS.map((key) => (
                <option key={key} value={key}>
                  {t(categoryLabelKey(key) as MessageKey)}
                </option>
              ))}
            </select>
            {insights.categorySource === 'title' && (
              <span class="note" data-testid="category-guessed">
                {' '}
                {t('insights_categoryGuessed')}
              </span>
            )}
            {insights.categorySource === 'api' && <span class="note"> {t('insights_categoryFromApi')}</span>}
          </span>
        )}
      </div>
      {shipTo && shipToLine}
      {shownWarnings.shown.length > 0 && (
        <ul class="warnings" data-testid="warnings">
          {shownWarnings.shown.map((item) => (
            <WarningItem key={item.warning.code} item={item} formatters={formatters} />
          ))}
        </ul>
      )}
      {/* "More", "Why?" and the product facts share a row while closed: the popup must fit Chrome's 600 px. */}
      <div class="insights-foot">
        {shownWarnings.more.length > 0 && (
          <details class="more-warnings" data-testid="more-warnings">
            <summary>{t('warnings_more', String(shownWarnings.more.length))}</summary>
            <ul class="warnings">
              {shownWarnings.more.map((item) => (
                <WarningItem key={item.warning.code} item={item} formatters={formatters} />
              ))}
            </ul>
          </details>
        )}
        <details data-testid="why">
          <summary>{t('rate_why')}</summary>
          {!shipTo && shipToLine}
          <ul class="facts">
            {estimate.facts.map((fact, index) => (
              <FactItem key={index} fact={fact} formatters={formatters} />
            ))}
          </ul>
        </details>
        {productId && <ProductFacts key={productId} typed={insights.typed} apiPrice={insights.apiPrice} formatPrice={formatPrice} onChange={onSetProductFacts} />}
      </div>
    </section>
  );
}
