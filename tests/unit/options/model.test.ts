import { describe, expect, it, vi } from 'vitest';
import { createOptionsModel, type OptionsDeps } from '@/lib/options/model';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import type { StoredState } from '@/lib/storage/local';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };

function setup(state: Partial<StoredState> = {}) {
  const deps = {
    loadState: vi.fn(async (): Promise<StoredState> => ({
      accounts: [], presets: [], settings: { defaultPresetId: null, lastUsedPresetId: null }, problems: [], ...state,
    })),
    saveAccounts: vi.fn<OptionsDeps['saveAccounts']>(async () => ({ ok: true })),
    savePresets: vi.fn<OptionsDeps['savePresets']>(async () => ({ ok: true })),
    saveSettings: vi.fn<OptionsDeps['saveSettings']>(async () => ({ ok: true })),
  };
  return { deps, model: createOptionsModel(deps) };
}

describe('options model', () => {
  it('saves a valid account and shows it', async () => {
    const { model, deps } = setup();
    await model.load();
    await expect(model.saveAccount(admitad)).resolves.toEqual({ ok: true });
    expect(deps.saveAccounts).toHaveBeenCalledWith([admitad]);
    expect(model.accounts.value).toEqual([admitad]);
    expect(model.notice.value).toEqual({ kind: 'saved' });
  });

  it('refuses an account with field issues and writes nothing', async () => {
    const { model, deps } = setup();
    await model.load();
    const actual = await model.saveAccount({ ...admitad, name: '', code: '' });
    expect(actual.ok).toBe(false);
    expect(!actual.ok && actual.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['name', 'code']));
    expect(deps.saveAccounts).not.toHaveBeenCalled();
  });

  it('refuses a second account with the same name', async () => {
    const { model } = setup({ accounts: [admitad] });
    await model.load();
    const actual = await model.saveAccount({ ...admitad, id: 'acc2', name: ' admitad ' });
    expect(actual).toEqual({ ok: false, issues: [{ field: 'name', code: 'duplicateName' }] });
  });

  it('refuses a preset whose sub-id is over the network limit, naming the field', async () => {
    const { model, deps } = setup({ accounts: [admitad] });
    await model.load();
    const actual = await model.savePreset({ ...blog, subIds: { subid: 'x'.repeat(51) } });
    expect(actual).toMatchObject({ ok: false, issues: [expect.objectContaining({ field: 'subIds.subid', code: 'tooLong', max: 50 })] });
    expect(deps.savePresets).not.toHaveBeenCalled();
  });

  it('keeps the form open with the storage error when the write fails', async () => {
    const { model, deps } = setup({ accounts: [admitad] });
    deps.savePresets.mockResolvedValue({ ok: false, error: { kind: 'quota' } });
    await model.load();
    await expect(model.savePreset(blog)).resolves.toEqual({ ok: false, issues: [] });
    expect(model.notice.value).toEqual({ kind: 'save-failed', error: { kind: 'quota' } });
    expect(model.presets.value).toEqual([]);
  });

  it('deleting an account turns its presets into plain-link presets', async () => {
    const { model, deps } = setup({ accounts: [admitad], presets: [blog] });
    await model.load();
    await model.deleteAccount('acc1');
    expect(deps.savePresets).toHaveBeenCalledWith([{ ...blog, accountId: null }]);
    expect(model.accounts.value).toEqual([]);
  });

  it('the first preset is the default until another is chosen; choosing one also makes it the popup\'s pick', async () => {
    const second = { ...blog, id: 'p2', name: 'Second' };
    const { model, deps } = setup({ accounts: [admitad], presets: [blog, second] });
    await model.load();
    expect(model.defaultPresetId.value).toBe('p1');
    await model.makeDefault('p2');
    expect(model.defaultPresetId.value).toBe('p2');
    expect(deps.saveSettings).toHaveBeenCalledWith({ defaultPresetId: 'p2', lastUsedPresetId: 'p2' });
  });

  it('deleting the default preset clears the choice', async () => {
    const { model, deps } = setup({ accounts: [admitad], presets: [blog], settings: { defaultPresetId: 'p1', lastUsedPresetId: 'p1' } });
    await model.load();
    await model.deletePreset('p1');
    expect(deps.saveSettings).toHaveBeenCalledWith({ defaultPresetId: null, lastUsedPresetId: null });
    expect(model.presets.value).toEqual([]);
  });
});
