import { describe, expect, it } from 'vitest';
import { mergeRateTables, tablesFromStoredCache } from '../../../lib/rates/stored';
import { DEFAULT_RATE_TABLES } from '../../../lib/rates/tables';
import { readFixture, VALID_FIXTURE } from './hostile-fixtures';

const bundle = JSON.parse(readFixture(VALID_FIXTURE));
const stored = (overrides: Record<string, unknown> = {}) => ({ v: 1, url: 'https://x', etag: null, bundle, fetchedAt: null, checkedAt: null, lastError: null, ...overrides });

describe('tablesFromStoredCache (the popup side, no zod)', () => {
  it('puts a stored team table over the embedded one of its program only', () => {
    const actual = tablesFromStoredCache(stored());
    expect(actual.ww?.version).toBe('team-1');
    expect(actual.portals).toBe(DEFAULT_RATE_TABLES.portals);
  });

  it.each([
    { name: 'nothing stored', input: undefined },
    { name: 'a string', input: 'rates' },
    { name: 'another version', input: stored({ v: 2 }) },
    { name: 'no bundle', input: stored({ bundle: null }) },
    { name: 'a bundle of another schema version', input: stored({ bundle: { ...bundle, schemaVersion: 2 } }) },
  ])('falls back to the embedded tables for $name', ({ input }) => {
    expect(tablesFromStoredCache(input)).toEqual(DEFAULT_RATE_TABLES);
  });

  it.each([
    { name: 'a table filed under the wrong program', tables: { portals: bundle.tables.ww } },
    { name: 'a table without rates', tables: { ww: { ...bundle.tables.ww, rates: 'none' } } },
    { name: 'an inherited __proto__ key', tables: JSON.parse('{"__proto__": {"program": "ww", "regions": [], "rates": []}}') },
  ])('keeps the embedded table for $name', ({ tables }) => {
    const actual = tablesFromStoredCache(stored({ bundle: { ...bundle, tables } }));
    expect(actual).toEqual(DEFAULT_RATE_TABLES);
  });

  it('mergeRateTables leaves the defaults alone without a bundle', () => {
    expect(mergeRateTables(DEFAULT_RATE_TABLES, null)).toBe(DEFAULT_RATE_TABLES);
  });
});
