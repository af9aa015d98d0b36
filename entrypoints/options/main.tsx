// First: zod reads this when its schemas are defined (lib/schema/zod-jitless.ts).
import '@/lib/schema/zod-jitless';
import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserBadgeOptInDeps, createBadgeOptInModel } from '@/lib/options/badge-opt-in';
import { isSetupRequested, SETUP_PARAM } from '@/lib/messaging/pages';
import { HISTORY_JOURNAL_KEYS, HISTORY_WRITE_FAILURE_KEY, loadHistory, readHistoryWriteFailure } from '@/lib/storage/history';
import { t, uiLanguage } from '@/lib/i18n/index';
import { createMessenger, createPortTransport } from '@/lib/messaging/client';
import { createBatchModel } from '@/lib/options/batch-model';
import { browserBatchHealthDeps, watchBatchHealth } from '@/lib/options/batch-health-browser';
import { API_DATA_COLLECTION, createCredentialsModel } from '@/lib/options/credentials-model';
import { downloadText } from '@/lib/options/download';
import { createHistoryModel } from '@/lib/options/history-model';
import { createNavigationModel } from '@/lib/options/navigation';
import { createOptionsModel } from '@/lib/options/model';
import { createSetupModel, type SetupModel } from '@/lib/options/setup-model';
import { createSourcesModel } from '@/lib/options/sources-model';
import { createTransferModel } from '@/lib/options/transfer-model';
import { EXTRAS_ITEMS, storedExtras } from '@/lib/options/settings-transfer';
import { SHIP_TO_PERMISSIONS } from '@/lib/rules';
import { createAccountId, createPresetId } from '@/lib/presets';
import { loadState, readEstimateData, readSnapshot, readStoredKeys, saveAccounts, savePresets, saveSettings, write } from '@/lib/storage/local';
import { STORAGE_KEYS } from '@/lib/storage/keys';
import { storedValueOf } from '@/lib/storage/item';
import { parseStoredCredentials } from '@/lib/storage/api-credentials';
import { apiCredentialsItem, hotListItem } from '@/lib/storage/items';
import { watchStorage } from '@/lib/storage/area';
import { App } from './App';
import '@/components/shared/styles.css';
import '@/components/options/options.css';

