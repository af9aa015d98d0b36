/**
 * The background's answers to the UI pages' messages (lib/messaging/protocol.ts), grouped by
 * what they touch. The router has already checked the sender and parsed the data.
 */
import { MessageRejected, type MessageHandlers } from '../messaging/protocol';
import { isLinkToKnownHost } from '../networks';
import type { LinkHealthChecker } from './link-health';
import type { SettingsSync } from './sync';
import type { WeeklyRecheckService } from './weekly-recheck';
import type { Account } from '../networks/types';
import type { SaveResult } from '../storage/local';
import { historyEntrySchema, type HistoryEntry } from '../storage/history';
import type { Settings } from '../storage/settings';
import type { ApiServiceApi } from '../api/service';
import type { CredentialsStore } from '../api/credentials';
import { createCopyRecorder, type CopyRecorder, type HistoryWriterDeps } from './history-writer';
import type { SourcesService } from './rate-source';

export interface HistoryMessageDeps extends HistoryWriterDeps {
  /** The user's accounts: a reported link must go to one of their hosts (or AliExpress). */
  loadAccounts(): Promise<readonly Account[]>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<SaveResult>;
  /**
   * Adds a backup's entries to the stored history (lib/storage/history.ts `restore`). Optional so
   * that tests of the copy path need not provide it; without it a restore of the history is refused.
   */
  restoreHistory?(entries: readonly HistoryEntry[]): Promise<SaveResult>;
}

/** The popup's copies and the options page's "clear history", in the history writer's queue. */
export function createHistoryMessageHandlers(
  deps: HistoryMessageDeps,
  recorder: CopyRecorder = createCopyRecorder(deps),
): Pick<MessageHandlers, 'linkCopied' | 'clearHistory' | 'restoreHistory'> {
  return {
    // Every entry must read whole and link to AliExpress or one of the user's accounts, as a copy's
    // link must: a backup file is untrusted (docs/architecture.md, 'Hard rules' 5).
    restoreHistory: async (data) => {
      const restore = deps.restoreHistory;
      if (!restore) throw new MessageRejected('bad-data', 'this background does not restore histories');
      const accounts = await deps.loadAccounts();
      const entries: HistoryEntry[] = [];
      for (const [index, raw] of data.entries.entries()) {
        const parsed = historyEntrySchema.safeParse(raw);
        if (!parsed.success) throw new MessageRejected('bad-data', `entries.${index}: not a history entry`);
        if (parsed.data.link !== '' && !isLinkToKnownHost(parsed.data.link, accounts)) throw new MessageRejected('bad-data', `entries.${index}.link: not a host of your accounts or AliExpress`);
        entries.push(parsed.data);
      }
      return recorder.serial(async () => ({ restored: (await restore(entries)).ok }));
    },
    // Queued like a copy: a copy recorded at the same instant lands either before the clear
    // (and is cleared) or after it (and is kept), never lost in between or resurrecting the old list.
    clearHistory: async () => ({ cleared: (await recorder.clear()).ok }),
    linkCopied: async (data) => {
      // The router let only https links through; the host must be AliExpress's or one of the
      // user's accounts', so no page can put a stranger's link into the history.
      if (!isLinkToKnownHost(data.link, await deps.loadAccounts())) throw new MessageRejected('bad-data', 'link: not a host of your accounts or AliExpress');
      return recorder.serial(async () => {
        const { recorded, preset } = await recorder.recordNow(data);
        if (preset && data.surface === 'popup') {
          const settings = await deps.loadSettings();
          if (settings.lastUsedPresetId !== preset.id) await deps.saveSettings({ ...settings, lastUsedPresetId: preset.id });
        }
        return { recorded };
      });
    },
  };
}

/** The options page's rate-source and hot-list requests, answered by lib/background/rate-source.ts. */
export function createSourceMessageHandlers(sources: SourcesService): Pick<MessageHandlers, 'getRateStatus' | 'setRateSource' | 'refreshRates' | 'importHotList' | 'removeHotSource'> {
  return {
    getRateStatus: () => sources.rateStatus(),
    setRateSource: (data) => sources.setRateSource(data),
    refreshRates: () => sources.refreshRates(),
    importHotList: (data) => sources.importHotList(data.text, data.label),
    removeHotSource: async (data) => {
      await sources.removeHotSource(data.id);
      return { removed: true };
    },
  };
}

/** Settings sync's switch; null where the browser has no `storage.sync`. The reply carries no synced data. */
export function createSyncMessageHandlers(sync: SettingsSync | null): Pick<MessageHandlers, 'setSyncEnabled'> {
  return {
    setSyncEnabled: async ({ enabled }) => {
      if (!sync) return { unavailable: true };
      const state = await sync.setEnabled(enabled);
      return { enabled: state.enabled, lastError: state.lastError };
    },
  };
}

/** Link health: the re-check runs in the worker; the page reads its progress from storage. */
export function createLinkHealthMessageHandlers(checker: LinkHealthChecker): Pick<MessageHandlers, 'linkHealthStart' | 'linkHealthStartProducts' | 'linkHealthCancel' | 'linkHealthResume'> {
  return {
    linkHealthStart: () => checker.start(),
    linkHealthStartProducts: (data) => checker.startProducts(data.products),
    linkHealthCancel: async () => (await checker.cancel(), { cancelled: true }),
    // Not awaited: the run takes minutes; the answer only says the worker has it.
    linkHealthResume: async () => (void checker.resume(), { resumed: true }),
  };
}

/** The weekly re-check's switch, and the results seen (the count leaves the toolbar icon). */
export function createWeeklyRecheckMessageHandlers(weekly: WeeklyRecheckService): Pick<MessageHandlers, 'setWeeklyRecheck' | 'linkHealthSeen'> {
  return {
    setWeeklyRecheck: (data) => weekly.set(data),
    linkHealthSeen: () => weekly.seen(),
  };
}

/**
 * The API messages. Every reply is a masked view or a result built from API answers: the
 * secrets stay in `credentials` and the clients, in storage.local.
 */
export function createApiMessageHandlers(
  api: ApiServiceApi,
  credentials: CredentialsStore,
): Pick<MessageHandlers, 'productInsights' | 'getApiCredentials' | 'saveApiCredentials' | 'removeApiCredentials' | 'checkApiCredentials'> {
  return {
    productInsights: (data) => api.productInsights(data),
    getApiCredentials: () => credentials.view(),
    saveApiCredentials: (data) => credentials.save(data),
    removeApiCredentials: (data) => credentials.remove(data.service),
    checkApiCredentials: (data) => api.checkCredentials(data.service),
  };
}
