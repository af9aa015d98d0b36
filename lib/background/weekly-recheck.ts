/**
 * The weekly re-check: when the user turns it on, once a week the link-health engine
 * (lib/background/link-health.ts, the same checker as "Re-check links") re-checks the history's
 * latest N product links, and when the run is done the count of dead links shows on the toolbar
 * icon (lib/background/badge/dead-links.ts) until the user opens the results or turns it off.
 *
 * It asks for nothing new: `alarms` is an install-time permission, and the checks use the API
 * host access the user granted when saving API credentials. Turning it on without what the API
 * needs is refused with what is missing (the engine's `readiness`), so no alarm is set for runs
 * that could only fail. A run already going (the user's, or a batch's) is left alone: the alarm
 * skips that week quietly and records why.
 *
 * Dead links are the ones that earn nothing now: `gone` (the network no longer knows the product)
 * and `not-affiliate` (the network says it earns no commission). Not counted: `ok` and
 * `rate-changed` (still earning), `error` (the API did not answer: no news about the link) and
 * `unchecked` (its preset's account has no API to ask). See docs/architecture.md, 'The weekly
 * re-check and the badge'.
 */
import type { HistoryEntry } from '../storage/history';
import type { LinkHealthResult, LinkHealthStatus, LinkHealthStore } from '../storage/link-health';
import { toSaveError } from '../storage/local';
import { isWeeklyRecheckCount, type DeadLinkCount, type WeeklyRecheck, type WeeklyRecheckStore, type WeeklySkipReason } from '../storage/weekly-recheck';
import type { DeadLinkBadge } from './badge/dead-links';
import { linkHealthTasks, type LinkHealthChecker, type LinkHealthReadiness } from './link-health';
import { createSerial } from '../async/serial';

export const WEEKLY_RECHECK_ALARM = 'sublink-weekly-recheck';
export const WEEK_MINUTES = 7 * 24 * 60;
const WEEK_MS = WEEK_MINUTES * 60_000;
/** A due run found on worker start (Firefox forgets alarms when it closes) waits this long: not in the start's rush. */
const OVERDUE_DELAY_MS = 60_000;

/** The statuses that count as dead on the badge: the link earns nothing now. */
export const DEAD_LINK_STATUSES: readonly LinkHealthStatus[] = ['gone', 'not-affiliate'];

export const countDeadLinks = (results: readonly Pick<LinkHealthResult, 'status'>[]): number =>
  results.filter((result) => DEAD_LINK_STATUSES.includes(result.status)).length;

export interface WeeklyRecheckDeps {
  readonly store: WeeklyRecheckStore;
  /** The history's runs (lib/storage/link-health.ts `createLinkHealthStore`). */
  readonly runs: Pick<LinkHealthStore, 'loadRun'>;
  readonly checker: Pick<LinkHealthChecker, 'start' | 'resume'>;
  loadHistory(): Promise<readonly HistoryEntry[]>;
  /** Every preset's id: what readiness asks about while the history has no product links yet. */
  loadPresetIds(): Promise<readonly string[]>;
  /** The engine's readiness (lib/background/link-health.ts `linkHealthReadiness` over the stored state). */
  readiness(presetIds: readonly (string | null)[]): Promise<LinkHealthReadiness>;
  readonly alarms: {
    create(name: string, info: { when: number; periodInMinutes: number }): Promise<void> | void;
    clear(name: string): Promise<unknown>;
    get(name: string): Promise<unknown>;
  };
  readonly badge: DeadLinkBadge;
  now(): number;
}

export type SetWeeklyRecheckResult =
  | { readonly ok: true; readonly weekly: WeeklyRecheck }
  | { readonly ok: false; readonly reason: 'invalid-count' }
  | { readonly ok: false; readonly reason: 'needs'; readonly needs: 'credentials' | 'access' | 'api-account' }
  | { readonly ok: false; readonly reason: 'storage-full' | 'storage-failed' };

export interface WeeklyRecheckService {
  /** The options page's switch and count: validated, checked against what the API needs, saved, scheduled. */
  set(request: { readonly enabled: boolean; readonly count: number }): Promise<SetWeeklyRecheckResult>;
  /** On worker start: the alarm back if the browser lost it, and the stored count back on the icon. */
  ensureSchedule(): Promise<void>;
  /** `alarms.onAlarm`: the weekly alarm starts a run over the latest links, unless one is going. */
  onAlarm(name: string): Promise<void>;
  /** After a run ends (in this worker or a stopped one): the weekly run's dead links to the badge. */
  settle(): Promise<void>;
  /** The user opened the history's re-check results: the count goes from the icon. */
  seen(): Promise<{ readonly cleared: boolean }>;
}

