import { describe, expect, it, vi } from 'vitest';
import type { ApiCredentials } from '@/lib/api/credentials';
import type { Account } from '@/lib/networks/types';
import type { Preset } from '@/lib/presets/types';
import {
  applySettingsFile,
  buildSettingsFile,
  diffSettings,
  parseSettingsFile,
  serializeSettingsFile,
  settingsFileName,
  SETTINGS_FILE_MAX_CHARS,
  type SettingsFile,
  type TransferStorage,
} from '@/lib/options/settings-transfer';
import type { SaveResult } from '@/lib/storage/local';

const admitad: Account = { id: 'acc1', network: 'admitad', name: 'Admitad', code: '1e8d114494b7e165239416525dc3e8' };
const custom: Account = { id: 'acc2', network: 'custom', name: 'Other net', template: 'https://go.example/?u={url_encoded}&s={subid}' };
const blog: Preset = { id: 'p1', name: 'Blog', accountId: 'acc1', program: 'ww', audienceCountry: 'DE', subIds: { subid: 'blog' }, keepSku: false };
const tg: Preset = { id: 'p2', name: 'Telegram', accountId: 'acc1', program: 'ru-cis-new', audienceCountry: 'RU', subIds: { subid: 'tg', subid1: 'post' }, keepSku: true };
const credentials: ApiCredentials = {
  aliexpress: { appKey: '512345', appSecret: 'abcdefabcdefabcdefabcdefabcdef12', trackingId: 'my_tracking' },
  admitad: { clientId: 'abcdefghij0123456789abcdefghij', clientSecret: 'ABCDEFGHIJ0123456789abcdefghij', websiteId: '12345', campaignId: '6115' },
};
const NOW = new Date('2025-06-01T10:20:30Z');
const state = { accounts: [admitad, custom], presets: [blog, tg], defaultPresetId: 'p2' };
const fileText = (overrides: Record<string, unknown> = {}) => JSON.stringify({ ...buildSettingsFile(state, NOW), ...overrides });

describe('buildSettingsFile', () => {
  it('carries accounts, presets and the default preset, and no secrets unless given', () => {
    const actual = buildSettingsFile(state, NOW);
    expect(actual).toEqual({ format: 'sublink-settings', version: 1, exportedAt: '2025-06-01T10:20:30.000Z', accounts: [admitad, custom], presets: [blog, tg], defaultPresetId: 'p2' });
    expect(actual).not.toHaveProperty('secrets');
    expect(serializeSettingsFile(actual)).not.toContain('Secret');
  });

  it('carries the credentials only when they are passed in (the user ticked them)', () => {
    expect(buildSettingsFile(state, NOW, credentials).secrets).toEqual({ apiCredentials: credentials });
    expect(buildSettingsFile(state, NOW, {})).not.toHaveProperty('secrets');
  });

  it('drops a default preset that is not among the presets', () => {
    expect(buildSettingsFile({ ...state, defaultPresetId: 'gone' }, NOW).defaultPresetId).toBeNull();
  });

  it('names the file by date', () => {
    expect(settingsFileName(NOW)).toBe('sublink-settings-2025-06-01.json');
  });
});

