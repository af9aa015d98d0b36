/**
 * The stored hot list: one or more sources (the user's import; the API issue adds live ones),
 * each a sorted array of product ids with rates aligned to it. Compact in `storage.local` (no
 * key per product) and searchable without building an index, so the popup answers `hotStatus`
 * with a binary search right after its one storage read. Read with a small hand-written check
 * rather than zod: the popup imports this.
 */
import type { HotListEntry } from './parse';

export interface HotSource {
  /** `import` for the user's file; other ids for live sources. */
  readonly id: string;
  /** What the options page shows: the file name, or the live source's name. */
  readonly label: string;
  readonly updatedAt: string;
  /** Product ids, unique, in ascending string order (the order `hotStatus` searches in). */
  readonly ids: readonly string[];
  /** Percent rate per id, aligned with `ids`; null when unknown. */
  readonly rates: readonly (number | null)[];
}

export interface HotListStore {
  readonly v: 1;
  readonly sources: readonly HotSource[];
}

export const EMPTY_HOT_LIST: HotListStore = { v: 1, sources: [] };

export const HOT_SOURCE_LIMITS = { sources: 8, ids: 200_000, label: 200, id: 64 } as const;

export type HotStatus =
  | { readonly hot: false }
  | {
      readonly hot: true;
      readonly ratePct: number | null;
      readonly sourceId: string;
      readonly label: string;
      readonly updatedAt: string;
    };

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A source from parsed entries: ids sorted and unique (the higher rate kept). */
export function hotSourceFromEntries(entries: readonly HotListEntry[], meta: { id: string; label: string; updatedAt: string }): HotSource {
  const rateById = new Map<string, number | null>();
  for (const { productId, ratePct } of entries) {
    const known = rateById.get(productId);
    rateById.set(productId, known === undefined || known === null ? ratePct : ratePct === null ? known : Math.max(known, ratePct));
  }
  const ids = [...rateById.keys()].sort(byString);
  return { ...meta, ids, rates: ids.map((id) => rateById.get(id) ?? null) };
}

/** The store with `source` added, or replacing the source with the same id. */
export function putHotSource(store: HotListStore, source: HotSource): HotListStore {
  return { v: 1, sources: [...store.sources.filter((s) => s.id !== source.id), source] };
}

export function removeHotSource(store: HotListStore, id: string): HotListStore {
  return { v: 1, sources: store.sources.filter((s) => s.id !== id) };
}

function indexOf(ids: readonly string[], productId: string): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const order = byString(ids[mid]!, productId);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/**
 * Whether a product is in any hot source. When several list it, a source with a rate wins over
 * one without, then the most recently updated.
 */
export function hotStatus(productId: string, store: HotListStore): HotStatus {
  let found: HotStatus = { hot: false };
  for (const source of store.sources) {
    const at = indexOf(source.ids, productId);
    if (at < 0) continue;
    const ratePct = source.rates[at] ?? null;
    const candidate: HotStatus = { hot: true, ratePct, sourceId: source.id, label: source.label, updatedAt: source.updatedAt };
    if (!found.hot || (found.ratePct === null && ratePct !== null) || ((found.ratePct === null) === (ratePct === null) && source.updatedAt > found.updatedAt)) {
      found = candidate;
    }
  }
  return found;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const ID = /^[1-9]\d{0,19}$/;

/** Why a stored source was dropped, for the options page. */
export interface HotListProblem {
  readonly index: number;
  readonly path: string;
  readonly message: string;
}

function readSource(raw: unknown): { source: HotSource } | { path: string; message: string } {
  if (!isRecord(raw)) return { path: '', message: 'expected an object' };
  const { id, label, updatedAt, ids, rates } = raw;
  if (typeof id !== 'string' || id.length === 0 || id.length > HOT_SOURCE_LIMITS.id) return { path: 'id', message: 'expected a short text' };
  if (typeof label !== 'string' || label.length > HOT_SOURCE_LIMITS.label) return { path: 'label', message: 'expected a short text' };
  if (typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt))) return { path: 'updatedAt', message: 'expected a date' };
  if (!Array.isArray(ids) || ids.length > HOT_SOURCE_LIMITS.ids) return { path: 'ids', message: 'expected a list of product ids' };
  if (!Array.isArray(rates) || rates.length !== ids.length) return { path: 'rates', message: 'expected one rate per product id' };
  for (let i = 0; i < ids.length; i += 1) {
    const value = ids[i];
    if (typeof value !== 'string' || !ID.test(value)) return { path: `ids.${i}`, message: 'expected a product id' };
    // Sorted and unique, or the binary search in hotStatus would miss products.
    if (i > 0 && byString(ids[i - 1] as string, value) >= 0) return { path: `ids.${i}`, message: 'ids must be sorted and unique' };
    const rate = rates[i];
    if (rate !== null && (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 100)) {
      return { path: `rates.${i}`, message: 'expected a percent from 0 to 100, or null' };
    }
  }
  return { source: { id, label, updatedAt, ids: ids as string[], rates: rates as (number | null)[] } };
}

/** Validates the stored value source by source: one bad source does not hide the others. */
export function parseHotListStore(raw: unknown): { store: HotListStore; problems: HotListProblem[] } {
  if (raw === undefined || raw === null) return { store: EMPTY_HOT_LIST, problems: [] };
  if (!isRecord(raw) || raw.v !== 1 || !Array.isArray(raw.sources)) {
    return { store: EMPTY_HOT_LIST, problems: [{ index: -1, path: '', message: 'expected a hot list (version 1)' }] };
  }
  const sources: HotSource[] = [];
  const problems: HotListProblem[] = [];
  raw.sources.slice(0, HOT_SOURCE_LIMITS.sources).forEach((entry, index) => {
    const read = readSource(entry);
    if ('source' in read) sources.push(read.source);
    else problems.push({ index, path: read.path, message: read.message });
  });
  return { store: { v: 1, sources }, problems };
}
