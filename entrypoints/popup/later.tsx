/**
 * Everything the popup shows below the link, loaded after the first screen is on screen
 * (components/popup/first-screen): what the link changed, the clean URL, the estimate, the way
 * to setup and the paste field. Preact, over the same model signals as the first screen.
 */
import { render } from 'preact';
// Installs the hooks through which a component that reads a signal's value re-renders when it changes.
import '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { cleanLinkLabel } from '@/lib/i18n/text';
import type { PopupModel } from '@/lib/popup/model';
import type { PopupExtensionApi } from '@/lib/popup/active-tab';
import { LinkChanges } from '@/components/popup/LinkChanges';
import { PasteUrlField } from '@/components/popup/PasteUrlField';
import { SetupHint } from '@/components/popup/SetupHint';

export interface LaterProps {
  model: PopupModel;
  openOptions: () => void;
  extensionApi: () => Promise<PopupExtensionApi>;
}

type InsightsView = (typeof import('./lazy-insights'))['LazyInsights'];

export function renderLater(container: HTMLElement, props: LaterProps): void {
  render(<Later {...props} />, container);
}

export function Later({ model, openOptions, extensionApi }: LaterProps) {
  const [InsightsView, setInsightsView] = useState<InsightsView | null>(null);
  const shown = model.shownLink.value;
  const parsed = model.parsed.value;
  // A Portals preset asks the API for its link from the estimate's part, so it loads without a link too.
  const wantsInsights = model.selectedPreset.value !== null && (shown !== null || model.apiLinkPending.value || model.apiLinkProblem.value !== null);
  useEffect(() => {
    // The estimate's tables and rules are a chunk of their own: the paste field does not wait for them.
    if (wantsInsights && !InsightsView) void import('./lazy-insights').then((m) => setInsightsView(() => m.LazyInsights));
  }, [wantsInsights, InsightsView]);

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
      {wantsInsights && InsightsView && <InsightsView model={model} extensionApi={extensionApi} />}
      {model.needsSetup.value && <SetupHint onOpenOptions={openOptions} />}
      <PasteUrlField value={model.pastedUrl.value} onInput={model.setPastedUrl} />
    </>
  );
}