describe('parseSettingsFile', () => {
  it('reads back what it exported, with and without secrets', () => {
    for (const file of [buildSettingsFile(state, NOW), buildSettingsFile(state, NOW, credentials)]) {
      expect(parseSettingsFile(serializeSettingsFile(file))).toEqual({ ok: true, file });
    }
  });

  it('reads a file with a byte order mark', () => {
    expect(parseSettingsFile(`\uFEFF${fileText()}`).ok).toBe(true);
  });

  const presetsWith = (preset: Record<string, unknown>) => ({ presets: [preset] });
  it.each([
    { name: 'an empty file', input: '', expected: { code: 'notJson' } },
    { name: 'a truncated file', input: fileText().slice(0, 80), expected: { code: 'notJson' } },
    { name: 'a huge file', input: ' '.repeat(SETTINGS_FILE_MAX_CHARS + 1), expected: { code: 'tooLarge' } },
    { name: 'a JSON list', input: '[1,2]', expected: { code: 'foreign' } },
    { name: 'null', input: 'null', expected: { code: 'foreign' } },
    { name: 'a rate table', input: JSON.stringify({ schemaVersion: 1, tables: {} }), expected: { code: 'foreign' } },
    { name: "another tool's settings", input: JSON.stringify({ format: 'other-extension', version: 1 }), expected: { code: 'foreign' } },
    { name: 'a newer version', input: fileText({ version: 2 }), expected: { code: 'newerVersion', version: 2 } },
    { name: 'version 0', input: fileText({ version: 0 }), expected: { code: 'invalid', path: 'version' } },
    { name: 'no presets list', input: fileText({ presets: undefined }), expected: { code: 'invalid', path: 'presets' } },
    { name: 'presets as an object', input: fileText({ presets: { p1: blog } }), expected: { code: 'invalid', path: 'presets' } },
    {
      name: 'a bad Admitad code',
      input: fileText({ accounts: [{ ...admitad, code: 'nope' }] }),
      expected: { code: 'invalid', path: 'accounts.0.code', issue: { field: 'code', code: 'badCode' } },
    },
    { name: 'an unknown network', input: fileText({ accounts: [{ ...admitad, network: 'evil' }] }), expected: { code: 'invalid', path: 'accounts.0.network' } },
    { name: 'a preset with an unknown program', input: fileText(presetsWith({ ...blog, program: 'future' })), expected: { code: 'invalid', path: 'presets.0.program' } },
    { name: 'a lower-case country', input: fileText(presetsWith({ ...blog, audienceCountry: 'de' })), expected: { code: 'invalid', path: 'presets.0.audienceCountry' } },
    {
      name: 'a sub-id over the network limit',
      input: fileText(presetsWith({ ...blog, subIds: { subid: 'x'.repeat(51) } })),
      expected: { code: 'invalid', path: 'presets.0.subIds.subid', issue: { field: 'subIds.subid', code: 'tooLong', max: 50 } },
    },
    {
      name: 'a preset naming an account not in the file',
      input: fileText(presetsWith({ ...blog, accountId: 'acc9' })),
      expected: { code: 'invalid', path: 'presets.0.accountId', issue: { field: 'accountId', code: 'unknownAccount' } },
    },
    { name: 'two presets with one name', input: fileText({ presets: [blog, { ...tg, name: ' blog ' }], defaultPresetId: null }), expected: { code: 'invalid', path: 'presets.1.name' } },
    { name: 'two presets with one id', input: fileText({ presets: [blog, { ...tg, id: 'p1' }], defaultPresetId: null }), expected: { code: 'invalid', path: 'presets.1.id' } },
    { name: 'two accounts with one id', input: fileText({ accounts: [admitad, { ...custom, id: 'acc1' }] }), expected: { code: 'invalid', path: 'accounts.1.id' } },
    { name: 'a default preset not in the file', input: fileText({ defaultPresetId: 'p9' }), expected: { code: 'invalid', path: 'defaultPresetId' } },
    {
      name: 'damaged credentials',
      input: fileText({ secrets: { apiCredentials: { aliexpress: { appKey: 'x y', appSecret: '', trackingId: '' } } } }),
      expected: { code: 'invalid', path: 'secrets.apiCredentials.aliexpress' },
    },
    { name: 'an empty set of credentials', input: fileText({ secrets: { apiCredentials: { v: 1 } } }), expected: { code: 'invalid', path: 'secrets.apiCredentials' } },
    { name: 'too many presets', input: fileText({ presets: Array.from({ length: 501 }, (_, i) => ({ ...blog, id: `p${i}`, name: `n${i}` })), defaultPresetId: null }), expected: { code: 'invalid', path: 'presets' } },
  ])('refuses $name with the reason', ({ input, expected }) => {
    const actual = parseSettingsFile(input);
    expect(actual.ok).toBe(false);
    expect(!actual.ok && actual.error).toMatchObject(expected);
  });

  it('drops keys it does not know, such as a prototype key', () => {
    const actual = parseSettingsFile(fileText().replace('{', '{"__proto__":{"polluted":true},"extra":1,'));
    expect(actual.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(actual.ok && actual.file).not.toHaveProperty('extra');
  });
});

describe('diffSettings', () => {
  it('lists what an import adds, changes and removes', () => {
    const file: SettingsFile = buildSettingsFile(
      { accounts: [admitad], presets: [{ ...blog, subIds: { subid: 'blog2' }, audienceCountry: 'FR' }, { ...tg, id: 'p3', name: 'Shorts' }], defaultPresetId: 'p3' },
      NOW,
    );
    const actual = diffSettings(state, file);
    expect(actual.accounts).toEqual({ added: [], changed: [], removed: [custom], unchanged: 1 });
    expect(actual.presets.added.map((p) => p.name)).toEqual(['Shorts']);
    expect(actual.presets.changed).toEqual([
      {
        before: blog,
        after: file.presets[0],
        fields: ['audienceCountry', 'subIds'],
        changes: [
          { field: 'audienceCountry', before: 'DE', after: 'FR' },
          { field: 'subIds.subid', before: 'blog', after: 'blog2' },
        ],
      },
    ]);
    expect(actual.presets.removed.map((p) => p.name)).toEqual(['Telegram']);
    expect(actual.defaultPreset).toEqual({ before: 'Telegram', after: 'Shorts' });
    expect(actual.hasSecrets).toBe(false);
    expect(actual.changesAnything).toBe(true);
  });

  it('shows the old and new value of a swapped ad-space code, not only the field name', () => {
    const swapped: Account = { ...admitad, code: 'ffffffffffffffffffffffffffffff' };
    const actual = diffSettings(state, buildSettingsFile({ ...state, accounts: [swapped, custom] }, NOW));
    expect(actual.accounts.changed.map((change) => change.changes)).toEqual([[{ field: 'code', before: admitad.code, after: 'ffffffffffffffffffffffffffffff' }]]);
  });

  it('lists the API credentials a file carries with the secrets masked', () => {
    const actual = diffSettings(state, buildSettingsFile(state, NOW, credentials));
    expect(actual.secrets).toContainEqual({ field: 'aliexpress.appSecret', before: null, after: '••••ef12' });
    expect(actual.secrets).toContainEqual({ field: 'admitad.clientSecret', before: null, after: '••••ghij' });
    expect(actual.secrets).toContainEqual({ field: 'admitad.websiteId', before: null, after: '12345' });
    expect(JSON.stringify(actual.secrets)).not.toContain(credentials.aliexpress!.appSecret);
    expect(JSON.stringify(actual.secrets)).not.toContain(credentials.admitad!.clientSecret);
  });

  it('says nothing changes for the same settings, whatever the key order', () => {
    const reordered = { ...buildSettingsFile(state, NOW), presets: [{ keepSku: false, subIds: { subid: 'blog' }, audienceCountry: 'DE', program: 'ww', accountId: 'acc1', name: 'Blog', id: 'p1' } as Preset, tg] };
    const actual = diffSettings(state, reordered);
    expect(actual.changesAnything).toBe(false);
    expect(actual.presets.unchanged).toBe(2);
    expect(actual.defaultPreset).toBeNull();
  });

  it('into an empty profile, everything is added', () => {
    const actual = diffSettings({ accounts: [], presets: [], defaultPresetId: null }, buildSettingsFile(state, NOW, credentials));
    expect(actual.accounts.added).toHaveLength(2);
    expect(actual.presets.added).toHaveLength(2);
    expect(actual.defaultPreset).toEqual({ before: null, after: 'Telegram' });
    expect(actual.hasSecrets).toBe(true);
  });
});

describe('applySettingsFile', () => {
  function storage(stored: Record<string, unknown>, result: SaveResult = { ok: true }) {
    const write = vi.fn<TransferStorage['write']>(async () => result);
    return { write, get: vi.fn<TransferStorage['get']>(async (keys) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]]))) };
  }
  const newer = { id: 'p9', name: 'From a newer version', accountId: null, program: 'future', audienceCountry: null, subIds: {}, keepSku: false };

  it('replaces accounts, presets and the default in one write, keeping entries this version cannot read and the badge setting', async () => {
    const deps = storage({ accounts: [custom], presets: [newer], settings: { defaultPresetId: null, lastUsedPresetId: null, badgeOptIn: true } });
    const file = buildSettingsFile(state, NOW, credentials);
    await expect(applySettingsFile(file, { includeSecrets: false }, deps)).resolves.toEqual({ ok: true });
    expect(deps.write).toHaveBeenCalledTimes(1);
    expect(deps.write).toHaveBeenCalledWith({
      accounts: [admitad, custom],
      presets: [blog, tg, newer],
      settings: { defaultPresetId: 'p2', lastUsedPresetId: 'p2', badgeOptIn: true },
    });
  });

  it('writes the credentials only when asked to', async () => {
    const deps = storage({});
    await applySettingsFile(buildSettingsFile(state, NOW, credentials), { includeSecrets: true }, deps);
    expect(deps.write.mock.calls[0]![0]).toMatchObject({ apiCredentials: { v: 1, ...credentials } });
  });

  it('passes a failed write on', async () => {
    const deps = storage({}, { ok: false, error: { kind: 'quota' } });
    await expect(applySettingsFile(buildSettingsFile(state, NOW), { includeSecrets: false }, deps)).resolves.toEqual({ ok: false, error: { kind: 'quota' } });
  });
});
