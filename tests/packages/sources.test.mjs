/**
 * The Firefox sources zip (what AMO reviewers rebuild from), unpacked in a temp dir, rebuilds with
 * `npm ci && npm run build:firefox` into the same files as the Firefox package. Its own stage of
 * `npm test`: `npm ci` needs the npm registry and takes a minute or more.
 *
 * Run: `npm run zip && node --test tests/packages/sources.test.mjs`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { digest, removeUnpacked, unpack, zipOf } from './packages.mjs';

after(removeUnpacked);

test('the firefox sources zip rebuilds into the same files as the firefox package', { timeout: 600_000 }, () => {
  const packaged = digest(unpack(zipOf('firefox')));
  const sources = unpack(zipOf('sources'));
  const run = (args) => {
    const result = spawnSync('npm', args, { cwd: sources, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
    assert.equal(result.status, 0, `npm ${args.join(' ')} failed in the unpacked sources:\n${result.stdout}\n${result.stderr}`);
  };
  run(['ci', '--no-audit', '--no-fund']);
  run(['run', 'build:firefox']);
  const rebuilt = digest(join(sources, '.output', 'firefox-mv2'));
  assert.deepEqual(Object.keys(rebuilt).sort(), Object.keys(packaged).sort());
  const differing = Object.keys(packaged).filter((file) => packaged[file] !== rebuilt[file]);
  assert.deepEqual(differing, [], 'files that differ between the rebuild and the package');
});
