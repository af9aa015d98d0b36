/**
 * The link history: every link the user copied, from any surface, newest first and bounded.
 * The background owns the single writer (`createCopyRecorder` in lib/background/history-writer.ts),
 * so two surfaces copying at once cannot overwrite each other's entry.
 *
 * Stored in two parts (lib/storage/items.ts): the compacted list `history`, and a ring of journal
 * slots `historyJournal<n>`, each one entry. A copy writes one slot in one `set` and never
 * rewrites the list, so a worker stopped mid-copy loses nothing; reading merges both by entry id.
 */
import { localArea, sessionArea, type StorageArea } from './area';
import { storedEntries, storedValueOf } from './item';
import { historyItem, historyJournalItems, historyWriteFailureItem } from './items';
import { createLocalStore, parseList, toSaveError, type SaveError, type SaveResult, type StorageProblem } from './local';
import { finiteNumber, nullable, object, oneOf, optional, schema, SchemaError, string, type Reader } from '../schema/reader';
import { PORTALS_TRACKING_KEYS, type PortalsTracking } from '../networks/portals-tracking';
import { SUBID_KEYS, type AccountNetwork, type SubIds } from '../networks/types';
import type { ProgramId } from '../presets/types';

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
  // The link is longer than servers and networks accept (lib/background/copy/copy-link.ts `MAX_LINK_LENGTH`).
  'too-long',
  // "Copy as post": the preset's post template cannot be rendered (lib/presets/post-template.ts).
  'post-template',
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
  /** Entries written since the journal: what merges a slot with its compacted copy. Older entries have none. */
  readonly id?: string;
  /**
   * Written before the clipboard and replaced by the outcome after it: still set, the worker
   * stopped in between, so the link may or may not have reached the clipboard.
   */
  readonly pending?: 'interrupted';
  /**
   * The product's title as the copying surface saw it (the tab's, without the site's suffix), cut
   * to MAX_HISTORY_TITLE. Only for product links; absent where no surface knew it (a menu click
   * on a link to another product) and in entries from before titles were kept.
   */
  readonly title?: string;
  /**
   * What the link was built with, as the preset stood at the copy: its account's network (null
   * without an account), its program, the sub-ids by slot and a Portals preset's tracking
   * strings. What a publisher matches against the network's reports; absent in older entries.
   */
  readonly network?: AccountNetwork | null;
  readonly program?: ProgramId;
  readonly subIds?: SubIds;
  readonly tracking?: PortalsTracking;
  /** `post`: copied as ready-to-post text (the preset's template around `link`); absent: the link alone. */
  readonly as?: 'post';
}

/** The schema's bound for `sourceUrl`, as it has been since the first release. */
export const MAX_HISTORY_SOURCE_URL = 8192;
/** Marks a source URL cut to fit the history. */
export const CUT_MARKER = '…';

/** `url` as the history can keep it: cut to the schema's bound with a marker, never refused by it. */
export const historySourceUrl = (url: string): string =>
  url.length <= MAX_HISTORY_SOURCE_URL ? url : url.slice(0, MAX_HISTORY_SOURCE_URL - CUT_MARKER.length) + CUT_MARKER;

/** The longest title kept, as lib/insights' `productTitleFromTab` cuts it. */
export const MAX_HISTORY_TITLE = 300;

/** Direction overrides and isolates (Unicode TR9) would reorder the list and the CSV around the title. */
const CONTROLS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * A title as the history keeps it: control and bidi-override characters out, white space
 * collapsed, cut to MAX_HISTORY_TITLE with a marker. Undefined when nothing is left.
 */
export function historyTitle(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const clean = text.slice(0, 4 * MAX_HISTORY_TITLE).replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  if (clean === '') return undefined;
  return clean.length <= MAX_HISTORY_TITLE ? clean : clean.slice(0, MAX_HISTORY_TITLE - CUT_MARKER.length).trimEnd() + CUT_MARKER;
}

/**
 * Fields added after the first release: a value this version cannot read is left out rather
 * than hiding the whole entry (the copy itself is what the history is for).
 */
const droppedWhenInvalid =
  <T>(read: Reader<T>): Reader<T | undefined> =>
  (input, path) => {
    if (input === undefined) return undefined;
    try {
      return read(input, path);
    } catch (error) {
      if (error instanceof SchemaError) return undefined;
      throw error;
    }
  };

const subIdText = droppedWhenInvalid(string({ max: 1024 }));
const readSubIds: Reader<SubIds> = (input, path) =>
  object(Object.fromEntries(SUBID_KEYS.map((key) => [key, subIdText])) as Record<(typeof SUBID_KEYS)[number], Reader<string | undefined>>)(input, path);
