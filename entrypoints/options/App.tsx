import type { OptionsModel } from '@/lib/options/model';
import type { SourcesModel } from '@/lib/options/sources-model';
import { t } from '@/lib/i18n';
import { AccountsSection } from '@/components/AccountsSection';
import { BadgeOptIn } from '@/components/BadgeOptIn';
import { HotListSection } from '@/components/HotListSection';
import { NoticeBar } from '@/components/NoticeBar';
import { PresetsSection } from '@/components/PresetsSection';
import { RateSourceSection } from '@/components/RateSourceSection';
import { ShipToSetting } from '@/components/ShipToSetting';

export interface AppProps {
  model: OptionsModel;
  sources: SourcesModel;
  newAccountId: () => string;
  newPresetId: () => string;
}

export function App({ model, sources, newAccountId, newPresetId }: AppProps) {
  return (
    <main>
      <h1>{t('options_title')}</h1>
      <NoticeBar notice={model.notice.value} problems={model.problems.value} />
      <AccountsSection model={model} newId={newAccountId} />
      <PresetsSection model={model} newId={newPresetId} />
      <RateSourceSection model={sources} />
      <HotListSection model={sources} />
      <ShipToSetting model={sources} />
      <BadgeOptIn />
    </main>
  );
}
