/**
 * Link health: re-checks the links in the history, or the product rows of a batch, with the network's API (the AliExpress Portals
 * product API or Admitad's commission rates and affiliate check, whichever the preset's account
 * has; lib/api/service.ts `productInsights`), one at a time with a pause between checks, and
 * says for each: ok, not affiliate, gone, rate changed (from the rate the last check saw), or
 * why it could not tell.
 *
 * The run lives in storage (lib/storage/link-health.ts; the history's and the batch's apart, one
 * running at a time): the queue once, the results every few checks. A worker stopped mid-run loses at most the checks since the last save; the next worker
 * resumes from there (`resume`, on worker start and whenever the options page asks for progress).
 */
import type { ProductInsightsReply, ProductInsightsRequest } from '../api/service';
import type { Account } from '../networks/types';
import type { Preset } from '../presets/types';
import type { ApiCredentials } from '../storage/api-credentials';
import type { HistoryEntry } from '../storage/history';
import { toSaveError } from '../storage/local';
import {
  LINK_HEALTH_MAX_BATCH_TASKS,
  LINK_HEALTH_MAX_TASKS,
  type LinkHealthReason,
  type LinkHealthResult,
  type LinkHealthRun,
  type LinkHealthStore,
  type LinkHealthTask,
} from '../storage/link-health';

/** Between two checks: each check is two or three API calls, and the APIs' own limits are per second. */
export const LINK_HEALTH_GAP_MS = 400;
/** Results written to storage every this many checks, and at the end. */
export const LINK_HEALTH_SAVE_EVERY = 10;

export interface LinkHealthDeps {
  /** The history's runs. */
  readonly store: LinkHealthStore;
  /** The batch converter's runs (lib/storage/link-health.ts `createBatchLinkHealthStore`): the same engine, kept apart. */
  readonly batchStore?: LinkHealthStore;
  loadHistory(): Promise<readonly HistoryEntry[]>;
  /** The API's answer for one link with its preset (lib/api/service.ts `productInsights`). */
  check(request: ProductInsightsRequest): Promise<ProductInsightsReply>;
  /**
   * Whether any preset in the queue can be checked, and if not, what is missing. Asked before a
   * run starts, so that without credentials the user reads what is needed, not 1,000 "unchecked".
   */
  readiness(presetIds: readonly (string | null)[]): Promise<LinkHealthReadiness>;
  now(): number;
  sleep(ms: number): Promise<void>;
  newId(): string;
  readonly gapMs?: number;
  readonly saveEvery?: number;
}

export type LinkHealthReadiness = { readonly ok: true } | { readonly ok: false; readonly needs: 'credentials' | 'access' | 'api-account' };

export type LinkHealthStart =
  | { readonly ok: true; readonly total: number }
  | { readonly ok: false; readonly reason: 'running' | 'nothing-to-check' }
  /** The browser's storage for the extension is full: the queue could not be stored, nothing started. */
  | { readonly ok: false; readonly reason: 'storage-full' }
  | { readonly ok: false; readonly reason: 'needs'; readonly needs: 'credentials' | 'access' | 'api-account' };

const rateKey = (task: Pick<LinkHealthTask, 'productId' | 'presetId'>): string => `${task.productId} ${task.presetId ?? ''}`;

/** The history entries a re-check covers: copied product links, newest first, each once; at most `limit` (the weekly re-check's count). */
export function linkHealthTasks(entries: readonly HistoryEntry[], limit: number = LINK_HEALTH_MAX_TASKS): LinkHealthTask[] {
  const most = Math.min(limit, LINK_HEALTH_MAX_TASKS);
  const tasks: LinkHealthTask[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.failure || entry.productId === null || entry.link === '') continue;
    const entryId = entry.id ?? String(entry.at);
    if (seen.has(entryId)) continue;
    seen.add(entryId);
    tasks.push({ entryId, sourceUrl: entry.sourceUrl, productId: entry.productId, presetId: entry.presetId, presetName: entry.presetName, link: entry.link });
    if (tasks.length >= most) break;
  }
  return tasks;
}

/** A product row of the batch converter to re-check (lib/messaging/protocol.ts `linkHealthStartProducts`). */
export interface LinkHealthProduct {
  /** The row's number in the batch: what the worktable joins a result with. */
  readonly row: number;
  readonly productId: string;
  readonly link: string;
  readonly presetId: string | null;
}

/**
 * The batch's product rows as tasks, each row once, in the batch's order. The API is asked about
 * the product's own page: a row's input may be a short or app link the API does not read.
 */
