// @vitest-environment node
// Tests that guard the architecture: lib/api runs in the service worker (no Node modules, no
// logging: docs/architecture.md, 'Hard rules' 4), and the popup never loads it (its size budget,
// and secrets stay in the background).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  const absolute = path.join(root, dir);
  let names: string[];
  try {
    names = readdirSync(absolute);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(absolute, name);
    const relative = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(relative);
    return /\.(?:ts|tsx|mts|js|mjs)$/.test(name) ? [relative] : [];
  });
}

const apiFiles = sourceFiles('lib/api');

describe('lib/api', () => {
  it('has source files', () => {
    expect(apiFiles.length).toBeGreaterThan(0);
  });

  it.each(apiFiles)('%s imports no Node module and writes no log', (file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    expect(text).not.toMatch(/from\s+['"]node:|require\(|from\s+['"](?:fs|path|crypto|http|https|net)['"]/);
    expect(text).not.toMatch(/\bconsole\./);
  });
});

describe('the popup', () => {
  const popupFiles = [...sourceFiles('entrypoints/popup'), ...sourceFiles('lib/popup')];

  it.each(popupFiles)('%s does not load lib/api (type-only imports aside)', (file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    const valueImports = [...text.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1] ?? '');
    const dynamicImports = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1] ?? '');
    const actual = [...valueImports, ...dynamicImports].filter((specifier) => /(?:^|\/)lib\/api(?:\/|$)|^\.\.?\/(?:\.\.\/)*api(?:\/|$)/.test(specifier));
    expect(actual).toEqual([]);
  });
});
