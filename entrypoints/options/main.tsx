import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t, uiLanguage } from '@/lib/i18n';
import { createMessenger } from '@/lib/messenger';
import { createOptionsModel } from '@/lib/options/model';
import { createSourcesModel } from '@/lib/options/sources-model';
import { createAccountId, createPresetId } from '@/lib/presets';
import { loadState, saveAccounts, savePresets, saveSettings } from '@/lib/storage';
import { HOT_LIST_KEY } from '@/lib/storage-keys';
import { App } from './App';
import '@/components/styles.css';

const messenger = createMessenger(browser.runtime);
const model = createOptionsModel({ loadState, saveAccounts, savePresets, saveSettings });
const sources = createSourcesModel({
  rateStatus: () => messenger.send('getRateStatus', {}),
  setRateSource: (source) => messenger.send('setRateSource', source),
  refreshRates: () => messenger.send('refreshRates', {}),
  importHotList: (text, label) => messenger.send('importHotList', { text, label }),
  removeHotSource: async (id) => void (await messenger.send('removeHotSource', { id })),
  readHotList: async () => (await browser.storage.local.get(HOT_LIST_KEY))[HOT_LIST_KEY],
  // Typed wider than the permission names the model passes.
  permissions: browser.permissions as unknown as Parameters<typeof createSourcesModel>[0]['permissions'],
});
void model.load();
void sources.load();
// Another page (the popup remembering a preset, a second options tab) may change storage.
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local') void model.load();
});
document.documentElement.lang = uiLanguage();
document.title = t('options_title');
render(<App model={model} sources={sources} newAccountId={createAccountId} newPresetId={createPresetId} />, document.getElementById('app')!);
