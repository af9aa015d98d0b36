import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createMessenger } from '@/lib/messenger';
import { createPopupModel } from '@/lib/popup/model';
import { loadState, saveSettings } from '@/lib/storage';
import { App } from './App';
import '@/components/styles.css';

const messenger = createMessenger(browser.runtime);
const model = createPopupModel({
  getActiveTabUrl: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.url,
  loadState,
  saveSettings,
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  notifyCopied: (data) => messenger.send('linkCopied', data),
});

// `?url=` prefills the paste field: lets other surfaces and tests open the popup for any URL.
void model.load(new URLSearchParams(location.search).get('url') ?? undefined);
document.documentElement.lang = browser.i18n.getUILanguage();
render(<App model={model} openOptions={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
