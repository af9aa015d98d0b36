import { describe, expect, it, vi } from 'vitest';
import { createBadgeOptInModel, type BadgeOptInDeps } from '@/lib/options/badge-opt-in';

describe('the options page switch', () => {
  function optInSetup({ granted = true, saved = true, access = false, optIn = false } = {}) {
    const calls: string[] = [];
    const deps: BadgeOptInDeps = {
      requestAccess: vi.fn(() => (calls.push('request'), Promise.resolve(granted))),
      removeAccess: vi.fn(async () => (calls.push('remove'), true)),
      hasAccess: async () => access,
      loadOptIn: async () => optIn,
      saveOptIn: vi.fn(async (on: boolean) => (calls.push(`save ${on}`), saved ? { ok: true as const } : { ok: false as const, error: { kind: 'other' as const, message: 'x' } })),
    };
    return { model: createBadgeOptInModel(deps), deps, calls };
  }

  it('asks for access synchronously inside the click, then saves', async () => {
    const { model, deps, calls } = optInSetup();
    const done = model.setEnabled(true);
    // Before any await: Firefox honours the request only within the user action.
    expect(deps.requestAccess).toHaveBeenCalledTimes(1);
    expect(model.busy.value).toBe(true);
    await done;
    expect(calls).toEqual(['request', 'save true']);
    expect(model.enabled.value).toBe(true);
    expect(model.busy.value).toBe(false);
  });

  it('stays off and says why when access is refused', async () => {
    const { model, deps } = optInSetup({ granted: false });
    await model.setEnabled(true);
    expect(deps.saveOptIn).not.toHaveBeenCalled();
    expect(model.enabled.value).toBe(false);
    expect(model.problem.value).toBe('denied');
  });

  it('stays off when the setting cannot be saved', async () => {
    const { model } = optInSetup({ saved: false });
    await model.setEnabled(true);
    expect(model.enabled.value).toBe(false);
    expect(model.problem.value).toBe('save-failed');
  });

  it('says storage is full when that is why the setting cannot be saved', async () => {
    const { model, deps } = optInSetup();
    vi.mocked(deps.saveOptIn).mockResolvedValue({ ok: false, error: { kind: 'quota' } });
    await model.setEnabled(true);
    expect(model.enabled.value).toBe(false);
    expect(model.problem.value).toBe('storage-full');
  });

  it('turning off saves the setting first, then gives the access back', async () => {
    const { model, calls } = optInSetup({ access: true, optIn: true });
    await model.load();
    expect(model.enabled.value).toBe(true);
    await model.setEnabled(false);
    expect(calls).toEqual(['save false', 'remove']);
    expect(model.enabled.value).toBe(false);
  });

  it('shows off when the access was revoked in the browser, whatever the setting says', async () => {
    const { model } = optInSetup({ access: false, optIn: true });
    await model.load();
    expect(model.enabled.value).toBe(false);
  });
});
