/**
 * Static import graphs of the source, for tests that keep heavy packages off a path
 * (the popup's startup, its estimate).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(repoRoot, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return null;
}

/** Every module reachable from `entry`, and every bare package it imports (types-only imports excluded). */
export function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    // `import x from 'a'`, `export { y } from 'b'` and the side-effect form `import 'c'`.
    for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'"]*?from\s+)?['"]([^'"]+)['"]/gm)) {
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