const messenger = createMessenger(createPortTransport(browser.runtime));
const model = createOptionsModel({ loadState, saveAccounts, savePresets, saveSettings });
// Typed wider than the permission names the models pass.
const permissions = browser.permissions as unknown as Parameters<typeof createSourcesModel>[0]['permissions'];
const sources = createSourcesModel({
  rateStatus: () => messenger.send('getRateStatus', {}),
  setRateSource: (source) => messenger.send('setRateSource', source),
  refreshRates: () => messenger.send('refreshRates', {}),
  importHotList: (text, label) => messenger.send('importHotList', { text, label }),
  removeHotSource: async (id) => void (await messenger.send('removeHotSource', { id })),
  readHotList: async () => storedValueOf(hotListItem, await readSnapshot([hotListItem])),
  permissions,
});
const now = () => new Date();
const linkHistory = createHistoryModel({
  loadHistory,
  loadWriteFailure: readHistoryWriteFailure,
  clearHistory: () => messenger.send('clearHistory', {}),
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  recordCopy: (copy) => messenger.send('linkCopied', copy),
  download: downloadText,
  now,
});
const batch = createBatchModel({
  presets: model.presets,
  accounts: model.accounts,
  defaultPresetId: model.defaultPresetId,
  readStored: readEstimateData,
  download: downloadText,
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  recordCopy: (copy) => messenger.send('linkCopied', copy),
  now,
  health: browserBatchHealthDeps(),
});
if (batch.health) watchBatchHealth(batch.health);
const badgeDeps = browserBadgeOptInDeps();
const badgeOptIn = createBadgeOptInModel(badgeDeps);
const transfer = createTransferModel({
  current: () => ({ accounts: model.accounts.value, presets: model.presets.value, defaultPresetId: model.defaultPresetId.value }),
  readExtras: async () => {
    const [snapshot, badge, shipTo] = await Promise.all([
      readSnapshot(EXTRAS_ITEMS),
      badgeDeps.hasAccess().catch(() => false),
      permissions.contains(SHIP_TO_PERMISSIONS).catch(() => false),
    ]);
    return storedExtras(snapshot, { badge, shipTo });
  },
  readHistory: async () => (await loadHistory()).entries,
  // Read here only when the user ticks the credentials into an export; no message carries them.
  readCredentials: async () => parseStoredCredentials(storedValueOf(apiCredentialsItem, await readSnapshot([apiCredentialsItem]))),
  requestPermissions: (request) => permissions.request(request),
  setRateSource: (source) => messenger.send('setRateSource', source),
  restoreHistory: (entries) => messenger.send('restoreHistory', { entries: [...entries] }),
  setWeeklyRecheck: (choice) => messenger.send('setWeeklyRecheck', choice),
  storage: { get: readStoredKeys, write },
  download: downloadText,
  now,
  // A restore changes what every section shows, the opt-ins' permissions included.
  reload: async () => {
    await Promise.all([model.load(), sources.load(), badgeOptIn.load(), linkHistory.load()]);
  },
});
// The page never reads the stored credentials: it sends new values and shows the masked view.
const credentials = createCredentialsModel({
  view: () => messenger.send('getApiCredentials', {}),
  save: (input) => messenger.send('saveApiCredentials', input),
  remove: (service) => messenger.send('removeApiCredentials', { service }),
  check: (service) => messenger.send('checkApiCredentials', { service }),
  permissions: browser.permissions,
  dataCollection: import.meta.env.FIREFOX ? API_DATA_COLLECTION : [],
});

const navigation = createNavigationModel({
  readHash: () => location.hash,
  onHashChange: (listener) => {
    addEventListener('hashchange', listener);
    return () => removeEventListener('hashchange', listener);
  },
});

const setup = signal<SetupModel | null>(null);
// The setup ends on the page that holds what it made: the account and the preset.
const finishSetup = () => {
  setup.value = null;
  const url = new URL(location.href);
  url.searchParams.delete(SETUP_PARAM);
  url.hash = 'accounts';
  history.replaceState(null, '', url);
  navigation.follow();
};

void sources.load();
void linkHistory.load();
// Another page (the popup remembering a preset, a second options tab) may change storage; the
// background records every copy in the history.
const HISTORY_KEYS = new Set<string>([STORAGE_KEYS.history, ...HISTORY_JOURNAL_KEYS]);
watchStorage((changes, area) => {
  // The note of a history write that failed lives in storage.session (lib/storage/items.ts).
  if (area === 'session' && HISTORY_WRITE_FAILURE_KEY in changes) void linkHistory.load();
  if (area !== 'local') return;
  if (Object.keys(changes).some((key) => !HISTORY_KEYS.has(key))) void model.load();
  if (Object.keys(changes).some((key) => HISTORY_KEYS.has(key))) void linkHistory.load();
});
document.documentElement.lang = uiLanguage();
document.title = t('options_title');
// Rendered after the first load, so the setup knows whether an account exists; a failed read
// still renders (the lists stay empty, and a save reports what is wrong).
const start = async () => {
  await model.load().catch(() => undefined);
  if (isSetupRequested(location.search)) setup.value = createSetupModel(model, { newAccountId: createAccountId, newPresetId: createPresetId });
  render(
    <App
      model={model}
      sources={sources}
      history={linkHistory}
      batch={batch}
      transfer={transfer}
      credentials={credentials}
      badgeOptIn={badgeOptIn}
      navigation={navigation}
      setup={setup}
      onFinishSetup={finishSetup}
      newAccountId={createAccountId}
      newPresetId={createPresetId}
    />,
    document.getElementById('app')!,
  );
};
void start();
