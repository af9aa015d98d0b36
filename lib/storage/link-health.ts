/**
 * Link health: a re-check of the history's links against the network's API, kept in
 * `storage.local` so that a run survives the worker stopping (lib/background/link-health.ts
 * resumes it) and the options page shows its progress and results from storage.
 *
 * Two items per kind of run (lib/storage/items.ts), one pair for the history and one for the batch
 * converter: the run's queue, written once when the run starts, and its state with the results so
 * far, written every few checks. Both are read with the small reader
 * (lib/schema/reader.ts): the options page reads them, and a value it cannot read is a run that
 * never happened, never an error that hides the history.
 */
import { storedEntries, storedValueOf } from './item';
import { linkHealthBatchItem, linkHealthBatchQueueItem, linkHealthItem, linkHealthQueueItem } from './items';
import type { StoredItem } from './item';
import type { StorageArea } from './area';
import { array, boolean, finiteNumber, nullable, object, oneOf, optional, record, schema, string } from '../schema/reader';

/**
 * ok: still affiliate, rate as last seen; not-affiliate: the network says it earns nothing now;
 * gone: the network no longer knows the product; rate-changed: affiliate, at another rate than the
 * last check saw; error: the API did not answer (timeout, refused); unchecked: the preset's account
 * has no API to ask (`reason` says what is missing).
 */
export const LINK_HEALTH_STATUSES = ['ok', 'not-affiliate', 'gone', 'rate-changed', 'error', 'unchecked'] as const;
export type LinkHealthStatus = (typeof LINK_HEALTH_STATUSES)[number];

/** Why an entry could not be checked, or what failed: the API service's reasons and error kinds. */
export const LINK_HEALTH_REASONS = [
  'no-preset',
  'no-api',
  'no-credentials',
  'no-access',
  'not-aliexpress',
  'auth',
  'not-registered',
  'rate-limited',
  'timeout',
  'network',
  'bad-response',
  'api',
] as const;
export type LinkHealthReason = (typeof LINK_HEALTH_REASONS)[number];

/** One link to re-check: a history entry, or a product row of the batch converter. */
export interface LinkHealthTask {
  /** The history entry's id (or its time, for entries written before ids); a batch row's number. */
  readonly entryId: string;
  readonly sourceUrl: string;
  readonly productId: string;
  readonly presetId: string | null;
  readonly presetName: string | null;
  readonly link: string;
}

export interface LinkHealthResult {
  readonly entryId: string;
  readonly status: LinkHealthStatus;
  readonly checkedAt: number;
  /** Percent, as the API gives it now; null when it gave none. */
  readonly rateNow?: number | null;
  /** rate-changed: the rate the previous check saw. */
  readonly rateBefore?: number | null;
  readonly hot?: boolean;
  readonly title?: string;
  readonly reason?: LinkHealthReason;
}

export type LinkHealthRunState = 'running' | 'cancelled' | 'done';

export interface LinkHealthRun {
  readonly id: string;
  readonly state: LinkHealthRunState;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly total: number;
  /** Results in queue order: `results.length` tasks are done, the next one is `results.length`. */
  readonly results: readonly LinkHealthResult[];
  /**
   * The last rate seen per product and preset (`<productId> <presetId>`), kept from run to run:
   * what "rate changed" compares with.
   */
  readonly lastRates: Readonly<Record<string, number>>;
  /** Why a run stopped that nobody cancelled: the extension's storage was full (the results kept are those saved before). */
  readonly stoppedBy?: 'storage-full';
}

/** The most a run re-checks: the history's bound (lib/storage/history.ts `HISTORY_LIMIT`). */
export const LINK_HEALTH_MAX_TASKS = 1000;

/** The most a batch re-check takes: the batch converter's bound (lib/batch/extract.ts `BATCH_MAX_ROWS`). */
export const LINK_HEALTH_MAX_BATCH_TASKS = 10_000;

