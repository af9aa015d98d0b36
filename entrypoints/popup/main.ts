import { t, uiLanguage } from '@/lib/i18n/index';
import { createPopupModel } from '@/lib/popup/model';
import { takePopupPreload } from '@/lib/popup/preload';
import type { ShipToApi } from '@/lib/popup/ship-to';
import { mountFirstScreen } from '@/components/popup/first-screen';
import '@/components/shared/styles.css';
import '@/components/popup/popup.css';

// Marks for `npm run bench`'s breakdown of the popup's time to link.
performance.mark('sublink:script-start');

// The first screen needs no asynchronous browser API of its own: the preload script already
// asked for the tab and the stored presets. webextension-polyfill, the storage writer and Preact
// load after the link is on screen, keeping the popup's startup JS small (docs/architecture.md, 'Budgets').
const polyfilledBrowser = () => import('wxt/browser').then((m) => m.browser);
const storageIo = () => import('@/lib/storage/local');

const preload = takePopupPreload();
const model = createPopupModel({
  getActiveTab: async () => (await (preload?.tabs ?? (await polyfilledBrowser()).tabs.query({ active: true, currentWindow: true })))[0],
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
// Not named `browser`: with a parameter of that name, the build imported the polyfill statically
// into the startup chunk (measured: +2.8 KB gzip).
const openOptions = () => void polyfilledBrowser().then((api) => api.runtime.openOptionsPage());
// The polyfilled API has wider types than the few calls the lazily loaded estimate makes (the ship-to cookie).
const extensionApi = () => polyfilledBrowser() as unknown as Promise<ShipToApi>;

document.documentElement.lang = uiLanguage();
document.title = t('actionTitle');

// `?url=` prefills the paste field: lets other surfaces and tests open the popup for any URL.
void model.load(new URLSearchParams(location.search).get('url') ?? undefined).then(() => {
  const { later, linkActions } = mountFirstScreen(document.getElementById('app')!, model, {
    openOptions,
    onLinkShown: () => {
      if (performance.getEntriesByName('sublink:link-ready').length === 0) performance.mark('sublink:link-ready');
    },
  });
  // After the first frame: the paste field, the link's changes, the estimate (Preact and what it renders).
  afterFirstPaint(() => void import('./later').then(({ renderLater }) => renderLater(later, linkActions, { model, openOptions, extensionApi })));
});

function afterFirstPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  // A page that is not visible gets no frames: do not wait for one.
  setTimeout(once, 100);
}