export function createWeeklyRecheck(deps: WeeklyRecheckDeps): WeeklyRecheckService {
  // One change of the stored item at a time: the alarm, the page and a run's end all rewrite it.
  const serial = createSerial();

  const schedule = async (weekly: WeeklyRecheck): Promise<void> => {
    await deps.alarms.clear(WEEKLY_RECHECK_ALARM);
    if (weekly.enabled && weekly.dueAt !== null) {
      await deps.alarms.create(WEEKLY_RECHECK_ALARM, { when: Math.max(weekly.dueAt, deps.now() + OVERDUE_DELAY_MS), periodInMinutes: WEEK_MINUTES });
    }
  };

  /** What the API needs for the links a run would check; with no product links yet, for any preset. */
  const readinessFor = async (count: number): Promise<LinkHealthReadiness> => {
    const tasks = linkHealthTasks(await deps.loadHistory(), count);
    const presetIds = tasks.length > 0 ? [...new Set(tasks.map((task) => task.presetId))] : await deps.loadPresetIds();
    return deps.readiness(presetIds);
  };

  const settle = () =>
    serial(async () => {
      const weekly = await deps.store.load();
      if (weekly.pendingRunId === null) return;
      const run = await deps.runs.loadRun();
      if (run?.id === weekly.pendingRunId && run.state === 'running') return;
      // Done: its dead links replace last week's. Cancelled by the user, or replaced by another run: nothing to show.
      const deadLinks: DeadLinkCount | null =
        run?.id === weekly.pendingRunId && run.state === 'done' ? { runId: run.id, dead: countDeadLinks(run.results), checked: run.results.length, finishedAt: run.finishedAt ?? deps.now() } : weekly.deadLinks;
      const shown = deadLinks && deadLinks.dead > 0 ? deadLinks : null;
      await deps.store.save({ ...weekly, pendingRunId: null, deadLinks: shown });
      await deps.badge.show(shown);
    });

  return {
    set: ({ enabled, count }) =>
      serial(async (): Promise<SetWeeklyRecheckResult> => {
        if (!isWeeklyRecheckCount(count)) return { ok: false, reason: 'invalid-count' };
        if (enabled) {
          const ready = await readinessFor(count);
          if (!ready.ok) return { ok: false, reason: 'needs', needs: ready.needs };
        }
        const current = await deps.store.load();
        const next: WeeklyRecheck = enabled
          ? { ...current, enabled: true, count, dueAt: current.enabled && current.dueAt !== null ? current.dueAt : deps.now() + WEEK_MS, lastSkip: current.enabled ? current.lastSkip : null }
          : { ...current, enabled: false, count, dueAt: null, pendingRunId: null, deadLinks: null, lastSkip: null };
        try {
          await deps.store.save(next);
        } catch (error) {
          // Nothing changed: the setting, its alarm and the badge stay as they were.
          return { ok: false, reason: toSaveError(error).kind === 'quota' ? 'storage-full' : 'storage-failed' };
        }
        await schedule(next);
        if (!enabled && current.deadLinks) await deps.badge.show(null);
        return { ok: true, weekly: next };
      }),

    async ensureSchedule() {
      const weekly = await deps.store.load();
      if (weekly.enabled && !(await deps.alarms.get(WEEKLY_RECHECK_ALARM))) await schedule(weekly);
      if (!weekly.enabled && (await deps.alarms.get(WEEKLY_RECHECK_ALARM))) await deps.alarms.clear(WEEKLY_RECHECK_ALARM);
      // A browser start leaves the icon as the manifest sets it: the count the user has not seen goes back on.
      if (weekly.deadLinks) await deps.badge.restoreGlobal(weekly.deadLinks);
    },

    async onAlarm(name) {
      if (name !== WEEKLY_RECHECK_ALARM) return;
      const started = await serial(async () => {
        const weekly = await deps.store.load();
        if (!weekly.enabled) {
          // An alarm left from before the switch went off (its clear lost with a stopped worker).
          await deps.alarms.clear(WEEKLY_RECHECK_ALARM);
          return false;
        }
        const dueAt = deps.now() + WEEK_MS;
        const start = await deps.checker.start({ limit: weekly.count });
        if (!start.ok) {
          const reason: WeeklySkipReason = start.reason === 'needs' ? start.needs : start.reason;
          await deps.store.save({ ...weekly, dueAt, lastSkip: { at: deps.now(), reason } });
          return false;
        }
        const run = await deps.runs.loadRun();
        await deps.store.save({ ...weekly, dueAt, pendingRunId: run?.id ?? null, lastSkip: null });
        return true;
      });
      if (!started) return;
      await deps.checker.resume();
      await settle();
    },

    settle,

    seen: () =>
      serial(async () => {
        const weekly = await deps.store.load();
        if (!weekly.deadLinks) return { cleared: false };
        // The page shows the stored run's results; while a run is going it shows progress, not them.
        const run = await deps.runs.loadRun();
        if (!run || run.state === 'running') return { cleared: false };
        await deps.store.save({ ...weekly, deadLinks: null });
        await deps.badge.show(null);
        return { cleared: true };
      }),
  };
}
