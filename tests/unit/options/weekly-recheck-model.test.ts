/**
 * The options page's weekly re-check switch: a bad count is refused in the page with its message
 * and nothing is sent; what the background answers (saved, what the API needs, storage full) is
 * what the page shows; the results count as seen only when there is a count on the icon.
 */
import { describe, expect, it, vi } from 'vitest';
import { createWeeklyRecheckModel, parseWeeklyCount } from '@/lib/options/weekly-recheck-model';
import { DEFAULT_WEEKLY_RECHECK, type WeeklyRecheck } from '@/lib/storage/weekly-recheck';
import type { MessageReply } from '@/lib/messaging/protocol';

function setup(reply: (request: { enabled: boolean; count: number }) => MessageReply<'setWeeklyRecheck'>, stored: WeeklyRecheck = DEFAULT_WEEKLY_RECHECK) {
  const set = vi.fn(async (request: { enabled: boolean; count: number }) => reply(request));
  const seen = vi.fn(async () => ({ cleared: true }));
  const model = createWeeklyRecheckModel({ load: async () => stored, set, seen });
  return { model, set, seen };
}

const saved = (request: { enabled: boolean; count: number }): MessageReply<'setWeeklyRecheck'> => ({ ok: true, weekly: { ...DEFAULT_WEEKLY_RECHECK, ...request, dueAt: request.enabled ? 1 : null } });

describe('weekly re-check model', () => {
  it.each([
    { input: '50', expected: 50 },
    { input: ' 7 ', expected: 7 },
    { input: '1', expected: 1 },
    { input: '1000', expected: 1000 },
    { input: '0', expected: null },
    { input: '1001', expected: null },
    { input: '-5', expected: null },
    { input: '2.5', expected: null },
    { input: '1e2', expected: null },
    { input: '', expected: null },
    { input: 'fifty', expected: null },
  ])('reads the count "$input" as $expected', ({ input, expected }) => {
    const actual = parseWeeklyCount(input);
    expect(actual).toBe(expected);
  });

  it('starts off, with the default count in the field', async () => {
    const { model } = setup(saved);
    await model.load();
    expect(model.weekly.value.enabled).toBe(false);
    expect(model.countText.value).toBe('50');
  });

  it('a bad count gets its message, keeps the text typed, and sends nothing', async () => {
    const { model, set } = setup(saved);
    await model.setCount('0');
    expect(model.problem.value).toEqual({ kind: 'invalid-count' });
    expect(model.countText.value).toBe('0');
    await model.setEnabled(true);
    expect(set).not.toHaveBeenCalled();
    expect(model.weekly.value.enabled).toBe(false);
  });

  it('turns on with the count typed, as the background saved it', async () => {
    const { model, set } = setup(saved);
    await model.setCount('20');
    await model.setEnabled(true);
    expect(set).toHaveBeenLastCalledWith({ enabled: true, count: 20 });
    expect(model.weekly.value).toMatchObject({ enabled: true, count: 20 });
    expect(model.problem.value).toBeNull();
  });

  it.each([
    { input: { ok: false, reason: 'needs', needs: 'credentials' } as const, expected: { kind: 'needs', needs: 'credentials' } },
    { input: { ok: false, reason: 'storage-full' } as const, expected: { kind: 'storage-full' } },
    { input: { ok: false, reason: 'storage-failed' } as const, expected: { kind: 'failed' } },
  ])('a refusal ($input.reason) leaves it off and says why', async ({ input, expected }) => {
    const { model } = setup(() => input);
    await model.setEnabled(true);
    expect(model.weekly.value.enabled).toBe(false);
    expect(model.problem.value).toEqual(expected);
  });

  it('a background that does not answer is a failure the page says', async () => {
    const { model } = setup(() => {
      throw new Error('port closed');
    });
    await model.setEnabled(true);
    expect(model.problem.value).toEqual({ kind: 'failed' });
  });

  it('tells the background the results were seen only while a count is on the icon', async () => {
    const { model, seen } = setup(saved);
    await model.load();
    await model.acknowledge();
    expect(seen).not.toHaveBeenCalled();

    const withCount = setup(saved, { ...DEFAULT_WEEKLY_RECHECK, enabled: true, deadLinks: { runId: 'r1', dead: 3, checked: 50, finishedAt: 1 } });
    await withCount.model.load();
    await withCount.model.acknowledge();
    expect(withCount.seen).toHaveBeenCalledTimes(1);
  });
});
