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
  | { readonly kind: 'exported'; readonly count: number };

export interface LinkHealthModelDeps {
  loadRun(): Promise<LinkHealthRun | null>;
  loadQueue(): Promise<readonly LinkHealthTask[]>;
  start(): Promise<MessageReply<'linkHealthStart'>>;
  cancel(): Promise<unknown>;
  resume(): Promise<unknown>;
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
  const run = signal<LinkHealthRun | null>(null);
  const queue = signal<readonly LinkHealthTask[]>([]);
  const filter = signal<LinkHealthFilter>('all');
  const notice = signal<LinkHealthNotice>(null);

  const rows = computed(() => linkHealthRows(run.value, queue.value));
  const visible = computed(() => (filter.value === 'all' ? rows.value : rows.value.filter((row) => row.result.status === filter.value)));
  const counts = computed(() => {
    const out: Record<LinkHealthStatus, number> = { ok: 0, 'not-affiliate': 0, gone: 0, 'rate-changed': 0, error: 0, unchecked: 0 };
    for (const row of rows.value) out[row.result.status] += 1;
    return out;
  });
  const running = computed(() => run.value?.state === 'running');

  async function load() {
    const [nextRun, nextQueue] = await Promise.all([deps.loadRun(), deps.loadQueue()]);
    // The queue is rewritten only when a run starts: keep the one read unless the run changed.
    if (nextRun?.id !== run.value?.id || queue.value.length !== nextRun?.total) queue.value = nextQueue;
    run.value = nextRun;
  }

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
      if (!reply) notice.value = { kind: 'failed' };
      else if (!reply.ok) notice.value = reply.reason === 'needs' ? { kind: 'needs', needs: reply.needs } : { kind: reply.reason };
      await load();
    },
    async cancel() {
      await deps.cancel().catch(() => undefined);
      await load();
    },
    setFilter(next) {
      filter.value = next;
    },
    exportCsv() {
      const exported = visible.value;
      deps.download(`sublink-link-health-${day(deps.now())}.csv`, UTF8_BOM + linkHealthCsv(exported), 'text/csv;charset=utf-8');
      notice.value = { kind: 'exported', count: exported.length };
    },
    async keepAlive() {
      if (running.value) await deps.resume().catch(() => undefined);
    },
  };
}
