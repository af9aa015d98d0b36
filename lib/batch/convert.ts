/**
 * The batch converter's core: each input row becomes the preset's deeplink with the estimate and
 * warnings the popup would show for it, or a specific error. Pure; `convertBatch` only adds
 * time slicing so the page that runs it stays responsive.
 */
import { hotStatus, parseHotListStore, type HotListStore } from '../hotlist';
import { buildDeeplink } from '../networks';
import type { Account, DeeplinkErrorCode } from '../networks/types';
import type { LinkChange } from '../url/neutral';
import { createRepeatedAssessor, pickedCategory, type RawEstimateData } from '../insights';
import type { Preset } from '../presets/types';
import { tablesFromStoredCache, type RateRange, type RateTables } from '../rates';
import type { Warning } from '../rules';
import { parseProductUrl } from '../url';
import type { InvalidReason } from '../url/types';
import type { BatchInput } from './extract';

/** Deeplink failures that come from the preset, not the URL: the same for every row. */
export type PresetProblem = Exclude<DeeplinkErrorCode, 'invalid-url' | 'not-aliexpress' | 'short-link'>;

/** Why a row has no link. */
export type BatchError =
  | { readonly code: 'invalid-url'; readonly reason: InvalidReason }
  | { readonly code: 'not-aliexpress'; readonly host: string }
  | { readonly code: 'short-link'; readonly host: string }
  | { readonly code: PresetProblem };

export interface BatchEstimate {
  readonly rate: RateRange;
  readonly best: number | null;
}

export type BatchRow = BatchInput &
  (
    | {
        readonly ok: true;
        readonly link: string;
        /** What building the link changed about the row's URL (neutral host, US id, another publisher's tracking). */
        readonly changes: readonly LinkChange[];
        readonly kind: 'product' | 'store' | 'page';
        readonly productId: string | null;
        readonly estimate: BatchEstimate;
        readonly hot: boolean;
        readonly warnings: readonly Warning[];
        /** The first row with the same product, when this one repeats it. */
        readonly duplicateOf: number | null;
      }
    | { readonly ok: false; readonly error: BatchError }
  );

/** Everything a row's conversion reads, gathered once per batch. */
export interface BatchContext {
  readonly preset: Preset;
  readonly account: Account | undefined;
  readonly tables: RateTables;
  readonly hotList: HotListStore;
  /** What the page read from storage.local: the category picks per product are among it. */
  readonly stored: RawEstimateData;
  readonly now: Date;
}

/** The context from what the options page holds and what it read from storage.local. */
export function batchContext(preset: Preset, accounts: readonly Account[], stored: RawEstimateData, now: Date): BatchContext {
  return {
    preset,
    account: accounts.find((a) => a.id === preset.accountId),
    tables: tablesFromStoredCache(stored.rateCache),
    hotList: parseHotListStore(stored.hotList).store,
    stored,
    now,
  };
}

/** The URL was parsed as linkable, so URL codes here are the deeplink builder's second opinion. */
function deeplinkError(code: DeeplinkErrorCode): BatchError {
  switch (code) {
    case 'invalid-url':
      return { code: 'invalid-url', reason: 'not-a-url' };
    case 'not-aliexpress':
    case 'short-link':
      return { code, host: '' };
    default:
      return { code };
  }
}

/** A row converter for one batch: it remembers products it has seen to flag repeats. */
export function createRowConverter(context: BatchContext): (input: BatchInput) => BatchRow {
  const { preset, account, tables, hotList, stored, now } = context;
  const firstRowOf = new Map<string, number>();
  const assess = createRepeatedAssessor(tables, { program: preset.program, network: account?.network ?? null, audienceCountry: preset.audienceCountry, now });
  const categoryPicks = stored.categoryPicks;
  return (input) => {
    const parsed = parseProductUrl(input.input);
    switch (parsed.kind) {
      case 'invalid':
        return { ...input, ok: false, error: { code: 'invalid-url', reason: parsed.reason } };
      case 'not-aliexpress':
        return { ...input, ok: false, error: { code: 'not-aliexpress', host: parsed.host } };
      case 'short-link':
        return { ...input, ok: false, error: { code: 'short-link', host: parsed.host } };
    }
    const built = buildDeeplink(parsed, preset, account);
    if (!built.ok) return { ...input, ok: false, error: deeplinkError(built.code) };
    const productId = parsed.kind === 'product' ? parsed.product.id : null;
    const hot = productId ? hotStatus(productId, hotList) : { hot: false as const };
    const product = {
      categoryKey: productId ? pickedCategory(categoryPicks, productId) : null,
      hot: hot.hot,
      hotRate: hot.hot ? hot.ratePct : null,
    };
    const { estimate, warnings } = assess(parsed, product);
    const key = productId ?? built.url;
    const duplicateOf = firstRowOf.get(key) ?? null;
    if (duplicateOf === null) firstRowOf.set(key, input.row);
    return {
      ...input,
      ok: true,
      link: built.url,
      changes: built.changes,
      kind: parsed.kind,
      productId,
      estimate: { rate: estimate.rate, best: estimate.best },
      hot: hot.hot,
      warnings,
      duplicateOf,
    };
  };
}

/** Synchronous: for tests and the bench. */
export function convertAll(inputs: readonly BatchInput[], context: BatchContext): BatchRow[] {
  const convert = createRowConverter(context);
  return inputs.map(convert);
}

export interface ConvertOptions {
  /** Called after every slice with rows done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Work at most this long before letting the page handle input and paint. */
  readonly sliceMs?: number;
  readonly clock?: () => number;
  readonly pause?: () => Promise<void>;
  readonly signal?: AbortSignal;
}

/**
 * Lets the page handle input and paint. `scheduler.yield()` (Chrome 129+) resumes right after;
 * `setTimeout` is clamped to 4 ms once nested, which would add a quarter second to a big batch.
 */
const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise<void>((resolve) => setTimeout(resolve, 0));
};

/**
 * Converts in time slices, yielding to the event loop between them, so typing, scrolling and
 * the progress bar keep working during a 10,000-row batch. Resolves to null when aborted.
 */
export async function convertBatch(inputs: readonly BatchInput[], context: BatchContext, options: ConvertOptions = {}): Promise<BatchRow[] | null> {
  const { onProgress, sliceMs = 12, clock = () => performance.now(), pause = nextTask, signal } = options;
  const convert = createRowConverter(context);
  const rows: BatchRow[] = [];
  while (rows.length < inputs.length) {
    if (signal?.aborted) return null;
    const started = clock();
    do {
      rows.push(convert(inputs[rows.length]!));
    } while (rows.length < inputs.length && clock() - started < sliceMs);
    onProgress?.(rows.length, inputs.length);
    if (rows.length < inputs.length) await pause();
  }
  return signal?.aborted ? null : rows;
}

export interface BatchSummary {
  readonly total: number;
  readonly converted: number;
  readonly failed: number;
  readonly withWarnings: number;
  readonly duplicates: number;
}

export function summarizeBatch(rows: readonly BatchRow[]): BatchSummary {
  let converted = 0;
  let withWarnings = 0;
  let duplicates = 0;
  for (const row of rows) {
    if (!row.ok) continue;
    converted++;
    if (row.warnings.length > 0) withWarnings++;
    if (row.duplicateOf !== null) duplicates++;
  }
  return { total: rows.length, converted, failed: rows.length - converted, withWarnings, duplicates };
}
