/**
 * The popup has no room for zod (lib/schema/reader.ts explains the 15 KB budget), and it loads the
 * estimator, the rules, the hot-list lookup and the embedded tables. This walks their relative
 * imports and fails if any of them reaches zod.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return null;
}

/** Every module reachable from `entry`, and every bare package it imports (types-only imports excluded). */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      if (match[2]) continue;
      const spec = match[3]!;
      if (spec.startsWith('.') || spec.startsWith('@/')) {
        const target = resolve(file, spec);
        if (target) queue.push(target);
      } else packages.add(spec);
    }
  }
  return { files, packages };
}

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
