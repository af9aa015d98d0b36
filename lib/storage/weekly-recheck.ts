/**
 * The weekly re-check of the history's latest links (lib/storage/items.ts `weeklyRecheckItem`):
 * off by default; when on, the background re-checks the latest `count` links once a week with the
 * link-health engine and shows how many stopped earning on the toolbar badge.
 *
 * One item, one writer (the background): the options page reads it and asks the background to
 * change it (`setWeeklyRecheck`), which validates the count and schedules the alarm. Read with the
 * small reader (lib/schema/reader.ts) because the options page reads it; a value it cannot read is
 * the default (off), never an error that hides the history.
 */
import { storedEntries, storedValueOf } from './item';
import { weeklyRecheckItem } from './items';
import type { StorageArea } from './area';
import { LINK_HEALTH_MAX_TASKS } from './link-health';
import { boolean, finiteNumber, nullable, object, oneOf, schema, string } from '../schema/reader';

/** How many of the latest links a weekly run re-checks, unless the user says otherwise. */
export const WEEKLY_RECHECK_DEFAULT_COUNT = 50;
/** The most: the history's whole bound (lib/storage/link-health.ts `LINK_HEALTH_MAX_TASKS`). */
export const WEEKLY_RECHECK_MAX_COUNT = LINK_HEALTH_MAX_TASKS;
export const WEEKLY_RECHECK_MIN_COUNT = 1;

/** Why the last alarm started no run: another run was going, nothing to check, or what the API still needs. */
export const WEEKLY_SKIP_REASONS = ['running', 'nothing-to-check', 'credentials', 'access', 'api-account', 'storage-full'] as const;
export type WeeklySkipReason = (typeof WEEKLY_SKIP_REASONS)[number];

/** The dead links of a finished weekly run, shown on the badge until the user opens the results. */
export interface DeadLinkCount {
  readonly runId: string;
  /** Links now gone or not affiliate (lib/background/weekly-recheck.ts `countDeadLinks`). */
  readonly dead: number;
  /** Links the run re-checked. */
  readonly checked: number;
  readonly finishedAt: number;
}

export interface WeeklyRecheck {
  readonly enabled: boolean;
  /** How many of the latest product links each run re-checks. */
  readonly count: number;
  /** When the next run is due (ms since the epoch); null while off. The alarm is re-created from it. */
  readonly dueAt: number | null;
  /** The run the last alarm started, until it ends. */
  readonly pendingRunId: string | null;
  readonly deadLinks: DeadLinkCount | null;
  /** The last time the alarm fired and started no run, and why; null after one that started. */
  readonly lastSkip: { readonly at: number; readonly reason: WeeklySkipReason } | null;
}

export const DEFAULT_WEEKLY_RECHECK: WeeklyRecheck = {
  enabled: false,
  count: WEEKLY_RECHECK_DEFAULT_COUNT,
  dueAt: null,
  pendingRunId: null,
  deadLinks: null,
  lastSkip: null,
};

/** A count the setting accepts: a whole number from 1 to the history's bound. */
export const isWeeklyRecheckCount = (value: number): boolean =>
  Number.isInteger(value) && value >= WEEKLY_RECHECK_MIN_COUNT && value <= WEEKLY_RECHECK_MAX_COUNT;

const weeklyRecheckSchema = schema<WeeklyRecheck>(
  object({
    enabled: boolean(),
    count: finiteNumber(),
    dueAt: nullable(finiteNumber()),
    pendingRunId: nullable(string({ max: 64 })),
    deadLinks: nullable(object({ runId: string({ max: 64 }), dead: finiteNumber(), checked: finiteNumber(), finishedAt: finiteNumber() })),
    lastSkip: nullable(object({ at: finiteNumber(), reason: oneOf(WEEKLY_SKIP_REASONS) })),
  }),
  (value) => (isWeeklyRecheckCount(value.count) ? [] : [{ path: ['count'], message: `a whole number from ${WEEKLY_RECHECK_MIN_COUNT} to ${WEEKLY_RECHECK_MAX_COUNT}` }]),
);

/** Never throws: the default (off) for nothing stored or anything it cannot read. */
export function readWeeklyRecheck(raw: unknown): WeeklyRecheck {
  const parsed = weeklyRecheckSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_WEEKLY_RECHECK;
}

export const weeklyRecheckKey = weeklyRecheckItem.key;

export interface WeeklyRecheckStore {
  load(): Promise<WeeklyRecheck>;
  /** Rejects when storage refuses the write (lib/storage/local.ts `toSaveError` tells why). */
  save(value: WeeklyRecheck): Promise<void>;
}

export function createWeeklyRecheckStore(area: StorageArea): WeeklyRecheckStore {
  return {
    load: async () => readWeeklyRecheck(storedValueOf(weeklyRecheckItem, await area.get(weeklyRecheckItem.readKeys))),
    save: (value) => area.set(storedEntries(weeklyRecheckItem, value)),
  };
}
