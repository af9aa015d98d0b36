/**
 * What the background does, as factories over injected dependencies, testable without a browser. The
 * entrypoint only wires these to browser events.
 */
import { appendHistory, type CopyFailure, type CopySurface, type HistoryEntry } from '../storage/history';
import type { MessageHandlers } from '../messaging/protocol';
import type { Preset } from '../presets/types';
import type { SaveResult } from '../storage/local';
import type { Settings } from '../storage/settings';
import type { SourcesService } from './rate-source';
import type { ApiServiceApi } from '../api/service';
import type { CredentialsStore } from '../api/credentials';
import { parseProductUrl } from '../url';

export interface BackgroundDeps {
  loadPresets(): Promise<readonly Preset[]>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<SaveResult>;
  loadHistory(): Promise<readonly HistoryEntry[]>;
  saveHistory(entries: readonly HistoryEntry[]): Promise<SaveResult>;
  now(): number;
}

/** One copy attempt as a surface reports it; the recorder adds the time, preset name and product id. */
export interface CopyRecord {
  readonly surface: CopySurface;
  readonly sourceUrl: string;
  readonly presetId: string | null;
  readonly link: string;
  readonly failure?: CopyFailure;
}

export interface CopyRecorder {
  /** Appends the copy to the history, after every write queued before it. */
  record(copy: CopyRecord): Promise<{ recorded: boolean }>;
  /** Runs `task` in the history's write queue (for follow-up writes that must not interleave). */
  serial<T>(task: () => Promise<T>): Promise<T>;
  /** `record` without queueing, for use inside `serial`. */
  recordNow(copy: CopyRecord): Promise<{ recorded: boolean; preset: Preset | null }>;
}

/**
 * The history's single writer. Every surface (popup via `linkCopied`, context menu and shortcut
 * directly in the background) goes through one instance, so copies in quick succession from
 * different surfaces are all kept: each write reads the list its predecessor wrote.
 */
export function createCopyRecorder(deps: Pick<BackgroundDeps, 'loadPresets' | 'loadHistory' | 'saveHistory' | 'now'>): CopyRecorder {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const recordNow = async (copy: CopyRecord): Promise<{ recorded: boolean; preset: Preset | null }> => {
    const presets = await deps.loadPresets();
    const preset = presets.find((p) => p.id === copy.presetId) ?? null;
    const parsed = parseProductUrl(copy.sourceUrl);
    const entry: HistoryEntry = {
      at: deps.now(),
      surface: copy.surface,
      sourceUrl: copy.sourceUrl,
      presetId: preset?.id ?? null,
      presetName: preset?.name ?? null,
      link: copy.link,
      productId: parsed.kind === 'product' ? parsed.product.id : null,
      ...(copy.failure ? { failure: copy.failure } : {}),
    };
    const saved = await deps.saveHistory(appendHistory(await deps.loadHistory(), entry));
    return { recorded: saved.ok, preset };
  };

  return {
    serial,
    recordNow,
    record: (copy) => serial(async () => ({ recorded: (await recordNow(copy)).recorded })),
  };
}

export function createMessageHandlers(deps: BackgroundDeps, recorder: CopyRecorder = createCopyRecorder(deps)): Pick<MessageHandlers, 'linkCopied' | 'clearHistory'> {
  return {
    // Queued like a copy: a copy recorded at the same instant lands either before the clear
    // (and is cleared) or after it (and is kept), never lost in between or resurrecting the old list.
    clearHistory: () => recorder.serial(async () => ({ cleared: (await deps.saveHistory([])).ok })),
    linkCopied: (data) =>
      recorder.serial(async () => {
        const { recorded, preset } = await recorder.recordNow(data);
        if (preset && data.surface === 'popup') {
          const settings = await deps.loadSettings();
          if (settings.lastUsedPresetId !== preset.id) await deps.saveSettings({ ...settings, lastUsedPresetId: preset.id });
        }
        return { recorded };
      }),
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

/**
 * The API messages. Every reply is a masked view or a result built from API answers:
 * the secrets stay in `credentials` and the clients (docs/architecture.md, 'Hard rules' 4).
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
