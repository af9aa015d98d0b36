/**
 * The lazily loaded part of the popup: estimate, HOT flag and warnings, then what the network's
 * API says (exact rate, affiliation, the Portals link). Imported after the link is on screen, so
 * the link never waits for the rate tables, the rules or the API.
 */
import { computed } from '@preact/signals';
import { useEffect, useLayoutEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ApiFacts } from '@/components/shared/ApiFacts';
import { InsightsPanel } from '@/components/popup/InsightsPanel';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n/index';
import { createMessenger } from '@/lib/messaging/client';
import { apiServiceOf, createApiInsights } from '@/lib/popup/api-insights';
import { computeInsights, createEstimateDataReader, withCategoryPick } from '@/lib/insights';
import type { PopupModel } from '@/lib/popup/model';
import { readActiveTabTitle, type PopupExtensionApi } from '@/lib/popup/active-tab';
import { createShipToReader } from '@/lib/popup/ship-to';
import { catalogFormatters } from '@/lib/rates';
import { CATEGORY_PICKS_KEY, HOT_LIST_KEY, RATE_CACHE_KEY } from '@/lib/storage/keys';
import type { Site } from '@/lib/url/types';

export interface InsightsProps {
  model: PopupModel;
  extensionApi: () => Promise<PopupExtensionApi>;
}

const formatters = catalogFormatters((key) => t(key as MessageKey), uiLanguage());
const formatPrice = (amount: number, currency: string): string => {
  try {
    return new Intl.NumberFormat(uiLanguage(), { style: 'currency', currency }).format(amount);
  } catch {
    return `${formatters.number(amount)} ${currency}`;
  }
};

function siteOf(model: PopupModel): Site | null {
  const parsed = model.parsed.value;
  if (parsed?.kind === 'product') return parsed.product.site;
  return parsed?.kind === 'store' || parsed?.kind === 'page' ? parsed.site : null;
}

export function Insights({ model, extensionApi }: InsightsProps) {
  const state = useMemo(() => {
    const messenger = createMessenger(browser.runtime);
    const api = createApiInsights({ ask: (request) => messenger.send('productInsights', request) });
    const shipTo = createShipToReader(extensionApi);
    const activeTabTitle = readActiveTabTitle(extensionApi);
    const site = siteOf(model);
    if (site) void shipTo.check(site);
    const readData = createEstimateDataReader();
    const insights = computed(() => {
      const parsed = model.parsed.value;
      const preset = model.selectedPreset.value;
      if (!parsed || !preset || (parsed.kind !== 'product' && parsed.kind !== 'store' && parsed.kind !== 'page')) return null;
      // Without the stored tables and hot list yet, an estimate from the embedded tables could show
      // for an instant and then change: wait (it is usually read before this chunk has loaded).
      if (!model.estimateDataLoaded.value) return null;
      const answer = api.state.value;
      const reply = answer.status === 'done' && answer.key === model.requestKey.value && answer.reply.source !== null ? answer.reply : null;
      const apiFacts = reply
        ? {
            ...(reply.affiliate === undefined ? {} : { affiliate: reply.affiliate }),
            ...(reply.rate ? { hot: reply.rate.isHot, hotRate: reply.rate.hotCommissionRate } : {}),
            ...(reply.category ? { category: reply.category } : {}),
            ...(reply.title ? { title: reply.title } : {}),
            ...(reply.price ? { price: reply.price } : {}),
          }
        : undefined;
      const stored = model.storageSnapshot.value;
      const data = readData({ rateCache: stored[RATE_CACHE_KEY], hotList: stored[HOT_LIST_KEY], categoryPicks: stored[CATEGORY_PICKS_KEY] });
      const network = model.account.value?.network ?? null;
      // The title describes the tab's own URL, not a pasted one.
      const tabTitle = model.pastedUrl.value.trim() ? null : (activeTabTitle.value ?? null);
      return computeInsights({ parsed, preset, network, data, tabTitle, shipToCookie: shipTo.cookieValue.value, now: new Date(), ...(apiFacts ? { api: apiFacts } : {}) });
    });
    return { shipTo, insights, api };
  }, [model, extensionApi]);

  // One request per preset and URL shown; the answer's link replaces the local one in the link box.
  const requestKey = model.requestKey.value;
  const service = apiServiceOf(model.account.value);
  const sourceUrl = model.sourceUrl.value;
  const presetId = model.selectedPreset.value?.id ?? null;
  useEffect(() => {
    if (!service || !sourceUrl) return;
    void state.api.load(requestKey, { url: sourceUrl, presetId }, service).then((reply) => {
      if (reply?.source && reply.link) model.setApiLink(requestKey, reply.link.url, reply.link.kind === 'hot');
    });
  }, [state, model, requestKey, service, sourceUrl, presetId]);

  const insights = state.insights.value;
  useLayoutEffect(() => {
    // `npm run bench` reads this mark: navigation start to the estimate in the DOM.
    if (insights && performance.getEntriesByName('sublink:estimate-ready').length === 0) performance.mark('sublink:estimate-ready');
  }, [insights]);
  if (!insights) return null;
  const apiState = state.api.state.value;
  const apiShown = apiState.status !== 'idle' && apiState.key === requestKey && service !== null ? apiState : null;
  const exactRateShown = apiShown?.status === 'done' && apiShown.reply.source !== null && apiShown.reply.rate !== undefined;
  const parsed = model.parsed.value;
  const productId = parsed?.kind === 'product' ? parsed.product.id : null;
  return (
    <InsightsPanel
      insights={insights}
      productId={productId}
      shipToAccess={state.shipTo.access.value}
      formatters={formatters}
      onPickCategory={(key) => {
        if (productId) void model.putRaw(CATEGORY_PICKS_KEY, withCategoryPick(model.storageSnapshot.value[CATEGORY_PICKS_KEY], productId, key));
      }}
      onReadShipTo={() => {
        const site = siteOf(model);
        if (site) void state.shipTo.request(site);
      }}
      exactRateShown={exactRateShown}
      api={apiShown && <ApiFacts state={apiShown} linkFromApi={model.account.value?.network === 'portals'} formatNumber={formatters.number} formatPrice={formatPrice} />}
    />
  );
}
