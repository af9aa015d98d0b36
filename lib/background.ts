/**
 * What the background does, as factories over injected dependencies (STYLE.md 2). The
 * entrypoint only wires these to browser events.
 */
import { appendHistory, type HistoryEntry } from './history';
import type { MessageHandlers } from './messaging';
import type { Preset } from './presets/types';
import type { SaveResult } from './storage';
import type { Settings } from './settings';
import { parseProductUrl } from './url';

export interface BackgroundDeps {
  loadPresets(): Promise<readonly Preset[]>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<SaveResult>;
  loadHistory(): Promise<readonly HistoryEntry[]>;
  saveHistory(entries: readonly HistoryEntry[]): Promise<SaveResult>;
  now(): number;
}

export function createMessageHandlers(deps: BackgroundDeps): MessageHandlers {
  // Serialise history writes: two copies in quick succession must both be recorded.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    linkCopied: (data) =>
      serial(async () => {
        const presets = await deps.loadPresets();
        const preset = presets.find((p) => p.id === data.presetId) ?? null;
        const parsed = parseProductUrl(data.sourceUrl);
        const entry: HistoryEntry = {
          at: deps.now(),
          surface: data.surface,
          sourceUrl: data.sourceUrl,
          presetId: preset?.id ?? null,
          presetName: preset?.name ?? null,
          link: data.link,
          productId: parsed.kind === 'product' ? parsed.product.id : null,
        };
        const saved = await deps.saveHistory(appendHistory(await deps.loadHistory(), entry));
        if (preset && data.surface === 'popup') {
          const settings = await deps.loadSettings();
          if (settings.lastUsedPresetId !== preset.id) await deps.saveSettings({ ...settings, lastUsedPresetId: preset.id });
        }
        return { recorded: saved.ok };
      }),
  };
}
