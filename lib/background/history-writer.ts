/**
 * The history's single writer. Every surface goes through one instance: the popup (its
 * `linkCopied` message), the context menu and the shortcut (directly in the background). Writes
 * run one after another in a queue, so copies in quick succession from different surfaces are
 * all kept and a clear is never undone by a copy that started before it.
 *
 * A copy writes one journal slot (lib/storage/history.ts): one `set` of one small entry, no read
 * of the list first. A copy from the menu or the shortcut writes its slot before the clipboard,
 * marked pending, and writes its outcome to the same slot after: a worker stopped at any point of
 * the copy leaves an entry for every link that may have reached the clipboard. When every slot is
 * taken, and when the worker starts, the slots are merged into the list (`compact`).
 */
import { historySourceUrl, historyTitle, type CopyFailure, type CopySurface, type HistoryEntry, type HistoryStore, type HistoryWriteFailure } from '../storage/history';
import { PORTALS_TRACKING_KEYS, type PortalsTracking } from '../networks/portals-tracking';
import { SUBID_KEYS, type Account, type SubIds } from '../networks/types';
import type { Preset } from '../presets/types';
import type { SaveError, SaveResult } from '../storage/local';
import { productTitleFromTab } from '../insights/category-guess';
import { parseProductUrl } from '../url';
import { createSerial } from '../async/serial';

export interface HistoryWriterDeps {
  loadPresets(): Promise<readonly Preset[]>;
  /**
   * Presets and accounts in one read, so an entry also records the network its preset links
   * through; used instead of `loadPresets` when given (without it the network is not recorded).
   * One read: the entry is written before the clipboard, and a worker can stop at any point.
   */
  loadPresetsWithAccounts?(): Promise<{ readonly presets: readonly Preset[]; readonly accounts: readonly Account[] }>;
  readonly history: Pick<HistoryStore, 'writeSlot' | 'readSlots' | 'compact' | 'saveHistory'>;
  /** Where the options page learns that a history write failed (lib/storage/history.ts `createHistoryWriteFailureNote`). */
  readonly failureNote?: { write(failure: HistoryWriteFailure | null): Promise<void> };
  now(): number;
  /** A unique entry id; `crypto.randomUUID` by default. */
  newId?(): string;
}

/** One copy attempt as a surface reports it; the recorder adds the time, preset name and product id. */
export interface CopyRecord {
  readonly surface: CopySurface;
  readonly sourceUrl: string;
  readonly presetId: string | null;
  readonly link: string;
  readonly failure?: CopyFailure;
  /** The product's title, when the surface knows it for this very URL (the tab's own page). */
  readonly title?: string;
  /** Copied as ready-to-post text rather than the link alone. */
  readonly as?: 'post';
}

/** Whether the entry is stored, and why not when it is not. */
export type RecordResult = { readonly recorded: true } | { readonly recorded: false; readonly error: SaveError };

/** A copy whose entry is stored as pending until its outcome is known. */
export type PendingCopy = RecordResult & {
  /** Writes the outcome over the pending entry (`failure` when nothing reached the clipboard). */
  finish(failure?: CopyFailure): Promise<RecordResult>;
};

export interface CopyRecorder {
  /** Appends the copy to the history, after every write queued before it. */
  record(copy: CopyRecord): Promise<RecordResult>;
  /** Stores the copy as pending before its clipboard write; `finish` stores its outcome. */
  begin(copy: CopyRecord): Promise<PendingCopy>;
  /** Runs `task` in the history's write queue (for follow-up writes that must not interleave). */
  serial<T>(task: () => Promise<T>): Promise<T>;
  /** `record` without queueing, for use inside `serial`. */
  recordNow(copy: CopyRecord): Promise<RecordResult & { preset: Preset | null }>;
  /** Empties the history, in the queue: copies recorded before are cleared, pending ones are not brought back. */
  clear(): Promise<SaveResult>;
  /** Merges the journal into the list, in the queue (on worker start). */
  compact(): Promise<SaveResult>;
}

