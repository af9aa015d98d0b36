import { describe, expect, it, vi } from 'vitest';
import type { Account } from '@/lib/networks/types';
import { createOptionsModel, type OptionsDeps } from '@/lib/options/model';
import { createSetupModel, SETUP_EXAMPLE_URL } from '@/lib/options/setup-model';
import type { StoredState } from '@/lib/storage/local';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };

async function setup(state: Partial<StoredState> = {}) {
  const deps = {
    loadState: vi.fn(async (): Promise<StoredState> => ({ accounts: [], presets: [], settings: { defaultPresetId: null, lastUsedPresetId: null }, problems: [], ...state })),
    saveAccounts: vi.fn<OptionsDeps['saveAccounts']>(async () => ({ ok: true })),
    savePresets: vi.fn<OptionsDeps['savePresets']>(async () => ({ ok: true })),
    saveSettings: vi.fn<OptionsDeps['saveSettings']>(async () => ({ ok: true })),
  };
  const options = createOptionsModel(deps);
  await options.load();
  let n = 0;
  const wizard = createSetupModel(options, { newAccountId: () => 'acc-new', newPresetId: () => `preset-${++n}` });
  return { deps, options, wizard };
}

describe('setup model', () => {
  it('goes account, preset, done, and ends with a default preset that builds links', async () => {
    const { wizard, options, deps } = await setup();
    expect(wizard.step.value).toBe('account');
    const account = { ...wizard.blankAccount(), name: 'My Admitad', code: admitad.code } as Account;
    await expect(wizard.submitAccount(account)).resolves.toEqual({ ok: true });
    expect(wizard.step.value).toBe('preset');
    const preset = { ...wizard.blankPreset(), name: 'Telegram', subIds: { subid: 'tg' } };
    expect(preset.accountId).toBe('acc-new');
    await expect(wizard.submitPreset(preset)).resolves.toEqual({ ok: true });
    expect(wizard.step.value).toBe('done');
    expect(options.defaultPresetId.value).toBe(preset.id);
    expect(deps.saveSettings).toHaveBeenCalledWith({ defaultPresetId: preset.id, lastUsedPresetId: preset.id });
    expect(wizard.example.value).toEqual({
      ok: true,
      url: `https://ad.admitad.com/g/${admitad.code}/?ulp=${encodeURIComponent(SETUP_EXAMPLE_URL)}&subid=tg`,
      targetUrl: SETUP_EXAMPLE_URL,
      network: 'admitad',
      changes: [],
    });
  });

  it('stays on a step while its form has issues', async () => {
    const { wizard } = await setup();
    const actual = await wizard.submitAccount({ ...wizard.blankAccount(), name: '' } as Account);
    expect(actual.ok).toBe(false);
    expect(wizard.step.value).toBe('account');
  });

  it('can skip the account: the preset builds plain clean links', async () => {
    const { wizard } = await setup();
    wizard.skipAccount();
    const preset = { ...wizard.blankPreset(), name: 'Plain' };
    expect(preset.accountId).toBeNull();
    await wizard.submitPreset(preset);
    expect(wizard.example.value).toMatchObject({ ok: true, network: 'plain', url: SETUP_EXAMPLE_URL });
  });

  it('starts at the preset when an account exists', async () => {
    const { wizard } = await setup({ accounts: [admitad] });
    expect(wizard.step.value).toBe('preset');
    expect(wizard.blankPreset().accountId).toBe('acc1');
  });
});
