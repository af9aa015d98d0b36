import { describe, expect, it, vi } from 'vitest';
import { createOptionsModel, type OptionsDeps } from '@/lib/options/model';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const preset = (id: string, name: string): Preset => ({ id, name, accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: id }, keepSku: false });
const copyName = (name: string, n: number) => (n === 1 ? `${name} (copy)` : `${name} (copy ${n})`);

async function setup(presets: Preset[]) {
  const deps = {
    loadState: vi.fn(async () => ({ accounts: [admitad], presets, settings: { defaultPresetId: null, lastUsedPresetId: null }, problems: [] })),
    saveAccounts: vi.fn<OptionsDeps['saveAccounts']>(async () => ({ ok: true })),
    savePresets: vi.fn<OptionsDeps['savePresets']>(async () => ({ ok: true })),
    saveSettings: vi.fn<OptionsDeps['saveSettings']>(async () => ({ ok: true })),
  };
  const model = createOptionsModel(deps);
  await model.load();
  return { model, deps };
}

describe('duplicatePreset', () => {
  it('saves a copy right after the original, under a free name', async () => {
    const { model, deps } = await setup([preset('a', 'Blog'), preset('b', 'TG')]);
    await expect(model.duplicatePreset('a', 'c', copyName)).resolves.toBe('c');
    expect(model.presets.value.map((p) => p.name)).toEqual(['Blog', 'Blog (copy)', 'TG']);
    expect(model.presets.value[1]).toEqual({ ...preset('a', 'Blog (copy)'), id: 'c' });
    expect(deps.savePresets).toHaveBeenLastCalledWith(model.presets.value);
  });

  it('counts up past names already taken', async () => {
    const { model } = await setup([preset('a', 'Blog'), preset('b', 'Blog (copy)'), preset('c', 'blog (COPY 2)')]);
    await model.duplicatePreset('a', 'd', copyName);
    expect(model.presets.value[1]!.name).toBe('Blog (copy 3)');
  });

  it('keeps the copy within the name limit by shortening the original name', async () => {
    const long = 'N'.repeat(60);
    const { model } = await setup([preset('a', long)]);
    await model.duplicatePreset('a', 'b', copyName);
    const actual = model.presets.value[1]!.name;
    expect(actual).toHaveLength(60);
    expect(actual.endsWith(' (copy)')).toBe(true);
  });

  it('writes nothing for an unknown preset', async () => {
    const { model, deps } = await setup([preset('a', 'Blog')]);
    await expect(model.duplicatePreset('zz', 'b', copyName)).resolves.toBeNull();
    expect(deps.savePresets).not.toHaveBeenCalled();
  });
});

describe('movePreset', () => {
  it.each([
    { id: 'b', offset: -1 as const, expected: ['b', 'a', 'c'] },
    { id: 'b', offset: 1 as const, expected: ['a', 'c', 'b'] },
    { id: 'a', offset: 1 as const, expected: ['b', 'a', 'c'] },
  ])('moves $id by $offset', async ({ id, offset, expected }) => {
    const { model, deps } = await setup([preset('a', 'A'), preset('b', 'B'), preset('c', 'C')]);
    await expect(model.movePreset(id, offset)).resolves.toBe(true);
    expect(model.presets.value.map((p) => p.id)).toEqual(expected);
    expect(deps.savePresets).toHaveBeenCalledTimes(1);
  });

  it.each([
    { id: 'a', offset: -1 as const },
    { id: 'c', offset: 1 as const },
    { id: 'zz', offset: 1 as const },
  ])('does nothing past the ends ($id by $offset)', async ({ id, offset }) => {
    const { model, deps } = await setup([preset('a', 'A'), preset('b', 'B'), preset('c', 'C')]);
    await expect(model.movePreset(id, offset)).resolves.toBe(false);
    expect(deps.savePresets).not.toHaveBeenCalled();
  });

  it('keeps the old order when the write fails', async () => {
    const { model, deps } = await setup([preset('a', 'A'), preset('b', 'B')]);
    deps.savePresets.mockResolvedValue({ ok: false, error: { kind: 'quota' } });
    await expect(model.movePreset('b', -1)).resolves.toBe(false);
    expect(model.presets.value.map((p) => p.id)).toEqual(['a', 'b']);
  });
});
