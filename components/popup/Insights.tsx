import { useLayoutEffect } from 'preact/hooks';
import { ApiFacts } from '@/components/popup/ApiFacts';
import { InsightsPanel } from '@/components/popup/InsightsPanel';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n/index';
import type { PopupInsightsModel } from '@/lib/popup/insights-model';
import { catalogFormatters } from '@/lib/rates';

export interface InsightsProps {
  model: PopupInsightsModel;
}

const formatters = catalogFormatters((key) => t(key as MessageKey), uiLanguage());
const formatPrice = (amount: number, currency: string): string => {
  try {
    return new Intl.NumberFormat(uiLanguage(), { style: 'currency', currency }).format(amount);
  } catch {
    return `${formatters.number(amount)} ${currency}`;
  }
};

/** The estimate, HOT flag and warnings under the link, with what the network's API said on top. */
export function Insights({ model }: InsightsProps) {
  const insights = model.insights.value;
  useLayoutEffect(() => {
    // `npm run bench` reads this mark: navigation start to the estimate in the DOM.
    if (insights && performance.getEntriesByName('sublink:estimate-ready').length === 0) performance.mark('sublink:estimate-ready');
  }, [insights]);
  if (!insights) return null;
  const api = model.api.value;
  const saveProblem = model.saveProblem.value;
  return (
    <>
      {saveProblem && (
        <p class="field-error" role="alert" data-testid="save-problem">
          {t(saveProblem === 'quota' ? 'popup_saveFailedQuota' : 'popup_saveFailed')}
        </p>
      )}
      <InsightsPanel
      insights={insights}
      productId={model.productId.value}
      shipToAccess={model.shipToAccess.value}
      formatters={formatters}
      onPickCategory={model.pickCategory}
      onReadShipTo={model.readShipTo}
      onSetProductFacts={model.setProductFacts}
      formatPrice={formatPrice}
      exactRateShown={model.exactRateShown.value}
      api={api && <ApiFacts state={api} linkFromApi={model.linkFromApi.value} formatNumber={formatters.number} formatPrice={formatPrice} />}
      />
    </>
  );
}
