import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { PopupModel } from '@/lib/popup/model';
import type { PopupExtensionApi } from '@/lib/popup/active-tab';
import { t } from '@/lib/i18n/index';
import { deeplinkErrorText } from '@/lib/i18n/text';
import { LinkBox } from '@/components/popup/LinkBox';
import { PasteUrlField } from '@/components/popup/PasteUrlField';
import { PresetPicker } from '@/components/popup/PresetPicker';
import { SetupHint } from '@/components/popup/SetupHint';
import { StateSummary } from '@/components/popup/StateSummary';

export interface AppProps {
  model: PopupModel;
  openOptions: () => void;
  extensionApi: () => Promise<PopupExtensionApi>;
}

type InsightsView = (typeof import('./lazy-insights'))['LazyInsights'];
type LinkChangesView = (typeof import('@/components/popup/LinkChanges'))['LinkChanges'];

export function App({ model, openOptions, extensionApi }: AppProps) {
  const [InsightsView, setInsightsView] = useState<InsightsView | null>(null);
  const [LinkChangesView, setLinkChangesView] = useState<LinkChangesView | null>(null);
  const loaded = model.loaded.value;
  const link = model.link.value;
  const shown = loaded ? model.shownLink.value : null;
  const linkUrl = shown?.url ?? null;

  useLayoutEffect(() => {
    // The bench reads this mark: time from navigation start to the final link in the DOM (a layout
    // effect runs right after the DOM update; a plain effect waits for the next frame).
    if (linkUrl && performance.getEntriesByName('sublink:link-ready').length === 0) performance.mark('sublink:link-ready');
  }, [linkUrl]);

  const wantsInsights = linkUrl !== null && model.selectedPreset.value !== null;
  useEffect(() => {
    // After the link is on screen: the estimate's tables and rules are a separate chunk.
    if (wantsInsights && !InsightsView) void import('./lazy-insights').then((m) => setInsightsView(() => m.LazyInsights));
  }, [wantsInsights, InsightsView]);

  const changes = model.linkChanges.value;
  const wantsChanges = linkUrl !== null && changes.length > 0;
  useEffect(() => {
    // Most links change nothing: the list and its texts load only when there is something to say.
    if (wantsChanges && !LinkChangesView) void import('@/components/popup/LinkChanges').then((m) => setLinkChangesView(() => m.LinkChanges));
  }, [wantsChanges, LinkChangesView]);

  if (!loaded) return <p class="loading">{t('popup_loading')}</p>;

  const preset = model.selectedPreset.value;
  const isAffiliate = shown !== null && shown.from !== 'clean';
  return (
    <main>
      <header class="bar">
        <strong>Sublink</strong>
        <button type="button" class="link-button" onClick={openOptions}>
          {t('popup_openOptions')}
        </button>
      </header>
      <StateSummary parsed={model.parsed.value} />
      {model.presets.value.length > 0 && (
        <PresetPicker presets={model.presets.value} selectedId={preset?.id ?? null} onSelect={model.selectPreset} />
      )}
      {linkUrl && (
        <LinkBox
          label={shown?.from === 'api' ? t(shown.hot ? 'popup_apiLinkHot' : 'popup_apiLink') : isAffiliate ? t('popup_deeplink') : t('popup_cleanUrl')}
          link={linkUrl}
          copyState={model.copyState.value}
          onCopy={() => void model.copy()}
        />
      )}
      {wantsChanges && LinkChangesView && <LinkChangesView changes={changes} />}
      {/* URL problems are explained by StateSummary; this is for a preset that cannot build a link. */}
      {link && !link.ok && (link.code === 'invalid-account' || link.code === 'invalid-subids') && (
        <p class="error" role="alert">
          {deeplinkErrorText(link.code)}
        </p>
      )}
      {isAffiliate && model.cleanUrl.value && (
        <p class="clean-url" title={model.cleanUrl.value}>
          <span>{t('popup_cleanUrl')}: </span>
          <span data-testid="clean-url">{model.cleanUrl.value}</span>
        </p>
      )}
      {wantsInsights && InsightsView && <InsightsView model={model} extensionApi={extensionApi} />}
      {model.needsSetup.value && <SetupHint onOpenOptions={openOptions} />}
      <PasteUrlField value={model.pastedUrl.value} onInput={model.setPastedUrl} />
    </main>
  );
}
