import { describe, expect, it } from 'vitest';
import type { Account, FieldIssue } from '../../../lib/networks/types';
import type { Preset } from '../../../lib/presets/types';
import { validatePreset } from '../../../lib/presets/validate';

const admitad: Account = { id: 'acc-admitad', network: 'admitad', name: 'Admitad', code: 'k7q2m9x4w1e8r5t3y6u0i2o4p7a9s1' };
const epn: Account = { id: 'acc-epn', network: 'epn', name: 'ePN', host: 'shopnow.pub', code: 'p0o9i8u7y6t5r4e3w2q1a2s3d4f5g6h7' };
const custom: Account = { id: 'acc-custom', network: 'custom', name: 'Other', template: 'https://go.example.net/?u={url_encoded}&s={subid}' };
const accounts = [admitad, epn, custom];

const preset: Preset = {
  id: 'preset-1',
  name: 'Telegram',
  accountId: admitad.id,
  program: 'ww',
  audienceCountry: 'ES',
  subIds: { subid: 'tg' },
  keepSku: false,
};

const other = (id: string, name: string): Preset => ({ ...preset, id, name });

describe('validatePreset: name', () => {
  it.each<{ input: string; others: Preset[]; expected: FieldIssue[] }>([
    { input: 'Telegram', others: [], expected: [] },
    { input: '', others: [], expected: [{ field: 'name', code: 'required' }] },
    { input: '   ', others: [], expected: [{ field: 'name', code: 'required' }] },
    { input: 'n'.repeat(60), others: [], expected: [] },
    { input: 'n'.repeat(61), others: [], expected: [{ field: 'name', code: 'tooLong', max: 60 }] },
    { input: `  ${'n'.repeat(60)}  `, others: [], expected: [] },
    { input: 'Telegram', others: [other('p2', 'telegram')], expected: [{ field: 'name', code: 'duplicateName', detail: 'Telegram' }] },
    { input: ' TELEGRAM ', others: [other('p2', 'Telegram')], expected: [{ field: 'name', code: 'duplicateName', detail: 'TELEGRAM' }] },
    { input: 'Канал', others: [other('p2', 'канал')], expected: [{ field: 'name', code: 'duplicateName', detail: 'Канал' }] },
    { input: 'Telegram 2', others: [other('p2', 'Telegram')], expected: [] },
    // Editing a preset: its own saved copy may be in the list and is not a duplicate.
    { input: 'Telegram', others: [other('preset-1', 'Telegram')], expected: [] },
  ])('$input among $others.length other(s)', ({ input, others, expected }) => {
    const actual = validatePreset({ ...preset, name: input }, accounts, others);
    expect(actual).toEqual(expected);
  });
});

describe('validatePreset: account', () => {
  it('accepts no account (plain link)', () => {
    const actual = validatePreset({ ...preset, accountId: null, subIds: { subid4: 'x'.repeat(500) } }, [], []);
    expect(actual).toEqual([]);
  });

  it('refuses an account id that is not saved', () => {
    const actual = validatePreset({ ...preset, accountId: 'deleted-account' }, accounts, []);
    expect(actual).toEqual([{ field: 'accountId', code: 'unknownAccount' }]);
  });

  it('refuses any account when none are saved', () => {
    const actual = validatePreset(preset, [], []);
    expect(actual).toEqual([{ field: 'accountId', code: 'unknownAccount' }]);
  });
});

describe('validatePreset: sub-ids under the chosen account network', () => {
  it.each<{ name: string; accountId: string; subIds: Preset['subIds']; expected: FieldIssue[] }>([
    { name: 'Admitad subid at 50', accountId: admitad.id, subIds: { subid: 'a'.repeat(50) }, expected: [] },
    {
      name: 'Admitad subid at 51',
      accountId: admitad.id,
      subIds: { subid: 'a'.repeat(51) },
      expected: [{ field: 'subIds.subid', code: 'tooLong', max: 50 }],
    },
    { name: 'Admitad subid4 at 120', accountId: admitad.id, subIds: { subid4: 'a'.repeat(120) }, expected: [] },
    {
      name: 'Admitad subid4 at 121',
      accountId: admitad.id,
      subIds: { subid4: 'a'.repeat(121) },
      expected: [{ field: 'subIds.subid4', code: 'tooLong', max: 120 }],
    },
    { name: 'ePN takes 51 characters in sub', accountId: epn.id, subIds: { subid: 'a'.repeat(51) }, expected: [] },
    { name: 'custom takes 121 characters in subid4', accountId: custom.id, subIds: { subid4: 'a'.repeat(121) }, expected: [] },
    {
      name: 'forbidden characters under Admitad',
      accountId: admitad.id,
      subIds: { subid2: 'a\u0000' },
      expected: [{ field: 'subIds.subid2', code: 'forbiddenChars', detail: 'U+0000' }],
    },
  ])('$name', ({ accountId, subIds, expected }) => {
    const actual = validatePreset({ ...preset, accountId, subIds }, accounts, []);
    expect(actual).toEqual(expected);
  });

  it('still reports characters no link can carry when there is no account', () => {
    const actual = validatePreset({ ...preset, accountId: null, subIds: { subid1: 'bad\nvalue' } }, accounts, []);
    expect(actual).toEqual([{ field: 'subIds.subid1', code: 'forbiddenChars', detail: 'U+000A' }]);
  });

  it('reports name, account and sub-id problems together', () => {
    const actual = validatePreset({ ...preset, name: '', accountId: 'gone', subIds: { subid: '\u0007' } }, accounts, []);
    expect(actual).toEqual([
      { field: 'name', code: 'required' },
      { field: 'accountId', code: 'unknownAccount' },
      { field: 'subIds.subid', code: 'forbiddenChars', detail: 'U+0007' },
    ]);
  });
});
