// The stage runner behind `npm test` (scripts/test-all.mjs), apart so a unit test can drive it
// with stages that pass, fail or crash (tests/unit/scripts/test-stages.test.ts).
//
// Every stage runs, even after another failed, unless it needs a stage that failed: one failure
// must not hide the others. The last line counts everything, "N passed, N failed, N skipped":
// the runners' tests from their reports, and each other stage as one check. A stage that failed
// without a report, or did not run, counts as one failure, and the line before the last names it.

/**
 * @param {{ name: string, needs?: string[], run: () => boolean, counts?: () => ({ passed: number, failed: number, skipped: number } | null) }[]} stages
 * @param {(line: string) => void} log
 * @returns {{ ok: boolean, passed: number, failed: number, skipped: number, lines: string[] }}
 */
export function runStages(stages, log) {
  const outcome = new Map();
  for (const stage of stages) {
    const missing = (stage.needs ?? []).filter((need) => outcome.get(need) !== 'ok');
    if (missing.length > 0) {
      outcome.set(stage.name, `not run, it needs ${missing.join(' and ')}`);
      log(`\n=== ${stage.name}: NOT RUN, it needs ${missing.join(' and ')}`);
      continue;
    }
    const started = Date.now();
    const status = stage.run();
    outcome.set(stage.name, status === 0 ? 'ok' : `failed (exit ${status})`);
    log(`=== ${stage.name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const notOk = [];
  for (const stage of stages) {
    const state = outcome.get(stage.name);
    const counts = state.startsWith('not run') ? null : (stage.counts?.() ?? null);
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
      skipped += counts.skipped;
      // A runner that exits non-zero with no failed test (a crash after the run, a config
      // error) still fails the line.
      if (state !== 'ok' && counts.failed === 0) failed += 1;
    } else if (state === 'ok') passed += 1;
    else failed += 1;
    if (state !== 'ok') notOk.push(`${stage.name} ${state}`);
  }

  const lines = [
    `Stages: ${stages.map((stage) => `${stage.name} ${outcome.get(stage.name) === 'ok' ? 'ok' : 'NOT OK'}`).join(' · ')}`,
    notOk.length > 0 ? `Not ok: ${notOk.join('; ')}` : 'Every stage ran and passed.',
    `${passed} passed, ${failed} failed, ${skipped} skipped`,
  ];
  log('');
  for (const line of lines) log(line);
  return { ok: notOk.length === 0, passed, failed, skipped, lines };
}
