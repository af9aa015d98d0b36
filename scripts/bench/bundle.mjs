// Loads one of our TypeScript modules into the bench's Node process: esbuild bundles it (and what it
// imports) into a temporary folder, as plain ES modules for any platform, and the folder goes once
// `use` has finished with the module's exports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../e2e-support/browser.mjs';

/**
 * @template T
 * @param {string} entry the module's path from the repository root, e.g. 'scripts/bench/rates.ts'
 * @param {(exports: Record<string, any>, outfile: string) => T | Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withBundledModule(entry, use) {
  const outDir = mkdtempSync(join(tmpdir(), 'sublink-bench-'));
  try {
    const { build } = await import('esbuild');
    const outfile = join(outDir, `${basename(entry).replace(/\.ts$/, '')}.mjs`);
    await build({ entryPoints: [join(repoRoot, entry)], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile, logLevel: 'error' });
    return await use(await import(pathToFileURL(outfile).href), outfile);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
