import { describe, expect, it, vi } from 'vitest';
import type { Account } from '@/lib/networks/types';
import { createTransferModel, type TransferDeps } from '@/lib/options/transfer-model';
import type { Preset } from '@/lib/presets/types';
import { buildSettingsFile, serializeSettingsFile, type BackupExtras, type TransferStorage } from '@/lib/options/settings-transfer';
import type { HistoryEntry } from '@/lib/storage/history';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const credentials = { aliexpress: { appKey: '512345', appSecret: 'abcdefabcdefabcdefabcdefabcdef12', trackingId: '' } };
const NOW = new Date('2025-06-01T00:00:00Z');
const file = (text: string, name = 'settings.json') => ({ name, size: text.length, text: async () => text });
/** Nothing set up beyond accounts and presets: what a fresh profile backs up. */
const noExtras: BackupExtras = { badgeOptIn: false, shipToAllowed: false, rateSource: { url: null, intervalMinutes: 360 }, hotList: { v: 1, sources: [] }, categoryPicks: {} };
const extras: BackupExtras = {
  badgeOptIn: true,
  shipToAllowed: true,
  rateSource: { url: 'https://rates.example.com/team.json', intervalMinutes: 60 },
  hotList: { v: 1, sources: [{ id: 'import', label: 'hot.csv', updatedAt: '2025-05-30T08:00:00.000Z', ids: ['1005006789012345'], rates: [9] }] },
  categoryPicks: { '1005006789012345': 'mobilePhone' },
};
const entry: HistoryEntry = {
  id: 'h1',
  at: 1,
  surface: 'popup',
  sourceUrl: 'https://www.aliexpress.com/item/1005006789012345.html',
  presetId: 'p1',
  presetName: 'Blog',
  link: 'https://ad.admitad.com/g/1e8d114494b7e165239416525dc3e8/?ulp=x',
  productId: '1005006789012345',
};

