import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { networkIds, networkRegistry } from '../../../lib/networks/registry';

// A test that guards the architecture (docs/architecture.md, 'How to add'). A network without its own test file
// would ship link formats nobody has pinned down.
// A string, not `new URL`: under happy-dom the global URL is not Node's and fileURLToPath refuses it.
const testFiles = readdirSync(dirname(fileURLToPath(import.meta.url)));

describe('network registry', () => {
  it.each(Object.keys(networkRegistry))('%s has tests/unit/networks/%s.test.ts', (input) => {
    const expected = `${input}.test.ts`;
    expect(testFiles).toContain(expected);
  });

  it('registers each network under its own id', () => {
    const actual = Object.entries(networkRegistry).map(([key, network]) => [key, network.id]);
    const expected = Object.keys(networkRegistry).map((key) => [key, key]);
    expect(actual).toEqual(expected);
  });

  it('networkIds lists exactly the registered networks', () => {
    const actual = [...networkIds].sort();
    const expected = Object.keys(networkRegistry).sort();
    expect(actual).toEqual(expected);
  });
});
