/**
 * No code evaluation in what ships: an extension's CSP refuses it (each attempt is a reported
 * violation, even when caught), and addons-linter flags it as DANGEROUS_EVAL. zod is the only
 * dependency that reaches for the `Function` constructor; lib/schema/zod-jitless.ts turns that
 * off and scripts/build/zod-without-eval.ts takes the constructor out of the bundles. Reads
 * `.output/`, so `npm test` builds both targets before the unit tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { config } from 'zod/v4/core';

const root = path.resolve(import.meta.dirname, '../../..');

function builtScripts(dir: string): string[] {
  const base = path.join(root, '.output', dir);
  if (!existsSync(base)) throw new Error(`${base} is missing: build first (npx wxt build; npx wxt build -b firefox)`);
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(folder, entry.name);
      return entry.isDirectory() ? walk(full) : entry.name.endsWith('.js') ? [full] : [];
    });
  return walk(base);
}

/** `new Function(`, `Function(`, a `Function` alias, `eval(`: any way a bundle could evaluate a string. */
const EVALUATION = /\bnew\s+Function\s*\(|[=:,(]\s*Function\s*[;,)]|(?<![.\w$])Function\s*\(|(?<![.\w$])eval\s*\(/;

describe.each(['chrome-mv3', 'firefox-mv2'])('the %s build', (dir) => {
  it.each(builtScripts(dir).map((file) => path.relative(path.join(root, '.output', dir), file)))('%s evaluates no strings as code', (file) => {
    const code = readFileSync(path.join(root, '.output', dir, file), 'utf8');
    const found = EVALUATION.exec(code);
    expect(found ? code.slice(Math.max(0, found.index - 60), found.index + 60) : null, 'code evaluation is refused by the extension CSP').toBeNull();
  });
});

describe('zod runs jitless', () => {
  it.each(['entrypoints/background.ts', 'entrypoints/options/main.tsx'])('%s imports lib/schema/zod-jitless before anything else', (entry) => {
    const source = readFileSync(path.join(root, entry), 'utf8');
    const firstImport = /^import\s[^;]*?['"]([^'"]+)['"]/m.exec(source)?.[1];
    expect(firstImport, 'zod reads the jitless setting when a schema is defined, so the setting must load first').toBe('@/lib/schema/zod-jitless');
  });

  it('the module switches zod to jitless', async () => {
    config({ jitless: false });
    vi.resetModules();
    await import('@/lib/schema/zod-jitless');
    expect(config().jitless).toBe(true);
  });
});
