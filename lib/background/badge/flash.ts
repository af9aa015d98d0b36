/**
 * The copy confirmation: "✓" (or "!" and the reason in the tooltip: the copy failed, or its
 * history entry could not be saved) on the toolbar icon of the tab the copy came from, for a
 * moment, then whatever the tab showed before.
 *
 * The timer lives in the worker: Chrome keeps a worker alive for 30 s after an event, longer
 * than any flash. A worker stopped anyway (DevTools) leaves the mark on until the tab navigates.
 */
import { applyView, type ActionApi } from './action';
import { copyOutcomeView, FLASH_MS, type BadgeText, type CopyFlashOutcome } from './view';

export interface CopyFlashDeps {
  readonly action: ActionApi;
  readonly text: BadgeText;
  /** Puts back what the tab shows when nothing is flashing (the opt-in badge, or nothing). */
  restore(tabId: number | undefined): Promise<void>;
  setTimer(callback: () => void, ms: number): void;
}

export type FlashOutcome = CopyFlashOutcome;

export function createCopyFlash(deps: CopyFlashDeps) {
  // Per tab, the latest flash: an older one's timer must not cut a newer one short.
  const latest = new Map<number | undefined, number>();
  let counter = 0;
  return async function flashCopyOutcome(tabId: number | undefined, outcome: FlashOutcome): Promise<void> {
    const id = ++counter;
    latest.set(tabId, id);
    await applyView(deps.action, tabId, copyOutcomeView(outcome, deps.text));
    deps.setTimer(
      () => {
        if (latest.get(tabId) !== id) return;
        latest.delete(tabId);
        void deps.restore(tabId).catch(() => undefined);
      },
      outcome.ok && !outcome.earnsNothing && outcome.historyNotSaved === undefined ? FLASH_MS.ok : FLASH_MS.error,
    );
  };
}
