// The store packages of `npm run zip`, found and unpacked for tests/packages/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from '../../scripts/e2e-support/firefox.mjs';

const output = join(repoRoot, '.output');
const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
/** WXT's zip names: `<name>-<version>-<target>.zip`. */
export const zipOf = (target) => join(output, `${name}-${version}-${target}.zip`);
const temps = [];

export function unpack(zip) {
  assert.ok(statSync(zip, { throwIfNoEntry: false })?.isFile(), `${zip} is missing: run \`npm run zip\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'sublink-package-'));
  temps.push(dir);
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return dir;
}

/** Every file under `dir`, relative path -> sha256. */
export function digest(dir) {
  const files = {};
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

export function removeUnpacked() {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

