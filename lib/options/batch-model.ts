/**
 * The options page's batch converter: a pasted list or a loaded file of up to
 * 10,000 URLs becomes deeplinks under a chosen preset, with estimates and warnings, converted in
 * time slices so the page keeps responding, then exported as CSV.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { UTF8_BOM } from '../csv/index';
import type { RawEstimateData } from '../insights';
import { batchContext, convertBatch, summarizeBatch, type BatchRow, type BatchSummary, type PresetProblem } from '../batch/convert';
import { batchCsv, type BatchText } from '../batch/export';
import { BATCH_MAX_CHARS, extractBatchInputs, type ExtractFailure } from '../batch/extract';
import { buildDeeplink } from '../networks';
import type { Account } from '../networks/types';
import type { Preset } from '../presets/types';

export interface BatchDeps {
  readonly presets: ReadonlySignal<readonly Preset[]>;
  readonly accounts: ReadonlySignal<readonly Account[]>;
  readonly defaultPresetId: ReadonlySignal<string | null>;
  /** What the rates, hot list and category picks are read from (storage.local). */
  readStored(): Promise<RawEstimateData>;
  download(fileName: string, text: string, type: string): void;
  now(): Date;
  /** For tests: how a slice yields to the page. */
  pause?: () => Promise<void>;
}

export type BatchFailure = ExtractFailure | { readonly reason: 'noPreset' } | { readonly reason: 'preset'; readonly problem: PresetProblem } | { readonly reason: 'unreadableFile' };

export type BatchPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly rows: readonly BatchRow[]; readonly summary: BatchSummary; readonly presetName: string; readonly elapsedMs: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly failure: BatchFailure };

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
  let controller: AbortController | null = null;

  const presetId = computed(() => {
    const chosen = chosenPresetId.value;
    return deps.presets.value.some((p) => p.id === chosen) ? chosen : deps.defaultPresetId.value;
  });

  return {
    text: text as ReadonlySignal<string>,
    presetId,
    phase: phase as ReadonlySignal<BatchPhase>,
    maxChars: BATCH_MAX_CHARS,

    setText(value: string) {
      text.value = value;
    },
    choosePreset(id: string) {
      chosenPresetId.value = id;
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
      controller = new AbortController();
      const stored = await deps.readStored().catch(() => ({}));
      const rows = await convertBatch(extracted.inputs, batchContext(preset, deps.accounts.value, stored, deps.now()), {
        signal: controller.signal,
        onProgress: (done, total) => {
          phase.value = { kind: 'running', done, total };
        },
        ...(deps.pause ? { pause: deps.pause } : {}),
      });
      controller = null;
      phase.value = rows
        ? { kind: 'done', rows, summary: summarizeBatch(rows), presetName: preset.name, elapsedMs: Math.round(performance.now() - started) }
        : { kind: 'cancelled' };
    },

    cancel() {
      controller?.abort();
    },

    exportCsv(rowText: BatchText) {
      const current = phase.value;
      if (current.kind !== 'done') return;
      deps.download(`sublink-batch-${stamp(deps.now())}.csv`, UTF8_BOM + batchCsv(current.rows, rowText), 'text/csv;charset=utf-8');
    },
  };
}

export type BatchModel = ReturnType<typeof createBatchModel>;
