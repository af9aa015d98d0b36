import { describe, expect, it } from 'vitest';
import { audienceCountryGroups, audienceRegion, countryNamer, ISO_COUNTRY_CODES } from '@/lib/options/countries';
import { CIS_SEED_001, CIS_TARGET_GEO_SEED_002, DEFAULT_RATE_TABLES, RUSSIAN_SPEAKERS_SEED_004, type RateTables } from '@/lib/rates';

const tables = DEFAULT_RATE_TABLES as RateTables;
const english = countryNamer('en');

describe('country list', () => {
  it('has the 249 ISO 3166-1 codes, each with a name', () => {
    expect(new Set(ISO_COUNTRY_CODES).size).toBe(249);
    for (const code of ISO_COUNTRY_CODES) expect(english(code), code).not.toBe(code);
  });

  it('names countries in the UI language', () => {
    expect(countryNamer('ru')('DE')).toBe('Германия');
    expect(countryNamer('nl')('DE')).toBe('Duitsland');
  });

  it('contains every country the seeds list', () => {
    for (const code of [...CIS_SEED_001, ...CIS_TARGET_GEO_SEED_002, ...RUSSIAN_SPEAKERS_SEED_004]) expect(ISO_COUNTRY_CODES).toContain(code);
  });
});

describe('audienceCountryGroups', () => {
  const codes = (groups: ReturnType<typeof audienceCountryGroups>) => groups.map((g) => ({ region: g.region, codes: g.countries.map((c) => c.code) }));

  it('groups by the program table: WW puts seed 001 CIS countries apart from the rest', () => {
    const actual = codes(audienceCountryGroups('ww', tables, english, 'en'));
    expect(actual.map((g) => g.region)).toEqual(['cis', 'nonCis']);
    expect([...actual[0]!.codes].sort()).toEqual([...CIS_SEED_001].sort());
    expect(actual[1]!.codes).toHaveLength(249 - CIS_SEED_001.length);
    expect(actual[1]!.codes).toContain('UA');
  });

  it('EU/Benelux groups the Russian-speaking countries of seed 004', () => {
    const actual = codes(audienceCountryGroups('eu-benelux', tables, english, 'en'));
    expect(actual[0]).toEqual({ region: 'russianSpeakers', codes: expect.arrayContaining(['EE', 'UA', 'RU']) });
    expect(actual[0]!.codes).not.toContain('AZ');
  });

  it('Portals has one region; a program without a table, one plain list', () => {
    expect(codes(audienceCountryGroups('portals', tables, english, 'en')).map((g) => g.region)).toEqual(['everywhere']);
    expect(codes(audienceCountryGroups('other', tables, english, 'en')).map((g) => g.region)).toEqual([null]);
  });

  it('sorts by name in the UI language', () => {
    const [group] = audienceCountryGroups('other', tables, english, 'en');
    const names = group!.countries.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
  });

  it('keeps a stored code that is not in the ISO list selectable', () => {
    const [group] = audienceCountryGroups('other', tables, english, 'en', 'XK');
    expect(group!.countries.map((c) => c.code)).toContain('XK');
  });
});

describe('audienceRegion', () => {
  it.each([
    { program: 'ww' as const, country: 'KZ', expected: 'cis' },
    { program: 'ww' as const, country: 'UA', expected: 'nonCis' },
    { program: 'ru-cis-new' as const, country: 'RU', expected: 'cis' },
    { program: 'eu-benelux' as const, country: 'LV', expected: 'russianSpeakers' },
    { program: 'eu-benelux' as const, country: 'NL', expected: 'otherCountries' },
    { program: 'portals' as const, country: 'NL', expected: 'everywhere' },
    { program: 'other' as const, country: 'NL', expected: null },
  ])('$country in $program is $expected', ({ program, country, expected }) => {
    expect(audienceRegion(program, country, tables)).toBe(expected);
  });
});
