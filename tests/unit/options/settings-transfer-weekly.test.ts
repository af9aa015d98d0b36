/**
 * The weekly re-check in the settings backup (version 2): the user's choice (on or off, how many
 * links) goes in once set, is checked on restore like every other value, shows in the preview, and
 * is handed to the background, which alone writes it; a refusal is said, the rest restored.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import { buildSettingsFile, diffSettings, extrasOf, parseSettingsFile, serializeSettingsFile, storedExtras, type BackupExtras, type TransferStorage } from '@/lib/options/settings-transfer';
import { createTransferModel, type TransferDeps } from '@/lib/options/transfer-model';
import { DEFAULT_WEEKLY_RECHECK } from '@/lib/storage/weekly-recheck';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const NOW = new Date('2026-12-05T00:00:00Z');
const base: BackupExtras = { badgeOptIn: false, shipToAllowed: false, rateSource: { url: null, intervalMinutes: 360 }, hotList: { v: 1, sources: [] }, categoryPicks: {} };
const withWeekly: BackupExtras = { ...base, weeklyRecheck: { enabled: true, count: 30 } };
const fileText = (extras: BackupExtras) => serializeSettingsFile(buildSettingsFile({ accounts: [admitad], presets: [blog], defaultPresetId: 'p1', extras }, NOW));

describe('the weekly re-check in the backup', () => {
  it('backs up the choice once it is stored, not its schedule or its last count', () => {
    const stored = { ...DEFAULT_WEEKLY_RECHECK, enabled: true, count: 30, dueAt: 1, deadLinks: { runId: 'r', dead: 2, checked: 30, finishedAt: 1 } };
    expect(storedExtras({ linkHealthWeekly: stored }, { badge: false, shipTo: false })).toEqual(withWeekly);
    expect(storedExtras({}, { badge: false, shipTo: false })).not.toHaveProperty('weeklyRecheck');
  });

  it('reads back what it wrote', () => {
    const parsed = parseSettingsFile(fileText(withWeekly));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && extrasOf(parsed.file)).toEqual(withWeekly);
  });

  it('reads a version 2 file from before the weekly re-check, which leaves the setting alone', () => {
    const parsed = parseSettingsFile(fileText(base));
    expect(parsed.ok && extrasOf(parsed.file)).toEqual(base);
  });

  it.each([
    { input: { enabled: true, count: 0 }, expected: { code: 'invalid', path: 'weeklyRecheck.count', message: 'a whole number from 1 to 1000' } },
    { input: { enabled: true, count: 2.5 }, expected: { code: 'invalid', path: 'weeklyRecheck.count', message: 'a whole number from 1 to 1000' } },
    { input: { enabled: 'yes', count: 50 }, expected: { code: 'invalid', path: 'weeklyRecheck.enabled' } },
  ])('refuses $input with where and why', ({ input, expected }) => {
    const raw = JSON.parse(fileText(withWeekly)) as Record<string, unknown>;
    const actual = parseSettingsFile(JSON.stringify({ ...raw, weeklyRecheck: input }));
    expect(actual).toMatchObject({ ok: false, error: expected });
  });

  it('refuses it in a version 1 file', () => {
    const raw = { format: 'sublink-settings', version: 1, exportedAt: NOW.toISOString(), accounts: [admitad], presets: [blog], defaultPresetId: 'p1', weeklyRecheck: { enabled: true, count: 5 } };
    expect(parseSettingsFile(JSON.stringify(raw))).toMatchObject({ ok: false, error: { code: 'invalid', path: 'weeklyRecheck', message: 'not in a version 1 file' } });
  });

  it('the preview shows what it changes', () => {
    const parsed = parseSettingsFile(fileText(withWeekly));
    if (!parsed.ok) throw new Error('the file must parse');
    const actual = diffSettings({ accounts: [admitad], presets: [blog], defaultPresetId: 'p1', extras: base }, parsed.file).extras;
    expect(actual).toEqual([
      { field: 'weeklyRecheck.enabled', before: 'false', after: 'true' },
      { field: 'weeklyRecheck.count', before: '50', after: '30' },
    ]);
  });
});

describe('restoring the weekly re-check', () => {
  function setup(setWeeklyRecheck: TransferDeps['setWeeklyRecheck']) {
    const storage = { get: vi.fn<TransferStorage['get']>(async () => ({})), write: vi.fn<TransferStorage['write']>(async () => ({ ok: true })) };
    const deps: TransferDeps = {
      current: () => ({ accounts: [admitad], presets: [blog], defaultPresetId: 'p1' }),
      readExtras: async () => base,
      readHistory: async () => [],
      readCredentials: async () => null,
      requestPermissions: async () => true,
      setRateSource: async () => ({ ok: true }),
      restoreHistory: async () => ({ restored: true }),
      ...(setWeeklyRecheck ? { setWeeklyRecheck } : {}),
      storage,
      download: () => undefined,
      now: () => NOW,
      reload: async () => undefined,
    };
    return { model: createTransferModel(deps), storage };
  }
  const file = (text: string) => ({ name: 'settings.json', size: text.length, text: async () => text });

  it('hands the choice to the background and writes nothing of it itself', async () => {
    const setWeeklyRecheck = vi.fn(async () => ({ ok: true }));
    const { model, storage } = setup(setWeeklyRecheck);
    await model.readFile(file(fileText(withWeekly)));
    await model.apply(false);
    expect(setWeeklyRecheck).toHaveBeenCalledWith({ enabled: true, count: 30 });
    expect(storage.write.mock.calls[0]![0]).not.toHaveProperty('linkHealthWeekly');
    expect(model.phase.value).toMatchObject({ kind: 'imported', leftOff: [] });
  });

  it('says it stayed off when the background refuses (no API credentials here), and restores the rest', async () => {
    const { model, storage } = setup(async () => ({ ok: false }));
    await model.readFile(file(fileText(withWeekly)));
    await model.apply(false);
    expect(storage.write).toHaveBeenCalledTimes(1);
    expect(model.phase.value).toMatchObject({ kind: 'imported', leftOff: ['weeklyRecheck'] });
  });

  it('a file without the choice does not touch the setting', async () => {
    const setWeeklyRecheck = vi.fn(async () => ({ ok: true }));
    const { model } = setup(setWeeklyRecheck);
    await model.readFile(file(fileText(base)));
    await model.apply(false);
    expect(setWeeklyRecheck).not.toHaveBeenCalled();
  });
});
