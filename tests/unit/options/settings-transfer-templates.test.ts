import { describe, expect, it } from 'vitest';
import type { Preset } from '@/lib/presets/types';
import { buildSettingsFile, parseSettingsFile, serializeSettingsFile, type BackupExtras } from '@/lib/options/settings-transfer';

const NOW = new Date('2026-12-01T10:00:00Z');
const extras: BackupExtras = { badgeOptIn: false, shipToAllowed: false, rateSource: { url: null, intervalMinutes: 1440 }, hotList: { v: 1, sources: [] }, categoryPicks: {} };
const withTemplate: Preset = {
  id: 'p1',
  name: 'Telegram',
  accountId: null,
  program: 'ww',
  audienceCountry: 'DE',
  subIds: {},
  keepSku: false,
  post: { text: '🔥 {title} — {price}\n{link}', disclosure: false },
};
const withoutTemplate: Preset = { ...withTemplate, id: 'p2', name: 'Blog', post: undefined };
delete (withoutTemplate as { post?: unknown }).post;

describe('the backup carries each preset\'s post template', () => {
  it('export then import gives the same templates back', () => {
    const file = buildSettingsFile({ accounts: [], presets: [withTemplate, withoutTemplate], defaultPresetId: null, extras }, NOW);
    const actual = parseSettingsFile(serializeSettingsFile(file));
    expect(actual.ok && actual.file.presets.map((p) => p.post)).toEqual([withTemplate.post, undefined]);
    expect(serializeSettingsFile(file)).toContain('"text": "🔥 {title} — {price}\\n{link}"');
  });

  it.each([
    { name: 'an unknown placeholder', post: { text: '{titel} {link}', disclosure: true }, expected: { path: 'presets.0.post.text', issue: { field: 'post.text', code: 'unknownPlaceholder', detail: '{titel}' } } },
    { name: 'a template without the link', post: { text: '{title}', disclosure: true }, expected: { path: 'presets.0.post.text', issue: { field: 'post.text', code: 'missingLinkPlaceholder' } } },
    { name: 'a disclosure that is not a boolean', post: { text: '{link}', disclosure: 'on' }, expected: { path: 'presets.0.post.disclosure' } },
  ])('refuses a file with $name, saying where', ({ post, expected }) => {
    const file = buildSettingsFile({ accounts: [], presets: [withTemplate], defaultPresetId: null, extras }, NOW);
    const text = JSON.stringify({ ...file, presets: [{ ...withTemplate, post }] });
    const actual = parseSettingsFile(text);
    expect(actual).toMatchObject({ ok: false, error: { code: 'invalid', ...expected } });
  });
});
