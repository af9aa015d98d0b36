/**
 * The options page's batch converter: a pasted list or a loaded file of up to
 * 10,000 URLs becomes deeplinks under a chosen preset, with estimates and warnings, converted in
 * time slices so the page keeps responding, then looked at as a worktable (the warnings every
 * row shares once, a filter, pages; lib/batch/view.ts), copied one link at a time and exported as CSV.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { UTF8_BOM } from '../csv/index';
import type { RawEstimateData } from '../insights';
import { batchContext, convertBatch, summarizeBatch, type BatchRow, type BatchSummary, type PresetProblem } from '../batch/convert';
import { batchCsv, type BatchText } from '../batch/export';
import { BATCH_MAX_CHARS, extractBatchInputs, type ExtractFailure } from '../batch/extract';
import { DEFAULT_BATCH_PAGE_SIZE, filterRows, pageOf, sharedWarnings, type BatchFilter, type BatchPageSize, type SharedWarnings } from '../batch/view';
import { buildDeeplink } from '../networks';
import type { Account } from '../networks/types';
import type { Preset } from '../presets/types';
import { createBatchHealthModel, type BatchHealthDeps, type BatchHealthModel } from './batch-health-model';
import type { LinkHealthFilter } from './link-health-model';

export interface BatchDeps {
  readonly presets: ReadonlySignal<readonly Preset[]>;
  readonly accounts: ReadonlySignal<readonly Account[]>;
  readonly defaultPresetId: ReadonlySignal<string | null>;
  /** What the rates, hot list and category picks are read from (storage.local). */
  readStored(): Promise<RawEstimateData>;
  download(fileName: string, text: string, type: string): void;
  /** `navigator.clipboard.writeText`, called from the row's copy button. */
  writeClipboard(text: string): Promise<void>;
  /** Tells the background, which records the copy in the history like any other. */
  recordCopy(copy: { surface: 'batch'; sourceUrl: string; presetId: string | null; link: string }): Promise<unknown>;
  now(): Date;
  /** For tests: how a slice yields to the page. */
  pause?: () => Promise<void>;
  /** Link health through the worker; without it the worktable offers no re-check. */
  health?: BatchHealthDeps;
}

export type BatchFailure = ExtractFailure | { readonly reason: 'noPreset' } | { readonly reason: 'preset'; readonly problem: PresetProblem } | { readonly reason: 'unreadableFile' };

export type BatchPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly rows: readonly BatchRow[]; readonly summary: BatchSummary; readonly presetName: string; readonly elapsedMs: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly failure: BatchFailure };

/** What the last copy button did, for the page's status line. */
export type BatchCopyStatus = { readonly kind: 'none' } | { readonly kind: 'copied'; readonly row: number } | { readonly kind: 'copyFailed'; readonly row: number };

/** What the section shows while a batch runs; the counts are in `phase`, read by the progress bar alone. */
export type BatchOutcome = Exclude<BatchPhase, { kind: 'running' }> | { readonly kind: 'running' };
const RUNNING: BatchOutcome = { kind: 'running' };

const NO_SHARED: SharedWarnings = { shared: [], sharedKeys: new Set() };

/** A product URL every preset can wrap: a preset that cannot is broken for every row. */
const PROBE_URL = 'https://www.aliexpress.com/item/1005001234567890.html';

/** Why the preset cannot convert anything, or null. */
export function presetProblem(preset: Preset, accounts: readonly Account[]): PresetProblem | null {
  const result = buildDeeplink(PROBE_URL, preset, accounts.find((a) => a.id === preset.accountId));
  if (result.ok || result.code === 'invalid-url' || result.code === 'not-aliexpress' || result.code === 'short-link') return null;
  return result.code;
}

const stamp = (date: Date) => date.toISOString().slice(0, 16).replace(/[T:]/g, '-');

