/**
 * Link health for the batch converter's worktable: "Re-check" sends the converted product rows to
 * the worker, which checks them with the same engine as the history's (lib/background/link-health.ts)
 * and keeps the run in its own storage items (lib/storage/link-health.ts); this model reads that
 * run back, joins each result with its row, and keeps a status filter. Closing the page does not
 * stop the run; the page reopened shows the results for the rows that still match.
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import type { BatchRow } from '../batch/convert';
import type { MessageData, MessageReply } from '../messaging/protocol';
import type { LinkHealthResult, LinkHealthRun, LinkHealthStatus, LinkHealthTask } from '../storage/link-health';
import { countByStatus, createRunState, startNotice, type LinkHealthFilter, type LinkHealthNotice, type RunStateDeps } from './link-health-model';

export type BatchHealthProduct = MessageData<'linkHealthStartProducts'>['products'][number];

export interface BatchHealthDeps extends RunStateDeps {
  start(products: readonly BatchHealthProduct[]): Promise<MessageReply<'linkHealthStartProducts'>>;
}

/** The rows a re-check covers: converted rows of a product page, with the preset they were converted under. */
export function batchHealthProducts(rows: readonly BatchRow[], presetId: string | null): BatchHealthProduct[] {
  return rows.flatMap((row) => (row.ok && row.kind === 'product' && row.productId !== null ? [{ row: row.row, productId: row.productId, link: row.link, presetId }] : []));
}

/**
 * Each row's result, by row number. A result counts only for the row it was made for: same row
 * number, product and link, so a run over an earlier batch never labels the rows of another.
 */
export function batchHealthByRow(rows: readonly BatchRow[], run: LinkHealthRun | null, queue: readonly LinkHealthTask[]): ReadonlyMap<number, LinkHealthResult> {
  const byRow = new Map<number, LinkHealthResult>();
  if (!run || rows.length === 0) return byRow;
  const rowsByNumber = new Map(rows.map((row) => [row.row, row]));
  run.results.forEach((result, index) => {
    const task = queue[index];
    if (!task || task.entryId !== result.entryId) return;
    const row = rowsByNumber.get(Number(task.entryId));
    if (row?.ok && row.productId === task.productId && row.link === task.link) byRow.set(row.row, result);
  });
  return byRow;
}

export interface BatchHealthModel {
  readonly run: ReadonlySignal<LinkHealthRun | null>;
  /** The results for the shown batch, by row number. */
  readonly byRow: ReadonlySignal<ReadonlyMap<number, LinkHealthResult>>;
  readonly counts: ReadonlySignal<Readonly<Record<LinkHealthStatus, number>>>;
  readonly filter: ReadonlySignal<LinkHealthFilter>;
  readonly notice: ReadonlySignal<LinkHealthNotice>;
  /** A batch re-check is running (a history re-check running is told by the notice when one is asked for). */
  readonly running: ReadonlySignal<boolean>;
  /** Whether `row` is shown under the status filter. */
  matches(row: BatchRow): boolean;
  load(): Promise<void>;
  start(): Promise<void>;
  cancel(): Promise<void>;
  setFilter(filter: LinkHealthFilter): void;
  /** While the run is stored as running: ask the worker to go on with it (it may have stopped). */
  keepAlive(): Promise<void>;
}

export function createBatchHealthModel(deps: BatchHealthDeps, batch: { readonly rows: ReadonlySignal<readonly BatchRow[]>; presetId(): string | null }): BatchHealthModel {
  const state = createRunState(deps);
  const { run, queue, filter, notice, running, load } = state;
  const byRow = computed(() => batchHealthByRow(batch.rows.value, run.value, queue.value));
  const counts = computed(() => countByStatus(byRow.value.values()));

  return {
    run,
    byRow,
    counts,
    filter,
    notice,
    running,
    matches(row) {
      const wanted = filter.value;
      return wanted === 'all' || byRow.value.get(row.row)?.status === wanted;
    },
    load,
    async start() {
      notice.value = null;
      const products = batchHealthProducts(batch.rows.value, batch.presetId());
      if (products.length === 0) {
        notice.value = { kind: 'nothing-to-check' };
        return;
      }
      const reply = await deps.start(products).catch(() => null);
      notice.value = startNotice(reply);
      if (reply?.ok) filter.value = 'all';
      await load();
    },
    cancel: state.cancel,
    setFilter: state.setFilter,
    keepAlive: state.keepAlive,
  };
}
