import type { OptionsModel } from '@/lib/options/model';
import { t } from '@/lib/i18n';
import { AccountsSection } from '@/components/AccountsSection';
import { BadgeOptIn } from '@/components/BadgeOptIn';
import { NoticeBar } from '@/components/NoticeBar';
import { PresetsSection } from '@/components/PresetsSection';

export interface AppProps {
  model: OptionsModel;
  newAccountId: () => string;
  newPresetId: () => string;
}

export function App({ model, newAccountId, newPresetId }: AppProps) {
  return (
    <main>
      <h1>{t('options_title')}</h1>
      <NoticeBar notice={model.notice.value} problems={model.problems.value} />
      <AccountsSection model={model} newId={newAccountId} />
      <PresetsSection model={model} newId={newPresetId} />
      <BadgeOptIn />
    </main>
  );
}
