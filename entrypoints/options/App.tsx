import type { ReadonlySignal } from '@preact/signals';
import type { BadgeOptInModel } from '@/lib/options/badge-opt-in';
import type { BatchModel } from '@/lib/options/batch-model';
import type { CredentialsModel } from '@/lib/options/credentials-model';
import type { HistoryModel } from '@/lib/options/history-model';
import type { OptionsModel } from '@/lib/options/model';
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
  /** Set while the first-install setup shows (options.html?setup=1). */
  setup: ReadonlySignal<SetupModel | null>;
  onFinishSetup: () => void;
  newAccountId: () => string;
  newPresetId: () => string;
}

/** In-page links to the sections, by their headings' ids. */
const CONTENTS: readonly (readonly [string, MessageKey])[] = [
  ['accounts-heading', 'options_accounts'],
  ['presets-heading', 'options_presets'],
  ['history-heading', 'history_title'],
  ['batch-heading', 'batch_title'],
  ['rates-heading', 'options_rates'],
  ['transfer-heading', 'transfer_title'],
  ['privacy-heading', 'disclosure_title'],
];

export function App({ model, sources, history, batch, transfer, credentials, badgeOptIn, setup, onFinishSetup, newAccountId, newPresetId }: AppProps) {
  const setupModel = setup.value;
  if (setupModel) {
    return (
      <main>
        <h1>{t('setup_title')}</h1>
        <NoticeBar notice={model.notice.value} problems={model.problems.value} />
        <SetupWizard setup={setupModel} accounts={model.accounts.value} onFinish={onFinishSetup} />
      </main>
    );
  }
  return (
    <main>
      <h1>{t('options_title')}</h1>
      <nav aria-label={t('options_contents')}>
        <ul class="contents">
          {CONTENTS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <NoticeBar notice={model.notice.value} problems={model.problems.value} />
      <AccountsSection model={model} newId={newAccountId} />
      <ApiCredentialsSection model={credentials} />
      <PresetsSection model={model} newId={newPresetId} />
      <HistorySection model={history} />
      <BatchSection model={batch} presets={model.presets.value} />
      <RateSourceSection model={sources} />
      <HotListSection model={sources} />
      <ShipToSetting model={sources} />
      <BadgeOptIn model={badgeOptIn} />
      <SettingsTransferSection model={transfer} />
      <SyncPanel />
      <DisclosureSection />
    </main>
  );
}
