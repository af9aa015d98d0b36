/**
 * The background side of rate sources and hot lists: the optional remote rate table
 * (fetched on a user-set interval, validated, never replacing the last good table with a bad
 * one) and the user's hot-product imports. Factories over injected dependencies; the entrypoint
 * wires alarms and messages to them.
 */
import type { RateCache, RateCacheStatus } from './rate-cache';
import { hotSourceFromEntries, parseHotList, parseHotListStore, putHotSource, removeHotSource, type HotFailureCode, type HotRowError } from '../hotlist';
import { HOT_LIST_KEY } from '../storage/keys';
import { checkRateSourceUrl, type RateSourceUrlError } from '../rates/source-url';
import { rateSourceItem } from '../storage/items';
import { readRateSource, type RateSource } from '../storage/rate-source';
import { toSaveError, type SaveError } from '../storage/local';

export { RATE_INTERVALS_MINUTES, readRateSource, type RateSource } from '../storage/rate-source';

export const RATE_SOURCE_KEY = rateSourceItem.key;
export const RATE_REFRESH_ALARM = 'sublink-refresh-rates';

export interface SourcesDeps {
  readonly cache: RateCache;
  readonly storage: { get(key: string): Promise<unknown>; set(values: Record<string, unknown>): Promise<void> };
  readonly alarms: {
    create(name: string, info: { periodInMinutes: number; delayInMinutes: number }): Promise<void> | void;
    clear(name: string): Promise<unknown>;
    get(name: string): Promise<unknown>;
  };
  readonly now: () => Date;
}

/** Why a rate source was not saved: the URL's own problem, or a storage that refused the write. */
export type RateSourceError = RateSourceUrlError | 'storageFull' | 'storageFailed';
export type SetRateSourceResult = { ok: true; status: RateCacheStatus; source: RateSource } | { ok: false; error: RateSourceError };

export interface HotImportSummary {
  readonly ok: true;
  readonly imported: number;
  readonly duplicates: number;
  /** The first row errors, for the options page; the rest are counted. */
  readonly rowErrors: readonly HotRowError[];
  readonly rowErrorCount: number;
}
/** A refused file (`reason`), or a file read but not stored (`saveError`: storage full, the lists before kept). */
export type HotImportResult =
  | HotImportSummary
  | { readonly ok: false; readonly reason: { readonly code: HotFailureCode; readonly detail?: string } }
  | { readonly ok: false; readonly saveError: SaveError };

export function createSourcesService(deps: SourcesDeps) {
  const source = async () => readRateSource(await deps.storage.get(RATE_SOURCE_KEY));

  async function schedule(current: RateSource) {
    await deps.alarms.clear(RATE_REFRESH_ALARM);
    if (current.url) deps.alarms.create(RATE_REFRESH_ALARM, { periodInMinutes: current.intervalMinutes, delayInMinutes: current.intervalMinutes });
  }

  async function refreshRates(): Promise<{ status: RateCacheStatus; source: RateSource }> {
    const current = await source();
    const status = current.url ? await deps.cache.refresh(current.url) : (await deps.cache.load()).status;
    return { status, source: current };
  }

  return {
    refreshRates,

    async rateStatus(): Promise<{ status: RateCacheStatus; source: RateSource }> {
      return { status: (await deps.cache.load()).status, source: await source() };
    },

    async setRateSource(next: RateSource): Promise<SetRateSourceResult> {
      const url = next.url?.trim() || null;
      if (url) {
        const checked = checkRateSourceUrl(url);
        if (!checked.ok) return { ok: false, error: checked.error };
      }
      const saved = readRateSource({ url, intervalMinutes: next.intervalMinutes });
      try {
        await deps.storage.set({ [RATE_SOURCE_KEY]: saved });
      } catch (error) {
        // Nothing changed: the previous source, its schedule and its table stay.
        return { ok: false, error: toSaveError(error).kind === 'quota' ? 'storageFull' : 'storageFailed' };
      }
      await schedule(saved);
      const status = saved.url ? await deps.cache.refresh(saved.url) : await deps.cache.clear();
      return { ok: true, status, source: saved };
    },

    /** On startup: the alarm survives restarts, but not a cleared profile or an update of its period. */
    async ensureSchedule(): Promise<void> {
      const current = await source();
      if (current.url && !(await deps.alarms.get(RATE_REFRESH_ALARM))) await schedule(current);
    },

    async onAlarm(name: string): Promise<void> {
      if (name === RATE_REFRESH_ALARM) await refreshRates();
    },

    /** Origins the user revoked: when the rate table's is among them, record it (nothing is fetched). */
    async onAccessRemoved(origins: readonly string[]): Promise<void> {
      const current = await source();
      if (!current.url) return;
      const origin = new URL(current.url).origin;
      if (origins.some((pattern) => pattern === '<all_urls>' || pattern.startsWith(`${origin}/`) || pattern === 'https://*/*')) await refreshRates();
    },

    async importHotList(text: string, label: string): Promise<HotImportResult> {
      const parsed = parseHotList(text);
      if (!parsed.ok) return { ok: false, reason: parsed.reason };
      const { store } = parseHotListStore(await deps.storage.get(HOT_LIST_KEY));
      const imported = hotSourceFromEntries(parsed.entries, { id: 'import', label, updatedAt: deps.now().toISOString() });
      try {
        await deps.storage.set({ [HOT_LIST_KEY]: putHotSource(store, imported) });
      } catch (error) {
        return { ok: false, saveError: toSaveError(error) };
      }
      return { ok: true, imported: imported.ids.length, duplicates: parsed.duplicates, rowErrors: parsed.errors.slice(0, 20), rowErrorCount: parsed.errors.length };
    },

    async removeHotSource(id: string): Promise<void> {
      const { store } = parseHotListStore(await deps.storage.get(HOT_LIST_KEY));
      await deps.storage.set({ [HOT_LIST_KEY]: removeHotSource(store, id) });
    },
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
