/**
 * The lazily loaded part of the popup: estimate, HOT flag and warnings. Imported after the link
 * is on screen, so the link never waits for the rate tables and rules.
 */
import { computed } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { InsightsPanel } from '@/components/InsightsPanel';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n';
import { computeInsights, withCategoryPick } from '@/lib/popup/insights';
import type { PopupModel } from '@/lib/popup/model';
import { createShipToReader, type ShipToApi } from '@/lib/popup/ship-to';
import { catalogFormatters } from '@/lib/rates';
import { CATEGORY_PICKS_KEY } from '@/lib/storage-keys';
import type { Site } from '@/lib/url/types';

export interface InsightsProps {
  model: PopupModel;
  extensionApi: () => Promise<ShipToApi>;
}

const formatters = catalogFormatters((key) => t(key as MessageKey), uiLanguage());

function siteOf(model: PopupModel): Site | null {
  const parsed = model.parsed.value;
  if (parsed?.kind === 'product') return parsed.product.site;
  return parsed?.kind === 'store' || parsed?.kind === 'page' ? parsed.site : null;
}

export function Insights({ model, extensionApi }: InsightsProps) {
  const state = useMemo(() => {
    const shipTo = createShipToReader(extensionApi);
    const site = siteOf(model);
    if (site) void shipTo.check(site);
    const insights = computed(() => {
      const parsed = model.parsed.value;
      const preset = model.selectedPreset.value;
      if (!parsed || !preset || (parsed.kind !== 'product' && parsed.kind !== 'store' && parsed.kind !== 'page')) return null;
      return computeInsights({ parsed, preset, stored: model.storageSnapshot.value, shipToCookie: shipTo.cookieValue.value, now: new Date() });
    });
    return { shipTo, insights };
  }, [model, extensionApi]);

  const insights = state.insights.value;
  if (!insights) return null;
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
    />
  );
}
