import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadState, saveAccounts, savePresets, toSaveError } from '@/lib/storage/local';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'My Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const preset: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };

describe('stored state', () => {
  it('starts empty on a fresh install', async () => {
    const actual = await loadState();
    expect(actual).toEqual({ accounts: [], presets: [], settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('reads only accounts, presets and settings: never the estimate\'s hot list or rate cache', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await loadState();
    expect(get).toHaveBeenCalledOnce();
    expect([...(get.mock.calls[0]![0] as string[])].sort()).toEqual(['accounts', 'presets', 'settings']);
    get.mockRestore();
  });

  it('round-trips accounts and presets', async () => {
    await saveAccounts([admitad]);
    await savePresets([preset]);
    const actual = await loadState();
    expect(actual.accounts).toEqual([admitad]);
    expect(actual.presets).toEqual([preset]);
  });

  it('reads the good entries of a list with a broken one, and says where the broken one is', async () => {
    await fakeBrowser.storage.local.set({ presets: [preset, { ...preset, id: 'p2', program: 'lottery' }, 'junk'] });
    const actual = await loadState();
    expect(actual.presets).toEqual([preset]);
    expect(actual.problems).toEqual([
      expect.objectContaining({ key: 'presets', index: 1, path: 'program' }),
      expect.objectContaining({ key: 'presets', index: 2 }),
    ]);
  });

  it('falls back to defaults on unreadable settings and reports them', async () => {
    await fakeBrowser.storage.local.set({ settings: { defaultPresetId: 42 } });
    const actual = await loadState();
    expect(actual.settings).toEqual(DEFAULT_SETTINGS);
    expect(actual.problems).toEqual([expect.objectContaining({ key: 'settings' })]);
  });

  it('never deletes a stored entry it cannot read when saving the list', async () => {
    const unreadable = { id: 'p9', name: 'From a newer version', program: 'future' };
    await fakeBrowser.storage.local.set({ presets: [preset, unreadable] });
    await savePresets([{ ...preset, name: 'Blog 2' }]);
    const { presets } = await fakeBrowser.storage.local.get('presets');
    expect(presets).toEqual([{ ...preset, name: 'Blog 2' }, unreadable]);
  });

  it('reports a full storage quota as such, and leaves the stored value alone', async () => {
    await saveAccounts([admitad]);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const actual = await saveAccounts([admitad, { ...admitad, id: 'acc2', name: 'Second' }]);
    expect(actual).toEqual({ ok: false, error: { kind: 'quota' } });
    vi.restoreAllMocks();
    expect((await loadState()).accounts).toEqual([admitad]);
  });

  it.each([
    { input: new Error('QUOTA_BYTES quota exceeded'), expected: { kind: 'quota' } },
    { input: new DOMException('The quota has been exceeded.', 'QuotaExceededError'), expected: { kind: 'quota' } },
    { input: new Error('IO error'), expected: { kind: 'other', message: 'IO error' } },
  ])('classifies write errors: $input.message', ({ input, expected }) => {
    expect(toSaveError(input)).toEqual(expected);
  });
});
