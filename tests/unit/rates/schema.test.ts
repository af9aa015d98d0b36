import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeZodError, rateBundleSchema, rateTableSchema } from '../../../lib/rates/schema';
import { SEED } from '../../../lib/rates/seeds';
import { DEFAULT_RATE_TABLES } from '../../../lib/rates/tables';
import type { RateTable, SourceRef } from '../../../lib/rates/types';
import { HOSTILE_FIXTURES, VALID_FIXTURE, fixtureFiles, readFixture } from './hostile-fixtures';

const tables = Object.values(DEFAULT_RATE_TABLES);

/** Every `source` anywhere in a table, with where it sits. */
function sourcesOf(table: RateTable): { where: string; source: SourceRef }[] {
  const found: { where: string; source: SourceRef }[] = [];
  const walk = (value: unknown, where: string) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${where}.${i}`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'source') found.push({ where, source: inner as SourceRef });
        else walk(inner, `${where}.${key}`);
      }
    }
  };
  walk(table, table.program);
  return found;
}

describe('embedded rate tables', () => {
  it.each(tables.map((table) => ({ program: table.program, table })))('$program validates against the zod schema', ({ table }) => {
    const actual = rateTableSchema.safeParse(table);
    expect(actual.error?.issues ?? []).toEqual([]);
  });

  it('together form a valid bundle, each under its own program', () => {
    const actual = rateBundleSchema.safeParse({ schemaVersion: 1, version: 'embedded', tables: DEFAULT_RATE_TABLES });
    expect(actual.success).toBe(true);
  });

  it.each(tables.map((table) => ({ program: table.program, table })))('$program: every entry cites one of the five seeds', ({ table }) => {
    const known: string[] = Object.values(SEED);
    for (const { where, source } of sourcesOf(table)) expect(known, where).toContain(source.seed);
  });

  it.each(tables.map((table) => ({ program: table.program, table })))('$program: every rate carries a source', ({ table }) => {
    for (const entry of table.rates) expect(entry.source, entry.id).toBeDefined();
  });

  // The seeds live next to the repository (docs/architecture.md, 'Source documents'); where they are present,
  // every quote must be found in the seed it cites, "..." marking the parts left out.
  const seedsDir = path.resolve(import.meta.dirname, '../../../../shared/seeds');
  const seedsPresent = existsSync(seedsDir);
  // A developer's clone may lack them (the quotes are then skipped); CI must not pass without checking them.
  it.runIf(/^(true|1)$/i.test(process.env.CI ?? ''))('has the seeds folder to check the quotes against (CI)', () => {
    expect(seedsPresent, `${seedsDir} is missing: CI must provide the seed documents next to the repository (../shared/seeds), or the seed-quote tests below cannot run`).toBe(true);
  });
  // Whitespace is dropped altogether: the seeds' tables are flattened ("Hot sale productsup to 70%").
  const squash = (text: string) => text.replace(/\s+/g, '').replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  it.skipIf(!seedsPresent).each(tables.map((table) => ({ program: table.program, table })))(
    '$program: every quote is verbatim in its seed',
    ({ table }) => {
      for (const { where, source } of sourcesOf(table)) {
        if (!source.quote) continue;
        const seedText = squash(readFileSync(path.join(seedsDir, source.seed), 'utf8'));
        for (const part of source.quote.split('...').map(squash).filter(Boolean)) {
          expect(seedText.includes(part), `${where}: "${part}" not in ${source.seed}`).toBe(true);
        }
      }
    },
  );
});

describe('rateBundleSchema on hostile payloads', () => {
  it('accepts the valid team table (the control for every case below)', () => {
    const actual = rateBundleSchema.safeParse(JSON.parse(readFixture(VALID_FIXTURE)));
    expect(actual.error?.issues ?? []).toEqual([]);
  });

  it('lists every fixture file in the hostile table', () => {
    const expected = [VALID_FIXTURE, ...HOSTILE_FIXTURES.map((f) => f.file)].sort();
    expect(fixtureFiles().sort()).toEqual(expected);
  });

  it.each(HOSTILE_FIXTURES.filter((f) => f.code === 'invalid'))('rejects $file ($what) at $path', ({ file, path: expected }) => {
    const parsed = rateBundleSchema.safeParse(JSON.parse(readFixture(file)));
    expect(parsed.success).toBe(false);
    const actual = describeZodError(parsed.error!).path;
    expect(actual).toBe(expected);
  });

  it('never lets a __proto__ key reach a prototype', () => {
    rateBundleSchema.safeParse(JSON.parse(readFixture('proto-root.json')));
    rateBundleSchema.safeParse(JSON.parse(readFixture('proto-in-tables.json')));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    { name: 'a --MM-DD date (a seed date with no year)', input: '--08-16', expected: true },
    { name: 'a full date', input: '2022-10-20', expected: true },
    { name: 'February 30th', input: '2022-02-30', expected: false },
    { name: 'a month-day with month 13', input: '--13-01', expected: false },
  ])('source.date: $name', ({ input, expected }) => {
    const table = { ...DEFAULT_RATE_TABLES.portals, source: { seed: SEED.portals, date: input } };
    const actual = rateTableSchema.safeParse(table).success;
    expect(actual).toBe(expected);
  });

  it.each([
    {
      name: 'a country in two listed regions',
      input: { regions: [...DEFAULT_RATE_TABLES.ww.regions, { id: 'russianSpeakers', kind: 'listed', countries: ['RU'], source: { seed: SEED.ww } }] },
      expected: 'regions.2.countries.0',
    },
    {
      name: 'two rest-of-world regions',
      input: { regions: [...DEFAULT_RATE_TABLES.ww.regions, { id: 'everywhere', kind: 'rest', source: { seed: SEED.ww } }] },
      expected: 'regions',
    },
    {
      name: 'advice pointing to its own program',
      input: { advice: [{ region: 'cis', preferProgram: 'ww', source: { seed: SEED.ww } }] },
      expected: 'advice.0.preferProgram',
    },
    {
      name: 'a conflict naming a rate that does not exist',
      input: { rates: [{ ...DEFAULT_RATE_TABLES.ww.rates[0]!, conflictsWith: ['nowhere'] }] },
      expected: 'rates.0.conflictsWith.0',
    },
  ])('rejects $name at $expected', ({ input, expected }) => {
    const parsed = rateTableSchema.safeParse({ ...DEFAULT_RATE_TABLES.ww, ...input });
    expect(parsed.success).toBe(false);
    const actual = describeZodError(parsed.error!).path;
    expect(actual).toBe(expected);
  });
});