/** Only the slots and strings that were set: an empty one put nothing in the link. */
function setValues<K extends string>(keys: readonly K[], values: Partial<Record<K, string>> | undefined): Partial<Record<K, string>> | undefined {
  const set: Partial<Record<K, string>> = {};
  let any = false;
  for (const key of keys) {
    const value = values?.[key];
    if (typeof value === 'string' && value !== '') {
      set[key] = value;
      any = true;
    }
  }
  return any ? set : undefined;
}

/** What the preset built the link with, for reconciling with the network's reports (lib/options/history-model.ts). */
function linkTerms(preset: Preset, accounts: readonly Account[] | undefined): Pick<HistoryEntry, 'network' | 'program' | 'subIds' | 'tracking'> {
  const subIds: SubIds | undefined = setValues(SUBID_KEYS, preset.subIds);
  const tracking: PortalsTracking | undefined = setValues(PORTALS_TRACKING_KEYS, preset.portals);
  const network = accounts === undefined ? undefined : preset.accountId === null ? null : (accounts.find((a) => a.id === preset.accountId)?.network ?? null);
  return {
    program: preset.program,
    ...(network === undefined ? {} : { network }),
    ...(subIds ? { subIds } : {}),
    ...(tracking ? { tracking } : {}),
  };
}

const NO_SLOT: SaveError = { kind: 'other', message: 'every history journal slot is taken' };

