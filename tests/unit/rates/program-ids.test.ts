import { describe, expect, it } from 'vitest';
import { presetSchema, programIds } from '../../../lib/presets/schema';
import { DEFAULT_RATE_TABLES } from '../../../lib/rates/tables';
import { RATE_PROGRAM_IDS } from '../../../lib/rates/types';

describe('programs with rate tables', () => {
  it('are all programs a preset can choose, plus "other" without a table', () => {
    expect([...programIds].sort()).toEqual([...RATE_PROGRAM_IDS, 'other'].sort());
  });

  it('each have an embedded table', () => {
    expect(Object.keys(DEFAULT_RATE_TABLES).sort()).toEqual([...RATE_PROGRAM_IDS].sort());
  });

  it('include the EU/Benelux program of seed 004 in stored presets', () => {
    const preset = { id: 'p1', name: 'NL blog', accountId: null, program: 'eu-benelux', audienceCountry: 'NL', subIds: {}, keepSku: false };
    expect(presetSchema.safeParse(preset).success).toBe(true);
  });
});
