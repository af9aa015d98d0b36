import { describe, expect, it } from 'vitest';
import { presetSchema } from '../../../lib/presets/schema';
import type { Preset } from '../../../lib/presets/types';

const valid: Preset = {
  id: '3f1c2b9e-8a51-4c8e-9d0b-6f7a1e2d3c4b',
  name: 'Telegram channel',
  accountId: 'acc-1',
  program: 'ru-cis-new',
  audienceCountry: 'RU',
  subIds: { subid: 'tg', subid4: 'post-42' },
  keepSku: false,
};

describe('presetSchema', () => {
  it('parses a valid preset into the Preset contract', () => {
    // Typed as Preset: this line stops compiling if the schema drifts from the contract.
    const actual: Preset = presetSchema.parse(valid);
    expect(actual).toEqual(valid);
  });

  it.each([
    { input: valid, expected: undefined },
    { input: { ...valid, neutralLinks: false }, expected: false },
    { input: { ...valid, neutralLinks: true }, expected: true },
  ])('reads neutralLinks $expected (absent in presets saved before it: the link builder reads that as on)', ({ input, expected }) => {
    const actual = presetSchema.parse(input);
    expect(actual.neutralLinks).toBe(expected);
  });

  it('refuses a neutralLinks that is not a boolean', () => {
    expect(presetSchema.safeParse({ ...valid, neutralLinks: 'yes' }).success).toBe(false);
  });

  it('trims the name', () => {
    const actual = presetSchema.parse({ ...valid, name: '  VK group  ' });
    expect(actual.name).toBe('VK group');
  });

  it.each<{ name: string; input: Partial<Record<keyof Preset, unknown>> }>([
    { name: 'plain link: accountId null', input: { accountId: null } },
    { name: 'audience unknown: null', input: { audienceCountry: null } },
    { name: 'no sub-ids', input: { subIds: {} } },
    { name: 'program ww', input: { program: 'ww' } },
    { name: 'program portals', input: { program: 'portals' } },
    { name: 'program other', input: { program: 'other' } },
    { name: 'name of 60 characters', input: { name: 'n'.repeat(60) } },
    { name: 'keepSku true', input: { keepSku: true } },
  ])('accepts $name', ({ input }) => {
    const actual = presetSchema.safeParse({ ...valid, ...input }).success;
    expect(actual).toBe(true);
  });

  it.each<{ name: string; input: Partial<Record<keyof Preset, unknown>> }>([
    { name: 'an empty name', input: { name: '' } },
    { name: 'a blank name', input: { name: '   ' } },
    { name: 'a name of 61 characters', input: { name: 'n'.repeat(61) } },
    { name: 'an unknown program', input: { program: 'aliexpress-portals' } },
    { name: 'a lower-case country', input: { audienceCountry: 'ru' } },
    { name: 'an alpha-3 country', input: { audienceCountry: 'RUS' } },
    { name: 'an empty country', input: { audienceCountry: '' } },
    { name: 'a numeric sub-id', input: { subIds: { subid: 42 } } },
    { name: 'keepSku as a string', input: { keepSku: 'yes' } },
    { name: 'an empty id', input: { id: '' } },
    { name: 'an id of 65 characters', input: { id: 'i'.repeat(65) } },
    { name: 'an empty accountId', input: { accountId: '' } },
    { name: 'a missing accountId', input: { accountId: undefined } },
  ])('rejects $name', ({ input }) => {
    const actual = presetSchema.safeParse({ ...valid, ...input }).success;
    expect(actual).toBe(false);
  });
});
