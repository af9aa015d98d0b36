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
  permissionsForRestore,
  storedExtras,
  type BackupExtras,
  type SettingsFile,
  type TransferStorage,
} from '@/lib/options/settings-transfer';
import type { HistoryEntry } from '@/lib/storage/history';
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
/** What a version 2 file carries besides accounts and presets. */
const extras: BackupExtras = {
  badgeOptIn: true,
  shipToAllowed: false,
  rateSource: { url: 'https://rates.example.com/team.json', intervalMinutes: 1440 },
  hotList: { v: 1, sources: [{ id: 'import', label: 'hot.csv', updatedAt: '2025-05-30T08:00:00.000Z', ids: ['1005001111111111', '1005006789012345'], rates: [7.5, null] }] },
  categoryPicks: { '1005006789012345': 'mobilePhone' },
};
const state = { accounts: [admitad, custom], presets: [blog, tg], defaultPresetId: 'p2', extras };
const fileText = (overrides: Record<string, unknown> = {}) => JSON.stringify({ ...buildSettingsFile(state, NOW), ...overrides });
/** A file exactly as releases before the hot list and opt-ins were backed up wrote it (version 1). */
const VERSION_1_FILE = `{
  "format": "sublink-settings",
  "version": 1,
  "exportedAt": "2025-04-02T09:00:00.000Z",
  "accounts": [{ "id": "acc1", "network": "admitad", "name": "Admitad", "code": "1e8d114494b7e165239416525dc3e8" }],
  "presets": [{ "id": "p1", "name": "Blog", "accountId": "acc1", "program": "ww", "audienceCountry": "DE", "subIds": { "subid": "blog" }, "keepSku": false }],
  "defaultPresetId": "p1"
}
`;
const historyEntry: HistoryEntry = {
  id: 'h1',
  at: Date.parse('2025-05-31T12:00:00Z'),
  surface: 'popup',
  sourceUrl: 'https://www.aliexpress.com/item/1005006789012345.html',
  presetId: 'p1',
  presetName: 'Blog',
  link: 'https://ad.admitad.com/g/1e8d114494b7e165239416525dc3e8/?ulp=x',
  productId: '1005006789012345',
};

