/**
 * The options page's rate-source, hot-list and ship-to settings. The work is done in
 * the background (lib/background/rate-source.ts); this model sends the requests, asks for the optional
 * permissions from the click that needs them, and keeps what the page shows.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { MessageReply } from '../messaging/protocol';
import { RATE_INTERVALS_MINUTES, type RateSource } from '../storage/rate-source';
import { parseHotListStore, type HotListStore } from '../hotlist';
import { checkRateSourceUrl, type RateSourceUrlError } from '../rates/source-url';
import { SHIP_TO_PERMISSIONS } from '../rules';

/** What the background answers, as the message protocol declares it. */
type RateState = MessageReply<'getRateStatus'>;
type SetRateSourceResult = MessageReply<'setRateSource'>;
type HotImportResult = MessageReply<'importHotList'>;

export interface SourcesDeps {
  rateStatus(): Promise<RateState>;
  setRateSource(source: RateSource): Promise<SetRateSourceResult>;
  refreshRates(): Promise<RateState>;
  importHotList(text: string, label: string): Promise<HotImportResult>;
  removeHotSource(id: string): Promise<void>;
  readHotList(): Promise<unknown>;
  permissions: {
    contains(request: { permissions?: string[]; origins?: string[] }): Promise<boolean>;
    request(request: { permissions?: string[]; origins?: string[] }): Promise<boolean>;
    remove(request: { permissions?: string[]; origins?: string[] }): Promise<boolean>;
  };
}

export type RateSourceProblem = RateSourceUrlError | 'denied' | 'failed' | 'storageFull' | 'storageFailed';

export function createSourcesModel(deps: SourcesDeps) {
  const rate = signal<RateState | null>(null);
  const rateProblem = signal<RateSourceProblem | null>(null);
  const busy = signal(false);
  const hotList = signal<HotListStore>({ v: 1, sources: [] });
  const hotImport = signal<HotImportResult | null>(null);
  const shipToAllowed = signal(false);

  const refreshHotList = async () => {
    hotList.value = parseHotListStore(await deps.readHotList()).store;
  };

  async function run(task: () => Promise<void>) {
    busy.value = true;
    try {
      await task();
    } catch {
      rateProblem.value = 'failed';
    } finally {
      busy.value = false;
    }
  }

  return {
    /** The refresh intervals the background accepts, in minutes, for the page's picker. */
    rateIntervalsMinutes: RATE_INTERVALS_MINUTES,
    rate: rate as ReadonlySignal<RateState | null>,
    rateProblem: rateProblem as ReadonlySignal<RateSourceProblem | null>,
    busy: busy as ReadonlySignal<boolean>,
    hotList: hotList as ReadonlySignal<HotListStore>,
    hotImport: hotImport as ReadonlySignal<HotImportResult | null>,
    shipToAllowed: shipToAllowed as ReadonlySignal<boolean>,

    async load() {
      const [status, allowed] = await Promise.all([deps.rateStatus().catch(() => null), deps.permissions.contains(SHIP_TO_PERMISSIONS).catch(() => false)]);
      rate.value = status;
      shipToAllowed.value = allowed;
      await refreshHotList();
    },

    /** Asks for access to the table's origin first, in the click; the background then fetches it. */
    async setRateSource(url: string, intervalMinutes: number) {
      rateProblem.value = null;
      const trimmed = url.trim();
      if (trimmed) {
        const checked = checkRateSourceUrl(trimmed);
        if (!checked.ok) {
          rateProblem.value = checked.error;
          return;
        }
        if (!(await deps.permissions.request({ origins: [`${checked.origin}/*`] }).catch(() => false))) {
          rateProblem.value = 'denied';
          return;
        }
      }
      await run(async () => {
        const result = await deps.setRateSource({ url: trimmed || null, intervalMinutes });
        if (result.ok) rate.value = { status: result.status, source: result.source };
        else rateProblem.value = result.error;
      });
    },

    async refreshRates() {
      rateProblem.value = null;
      await run(async () => {
        rate.value = await deps.refreshRates();
      });
    },

    async importHotList(text: string, label: string) {
      hotImport.value = await deps.importHotList(text, label).catch(() => ({ ok: false as const, reason: { code: 'unreadable' as const } }));
      await refreshHotList();
    },

    async removeHotSource(id: string) {
      await deps.removeHotSource(id);
      hotImport.value = null;
      await refreshHotList();
    },

    async setShipToAllowed(allowed: boolean) {
      const changed = allowed
        ? await deps.permissions.request(SHIP_TO_PERMISSIONS).catch(() => false)
        : await deps.permissions.remove(SHIP_TO_PERMISSIONS).catch(() => false);
      if (changed) shipToAllowed.value = allowed;
    },
  };
}

export type SourcesModel = ReturnType<typeof createSourcesModel>;
