/**
 * The options page's link history: every copy the background recorded (popup,
 * context menu, shortcut, and copies made here), searchable by product, preset and date; copy
 * again; CSV export; clear. The background is the history's only writer (lib/background/history-writer.ts): this
 * page reads it and asks the background to clear it.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { toCsv, UTF8_BOM } from '../csv/index';
import { subIdParamNames, subIdsInLink } from '../networks/link-subids';
import { PORTALS_TRACKING_KEYS } from '../networks/portals-tracking';
import { SUBID_KEYS, type AccountNetwork, type SubIds } from '../networks/types';
import { HISTORY_LIMIT, type HistoryEntry, type HistoryWriteFailure } from '../storage/history';
import type { StorageProblem } from '../storage/local';

export interface HistoryDeps {
  loadHistory(): Promise<{ entries: HistoryEntry[]; problems: StorageProblem[] }>;
  /** The last history write that failed in this browser session (storage full), or null. */
  loadWriteFailure?(): Promise<HistoryWriteFailure | null>;
  /** Asks the background to empty the history (in its write queue, after any copy being recorded). */
  clearHistory(): Promise<{ cleared: boolean }>;
  /** `navigator.clipboard.writeText`, called from the click. */
  writeClipboard(text: string): Promise<void>;
  /** Tells the background, which records the copy in the history like any other. */
  recordCopy(copy: { surface: 'history'; sourceUrl: string; presetId: string | null; link: string; title?: string }): Promise<unknown>;
  download(fileName: string, text: string, type: string): void;
  now(): Date;
}

export interface HistoryFilter {
  /** Matched against the product id and title, both URLs and the preset name, ignoring case. */
  readonly text: string;
  /** A preset id, `none` for copies without a preset, or `all`. */
  readonly preset: string;
  /** Local calendar days, `YYYY-MM-DD`, inclusive; '' for open-ended. */
  readonly from: string;
  readonly to: string;
}

export const EMPTY_FILTER: HistoryFilter = { text: '', preset: 'all', from: '', to: '' };

export type HistoryStatus =
  | { readonly kind: 'copied'; readonly at: number }
  | { readonly kind: 'copyFailed' }
  | { readonly kind: 'cleared' }
  | { readonly kind: 'clearFailed' }
  | { readonly kind: 'exported'; readonly count: number }
  | null;

export interface PresetChoice {
  readonly id: string;
  readonly name: string;
}

/** Midnight of a `YYYY-MM-DD` day in local time, or null when it is not one. */
function localDayStart(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime() : null;
}

export function matchesFilter(entry: HistoryEntry, filter: HistoryFilter): boolean {
  if (filter.preset === 'none' ? entry.presetId !== null : filter.preset !== 'all' && entry.presetId !== filter.preset) return false;
  const from = localDayStart(filter.from);
  if (from !== null && entry.at < from) return false;
  const to = localDayStart(filter.to);
  // The end day is included: everything before the next day's midnight (a DST day is 23 or 25 hours).
  if (to !== null) {
    const end = new Date(to);
    end.setDate(end.getDate() + 1);
    if (entry.at >= end.getTime()) return false;
  }
  const text = filter.text.trim().toLowerCase();
  if (text === '') return true;
  return [entry.productId, entry.title, entry.sourceUrl, entry.link, entry.presetName].some((value) => value?.toLowerCase().includes(text));
}

/**
 * The history's CSV, in the order a publisher reconciles with a network's report: when (UTC), the
 * sub-ids (each network reports by them), the product and its title, the link, then whose link
 * it was (network, preset, program), a Portals preset's tracking strings (seed 003), and what
 * happened. `sub-id` stands for the five slot columns, headed by the networks' own names.
 */
const CSV_COLUMNS_BEFORE_SUBIDS = ['time'] as const;
const CSV_COLUMNS_AFTER_SUBIDS = ['product_id', 'title', 'link', 'network', 'preset', 'program', ...PORTALS_TRACKING_KEYS, 'surface', 'status', 'failure', 'source_url'] as const;

/** The header when every link is Admitad's (or a custom template's): the slots' own names. */
export const HISTORY_CSV_HEADER = [...CSV_COLUMNS_BEFORE_SUBIDS, ...SUBID_KEYS, ...CSV_COLUMNS_AFTER_SUBIDS] as const;

/** What a row's link was built with: recorded with the entry, else read back from the link (older entries). */
function linkTermsOf(entry: HistoryEntry): { network: AccountNetwork | null; subIds: SubIds } {
  if (entry.subIds !== undefined || entry.network !== undefined) return { network: entry.network ?? null, subIds: entry.subIds ?? {} };
  const fromLink = entry.link ? subIdsInLink(entry.link) : null;
  return fromLink ?? { network: null, subIds: {} };
}

