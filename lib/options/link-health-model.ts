/**
 * The options page's view of link health: the run's progress and results as stored by the
 * background (lib/storage/link-health.ts), a status filter, start and cancel, and the CSV export.
 * The re-check itself runs in the worker (lib/background/link-health.ts); this model only reads
 * storage and sends messages, so closing the page does not stop it.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { toCsv, UTF8_BOM } from '../csv/index';
import type { MessageReply } from '../messaging/protocol';
import { LINK_HEALTH_STATUSES, type LinkHealthResult, type LinkHealthRun, type LinkHealthStatus, type LinkHealthTask } from '../storage/link-health';

/** The statuses in the order the filter lists them. */
export { LINK_HEALTH_STATUSES };

export type LinkHealthFilter = LinkHealthStatus | 'all';

/** A result with the history entry it is about. */
export interface LinkHealthRow {
  readonly task: LinkHealthTask;
  readonly result: LinkHealthResult;
}

export type LinkHealthNotice =
  | null
  | { readonly kind: 'needs'; readonly needs: 'credentials' | 'access' | 'api-account' }
  | { readonly kind: 'nothing-to-check' }
  | { readonly kind: 'running' }
  | { readonly kind: 'failed' }
  /** Browser storage is full: the run's queue could not be stored. */
  | { readonly kind: 'storage-full' }
  | { readonly kind: 'exported'; readonly count: number };

export interface LinkHealthModelDeps extends RunStateDeps {
  start(): Promise<MessageReply<'linkHealthStart'>>;
  download(fileName: string, text: string, type: string): void;
  now(): Date;
}

export const LINK_HEALTH_CSV_HEADER = ['checked_at', 'status', 'rate_before', 'rate_now', 'hot', 'reason', 'title', 'preset', 'product_id', 'source_url', 'link'];

/** One line per checked entry, in the order checked; rates in percent as the API gives them. */
export function linkHealthCsv(rows: readonly LinkHealthRow[]): string {
  return toCsv(
    LINK_HEALTH_CSV_HEADER,
    rows.map(({ task, result }) => [
      new Date(result.checkedAt).toISOString(),
      result.status,
      result.rateBefore ?? '',
      result.rateNow ?? '',
      result.hot === undefined ? '' : result.hot,
      result.reason ?? '',
      result.title ?? '',
      task.presetName ?? '',
      task.productId,
      task.sourceUrl,
      task.link,
    ]),
  );
}

/** Results joined with their queue entries (same order: the i-th result is the i-th task's). */
/** How many results have each status. */
export function countByStatus(results: Iterable<{ readonly status: LinkHealthStatus }>): Record<LinkHealthStatus, number> {
  const out = Object.fromEntries(LINK_HEALTH_STATUSES.map((status) => [status, 0])) as Record<LinkHealthStatus, number>;
  for (const result of results) out[result.status] += 1;
  return out;
}

/** Reads a run and its queue into the signals; the queue only when the run changed (a start rewrites it). */
/** What the history's and the batch's re-check pages both ask of the worker and storage. */
export interface RunStateDeps {
  loadRun(): Promise<LinkHealthRun | null>;
  loadQueue(): Promise<readonly LinkHealthTask[]>;
  cancel(): Promise<unknown>;
  resume(): Promise<unknown>;
}

/**
 * What the history's and the batch's re-check models both keep and do: the stored run and its
 * queue (reloaded together; the queue only when the run changed), the status filter, the notice,
 * cancel, and keeping a running run's worker going.
 */
export function createRunState(deps: RunStateDeps) {
  const run = signal<LinkHealthRun | null>(null);
  const queue = signal<readonly LinkHealthTask[]>([]);
  const filter = signal<LinkHealthFilter>('all');
  const notice = signal<LinkHealthNotice>(null);
  const running = computed(() => run.value?.state === 'running');
  const load = async (): Promise<void> => {
    const [nextRun, nextQueue] = await Promise.all([deps.loadRun(), deps.loadQueue()]);
    if (nextRun?.id !== run.value?.id || queue.value.length !== nextRun?.total) queue.value = nextQueue;
    run.value = nextRun;
  };
  return {
    run,
    queue,
    filter,
    notice,
    running,
    load,
    async cancel() {
      await deps.cancel().catch(() => undefined);
      await load();
    },
    setFilter(next: LinkHealthFilter) {
      filter.value = next;
    },
    async keepAlive() {
      if (running.value) await deps.resume().catch(() => undefined);
    },
  };
}

/** What the page says after asking the worker to start a run (null: it did not answer). */
export function startNotice(reply: MessageReply<'linkHealthStart'> | null): LinkHealthNotice {
  if (!reply) return { kind: 'failed' };
  if (reply.ok) return null;
  return reply.reason === 'needs' ? { kind: 'needs', needs: reply.needs } : { kind: reply.reason };
}

export const linkHealthRows = (run: LinkHealthRun | null, queue: readonly LinkHealthTask[]): LinkHealthRow[] =>
  run ? run.results.flatMap((result, index) => (queue[index]?.entryId === result.entryId ? [{ task: queue[index]!, result }] : [])) : [];

const day = (date: Date) => date.toISOString().slice(0, 10);

export interface LinkHealthModel {
  readonly run: ReadonlySignal<LinkHealthRun | null>;
  readonly rows: ReadonlySignal<readonly LinkHealthRow[]>;
  readonly filter: ReadonlySignal<LinkHealthFilter>;
  readonly visible: ReadonlySignal<readonly LinkHealthRow[]>;
  readonly counts: ReadonlySignal<Readonly<Record<LinkHealthStatus, number>>>;
  readonly notice: ReadonlySignal<LinkHealthNotice>;
  readonly running: ReadonlySignal<boolean>;
  load(): Promise<void>;
  start(): Promise<void>;
  cancel(): Promise<void>;
  setFilter(filter: LinkHealthFilter): void;
  exportCsv(): void;
  /** While a run is stored as running: ask the worker to go on with it (it may have stopped). */
  keepAlive(): Promise<void>;
}

export function createLinkHealthModel(deps: LinkHealthModelDeps): LinkHealthModel {
  const state = createRunState(deps);
  const { run, queue, filter, notice, running, load } = state;
  const rows = computed(() => linkHealthRows(run.value, queue.value));
  const visible = computed(() => (filter.value === 'all' ? rows.value : rows.value.filter((row) => row.result.status === filter.value)));
  const counts = computed(() => countByStatus(rows.value.map((row) => row.result)));

  return {
    run,
    rows,
    filter,
    visible,
    counts,
    notice,
    running,
    load,
    async start() {
      notice.value = null;
      const reply = await deps.start().catch(() => null);
      notice.value = startNotice(reply);
      await load();
    },
    cancel: state.cancel,
    setFilter: state.setFilter,
    exportCsv() {
      const exported = visible.value;
      deps.download(`sublink-link-health-${day(deps.now())}.csv`, UTF8_BOM + linkHealthCsv(exported), 'text/csv;charset=utf-8');
      notice.value = { kind: 'exported', count: exported.length };
    },
    keepAlive: state.keepAlive,
  };
}
