import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n/index';
import { createPopupModel } from '@/lib/popup/model';
import { takePopupPreload } from '@/lib/popup/preload';
import type { PopupExtensionApi } from '@/lib/popup/active-tab';
import { App } from './App';
import '@/components/shared/styles.css';

// Marks for `npm run bench`'s breakdown of the popup's time to link.
performance.mark('sublink:script-start');

// The first screen needs no asynchronous browser API of its own: the preload script already
// asked for the tab and the stored presets. webextension-polyfill (and the storage writer) load
// on first use, after the link is on screen, keeping the popup's startup JS small.
const polyfilledBrowser = () => import('wxt/browser').then((m) => m.browser);
const storageIo = () => import('@/lib/storage/local');

const preload = takePopupPreload();
const model = createPopupModel({
  getActiveTabUrl: async () =>
    (await (preload?.tabs ?? (await polyfilledBrowser()).tabs.query({ active: true, currentWindow: true })))[0]?.url,
  loadStorage: async () => preload?.storage ?? (await storageIo()).readStateSnapshot(),
  loadEstimateData: async () => preload?.estimate ?? (await storageIo()).readEstimateSnapshot(),
  saveSettings: async (settings) => (await storageIo()).saveSettings(settings),
  saveRaw: async (key, value) => (await storageIo()).write({ [key]: value }),
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  notifyCopied: async (data) => {
    const [{ createMessenger, createPortTransport }, { runtime }] = await Promise.all([import('@/lib/messaging/client'), polyfilledBrowser()]);
    return createMessenger(createPortTransport(runtime)).send('linkCopied', data);
  },
});
const openOptions = async () => void (await polyfilledBrowser()).runtime.openOptionsPage();

// `?url=` prefills the paste field: lets other surfaces and tests open the popup for any URL.
void model.load(new URLSearchParams(location.search).get('url') ?? undefined);
document.documentElement.lang = uiLanguage();
document.title = t('actionTitle');
// The polyfilled API has wider types than the few calls the lazily loaded estimate makes (ship-to, tab title).
const extensionApi = () => polyfilledBrowser() as unknown as Promise<PopupExtensionApi>;
render(<App model={model} openOptions={() => void openOptions()} extensionApi={extensionApi} />, document.getElementById('app')!);