/**
 * Each slot's column is headed by the parameter names of the networks in the export (`sub` for
 * ePN, `subid` for Admitad); an export mixing networks names both (`subid / sub`). Without a
 * network that has sub-ids, the slots' own names.
 */
export function historyCsvHeader(networks: Iterable<AccountNetwork | null>): string[] {
  const named = [...new Set(networks)].flatMap((network) => {
    const names = network === null ? null : subIdParamNames(network);
    return names ? [names] : [];
  });
  const slots = SUBID_KEYS.map((key) => (named.length === 0 ? key : [...new Set(named.map((names) => names[key]))].join(' / ')));
  return [...CSV_COLUMNS_BEFORE_SUBIDS, ...slots, ...CSV_COLUMNS_AFTER_SUBIDS];
}

/** Times in UTC ISO 8601, so a spreadsheet in any time zone reads the same instant. */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  const terms = entries.map(linkTermsOf);
  return toCsv(
    historyCsvHeader(terms.map((t) => t.network)),
    entries.map((e, index) => {
      const { network, subIds } = terms[index]!;
      return [
        new Date(e.at).toISOString(),
        ...SUBID_KEYS.map((key) => subIds[key] ?? ''),
        e.productId ?? '',
        e.title ?? '',
        e.link,
        network ?? '',
        e.presetName ?? '',
        e.program ?? '',
        ...PORTALS_TRACKING_KEYS.map((key) => e.tracking?.[key] ?? ''),
        e.surface,
        e.failure ? 'failed' : e.pending ? 'interrupted' : 'copied',
        e.failure ?? '',
        e.sourceUrl,
      ];
    }),
  );
}

const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export function createHistoryModel(deps: HistoryDeps) {
  const entries = signal<readonly HistoryEntry[]>([]);
  const problems = signal<readonly StorageProblem[]>([]);
  const filter = signal<HistoryFilter>(EMPTY_FILTER);
  const status = signal<HistoryStatus>(null);
  const loaded = signal(false);
  const writeFailure = signal<HistoryWriteFailure | null>(null);

  const filtered = computed(() => entries.value.filter((entry) => matchesFilter(entry, filter.value)));
  /** Presets seen in the history, by id, under the name of their latest copy. */
  const presetChoices = computed<PresetChoice[]>(() => {
    const seen = new Map<string, string>();
    for (const entry of entries.value) if (entry.presetId !== null && !seen.has(entry.presetId)) seen.set(entry.presetId, entry.presetName ?? entry.presetId);
    return [...seen].map(([id, name]) => ({ id, name }));
  });

  return {
    entries: entries as ReadonlySignal<readonly HistoryEntry[]>,
    problems: problems as ReadonlySignal<readonly StorageProblem[]>,
    filter: filter as ReadonlySignal<HistoryFilter>,
    filtered,
    presetChoices,
    status: status as ReadonlySignal<HistoryStatus>,
    loaded: loaded as ReadonlySignal<boolean>,
    /** Set while the last copy's history entry could not be written: the section says so. */
    writeFailure: writeFailure as ReadonlySignal<HistoryWriteFailure | null>,
    limit: HISTORY_LIMIT,

    async load() {
      const [result, failure] = await Promise.all([deps.loadHistory(), deps.loadWriteFailure?.().catch(() => null) ?? null]);
      writeFailure.value = failure;
      entries.value = result.entries;
      problems.value = result.problems;
      loaded.value = true;
    },

    setFilter(change: Partial<HistoryFilter>) {
      filter.value = { ...filter.value, ...change };
    },

    clearFilter() {
      filter.value = EMPTY_FILTER;
    },

    /** Must run from the click: the clipboard is written before anything is awaited. */
    async copyAgain(entry: HistoryEntry) {
      try {
        await deps.writeClipboard(entry.link);
      } catch {
        status.value = { kind: 'copyFailed' };
        return;
      }
      status.value = { kind: 'copied', at: entry.at };
      // Best effort, as in the popup: the link is on the clipboard, which is what the user asked for.
      const copy = { surface: 'history' as const, sourceUrl: entry.sourceUrl, presetId: entry.presetId, link: entry.link };
      await deps.recordCopy(entry.title === undefined ? copy : { ...copy, title: entry.title }).catch(() => undefined);
    },

    /** Exports what the filter shows. */
    exportCsv() {
      const rows = filtered.value;
      deps.download(`sublink-history-${day(deps.now())}.csv`, UTF8_BOM + historyCsv(rows), 'text/csv;charset=utf-8');
      status.value = { kind: 'exported', count: rows.length };
    },

    async clear() {
      const result = await deps.clearHistory().catch(() => ({ cleared: false }));
      if (!result.cleared) {
        status.value = { kind: 'clearFailed' };
        return;
      }
      entries.value = [];
      status.value = { kind: 'cleared' };
    },
  };
}

export type HistoryModel = ReturnType<typeof createHistoryModel>;
