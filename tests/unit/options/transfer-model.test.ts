import { describe, expect, it, vi } from 'vitest';
import type { Account } from '@/lib/networks/types';
import { createTransferModel, type TransferDeps } from '@/lib/options/transfer-model';
import type { Preset } from '@/lib/presets/types';
import { buildSettingsFile, serializeSettingsFile, type TransferStorage } from '@/lib/options/settings-transfer';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const credentials = { aliexpress: { appKey: '512345', appSecret: 'abcdefabcdefabcdefabcdefabcdef12', trackingId: '' } };
const NOW = new Date('2025-06-01T00:00:00Z');
const file = (text: string, name = 'settings.json') => ({ name, size: text.length, text: async () => text });

function setup(current = { accounts: [admitad], presets: [blog], defaultPresetId: 'p1' as string | null }) {
  const storage = { get: vi.fn<TransferStorage['get']>(async () => ({})), write: vi.fn<TransferStorage['write']>(async () => ({ ok: true })) };
  const deps = {
    current: () => current,
    readCredentials: vi.fn(async () => credentials),
    storage,
    download: vi.fn<TransferDeps['download']>(),
    now: () => NOW,
    reload: vi.fn(async () => undefined),
  };
  return { deps, storage, model: createTransferModel(deps) };
}

describe('transfer model', () => {
  it('exports without secrets, and reads them only when ticked', async () => {
    const { model, deps } = setup();
    await model.exportFile(false);
    expect(deps.readCredentials).not.toHaveBeenCalled();
    const [name, text, type] = deps.download.mock.calls[0]!;
    expect([name, type]).toEqual(['sublink-settings-2025-06-01.json', 'application/json']);
    expect(JSON.parse(text)).not.toHaveProperty('secrets');
    expect(model.phase.value).toEqual({ kind: 'exported', withSecrets: false });

    await model.exportFile(true);
    expect(JSON.parse(deps.download.mock.calls[1]![1]).secrets).toEqual({ apiCredentials: credentials });
    expect(model.phase.value).toEqual({ kind: 'exported', withSecrets: true });
  });

  it('previews a good file, and writes it only when applied', async () => {
    const { model, storage, deps } = setup({ accounts: [], presets: [], defaultPresetId: null });
    await model.readFile(file(serializeSettingsFile(buildSettingsFile({ accounts: [admitad], presets: [blog], defaultPresetId: 'p1' }, NOW))));
    expect(model.phase.value).toMatchObject({ kind: 'preview', fileName: 'settings.json', diff: { presets: { added: [blog] }, accounts: { added: [admitad] } } });
    expect(storage.write).not.toHaveBeenCalled();
    await model.apply(false);
    expect(storage.write).toHaveBeenCalledTimes(1);
    expect(deps.reload).toHaveBeenCalled();
    expect(model.phase.value).toMatchObject({ kind: 'imported', withSecrets: false });
  });

  it('imports the secrets in a file only when ticked', async () => {
    const { model, storage } = setup();
    const text = serializeSettingsFile(buildSettingsFile({ accounts: [admitad], presets: [blog], defaultPresetId: 'p1' }, NOW, credentials));
    await model.readFile(file(text));
    await model.apply(false);
    expect(storage.write.mock.calls[0]![0]).not.toHaveProperty('apiCredentials');
    await model.readFile(file(text));
    await model.apply(true);
    expect(storage.write.mock.calls[1]![0]).toHaveProperty('apiCredentials');
  });

  it.each([
    { text: '{"broken": ', expected: { code: 'notJson' } },
    { text: '{"format":"something-else"}', expected: { code: 'foreign' } },
  ])('refuses $expected.code and writes nothing', async ({ text, expected }) => {
    const { model, storage } = setup();
    await model.readFile(file(text, 'bad.json'));
    expect(model.phase.value).toEqual({ kind: 'refused', fileName: 'bad.json', error: expected });
    await model.apply(true);
    expect(storage.write).not.toHaveBeenCalled();
    expect(storage.get).not.toHaveBeenCalled();
  });

  it('refuses an unreadable or oversized file', async () => {
    const { model } = setup();
    await model.readFile({ name: 'x.json', size: 5, text: async () => Promise.reject(new Error('io')) });
    expect(model.phase.value).toMatchObject({ kind: 'refused', error: { code: 'unreadable' } });
    await model.readFile({ name: 'x.json', size: 50_000_000, text: async () => '' });
    expect(model.phase.value).toMatchObject({ kind: 'refused', error: { code: 'tooLarge' } });
  });

  it('says when the write fails', async () => {
    const { model, storage, deps } = setup();
    storage.write.mockResolvedValue({ ok: false, error: { kind: 'quota' } });
    await model.readFile(file(serializeSettingsFile(buildSettingsFile({ accounts: [], presets: [], defaultPresetId: null }, NOW))));
    await model.apply(false);
    expect(model.phase.value).toEqual({ kind: 'saveFailed', error: { kind: 'quota' } });
    expect(deps.reload).not.toHaveBeenCalled();
  });
});