function setup(current = { accounts: [admitad], presets: [blog], defaultPresetId: 'p1' as string | null }, stored: BackupExtras = noExtras) {
  const storage = { get: vi.fn<TransferStorage['get']>(async () => ({})), write: vi.fn<TransferStorage['write']>(async () => ({ ok: true })) };
  const deps = {
    current: () => current,
    readExtras: vi.fn(async () => stored),
    readHistory: vi.fn(async () => [entry]),
    requestPermissions: vi.fn<TransferDeps['requestPermissions']>(async () => true),
    setRateSource: vi.fn<TransferDeps['setRateSource']>(async () => ({ ok: true })),
    restoreHistory: vi.fn<TransferDeps['restoreHistory']>(async () => ({ restored: true })),
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
    expect(model.phase.value).toEqual({ kind: 'exported', withSecrets: false, withHistory: false });

    await model.exportFile(true);
    expect(JSON.parse(deps.download.mock.calls[1]![1]).secrets).toEqual({ apiCredentials: credentials });
    expect(model.phase.value).toEqual({ kind: 'exported', withSecrets: true, withHistory: false });
  });

  it('backs up the stored extras by default, and the history only when ticked', async () => {
    const { model, deps } = setup(undefined, extras);
    await model.exportFile(false);
    expect(deps.readHistory).not.toHaveBeenCalled();
    const plain = JSON.parse(deps.download.mock.calls[0]![1]);
    expect(plain).toMatchObject({ version: 2, ...extras });
    expect(plain).not.toHaveProperty('history');

    await model.exportFile(false, true);
    expect(JSON.parse(deps.download.mock.calls[1]![1]).history).toEqual([entry]);
    expect(model.phase.value).toEqual({ kind: 'exported', withSecrets: false, withHistory: true });
  });

  it('restores the extras: asks for their permissions first, then the rate source and the ticked history go to the background', async () => {
    const { model, storage, deps } = setup({ accounts: [], presets: [], defaultPresetId: null });
    const text = serializeSettingsFile(buildSettingsFile({ accounts: [admitad], presets: [blog], defaultPresetId: 'p1', extras }, NOW, null, [entry]));
    await model.readFile(file(text));
    expect(model.phase.value).toMatchObject({ kind: 'preview', diff: { historyEntries: 1 } });
    await model.apply(false, true);
    expect(deps.requestPermissions).toHaveBeenCalledTimes(1);
    expect(deps.requestPermissions.mock.calls[0]![0].permissions).toEqual(['cookies']);
    expect(storage.write.mock.calls[0]![0]).toMatchObject({ hotList: extras.hotList, categoryPicks: extras.categoryPicks, settings: { badgeOptIn: true } });
    expect(deps.setRateSource).toHaveBeenCalledWith(extras.rateSource);
    expect(deps.restoreHistory).toHaveBeenCalledWith([entry]);
    expect(model.phase.value).toMatchObject({ kind: 'imported', leftOff: [] });
  });

  it('restores the rest and says what stays off when the browser refuses the access', async () => {
    const { model, storage, deps } = setup();
    deps.requestPermissions.mockResolvedValue(false);
    await model.readFile(file(serializeSettingsFile(buildSettingsFile({ accounts: [admitad], presets: [blog], defaultPresetId: 'p1', extras }, NOW, null, [entry]))));
    await model.apply(false, false);
    expect(storage.write.mock.calls[0]![0]).toMatchObject({ hotList: extras.hotList, settings: { badgeOptIn: false } });
    expect(deps.setRateSource).not.toHaveBeenCalled();
    expect(deps.restoreHistory).not.toHaveBeenCalled();
    expect(model.phase.value).toMatchObject({ kind: 'imported', leftOff: ['badge', 'shipTo', 'rateSource'] });
  });

  it('a version 1 file asks for nothing and leaves the rate source and the history alone', async () => {
    const { model, deps } = setup();
    const v1 = { format: 'sublink-settings', version: 1, exportedAt: NOW.toISOString(), accounts: [admitad], presets: [blog], defaultPresetId: 'p1' };
    await model.readFile(file(JSON.stringify(v1)));
    await model.apply(false, true);
    expect(deps.requestPermissions).not.toHaveBeenCalled();
    expect(deps.setRateSource).not.toHaveBeenCalled();
    expect(deps.restoreHistory).not.toHaveBeenCalled();
    expect(model.phase.value).toMatchObject({ kind: 'imported', leftOff: [] });
  });

  it('previews a good file, and writes it only when applied', async () => {
    const { model, storage, deps } = setup({ accounts: [], presets: [], defaultPresetId: null });
    await model.readFile(file(serializeSettingsFile(buildSettingsFile({ accounts: [admitad], presets: [blog], defaultPresetId: 'p1', extras: noExtras }, NOW))));
    expect(model.phase.value).toMatchObject({ kind: 'preview', fileName: 'settings.json', diff: { presets: { added: [blog] }, accounts: { added: [admitad] } } });
    expect(storage.write).not.toHaveBeenCalled();
    await model.apply(false);
    expect(storage.write).toHaveBeenCalledTimes(1);
    expect(deps.reload).toHaveBeenCalled();
    expect(model.phase.value).toMatchObject({ kind: 'imported', withSecrets: false });
  });

  it('imports the secrets in a file only when ticked', async () => {
    const { model, storage } = setup();
    const text = serializeSettingsFile(buildSettingsFile({ accounts: [admitad], presets: [blog], defaultPresetId: 'p1', extras: noExtras }, NOW, credentials));
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
    await model.readFile(file(serializeSettingsFile(buildSettingsFile({ accounts: [], presets: [], defaultPresetId: null, extras: noExtras }, NOW))));
    await model.apply(false);
    expect(model.phase.value).toEqual({ kind: 'saveFailed', error: { kind: 'quota' } });
    expect(deps.reload).not.toHaveBeenCalled();
  });
});
