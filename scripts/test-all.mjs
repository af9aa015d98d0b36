#!/usr/bin/env node
// `npm test`: every check the project has, in the order that fails fastest, on the built output.
// Ends with one summary line ("N passed, N failed") counted from the runners' JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// Outside test-results/: Playwright empties that folder when it starts.
const reports = path.join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env = { ...process.env, npm_config_loglevel: 'error' };

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['build chrome', 'npx', ['wxt', 'build']],
  ['build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']],
  ['unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, 'vitest.json')}`]],
  ['firefox lint (addons-linter)', 'npm', ['run', '-s', 'lint:firefox']],
  ['e2e tests', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, 'playwright.json') }],
];

let failedStep = null;
for (const [name, cmd, args, extraEnv] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  if (result.status !== 0) {
    failedStep = name;
    break;
  }
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}
const vitest = readJson(path.join(reports, 'vitest.json'));
const playwright = readJson(path.join(reports, 'playwright.json'));
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
// A failed step that is not a test runner (typecheck, lint, build) counts as one failure.
const failedOutsideRunners = failedStep && failedStep !== 'unit tests' && failedStep !== 'e2e tests' ? 1 : 0;
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + failedOutsideRunners;
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);

if (failedStep) console.log(`\nFAILED at step: ${failedStep}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStep ? 1 : 0);
