#!/usr/bin/env node
// `npm test`: every check the project has, on the built output; scripts/test-stages.mjs says
// how stages run and how the last line counts them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runStages } from './test-stages.mjs';

const root = path.resolve(import.meta.dirname, '..');
// Outside test-results/: Playwright empties that folder when it starts.
const reports = path.join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env = { ...process.env, npm_config_loglevel: 'error' };

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const command = (cmd, args, extraEnv = {}) => () => {
  console.log(`\n=== ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status ?? result.signal;
};

const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = path.join(reports, 'playwright.json');
const firefoxReport = path.join(reports, 'firefox.json');
const packagesReport = path.join(reports, 'packages.json');
const sourcesReport = path.join(reports, 'sources.json');
/** node's test runner on `files`, its counts written by the JSON reporter to `report`. */
const nodeTests = (report, ...files) =>
  command('node', [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/e2e-support/node-test-json-reporter.mjs',
    `--test-reporter-destination=${report}`,
    ...files,
  ]);

const { ok } = runStages(
  [
    { name: 'typecheck', run: command('npx', ['tsc', '--noEmit']) },
    { name: 'lint', run: command('npm', ['run', '-s', 'lint']) },
    { name: 'build chrome', run: command('npx', ['wxt', 'build']) },
    { name: 'build firefox', run: command('npx', ['wxt', 'build', '-b', 'firefox']) },
    {
      name: 'unit tests',
      needs: ['build chrome', 'build firefox'],
      run: command('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]),
      counts: () => {
        const report = readJson(vitestReport);
        return report && { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
      },
    },
    { name: 'firefox lint (addons-linter)', needs: ['build firefox'], run: command('npm', ['run', '-s', 'lint:firefox']) },
    {
      name: 'e2e tests (Chromium)',
      needs: ['build chrome'],
      run: command('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport }),
      counts: () => {
        const report = readJson(playwrightReport);
        return report && { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
      },
    },
    {
      // Real Firefox ESR (tests/firefox/): node's test runner, its counts from the JSON reporter.
      name: 'e2e tests (Firefox)',
      needs: ['build firefox'],
      run: nodeTests(firefoxReport, 'tests/firefox/'),
      counts: () => readJson(firefoxReport),
    },
    // Last: `npm run zip` rebuilds .output for each store.
    { name: 'zip (Chrome, Edge, Firefox, sources)', run: command('npm', ['run', '-s', 'zip']) },
    {
      name: 'store packages load',
      needs: ['zip (Chrome, Edge, Firefox, sources)'],
      run: nodeTests(packagesReport, 'tests/packages/load.test.mjs'),
      counts: () => readJson(packagesReport),
    },
    {
      // Its own stage: `npm ci` in the unpacked sources needs the registry and takes a minute or more.
      name: 'sources zip rebuild',
      needs: ['zip (Chrome, Edge, Firefox, sources)'],
      run: nodeTests(sourcesReport, 'tests/packages/sources.test.mjs'),
      counts: () => readJson(sourcesReport),
    },
  ],
  (line) => console.log(line),
);
process.exit(ok ? 0 : 1);
