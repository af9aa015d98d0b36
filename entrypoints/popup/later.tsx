/**
 * Everything the popup shows besides its first screen (components/popup/first-screen), loaded
 * after that is on screen: beside the Copy button, the actions on the link (Copy as post, QR
 * code); below the link, what it changed, the clean URL, the QR code, the estimate, the way to
 * setup and the paste field. Preact, over the same model signals as the first screen.
 */
import { render } from 'preact';
// @preact/signals also installs the hooks through which a component that reads a signal re-renders when it changes.
import { signal, type Signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { cleanLinkLabel } from '@/lib/i18n/text';
import type { PopupModel } from '@/lib/popup/model';
import type { ShipToApi } from '@/lib/popup/ship-to';
import type { PopupInsightsModel } from '@/lib/popup/insights-model';
import { LinkActions } from '@/components/popup/LinkActions';
import { LinkChanges } from '@/components/popup/LinkChanges';
import { PasteUrlField } from '@/components/popup/PasteUrlField';
import { SetupHint } from '@/components/popup/SetupHint';

export interface LaterProps {
  model: PopupModel;
  openOptions: () => void;
  extensionApi: () => Promise<ShipToApi>;
}

/** What the two parts rendered here share: whether the QR code is open, and the estimate once it loaded. */
interface Shared {
  readonly qrOpen: Signal<boolean>;
  readonly insights: Signal<PopupInsightsModel | null>;
}

type InsightsView = (typeof import('./lazy-insights'))['LazyInsights'];
type QrView = (typeof import('@/components/popup/QrCode'))['QrCode'];

export function renderLater(container: HTMLElement, linkActions: HTMLElement, props: LaterProps): void {
  const shared: Shared = { qrOpen: signal(false), insights: signal(null) };
  render(<LinkActions model={props.model} insights={shared.insights} qrOpen={shared.qrOpen} />, linkActions);
  render(<Later {...props} shared={shared} />, container);
}

function Later({ model, openOptions, extensionApi, shared }: LaterProps & { shared: Shared }) {
  const [InsightsView, setInsightsView] = useState<InsightsView | null>(null);
  const [QrView, setQrView] = useState<QrView | null>(null);
  const qrOpen = shared.qrOpen.value;
  const shown = model.shownLink.value;
  const parsed = model.parsed.value;
  // A Portals preset asks the API for its link from the estimate's part, so it loads without a link too.
  const wantsInsights = model.selectedPreset.value !== null && (shown !== null || model.apiLinkPending.value || model.apiLinkProblem.value !== null);
  useEffect(() => {
    // The estimate's tables and rules are a chunk of their own: the paste field does not wait for them.
    if (wantsInsights && !InsightsView) void import('./lazy-insights').then((m) => setInsightsView(() => m.LazyInsights));
  }, [wantsInsights, InsightsView]);
  useEffect(() => {
    // The QR encoder loads on the first click only.
    if (qrOpen && !QrView) void import('@/components/popup/QrCode').then((m) => setQrView(() => m.QrCode));
  }, [qrOpen, QrView]);

  const changes = model.linkChanges.value;
  const isAffiliate = shown !== null && shown.from !== 'clean';
  return (
    <>
      {shown && changes.length > 0 && <LinkChanges changes={changes} />}
      {isAffiliate && model.cleanUrl.value && (
        <p class="clean-url" title={model.cleanUrl.value}>
          <span>{cleanLinkLabel(parsed)}: </span>
          <span data-testid="clean-url">{model.cleanUrl.value}</span>
        </p>
      )}
      {shown && qrOpen && QrView && <QrView link={shown.url} fileStem={parsed?.kind === 'product' ? parsed.product.id : 'sublink'} />}
      {wantsInsights && InsightsView && (
        <InsightsView
          model={model}
          extensionApi={extensionApi}
          onReady={(insights) => {
            shared.insights.value = insights;
          }}
        />
      )}
      {model.needsSetup.value && <SetupHint onOpenOptions={openOptions} />}
      <PasteUrlField value={model.pastedUrl.value} onInput={model.setPastedUrl} />
    </>
  );
}