const text = (max: number) => string({ max });

const taskReader = object({
    entryId: text(64),
    sourceUrl: text(8192),
    productId: text(32),
    presetId: nullable(text(64)),
    presetName: nullable(text(200)),
    link: text(16384),
});

const resultReader = object({
  entryId: text(64),
  status: oneOf(LINK_HEALTH_STATUSES),
  checkedAt: finiteNumber(),
  rateNow: optional(nullable(finiteNumber())),
  rateBefore: optional(nullable(finiteNumber())),
  hot: optional(boolean()),
  title: optional(text(1000)),
  reason: optional(oneOf(LINK_HEALTH_REASONS)),
});

const runSchemaOf = (maxTasks: number) =>
  schema<LinkHealthRun>(
    object({
      id: text(64),
      state: oneOf(['running', 'cancelled', 'done'] as const),
      startedAt: finiteNumber(),
      finishedAt: nullable(finiteNumber()),
      total: finiteNumber(),
      results: array(resultReader, { max: maxTasks }),
      lastRates: record(finiteNumber()),
      stoppedBy: optional(oneOf(['storage-full'] as const)),
    }),
  );

export const linkHealthRunSchema = runSchemaOf(LINK_HEALTH_MAX_TASKS);

export interface LinkHealthStore {
  /** The run, or null when none was stored or it cannot be read. */
  loadRun(): Promise<LinkHealthRun | null>;
  loadQueue(): Promise<readonly LinkHealthTask[]>;
  /** A new run: its queue and its first state, in one `set`. */
  startRun(run: LinkHealthRun, queue: readonly LinkHealthTask[]): Promise<void>;
  saveRun(run: LinkHealthRun): Promise<void>;
}

export const linkHealthKey = linkHealthItem.key;
export const linkHealthBatchKey = linkHealthBatchItem.key;

/** Where one kind of run is kept: its two items and how many tasks it may hold. */
interface LinkHealthSlot {
  readonly runItem: StoredItem;
  readonly queueItem: StoredItem;
  readonly maxTasks: number;
}

function createSlotStore(area: StorageArea, slot: LinkHealthSlot): LinkHealthStore {
  const runSchema = slot.maxTasks === LINK_HEALTH_MAX_TASKS ? linkHealthRunSchema : runSchemaOf(slot.maxTasks);
  const queueSchema = schema<readonly LinkHealthTask[]>(array(taskReader, { max: slot.maxTasks }));
  return {
    async loadRun() {
      const parsed = runSchema.safeParse(storedValueOf(slot.runItem, await area.get(slot.runItem.readKeys)));
      return parsed.success ? parsed.data : null;
    },
    async loadQueue() {
      const parsed = queueSchema.safeParse(storedValueOf(slot.queueItem, await area.get(slot.queueItem.readKeys)));
      return parsed.success ? parsed.data : [];
    },
    startRun: (run, queue) => area.set({ ...storedEntries(slot.queueItem, queue), ...storedEntries(slot.runItem, run) }),
    saveRun: (run) => area.set(storedEntries(slot.runItem, run)),
  };
}

/** The history's re-check. */
export function createLinkHealthStore(area: StorageArea): LinkHealthStore {
  return createSlotStore(area, { runItem: linkHealthItem, queueItem: linkHealthQueueItem, maxTasks: LINK_HEALTH_MAX_TASKS });
}

/** The batch converter's re-check: the same run and queue shapes, in items of its own, up to 10,000 rows. */
export function createBatchLinkHealthStore(area: StorageArea): LinkHealthStore {
  return createSlotStore(area, { runItem: linkHealthBatchItem, queueItem: linkHealthBatchQueueItem, maxTasks: LINK_HEALTH_MAX_BATCH_TASKS });
}

/** The run as the options page reads it from a `storage.onChanged` value. */
export const readLinkHealthRun = (raw: unknown): LinkHealthRun | null => {
  const parsed = linkHealthRunSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

