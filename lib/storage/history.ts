/**
 * The link history: every link the user copied, from any surface, newest first and bounded.
 * Pure functions; the background owns the single writer (`createCopyRecorder` in
 * lib/background/history-writer.ts), so two surfaces copying at once cannot overwrite each other's entry.
 */
import { localArea, type StorageArea } from './area';
import { storedValueOf } from './item';
import { historyItem } from './items';
import { createLocalStore, parseList, type SaveResult, type StorageProblem } from './local';
import { finiteNumber, nullable, object, oneOf, optional, schema, string } from '../schema/reader';

export const HISTORY_LIMIT = 1000;

/** `history`: copied again from the options page's history list. */
export const COPY_SURFACES = ['popup', 'context-menu', 'shortcut', 'batch', 'history'] as const;
export type CopySurface = (typeof COPY_SURFACES)[number];

/**
 * Why a copy from the context menu or the shortcut put nothing on the clipboard. Those surfaces
 * have no page to show an error on, so the attempt is kept in the history with its reason
 * (and flagged on the toolbar badge): never a silent failure. The deeplink codes are
 * lib/networks' `DeeplinkErrorCode`s.
 */
export const COPY_FAILURES = [
  'no-url',
  'unknown-preset',
  'invalid-url',
  'not-aliexpress',
  'short-link',
  'invalid-account',
  'invalid-subids',
  // A Portals preset: its link comes from the AliExpress API, and no credentials (or access) are set up.
  'needs-api',
  // A Portals preset: the API was asked and failed (refused, timed out, unreachable).
  'api-error',
  'clipboard',
] as const;
export type CopyFailure = (typeof COPY_FAILURES)[number];

export interface HistoryEntry {
  readonly at: number;
  readonly surface: CopySurface;
  readonly sourceUrl: string;
  readonly presetId: string | null;
  readonly presetName: string | null;
  readonly link: string;
  readonly productId: string | null;
  /** Set when nothing was copied; `link` is then the link that could not be written, or empty. */
  readonly failure?: CopyFailure;
}

export const historyEntrySchema = schema<HistoryEntry>(
  object({
    at: finiteNumber(),
    surface: oneOf(COPY_SURFACES),
    sourceUrl: string({ max: 8192 }),
    presetId: nullable(string()),
    presetName: nullable(string()),
    link: string({ max: 16384 }),
    productId: nullable(string()),
    failure: optional(oneOf(COPY_FAILURES)),
  }),
);

/** Prepends an entry and drops the oldest past the bound. */
export function appendHistory(entries: readonly HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
  return [entry, ...entries].slice(0, limit);
}

export interface HistoryStore {
  loadHistory(): Promise<{ entries: HistoryEntry[]; problems: StorageProblem[] }>;
  saveHistory(entries: readonly HistoryEntry[]): Promise<SaveResult>;
}

/** Separate from lib/storage/local.ts's `loadState` so the popup's bundle does not carry the history. */
export function createHistoryStore(area: StorageArea): HistoryStore {
  const { write } = createLocalStore(area);
  return {
    async loadHistory() {
      const { items, problems } = parseList('history', storedValueOf(historyItem, await area.get(historyItem.readKeys)), historyEntrySchema);
      return { entries: items, problems };
    },
    saveHistory: (entries) => write({ [historyItem.key]: entries }),
  };
}

export const loadHistory = (): ReturnType<HistoryStore['loadHistory']> => createHistoryStore(localArea()).loadHistory();
export const saveHistory = (entries: readonly HistoryEntry[]): Promise<SaveResult> => createHistoryStore(localArea()).saveHistory(entries);
