import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t, uiLanguage } from '@/lib/i18n';
import { createOptionsModel } from '@/lib/options/model';
import { createAccountId, createPresetId } from '@/lib/presets';
import { loadState, saveAccounts, savePresets, saveSettings } from '@/lib/storage';
import { App } from './App';
import '@/components/styles.css';

const model = createOptionsModel({ loadState, saveAccounts, savePresets, saveSettings });
void model.load();
// Another page (the popup remembering a preset, a second options tab) may change storage.
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local') void model.load();
});
document.documentElement.lang = uiLanguage();
document.title = t('options_title');
render(<App model={model} newAccountId={createAccountId} newPresetId={createPresetId} />, document.getElementById('app')!);
