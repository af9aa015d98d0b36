/**
 * The popup has no room for zod (lib/schema/reader.ts explains the 15 KB budget), and it loads the
 * estimator, the rules, the hot-list lookup and the embedded tables. This walks their relative
 * imports and fails if any of them reaches zod.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, repoRoot as root } from '../support/import-graph';

describe('popup-side modules stay free of zod', () => {
  it.each([
    'lib/rates/index.ts',
    'lib/rates/estimate.ts',
    'lib/rates/stored.ts',
    'lib/rates/tables/index.ts',
    'lib/rules/index.ts',
    'lib/hotlist/index.ts',
  ])('%s', (entry) => {
    const { packages } = importGraph(path.join(root, entry));
    const actual = [...packages].filter((p) => p === 'zod' || p.startsWith('zod/'));
    expect(actual).toEqual([]);
  });

  it('the guard itself sees zod where it is (lib/background/rate-cache.ts)', () => {
    expect([...importGraph(path.join(root, 'lib/background/rate-cache.ts')).packages]).toContain('zod');
  });
});