export function productLinkTasks(products: readonly LinkHealthProduct[]): LinkHealthTask[] {
  const tasks: LinkHealthTask[] = [];
  const seen = new Set<number>();
  for (const product of products) {
    if (seen.has(product.row)) continue;
    seen.add(product.row);
    tasks.push({
      entryId: String(product.row),
      sourceUrl: `https://www.aliexpress.com/item/${product.productId}.html`,
      productId: product.productId,
      presetId: product.presetId,
      presetName: null,
      link: product.link,
    });
    if (tasks.length === LINK_HEALTH_MAX_BATCH_TASKS) break;
  }
  return tasks;
}

/**
 * One answer as a status. The rate is the one a link of this kind earns: the hot rate when the
 * API's link is the hot link, else the ordinary rate (seed 001: the hot rate needs a hot link).
 */
export function classifyReply(reply: ProductInsightsReply, rateBefore: number | undefined, checkedAt: number, entryId: string): LinkHealthResult {
  if (reply.source === null) return { entryId, status: 'unchecked', checkedAt, reason: reply.reason };
  const rate = reply.rate ? (reply.link?.kind === 'hot' && reply.rate.hotCommissionRate !== null ? reply.rate.hotCommissionRate : reply.rate.commissionRate) : null;
  const facts = {
    ...(rate !== null ? { rateNow: rate } : {}),
    ...(reply.rate ? { hot: reply.rate.isHot } : {}),
    ...(reply.title ? { title: reply.title } : {}),
  };
  if (reply.affiliate === false) return { entryId, status: 'not-affiliate', checkedAt, ...facts };
  // An answer cut short says nothing about the product: report the failure, not a guess.
  if (reply.error) return { entryId, status: 'error', checkedAt, reason: reply.error.kind as LinkHealthReason, ...facts };
  // Admitad answers a product it no longer lists with no name and no rate, and counts it as
  // affiliate (its generator does not know either): the product is gone from the program.
  if (rate === null && !reply.title) return { entryId, status: 'gone', checkedAt };
  if (rate !== null && rateBefore !== undefined && Math.abs(rate - rateBefore) > 1e-9) {
    return { entryId, status: 'rate-changed', checkedAt, rateBefore, ...facts };
  }
  return { entryId, status: 'ok', checkedAt, ...facts };
}

/**
 * Whether any of these presets can be re-checked: a Portals account with the AliExpress API
 * credentials saved for its app key, or an Admitad account with Admitad's, and the browser's
 * permission to call that API. Otherwise the first thing missing, in the order the user fixes
 * them: an account with an API, its credentials, the permission.
 */
export function linkHealthReadiness(
  presetIds: readonly (string | null)[],
  state: { readonly presets: readonly Preset[]; readonly accounts: readonly Account[] },
  credentials: ApiCredentials,
  access: { readonly aliexpress: boolean; readonly admitad: boolean },
): LinkHealthReadiness {
  let needs: 'credentials' | 'access' | 'api-account' = 'api-account';
  for (const presetId of presetIds) {
    const preset = state.presets.find((candidate) => candidate.id === presetId);
    const account = preset?.accountId ? state.accounts.find((candidate) => candidate.id === preset.accountId) : undefined;
    if (account?.network !== 'portals' && account?.network !== 'admitad') continue;
    const service = account.network === 'portals' ? 'aliexpress' : 'admitad';
    const saved = account.network === 'portals' ? credentials.aliexpress?.appKey === account.appKey : credentials.admitad !== undefined;
    if (!saved) {
      if (needs === 'api-account') needs = 'credentials';
      continue;
    }
    if (access[service]) return { ok: true };
    needs = 'access';
  }
  return { ok: false, needs };
}

export interface LinkHealthChecker {
  /**
   * A new run over the history, or over its latest `limit` product links (the weekly re-check);
   * refused while a run (of the history or of a batch) is running.
   */
  start(options?: { readonly limit?: number }): Promise<LinkHealthStart>;
  /** A new run over the batch converter's product rows; refused while a run is running. */
  startProducts(products: readonly LinkHealthProduct[]): Promise<LinkHealthStart>;
  /** Stops the running run after the check in progress; the results so far stay. */
  cancel(): Promise<void>;
  /** Continues a stored run that was running when its worker stopped. Resolves when the run ends. */
  resume(): Promise<void>;
}