export function createCopyRecorder(deps: HistoryWriterDeps): CopyRecorder {
  const serial = createSerial();
  const newId = deps.newId ?? (() => crypto.randomUUID());

  /** Slots holding an entry, as this worker knows them; read once, then kept up to date. */
  let occupied: Set<number> | null = null;
  let slotCount = 0;
  /** Slots whose copy waits for its outcome: never compacted, never given to another copy. */
  const inFlight = new Set<number>();
  /** Raised by a clear: a pending copy from before it must not write its entry back. */
  let generation = 0;
  /** Whether the failure note is set (unknown after a worker start). */
  let noted: boolean | undefined;

  const note = async (result: RecordResult): Promise<void> => {
    if (!deps.failureNote) return;
    const failed = !result.recorded;
    if (noted === failed) return;
    await deps.failureNote.write(result.recorded ? null : { at: deps.now(), kind: result.error.kind }).then(
      () => void (noted = failed),
      () => undefined,
    );
  };

  const compactNow = async (): Promise<SaveResult> => {
    const result = await deps.history.compact(inFlight);
    for (const slot of result.emptied) occupied?.delete(slot);
    return result.ok ? { ok: true } : { ok: false, error: result.error };
  };

  const firstFree = (taken: ReadonlySet<number>, count: number): number | undefined => {
    for (let slot = 0; slot < count; slot += 1) if (!taken.has(slot)) return slot;
    return undefined;
  };

  /** A free slot, compacting when the ring is full; an error when none can be freed. */
  const freeSlot = async (): Promise<{ slot: number } | { error: SaveError }> => {
    if (occupied === null) {
      const slots = await deps.history.readSlots();
      occupied = new Set(slots.flatMap((taken, slot) => (taken ? [slot] : [])));
      slotCount = slots.length;
    }
    let slot = firstFree(occupied, slotCount);
    if (slot === undefined) {
      const compacted = await compactNow();
      if (!compacted.ok) return { error: compacted.error };
      slot = firstFree(occupied, slotCount);
    }
    return slot === undefined ? { error: NO_SLOT } : { slot };
  };

  const toResult = (saved: SaveResult): RecordResult => (saved.ok ? { recorded: true } : { recorded: false, error: saved.error });

  /** Writes `entry` into `slot` (or a free one) and notes the outcome. */
  const store = async (entry: HistoryEntry, slot: number | undefined): Promise<RecordResult & { slot?: number }> => {
    let result: RecordResult & { slot?: number };
    try {
      const target = slot === undefined ? await freeSlot() : { slot };
      if ('error' in target) result = { recorded: false, error: target.error };
      else {
        occupied?.add(target.slot);
        result = { ...toResult(await deps.history.writeSlot(target.slot, entry)), slot: target.slot };
      }
    } catch (error) {
      result = { recorded: false, error: { kind: 'other', message: error instanceof Error ? error.message : String(error) } };
    }
    await note(result);
    return result;
  };

  /**
   * Entries are ordered by `at` when the journal is read: two copies in the same millisecond get
   * times 1 ms apart, in the order they were recorded.
   */
  let lastAt = -Infinity;
  const nextAt = (): number => (lastAt = Math.max(deps.now(), lastAt + 1));

  const entryOf = async (copy: CopyRecord): Promise<{ entry: HistoryEntry; preset: Preset | null }> => {
    const { presets, accounts } = deps.loadPresetsWithAccounts ? await deps.loadPresetsWithAccounts() : { presets: await deps.loadPresets(), accounts: undefined };
    const preset = presets.find((p) => p.id === copy.presetId) ?? null;
    const parsed = parseProductUrl(copy.sourceUrl);
    const productId = parsed.kind === 'product' ? parsed.product.id : null;
    // A title names a product: kept only with the product it was read for. The site's suffix is
    // trimmed here, so a page can send the tab's title as the browser gave it (the popup's
    // startup path then needs no title code); a title already trimmed stays as it is.
    const title = productId === null ? undefined : historyTitle(productTitleFromTab(copy.title));
    const entry: HistoryEntry = {
      at: nextAt(),
      surface: copy.surface,
      // A source URL past the schema's bound is kept cut, with a marker: an entry the schema
      // refused would be hidden from the options page and dropped by the next compaction.
      sourceUrl: historySourceUrl(copy.sourceUrl),
      presetId: preset?.id ?? null,
      presetName: preset?.name ?? null,
      link: copy.link,
      productId,
      ...(copy.failure ? { failure: copy.failure } : {}),
      ...(copy.as ? { as: copy.as } : {}),
      id: newId(),
      ...(title === undefined ? {} : { title }),
      ...(preset ? linkTerms(preset, accounts) : {}),
    };
    return { entry, preset };
  };

  const recordNow = async (copy: CopyRecord): Promise<RecordResult & { preset: Preset | null }> => {
    const { entry, preset } = await entryOf(copy);
    const { slot: _slot, ...result } = await store(entry, undefined);
    return { ...result, preset };
  };

  const begin = (copy: CopyRecord): Promise<PendingCopy> =>
    serial(async () => {
      const { entry } = await entryOf(copy);
      const started = generation;
      const stored = await store({ ...entry, pending: 'interrupted' }, undefined);
      if (stored.slot !== undefined && stored.recorded) inFlight.add(stored.slot);
      const finish = (failure?: CopyFailure): Promise<RecordResult> =>
        serial(async () => {
          const slot = stored.recorded ? stored.slot : undefined;
          if (slot !== undefined) inFlight.delete(slot);
          // Cleared since: the user emptied the history while this copy was under way.
          if (generation !== started) return { recorded: true };
          const { slot: _slot, ...result } = await store({ ...entry, ...(failure ? { failure } : {}) }, slot);
          return result;
        });
      const { slot: _slot, ...result } = stored;
      return { ...result, finish };
    });

  return {
    serial,
    recordNow,
    begin,
    record: (copy) => serial(async () => {
      const { preset: _preset, ...result } = await recordNow(copy);
      return result;
    }),
    clear: () =>
      serial(async () => {
        const saved = await deps.history.saveHistory([]);
        if (saved.ok) {
          generation += 1;
          inFlight.clear();
          occupied = new Set();
        }
        return saved;
      }),
    compact: () => serial(compactNow),
  };
}
