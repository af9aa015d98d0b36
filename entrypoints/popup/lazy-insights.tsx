/**
 * The lazily loaded part of the popup, wired: imported by App after the link is on screen, so the
 * popup's startup JS holds none of the rate tables, the rules, the polyfill or the messaging client.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Insights } from '@/components/popup/Insights';
import { createMessenger, createPortTransport } from '@/lib/messaging/client';
import { createPopupInsights, type PopupInsightsModel } from '@/lib/popup/insights-model';
import type { PopupModel } from '@/lib/popup/model';
import { createShipToReader, type ShipToApi } from '@/lib/popup/ship-to';

export interface LazyInsightsProps {
  model: PopupModel;
  extensionApi: () => Promise<ShipToApi>;
  /** Hands the estimate's model to the link's actions (the post takes its title, rate, HOT and price). */
  onReady?: (insights: PopupInsightsModel) => void;
}

export function LazyInsights({ model, extensionApi, onReady }: LazyInsightsProps) {
  const insights = useMemo(() => {
    const messenger = createMessenger(createPortTransport(browser.runtime));
    return createPopupInsights({
      popup: model,
      ask: (request) => messenger.send('productInsights', request),
      shipTo: createShipToReader(extensionApi),
      now: () => new Date(),
    });
  }, [model, extensionApi]);
  useEffect(() => insights.start(), [insights]);
  useEffect(() => onReady?.(insights), [insights, onReady]);
  return <Insights model={insights} />;
}
