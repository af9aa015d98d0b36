import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { BadgeOptInModel } from '@/lib/options/badge-opt-in';
import type { BatchModel } from '@/lib/options/batch-model';
import type { CredentialsModel } from '@/lib/options/credentials-model';
import type { HistoryModel } from '@/lib/options/history-model';
import type { OptionsModel } from '@/lib/options/model';
import type { NavigationModel, OptionsPageId } from '@/lib/options/navigation';
import type { SetupModel } from '@/lib/options/setup-model';
import type { SourcesModel } from '@/lib/options/sources-model';
import type { TransferModel } from '@/lib/options/transfer-model';
import { t, type MessageKey } from '@/lib/i18n/index';
import { AccountsSection } from '@/components/options/AccountsSection';
import { ApiCredentialsSection } from '@/components/options/ApiCredentialsSection';
import { BadgeOptIn } from '@/components/options/BadgeOptIn';
import { BatchSection } from '@/components/options/BatchSection';
import { DisclosureSection } from '@/components/options/DisclosureSection';
import { HistorySection } from '@/components/options/HistorySection';
import { HotListSection } from '@/components/options/HotListSection';
import { NoticeBar } from '@/components/options/NoticeBar';
import { OptionsNav, PAGE_TITLE_KEYS } from '@/components/options/OptionsNav';
import { PresetsSection } from '@/components/options/PresetsSection';
import { RateSourceSection } from '@/components/options/RateSourceSection';
import { SettingsTransferSection } from '@/components/options/SettingsTransferSection';
import { SyncPanel } from '@/components/options/SyncSection';
import { SetupWizard } from '@/components/options/SetupWizard';
import { ShipToSetting } from '@/components/options/ShipToSetting';

export interface AppProps {
  model: OptionsModel;
  sources: SourcesModel;
  history: HistoryModel;
  batch: BatchModel;
  transfer: TransferModel;
  credentials: CredentialsModel;
  badgeOptIn: BadgeOptInModel;
  navigation: NavigationModel;
  /** Set while the first-install setup shows (options.html?setup=1). */
  setup: ReadonlySignal<SetupModel | null>;
  onFinishSetup: () => void;
  newAccountId: () => string;
  newPresetId: () => string;
}

const PAGE_INTRO_KEYS: Readonly<Record<OptionsPageId, MessageKey>> = {
  links: 'options_pageLinksIntro',
  accounts: 'options_pageAccountsIntro',
  sources: 'options_pageSourcesIntro',
  privacy: 'options_pagePrivacyIntro',
};

interface PageProps {
  id: OptionsPageId;
  current: OptionsPageId;
  children: ComponentChildren;
}

/** One page of the options; the others stay mounted but hidden, so a draft or a batch survives a visit elsewhere. */
function Page({ id, current, children }: PageProps) {
  return (
    <div class="page" id={`page-${id}`} hidden={id !== current} aria-labelledby={`page-${id}-title`} role="region" data-testid={`page-${id}`}>
      <header class="page-head">
        <h1 id={`page-${id}-title`} tabIndex={-1}>
          {t(PAGE_TITLE_KEYS[id])}
        </h1>
        <p class="lead">{t(PAGE_INTRO_KEYS[id])}</p>
      </header>
      {children}
    </div>
  );
}

/**
 * Shows the route's page and section. After the user navigates (a link, back, forward) the focus
 * moves to the page's or section's heading, so a keyboard or screen-reader user starts there; the
 * first render only scrolls, and leaves the focus where the browser put it.
 */
function useRouteFocus(navigation: NavigationModel) {
  const { page, section } = navigation.route.value;
  const changes = navigation.changes.value;
  const first = useRef(true);
  useEffect(() => {
    document.title = t('options_documentTitle', t(PAGE_TITLE_KEYS[page]));
    const target = document.getElementById(section ? section.headingId : `page-${page}-title`);
    if (!target) return;
    if (section) target.scrollIntoView({ block: 'start' });
    else window.scrollTo({ top: 0 });
    if (first.current) {
      first.current = false;
      return;
    }
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [page, section, changes]);
}

export function App({ model, sources, history, batch, transfer, credentials, badgeOptIn, navigation, setup, onFinishSetup, newAccountId, newPresetId }: AppProps) {
  const setupModel = setup.value;
  if (setupModel) {
    return (
      <main class="setup-page">
        <h1>{t('setup_title')}</h1>
        <NoticeBar notice={model.notice.value} problems={model.problems.value} />
        <SetupWizard setup={setupModel} accounts={model.accounts.value} onFinish={onFinishSetup} />
      </main>
    );
  }
  return <OptionsApp {...{ model, sources, history, batch, transfer, credentials, badgeOptIn, navigation, newAccountId, newPresetId }} />;
}

type OptionsAppProps = Omit<AppProps, 'setup' | 'onFinishSetup'>;

function OptionsApp({ model, sources, history, batch, transfer, credentials, badgeOptIn, navigation, newAccountId, newPresetId }: OptionsAppProps) {
  useRouteFocus(navigation);
  const route = navigation.route.value;
  const current = route.page;
  return (
    <div class="options-app">
      <OptionsNav route={route} />
      {/* The Links page holds two tables (history, batch worktable): they take the window's width. */}
      <main class={current === 'links' ? 'wide' : undefined}>
        <NoticeBar notice={model.notice.value} problems={model.problems.value} />
        <Page id="links" current={current}>
          <HistorySection model={history} />
          <BatchSection model={batch} presets={model.presets.value} />
        </Page>
        <Page id="accounts" current={current}>
          <AccountsSection model={model} newId={newAccountId} />
          <PresetsSection model={model} newId={newPresetId} />
        </Page>
        <Page id="sources" current={current}>
          <RateSourceSection model={sources} />
          <HotListSection model={sources} />
          <ApiCredentialsSection model={credentials} />
        </Page>
        <Page id="privacy" current={current}>
          <BadgeOptIn model={badgeOptIn} />
          <ShipToSetting model={sources} />
          <SettingsTransferSection model={transfer} />
          <SyncPanel />
          <DisclosureSection />
        </Page>
      </main>
    </div>
  );
}
