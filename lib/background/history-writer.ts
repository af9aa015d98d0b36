/**
 * The history's single writer. Every surface goes through one instance: the popup (its
 * `linkCopied` message), the context menu and the shortcut (directly in the background). Each
 * write reads the list its predecessor wrote, so copies in quick succession from different
 * surfaces are all kept.
 */
import { appendHistory, type CopyFailure, type CopySurface, type HistoryEntry } from '../storage/history';
import type { Preset } from '../presets/types';
import type { SaveResult } from '../storage/local';
import { parseProductUrl } from '../url';

export interface HistoryWriterDeps {
  loadPresets(): Promise<readonly Preset[]>;
  loadHistory(): Promise<readonly HistoryEntry[]>;
  saveHistory(entries: readonly HistoryEntry[]): Promise<SaveResult>;
  now(): number;
}

/** One copy attempt as a surface reports it; the recorder adds the time, preset name and product id. */
export interface CopyRecord {
  readonly surface: CopySurface;
  readonly sourceUrl: string;
  readonly presetId: string | null;
  readonly link: string;
  readonly failure?: CopyFailure;
}

export interface CopyRecorder {
  /** Appends the copy to the history, after every write queued before it. */
  record(copy: CopyRecord): Promise<{ recorded: boolean }>;
  /** Runs `task` in the history's write queue (for follow-up writes that must not interleave). */
  serial<T>(task: () => Promise<T>): Promise<T>;
  /** `record` without queueing, for use inside `serial`. */
  recordNow(copy: CopyRecord): Promise<{ recorded: boolean; preset: Preset | null }>;
}

export function createCopyRecorder(deps: HistoryWriterDeps): CopyRecorder {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const recordNow = async (copy: CopyRecord): Promise<{ recorded: boolean; preset: Preset | null }> => {
    const presets = await deps.loadPresets();
    const preset = presets.find((p) => p.id === copy.presetId) ?? null;
    const parsed = parseProductUrl(copy.sourceUrl);
    const entry: HistoryEntry = {
      at: deps.now(),
      surface: copy.surface,
      sourceUrl: copy.sourceUrl,
      presetId: preset?.id ?? null,
      presetName: preset?.name ?? null,
      link: copy.link,
      productId: parsed.kind === 'product' ? parsed.product.id : null,
      ...(copy.failure ? { failure: copy.failure } : {}),
    };
    const saved = await deps.saveHistory(appendHistory(await deps.loadHistory(), entry));
    return { recorded: saved.ok, preset };
  };

  return {
    serial,
    recordNow,
    record: (copy) => serial(async () => ({ recorded: (await recordNow(copy)).recorded })),
  };
}
