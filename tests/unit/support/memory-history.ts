/**
 * An in-memory `storage.local` for the history's writer, and the history a user would see in it
 * (list and journal merged, as lib/storage/history.ts `loadHistory` reads it), synchronously.
 */
import type { StorageArea } from '@/lib/storage/area';
import { createHistoryStore, HISTORY_JOURNAL_KEYS, mergeJournal, type HistoryEntry } from '@/lib/storage/history';

export interface MemoryAreaOptions {
  /** Milliseconds each `set` takes: a slow store, where concurrent writers would overwrite each other. */
  readonly setDelayMs?: number;
}

export function memoryArea(initial: Record<string, unknown> = {}, { setDelayMs = 0 }: MemoryAreaOptions = {}) {
  const items = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  const area: StorageArea = {
    async get(keys) {
      const wanted = keys === null ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((key) => items.has(key)).map((key) => [key, structuredClone(items.get(key))]));
    },
    async set(values) {
      if (setDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, setDelayMs));
      for (const [key, value] of Object.entries(structuredClone(values))) items.set(key, value);
    },
    async remove(keys) {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
  };
  return { area, items };
}

/** The history as read from `items`, newest first; `id`s left out, as the tests' entries were written before ids. */
export function visibleHistory(items: ReadonlyMap<string, unknown>): HistoryEntry[] {
  const list = (items.get('history') as HistoryEntry[] | undefined) ?? [];
  const slots = HISTORY_JOURNAL_KEYS.map((key) => items.get(key) as HistoryEntry | null | undefined).filter((entry): entry is HistoryEntry => !!entry);
  return mergeJournal(list, slots).map(({ id: _id, ...entry }) => entry);
}

/** A history store over a fresh memory area holding `list`. */
export function memoryHistory(list: readonly HistoryEntry[] = [], options: MemoryAreaOptions = {}) {
  const { area, items } = memoryArea(list.length > 0 ? { history: list } : {}, options);
  return { area, items, store: createHistoryStore(area), visible: () => visibleHistory(items) };
}
