import type { ProductInsightsReply } from '@/lib/api/service';
import type { ApiService } from '@/lib/api/credentials';
import type { ApiInsightsState } from '@/lib/popup/api-insights';
import { t } from '@/lib/i18n/index';
import { apiErrorText } from '../shared/api-error-text';

export interface ApiFactsProps {
  state: Exclude<ApiInsightsState, { status: 'idle' }>;
  /** The preset's link comes from the API (Portals): the link box says when it is asked for and why none came. */
  linkFromApi: boolean;
  formatNumber: (value: number) => string;
  formatPrice: (amount: number, currency: string) => string;
}

const NAME_KEYS = { aliexpress: 'api_name_aliexpress', admitad: 'api_name_admitad' } as const;
const RATE_SOURCE_KEYS = { 'aliexpress-api': 'api_rateSource_aliexpress', 'admitad-api': 'api_rateSource_admitad' } as const;
const NOT_AFFILIATE_KEYS = { 'aliexpress-api': 'api_notAffiliate_aliexpress', 'admitad-api': 'api_notAffiliate_admitad' } as const;
const apiName = (service: ApiService) => t(NAME_KEYS[service]);

type Answer = Extract<ProductInsightsReply, { source: string }>;

function RateLine({ reply, formatNumber }: { reply: Answer; formatNumber: (value: number) => string }) {
  const rate = reply.rate;
  if (!rate) return null;
  const hot = rate.isHot && rate.hotCommissionRate !== null;
  const main = hot ? rate.hotCommissionRate : rate.commissionRate;
  return (
    <p class="rate exact" data-testid="api-rate">
      {main !== null && <strong>{t('rate_best', formatNumber(main))}</strong>}
      {hot && <span class="hot">{t('hot_badge')}</span>}
      {hot && rate.commissionRate !== null && <span class="note"> {t('api_normalRate', formatNumber(rate.commissionRate))}</span>}
      <span class="source"> {t(RATE_SOURCE_KEYS[reply.source])}</span>
    </p>
  );
}

/** What a network API said about the product, under the local result it refines. */
export function ApiFacts({ state, linkFromApi, formatNumber, formatPrice }: ApiFactsProps) {
  const name = apiName(state.service);
  if (state.status === 'loading') {
    return linkFromApi ? null : (
      <p class="note" role="status" data-testid="api-status">
        {t('api_loading', name)}
      </p>
    );
  }
  const { reply } = state;
  if (reply.source === null) {
    // Admitad without credentials is the ordinary case: the tables are the answer, nothing to say.
    // For Portals the link box already says what is missing.
    if (reply.reason === 'no-access' && !linkFromApi) return <p class="note" data-testid="api-status">{t('api_noAccess', name)}</p>;
    return null;
  }
  const details = [reply.title, reply.category && t('api_category', reply.category), reply.price && t('api_price', formatPrice(reply.price.amount, reply.price.currency))].filter(Boolean);
  return (
    <div class="api-facts" data-testid="api-facts" data-source={reply.source}>
      {reply.affiliate === false && (
        <p class="warning blocking" role="alert" data-testid="api-not-affiliate">
          <strong>{t('rule_rank_blocking')}:</strong> {t(NOT_AFFILIATE_KEYS[reply.source])}
        </p>
      )}
      <RateLine reply={reply} formatNumber={formatNumber} />
      {details.length > 0 && (
        <p class="note" data-testid="api-product">
          {details.join(' · ')}
        </p>
      )}
      {reply.error && (
        <p class="error" role="alert" data-testid="api-error">
          {t('api_failed', [name, apiErrorText(reply.error)])}
          {!linkFromApi && ` ${t('api_keptLocal')}`}
        </p>
      )}
    </div>
  );
}