describe('buildSettingsFile', () => {
  it('carries accounts, presets, the default preset and everything else but secrets and history unless given', () => {
    const actual = buildSettingsFile(state, NOW);
    expect(actual).toEqual({
      format: 'sublink-settings',
      version: 2,
      exportedAt: '2025-06-01T10:20:30.000Z',
      accounts: [admitad, custom],
      presets: [blog, tg],
      defaultPresetId: 'p2',
      badgeOptIn: true,
      shipToAllowed: false,
      rateSource: extras.rateSource,
      hotList: extras.hotList,
      categoryPicks: extras.categoryPicks,
    });
    expect(actual).not.toHaveProperty('secrets');
    expect(actual).not.toHaveProperty('history');
    expect(serializeSettingsFile(actual)).not.toContain('Secret');
  });

  it('carries the history only when it is passed in (the user ticked it)', () => {
    expect(buildSettingsFile(state, NOW, null, [historyEntry]).history).toEqual([historyEntry]);
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

  it('reads back a file with the history', () => {
    const file = buildSettingsFile(state, NOW, null, [historyEntry]);
    expect(parseSettingsFile(serializeSettingsFile(file))).toEqual({ ok: true, file });
  });

  it('reads a version 1 file as it was written, with nothing but accounts, presets and the default', () => {
    const actual = parseSettingsFile(VERSION_1_FILE);
    expect(actual).toEqual({ ok: true, file: JSON.parse(VERSION_1_FILE) });
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
    { name: 'a newer version', input: fileText({ version: 3 }), expected: { code: 'newerVersion', version: 3 } },
    { name: 'a version 2 file without its hot list', input: fileText({ hotList: undefined }), expected: { code: 'invalid', path: 'hotList', message: 'missing' } },
    { name: 'a version 1 file with a hot list', input: fileText({ version: 1 }), expected: { code: 'invalid', path: 'badgeOptIn', message: 'not in a version 1 file' } },
    {
      name: 'a hot list with ids out of order',
      input: fileText({ hotList: { v: 1, sources: [{ ...extras.hotList.sources[0], ids: ['1005006789012345', '1005001111111111'] }] } }),
      expected: { code: 'invalid', path: 'hotList.sources.0.ids.1' },
    },
    { name: 'a hot list of another version', input: fileText({ hotList: { v: 2, sources: [] } }), expected: { code: 'invalid', path: 'hotList.v' } },
    { name: 'a rate table over http', input: fileText({ rateSource: { url: 'http://rates.example.com/t.json', intervalMinutes: 60 } }), expected: { code: 'invalid', path: 'rateSource.url', message: 'notHttps' } },
    { name: 'a refresh interval the page does not offer', input: fileText({ rateSource: { url: null, intervalMinutes: 5 } }), expected: { code: 'invalid', path: 'rateSource.intervalMinutes' } },
    { name: 'a category pick of an unknown category', input: fileText({ categoryPicks: { '1005006789012345': 'spaceships' } }), expected: { code: 'invalid', path: 'categoryPicks.1005006789012345' } },
    { name: 'a category pick for a non-product', input: fileText({ categoryPicks: { 'item-x': 'mobilePhone' } }), expected: { code: 'invalid', path: 'categoryPicks.item-x' } },
    { name: 'an opt-in that is not a yes or no', input: fileText({ badgeOptIn: 'yes' }), expected: { code: 'invalid', path: 'badgeOptIn' } },
    { name: 'a damaged history entry', input: fileText({ history: [{ ...historyEntry, surface: 'fax' }] }), expected: { code: 'invalid', path: 'history.0.surface' } },
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
      { accounts: [admitad], presets: [{ ...blog, subIds: { subid: 'blog2' }, audienceCountry: 'FR' }, { ...tg, id: 'p3', name: 'Shorts' }], defaultPresetId: 'p3', extras },
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

  it('lists the opt-ins, sources and picks a file changes, with old and new values', () => {
    const file = buildSettingsFile({ ...state, extras: { ...extras, badgeOptIn: false, shipToAllowed: true, rateSource: { url: null, intervalMinutes: 360 }, categoryPicks: {} } }, NOW);
    const actual = diffSettings(state, file);
    expect(actual.extras).toEqual([
      { field: 'badgeOptIn', before: 'true', after: 'false' },
      { field: 'shipToAllowed', before: 'false', after: 'true' },
      { field: 'rateSource.url', before: 'https://rates.example.com/team.json', after: null },
      { field: 'rateSource.intervalMinutes', before: '1440', after: '360' },
      { field: 'categoryPicks', before: '1', after: '0' },
    ]);
    expect(actual.changesAnything).toBe(true);
  });

  it('shows a different hot list as list and product counts', () => {
    const file = buildSettingsFile({ ...state, extras: { ...extras, hotList: { v: 1, sources: [] } } }, NOW);
    expect(diffSettings(state, file).extras).toEqual([{ field: 'hotList', before: '1/2', after: '0/0' }]);
  });

  it('counts the history entries a file brings', () => {
    expect(diffSettings(state, buildSettingsFile(state, NOW, null, [historyEntry])).historyEntries).toBe(1);
    expect(diffSettings(state, buildSettingsFile(state, NOW)).historyEntries).toBeNull();
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

  it('replaces accounts, presets and the default in one write, keeping entries this version cannot read and the badge setting (version 1 file)', async () => {
    const deps = storage({ accounts: [custom], presets: [newer], settings: { defaultPresetId: null, lastUsedPresetId: null, badgeOptIn: true } });
    const parsed = parseSettingsFile(JSON.stringify({ format: 'sublink-settings', version: 1, exportedAt: NOW.toISOString(), accounts: [admitad, custom], presets: [blog, tg], defaultPresetId: 'p2' }));
    if (!parsed.ok) throw new Error('the version 1 file should read');
    const file = parsed.file;
    await expect(applySettingsFile(file, { includeSecrets: false }, deps)).resolves.toEqual({ ok: true });
    expect(deps.write).toHaveBeenCalledTimes(1);
    expect(deps.write).toHaveBeenCalledWith({
      accounts: [admitad, custom],
      presets: [blog, tg, newer],
      settings: { defaultPresetId: 'p2', lastUsedPresetId: 'p2', badgeOptIn: true },
    });
  });

  it('writes everything a version 2 file carries in the same one write, the badge on only when its access was granted', async () => {
    for (const [badge, expected] of [
      [true, true],
      [false, false],
    ] as const) {
      const deps = storage({ presets: [newer] });
      await expect(applySettingsFile(buildSettingsFile(state, NOW), { includeSecrets: false, grants: { badge } }, deps)).resolves.toEqual({ ok: true });
      expect(deps.write).toHaveBeenCalledTimes(1);
      expect(deps.write).toHaveBeenCalledWith({
        accounts: [admitad, custom],
        presets: [blog, tg, newer],
        settings: { defaultPresetId: 'p2', lastUsedPresetId: 'p2', badgeOptIn: expected },
        hotList: extras.hotList,
        categoryPicks: extras.categoryPicks,
      });
    }
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

describe('permissionsForRestore', () => {
  const withExtras = (patch: Partial<BackupExtras>) => buildSettingsFile({ ...state, extras: { ...extras, ...patch } }, NOW);
  it.each<{ name: string; input: SettingsFile; expected: ReturnType<typeof permissionsForRestore> }>([
    { name: 'nothing for a version 1 file', input: JSON.parse(VERSION_1_FILE), expected: null },
    { name: 'nothing when every opt-in is off', input: withExtras({ badgeOptIn: false, rateSource: { url: null, intervalMinutes: 360 } }), expected: null },
    {
      name: 'the badge hosts and the rate table origin',
      input: withExtras({}),
      expected: { permissions: [], origins: ['https://*.aliexpress.com/*', 'https://*.aliexpress.ru/*', 'https://*.aliexpress.us/*', 'https://rates.example.com/*'] },
    },
    {
      name: 'the cookie permission for the ship-to country',
      input: withExtras({ badgeOptIn: false, shipToAllowed: true, rateSource: { url: null, intervalMinutes: 360 } }),
      expected: { permissions: ['cookies'], origins: ['https://*.aliexpress.com/*', 'https://*.aliexpress.ru/*', 'https://*.aliexpress.us/*'] },
    },
  ])('$name', ({ input, expected }) => {
    const actual = permissionsForRestore(input);
    expect(actual).toEqual(expected);
  });
});

describe('storedExtras', () => {
  it('reads what is stored, an opt-in on only with its access', () => {
    const snapshot = { settings: { defaultPresetId: null, lastUsedPresetId: null, badgeOptIn: true }, rateSource: extras.rateSource, hotList: extras.hotList, categoryPicks: extras.categoryPicks };
    expect(storedExtras(snapshot, { badge: true, shipTo: false })).toEqual(extras);
    expect(storedExtras(snapshot, { badge: false, shipTo: true })).toEqual({ ...extras, badgeOptIn: false, shipToAllowed: true });
  });

  it('reads an empty profile as the defaults, and drops picks it cannot read', () => {
    const actual = storedExtras({ categoryPicks: { '1005006789012345': 'spaceships', x: 'mobilePhone' } }, { badge: false, shipTo: false });
    expect(actual).toEqual({ badgeOptIn: false, shipToAllowed: false, rateSource: { url: null, intervalMinutes: 360 }, hotList: { v: 1, sources: [] }, categoryPicks: {} });
  });
});
