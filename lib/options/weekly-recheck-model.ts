/**
 * The options page's switch for the weekly re-check (lib/background/weekly-recheck.ts): on or
 * off, how many of the latest links, and what the background said. The count is checked here
 * first, so a bad one gets its message at once and nothing is sent; the background checks it
 * again, with what the API needs, and saves the setting and its alarm.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { MessageReply } from '../messaging/protocol';
import { DEFAULT_WEEKLY_RECHECK, isWeeklyRecheckCount, type WeeklyRecheck } from '../storage/weekly-recheck';

export { WEEKLY_RECHECK_MAX_COUNT, WEEKLY_RECHECK_MIN_COUNT, type WeeklySkipReason } from '../storage/weekly-recheck';

export type WeeklyRecheckProblem =
  | null
  | { readonly kind: 'invalid-count' }
  | { readonly kind: 'needs'; readonly needs: 'credentials' | 'access' | 'api-account' }
  | { readonly kind: 'storage-full' }
  | { readonly kind: 'failed' };

export interface WeeklyRecheckModelDeps {
  load(): Promise<WeeklyRecheck>;
  set(request: { readonly enabled: boolean; readonly count: number }): Promise<MessageReply<'setWeeklyRecheck'>>;
  /** Tells the background the results are in front of the user (`linkHealthSeen`). */
  seen(): Promise<unknown>;
}

export interface WeeklyRecheckModel {
  /** The setting as stored (off until the background says it saved it on). */
  readonly weekly: ReadonlySignal<WeeklyRecheck>;
  /** What the count field shows: the user's text, kept while it is not a valid count. */
  readonly countText: ReadonlySignal<string>;
  readonly problem: ReadonlySignal<WeeklyRecheckProblem>;
  readonly busy: ReadonlySignal<boolean>;
  load(): Promise<void>;
  setEnabled(enabled: boolean): Promise<void>;
  /** The count field changed: saved when it is a valid count, else the message says why. */
  setCount(text: string): Promise<void>;
  /** The history's results are showing: the count on the toolbar icon has been seen. */
  acknowledge(): Promise<void>;
}

/** A count as typed: digits only (no sign, decimals or exponent), within the setting's bounds. */
export function parseWeeklyCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return isWeeklyRecheckCount(value) ? value : null;
}

export function createWeeklyRecheckModel(deps: WeeklyRecheckModelDeps): WeeklyRecheckModel {
  const weekly = signal<WeeklyRecheck>(DEFAULT_WEEKLY_RECHECK);
  const countText = signal(String(DEFAULT_WEEKLY_RECHECK.count));
  const problem = signal<WeeklyRecheckProblem>(null);
  const busy = signal(false);

  async function send(enabled: boolean, count: number): Promise<void> {
    busy.value = true;
    problem.value = null;
    try {
      const reply = await deps.set({ enabled, count }).catch(() => null);
      if (!reply) problem.value = { kind: 'failed' };
      else if (reply.ok) {
        weekly.value = reply.weekly;
        countText.value = String(reply.weekly.count);
      } else if (reply.reason === 'needs') problem.value = { kind: 'needs', needs: reply.needs };
      else if (reply.reason === 'invalid-count') problem.value = { kind: 'invalid-count' };
      else problem.value = reply.reason === 'storage-full' ? { kind: 'storage-full' } : { kind: 'failed' };
    } finally {
      busy.value = false;
    }
  }

  return {
    weekly,
    countText,
    problem,
    busy,
    async load() {
      const stored = await deps.load();
      // A count the user is still correcting stays in the field with its message.
      if (problem.value?.kind !== 'invalid-count') countText.value = String(stored.count);
      weekly.value = stored;
    },
    async setEnabled(enabled) {
      const count = parseWeeklyCount(countText.value);
      if (count === null) {
        problem.value = { kind: 'invalid-count' };
        return;
      }
      await send(enabled, count);
    },
    async setCount(text) {
      countText.value = text;
      const count = parseWeeklyCount(text);
      if (count === null) {
        problem.value = { kind: 'invalid-count' };
        return;
      }
      problem.value = null;
      if (count !== weekly.value.count) await send(weekly.value.enabled, count);
    },
    async acknowledge() {
      if (weekly.value.deadLinks) await deps.seen().catch(() => undefined);
    },
  };
}