const readTracking: Reader<PortalsTracking> = (input, path) =>
  object(Object.fromEntries(PORTALS_TRACKING_KEYS.map((key) => [key, subIdText])) as Record<(typeof PORTALS_TRACKING_KEYS)[number], Reader<string | undefined>>)(input, path);
const readTitle: Reader<string | undefined> = (input) => historyTitle(input);

export const historyEntrySchema = schema<HistoryEntry>(
  object({
    at: finiteNumber(),
    surface: oneOf(COPY_SURFACES),
    sourceUrl: string({ max: MAX_HISTORY_SOURCE_URL }),
    presetId: nullable(string()),
    presetName: nullable(string()),
    link: string({ max: 16384 }),
    productId: nullable(string()),
    failure: optional(oneOf(COPY_FAILURES)),
    id: optional(string({ min: 1, max: 64 })),
    pending: optional(oneOf(['interrupted'] as const)),
    title: readTitle,
    network: droppedWhenInvalid(nullable(oneOf(['admitad', 'epn', 'custom', 'portals'] as const))),
    program: droppedWhenInvalid(oneOf(['ww', 'ru-cis-new', 'portals', 'eu-benelux', 'other'] as const)),
    subIds: droppedWhenInvalid(readSubIds),
    tracking: droppedWhenInvalid(readTracking),
    as: optional(oneOf(['post'] as const)),
  }),
);

/** Prepends an entry and drops the oldest past the bound. */
export function appendHistory(entries: readonly HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
  return [entry, ...entries].slice(0, limit);
}

/**
 * The list and the journal's slots as one history: every slot entry not already in the list by
 * id goes in front (newest first), a slot's version of an entry replaces the list's (it is the
 * later write: a pending entry's outcome), and the result is bounded. Pure, and idempotent: a
 * compaction stopped after writing the list but before emptying the slots reads the same.
 */
export function mergeJournal(list: readonly HistoryEntry[], slots: readonly HistoryEntry[], limit = HISTORY_LIMIT): HistoryEntry[] {
  const byId = new Map<string, HistoryEntry>();
  for (const entry of slots) if (entry.id !== undefined) byId.set(entry.id, entry);
  const inList = new Set<string>();
  const kept = list.map((entry) => {
    if (entry.id === undefined || !byId.has(entry.id)) return entry;
    inList.add(entry.id);
    return byId.get(entry.id)!;
  });
  const fresh = [...byId.values()].filter((entry) => !inList.has(entry.id!)).sort((a, b) => b.at - a.at);
  return [...fresh, ...kept].slice(0, limit);
}

/** What makes two entries the same copy: the id when both have one, else time, link and page. */
const sameCopyKey = (entry: HistoryEntry): string => entry.id ?? `${entry.at}|${entry.link}|${entry.sourceUrl}`;

/**
 * The history with a backup's entries added: entries already present (by id, or by time, link
 * and page for entries from before ids) are not doubled, the present ones win, and the result is
 * newest first and bounded. Pure.
 */
