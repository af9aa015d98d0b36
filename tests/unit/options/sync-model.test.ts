import { describe, expect, it } from 'vitest';
import { createSyncModel } from '@/lib/options/sync-model';
import type { SyncState } from '@/lib/storage/sync';

const state = (overrides: Partial<SyncState> = {}): SyncState => ({ enabled: true, deviceId: 'd', lastSyncAt: 5, lastError: null, agreed: {}, replaced: [], ...overrides });

describe('the sync model', () => {
  it('turning on sends the switch and shows the state the background wrote', async () => {
    let stored: SyncState | null = null;
    const sent: boolean[] = [];
    const model = createSyncModel({
      loadState: async () => stored,
      setEnabled: async (enabled) => {
        sent.push(enabled);
        stored = state({ lastError: { kind: 'full', bytes: 120_000 } });
        return { enabled, lastError: stored.lastError };
      },
    });
    await model.load();
    expect(model.enabled.value).toBe(false);
    await model.setEnabled(true);
    expect(sent).toEqual([true]);
    expect(model.enabled.value).toBe(true);
    expect(model.error.value).toEqual({ kind: 'full', bytes: 120_000 });
    expect(model.busy.value).toBe(false);
  });

  it.each([
    { name: 'no sync storage in this browser', setEnabled: async () => ({ unavailable: true as const }), expected: { kind: 'unavailable' } },
    { name: 'the worker did not answer', setEnabled: async () => Promise.reject(new Error('closed')), expected: { kind: 'failed' } },
  ])('$name: said, and the switch stays off', async ({ setEnabled, expected }) => {
    const model = createSyncModel({ loadState: async () => null, setEnabled });
    await model.setEnabled(true);
    expect(model.notice.value).toEqual(expected);
    expect(model.enabled.value).toBe(false);
  });
});