export function createLinkHealthChecker(deps: LinkHealthDeps): LinkHealthChecker {
  const gapMs = deps.gapMs ?? LINK_HEALTH_GAP_MS;
  const saveEvery = deps.saveEvery ?? LINK_HEALTH_SAVE_EVERY;
  // One run at a time, whichever it is: the APIs' limits are per account, not per run.
  const stores = deps.batchStore ? [deps.store, deps.batchStore] : [deps.store];
  let driving: Promise<void> | null = null;
  let cancelled = false;

  async function runningStore(): Promise<LinkHealthStore | null> {
    for (const store of stores) if ((await store.loadRun())?.state === 'running') return store;
    return null;
  }

  async function drive(): Promise<void> {
    const store = await runningStore();
    if (!store) return;
    let run = (await store.loadRun())!;
    if (run.state !== 'running') return;
    const queue = await store.loadQueue();
    // A queue that does not match its run (a write lost between them) cannot be resumed safely.
    if (queue.length !== run.total) {
      await store.saveRun({ ...run, state: 'done', finishedAt: deps.now() });
      return;
    }
    const results = [...run.results];
    const lastRates = { ...run.lastRates };
    let unsaved = 0;
    const save = async (state: LinkHealthRun['state']) => {
      run = { ...run, state, results: [...results], lastRates: { ...lastRates }, finishedAt: state === 'running' ? null : deps.now() };
      await store.saveRun(run);
      unsaved = 0;
    };
    try {
      while (results.length < queue.length) {
        if (cancelled) return await save('cancelled');
        const task = queue[results.length]!;
        const key = rateKey(task);
        // The service never throws; a failure of the worker's own (storage, a bug) is an error for this entry only.
        const reply = await deps.check({ url: task.sourceUrl, presetId: task.presetId }).catch(() => null);
        const result: LinkHealthResult = reply ? classifyReply(reply, lastRates[key], deps.now(), task.entryId) : { entryId: task.entryId, status: 'error', checkedAt: deps.now(), reason: 'network' };
        if (typeof result.rateNow === 'number' && result.status !== 'error') lastRates[key] = result.rateNow;
        results.push(result);
        unsaved += 1;
        if (unsaved >= saveEvery) await save('running');
        // Polite: one check at a time, a pause between them (the APIs count calls per second).
        if (results.length < queue.length && reply?.source !== null) await deps.sleep(gapMs);
      }
      await save(cancelled ? 'cancelled' : 'done');
    } catch (error) {
      if (toSaveError(error).kind !== 'quota') throw error;
      // Storage is full: stop, keeping what the last save stored, and say so, rather than stay
      // "running" and re-check the same links on every resume. The last save fitted; this one is
      // a few bytes larger, so it fits too unless something else filled the storage meanwhile.
      const saved = (await store.loadRun()) ?? run;
      await store.saveRun({ ...saved, state: 'cancelled', stoppedBy: 'storage-full', finishedAt: deps.now() }).catch(() => undefined);
    }
  }

  function resume(): Promise<void> {
    if (!driving) {
      cancelled = false;
      driving = drive().finally(() => {
        driving = null;
      });
    }
    return driving;
  }

  /** Starts a run of `queue` in `store`, comparing rates with `lastRates`, unless a run is running or nothing can be checked. */
  async function begin(store: LinkHealthStore, makeQueue: () => Promise<LinkHealthTask[]>, lastRates: () => Promise<Readonly<Record<string, number>>>): Promise<LinkHealthStart> {
    if (await runningStore()) {
      // Running in this worker, or left running by a stopped one: either way it goes on.
      void resume();
      return { ok: false, reason: 'running' };
    }
    const queue = await makeQueue();
    if (queue.length === 0) return { ok: false, reason: 'nothing-to-check' };
    const readiness = await deps.readiness([...new Set(queue.map((task) => task.presetId))]);
    if (!readiness.ok) return { ok: false, reason: 'needs', needs: readiness.needs };
    const run: LinkHealthRun = {
      id: deps.newId(),
      state: 'running',
      startedAt: deps.now(),
      finishedAt: null,
      total: queue.length,
      results: [],
      lastRates: await lastRates(),
    };
    try {
      await store.startRun(run, queue);
    } catch (error) {
      if (toSaveError(error).kind === 'quota') return { ok: false, reason: 'storage-full' };
      throw error;
    }
    void resume();
    return { ok: true, total: queue.length };
  }

  const storedRates = async (store: LinkHealthStore) => (await store.loadRun())?.lastRates ?? {};

  return {
    start: (options) =>
      begin(
        deps.store,
        async () => linkHealthTasks(await deps.loadHistory(), options?.limit),
        () => storedRates(deps.store),
      ),
    async startProducts(products) {
      const batchStore = deps.batchStore;
      // A background without a place for batch runs has no batch to check.
      if (!batchStore) return { ok: false, reason: 'nothing-to-check' };
      return begin(
        batchStore,
        async () => productLinkTasks(products),
        // A product re-checked in the history or an earlier batch compares with the rate seen there.
        async () => ({ ...(await storedRates(deps.store)), ...(await storedRates(batchStore)) }),
      );
    },
    async cancel() {
      cancelled = true;
      if (driving) return driving;
      // No loop in this worker (it stopped and nothing resumed it): mark the stored run.
      const store = await runningStore();
      const run = await store?.loadRun();
      if (store && run?.state === 'running') await store.saveRun({ ...run, state: 'cancelled', finishedAt: deps.now() });
    },
    resume,
  };
}