export function mergeRestoredHistory(current: readonly HistoryEntry[], restored: readonly HistoryEntry[], limit = HISTORY_LIMIT): HistoryEntry[] {
  const seen = new Set(current.map(sameCopyKey));
  const added = restored.filter((entry) => {
    const key = sameCopyKey(entry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...current, ...added].sort((a, b) => b.at - a.at).slice(0, limit);
}

/** A journal slot's content: an entry, or null for an empty slot. */
export type JournalSlots = readonly (HistoryEntry | null)[];

export interface HistoryStore {
  loadHistory(): Promise<{ entries: HistoryEntry[]; problems: StorageProblem[] }>;
  /** Replaces the whole history: the list, and every journal slot emptied, in one `set`. */
  saveHistory(entries: readonly HistoryEntry[]): Promise<SaveResult>;
  /** One entry into one slot: a single `set`, no read. */
  writeSlot(slot: number, entry: HistoryEntry): Promise<SaveResult>;
  /**
   * Which slots hold something (one `get` of the slot keys only). A value this version cannot
   * read counts as taken: it is never overwritten.
   */
  readSlots(): Promise<readonly boolean[]>;
  /**
   * Merges every slot but `keep` into the list and empties them, in one `set` after one `get`.
   * Returns the slots it emptied.
   */
  compact(keep: ReadonlySet<number>): Promise<SaveResult & { emptied: readonly number[] }>;
  /**
   * Adds a backup's entries to the list (mergeRestoredHistory) in one `set` after one `get`; the
   * journal's slots are left as they are, and readers merge them over the list by id.
   */
  restore(entries: readonly HistoryEntry[]): Promise<SaveResult>;
}

const SLOT_KEYS = historyJournalItems.map((item) => item.key);
const readSlot = (raw: unknown): HistoryEntry | null => {
  const parsed = historyEntrySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

/** Separate from lib/storage/local.ts's `loadState` so the popup's bundle does not carry the history. */
export function createHistoryStore(area: StorageArea): HistoryStore {
  const { write } = createLocalStore(area);
  const slotsOf = (snapshot: Record<string, unknown>): JournalSlots => historyJournalItems.map((item) => readSlot(storedValueOf(item, snapshot)));
  const present = (slots: JournalSlots): HistoryEntry[] => slots.filter((entry): entry is HistoryEntry => entry !== null);
  const emptySlots = (slots: readonly number[]) => Object.fromEntries(slots.map((slot) => [SLOT_KEYS[slot]!, null]));

  async function readAll() {
    const snapshot = await area.get([...historyItem.readKeys, ...SLOT_KEYS]);
    const { items, problems } = parseList('history', storedValueOf(historyItem, snapshot), historyEntrySchema);
    return { list: items, problems, slots: slotsOf(snapshot), raw: storedValueOf(historyItem, snapshot) };
  }

  return {
    async loadHistory() {
      const { list, problems, slots } = await readAll();
      return { entries: mergeJournal(list, present(slots)), problems };
    },
    saveHistory: (entries) => write({ [historyItem.key]: entries, ...emptySlots(SLOT_KEYS.map((_, slot) => slot)) }),
    writeSlot: (slot, entry) => write({ [SLOT_KEYS[slot]!]: entry }),
    readSlots: async () => {
      const snapshot = await area.get(SLOT_KEYS);
      return historyJournalItems.map((item) => {
        const raw = storedValueOf(item, snapshot);
        return raw !== undefined && raw !== null;
      });
    },
    async compact(keep) {
      let all: Awaited<ReturnType<typeof readAll>>;
      try {
        all = await readAll();
      } catch (error) {
        return { ok: false, error: toSaveError(error), emptied: [] };
      }
      const merging = all.slots.flatMap((entry, slot) => (entry !== null && !keep.has(slot) ? [slot] : []));
      if (merging.length === 0) return { ok: true, emptied: [] };
      const merged = mergeJournal(all.list, merging.map((slot) => all.slots[slot]!));
      // Entries this version cannot read stay in the list, as `saveList` keeps them (lib/storage/local.ts).
      const unreadable = Array.isArray(all.raw) ? all.raw.filter((entry) => !historyEntrySchema.safeParse(entry).success) : [];
      const saved = await write({ [historyItem.key]: [...merged, ...unreadable], ...emptySlots(merging) });
      return saved.ok ? { ...saved, emptied: merging } : { ...saved, emptied: [] };
    },
    async restore(entries) {
      let all: Awaited<ReturnType<typeof readAll>>;
      try {
        all = await readAll();
      } catch (error) {
        return { ok: false, error: toSaveError(error) };
      }
      const unreadable = Array.isArray(all.raw) ? all.raw.filter((entry) => !historyEntrySchema.safeParse(entry).success) : [];
      return write({ [historyItem.key]: [...mergeRestoredHistory(all.list, entries), ...unreadable] });
    },
  };
}

/** What the last failed history write recorded for the options page, or null. */
export interface HistoryWriteFailure {
  readonly at: number;
  readonly kind: SaveError['kind'];
}

/**
 * The note of the last failed history write, in `storage.session` (lib/storage/items.ts
 * `historyWriteFailureItem`). Without a session area, it is kept in memory.
 */
export function createHistoryWriteFailureNote(area: StorageArea | undefined) {
  let memory: HistoryWriteFailure | null = null;
  return {
    async read(): Promise<HistoryWriteFailure | null> {
      if (!area) return memory;
      const raw = storedValueOf(historyWriteFailureItem, await area.get(historyWriteFailureItem.readKeys)) as Partial<HistoryWriteFailure> | undefined;
      return raw && typeof raw.at === 'number' && (raw.kind === 'quota' || raw.kind === 'other') ? { at: raw.at, kind: raw.kind } : null;
    },
    async write(failure: HistoryWriteFailure | null): Promise<void> {
      memory = failure;
      if (!area) return;
      await (failure === null ? area.remove(historyWriteFailureItem.readKeys) : area.set(storedEntries(historyWriteFailureItem, failure)));
    },
  };
}

export const HISTORY_WRITE_FAILURE_KEY = historyWriteFailureItem.key;
export const HISTORY_JOURNAL_KEYS: readonly string[] = SLOT_KEYS;
export const readHistoryWriteFailure = (): Promise<HistoryWriteFailure | null> => createHistoryWriteFailureNote(sessionArea()).read();
export const loadHistory = (): ReturnType<HistoryStore['loadHistory']> => createHistoryStore(localArea()).loadHistory();
export const saveHistory = (entries: readonly HistoryEntry[]): Promise<SaveResult> => createHistoryStore(localArea()).saveHistory(entries);