export function createBatchModel(deps: BatchDeps) {
  const text = signal('');
  const chosenPresetId = signal<string | null>(null);
  const phase = signal<BatchPhase>({ kind: 'idle' });
  const filter = signal<BatchFilter>('all');
  const pageSize = signal<BatchPageSize>(DEFAULT_BATCH_PAGE_SIZE);
  const pageIndex = signal(0);
  const copyStatus = signal<BatchCopyStatus>({ kind: 'none' });
  /** The preset the shown rows were converted with: a copy is recorded under it, not under a later choice. */
  let convertedPresetId: string | null = null;
  let controller: AbortController | null = null;

  // The same object for every progress step, so only the progress bar re-renders while rows convert.
  const outcome = computed<BatchOutcome>(() => (phase.value.kind === 'running' ? RUNNING : phase.value));
  const rows = computed<readonly BatchRow[]>(() => {
    const current = phase.value;
    return current.kind === 'done' ? current.rows : [];
  });
  const shared = computed(() => (rows.value.length ? sharedWarnings(rows.value) : NO_SHARED));
  const health: BatchHealthModel | null = deps.health ? createBatchHealthModel(deps.health, { rows, presetId: () => convertedPresetId }) : null;
  const filtered = computed(() => {
    const byOutcome = filterRows(rows.value, filter.value, shared.value);
    if (!health || health.filter.value === 'all') return byOutcome;
    return byOutcome.filter(health.matches);
  });
  const page = computed(() => pageOf(filtered.value, pageIndex.value, pageSize.value));

  const presetId = computed(() => {
    const chosen = chosenPresetId.value;
    return deps.presets.value.some((p) => p.id === chosen) ? chosen : deps.defaultPresetId.value;
  });

  return {
    text: text as ReadonlySignal<string>,
    presetId,
    phase: phase as ReadonlySignal<BatchPhase>,
    /** `phase` without the progress counts: what the section around the progress bar depends on. */
    outcome,
    maxChars: BATCH_MAX_CHARS,
    /** Warnings every converted row carries: the page says them once, above the table. */
    shared: shared as ReadonlySignal<SharedWarnings>,
    filter: filter as ReadonlySignal<BatchFilter>,
    pageSize: pageSize as ReadonlySignal<BatchPageSize>,
    /** The rows on screen: the filter applied, then the page cut out. */
    page,
    copyStatus: copyStatus as ReadonlySignal<BatchCopyStatus>,
    /** The worktable's re-check, its results by row and its status filter; null without the worker. */
    health,

    setText(value: string) {
      text.value = value;
    },
    choosePreset(id: string) {
      chosenPresetId.value = id;
    },
    setFilter(value: BatchFilter) {
      filter.value = value;
      pageIndex.value = 0;
    },
    /** Keeps the first row on screen in view: the page that holds it at the new size. */
    setPageSize(size: BatchPageSize) {
      const firstShown = page.value.index * pageSize.value;
      pageSize.value = size;
      pageIndex.value = Math.floor(firstShown / size);
    },
    goToPage(index: number) {
      pageIndex.value = index;
    },
    /** Shows only the rows whose last re-check has this status. */
    setHealthFilter(value: LinkHealthFilter) {
      health?.setFilter(value);
      pageIndex.value = 0;
    },

    /** Copies one row's link from its button; the history records it as a batch copy. */
    async copyLink(row: BatchRow) {
      if (!row.ok) return;
      try {
        await deps.writeClipboard(row.link);
      } catch {
        copyStatus.value = { kind: 'copyFailed', row: row.row };
        return;
      }
      copyStatus.value = { kind: 'copied', row: row.row };
      // Best effort, as in the popup: the link is on the clipboard, which is what the user asked for.
      await deps.recordCopy({ surface: 'batch', sourceUrl: row.input, presetId: convertedPresetId, link: row.link }).catch(() => undefined);
    },

    /** A loaded file replaces the text; it is converted like pasted text (CSV is recognised by its header). */
    async loadFile(file: { text(): Promise<string>; size: number }) {
      if (file.size > BATCH_MAX_CHARS) {
        phase.value = { kind: 'failed', failure: { reason: 'tooLarge' } };
        return;
      }
      try {
        text.value = await file.text();
      } catch {
        phase.value = { kind: 'failed', failure: { reason: 'unreadableFile' } };
        return;
      }
      phase.value = { kind: 'idle' };
    },

    async convert() {
      if (phase.value.kind === 'running') return;
      const preset = deps.presets.value.find((p) => p.id === presetId.value);
      if (!preset) {
        phase.value = { kind: 'failed', failure: { reason: 'noPreset' } };
        return;
      }
      const problem = presetProblem(preset, deps.accounts.value);
      if (problem) {
        phase.value = { kind: 'failed', failure: { reason: 'preset', problem } };
        return;
      }
      const extracted = extractBatchInputs(text.value);
      if (!extracted.ok) {
        phase.value = { kind: 'failed', failure: extracted.reason === 'tooMany' ? { reason: 'tooMany', max: extracted.max } : { reason: extracted.reason } };
        return;
      }
      const started = performance.now();
      phase.value = { kind: 'running', done: 0, total: extracted.inputs.length };
      pageIndex.value = 0;
      copyStatus.value = { kind: 'none' };
      controller = new AbortController();
      const stored = await deps.readStored().catch(() => ({}));
      const converted = await convertBatch(extracted.inputs, batchContext(preset, deps.accounts.value, stored, deps.now()), {
        signal: controller.signal,
        onProgress: (done, total) => {
          phase.value = { kind: 'running', done, total };
        },
        ...(deps.pause ? { pause: deps.pause } : {}),
      });
      controller = null;
      convertedPresetId = preset.id;
      phase.value = converted
        ? { kind: 'done', rows: converted, summary: summarizeBatch(converted), presetName: preset.name, elapsedMs: Math.round(performance.now() - started) }
        : { kind: 'cancelled' };
    },

    cancel() {
      controller?.abort();
    },

    exportCsv(rowText: BatchText) {
      const current = phase.value;
      if (current.kind !== 'done') return;
      const byRow = health?.byRow.value;
      deps.download(`sublink-batch-${stamp(deps.now())}.csv`, UTF8_BOM + batchCsv(current.rows, rowText, byRow ? (row) => byRow.get(row.row) : undefined), 'text/csv;charset=utf-8');
    },
  };
}

export type BatchModel = ReturnType<typeof createBatchModel>;
