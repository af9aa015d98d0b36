import { describe, expect, it } from 'vitest';
import { runStages, type Stage } from '../../../scripts/test-stages.mjs';

const passing = (name: string, needs?: string[]): Stage => ({ name, run: () => 0, ...(needs ? { needs } : {}) });
const failing = (name: string, needs?: string[]): Stage => ({ name, run: () => 1, ...(needs ? { needs } : {}) });
const runner = (name: string, counts: { passed: number; failed: number; skipped: number } | null, status = 0, needs?: string[]): Stage => ({
  name,
  run: () => status,
  counts: () => counts,
  ...(needs ? { needs } : {}),
});

function run(stages: Stage[]) {
  const ran: string[] = [];
  const tracked = stages.map((stage) => ({ ...stage, run: () => (ran.push(stage.name), stage.run()) }));
  return { ...runStages(tracked, () => undefined), ran };
}

describe('npm test stages', () => {
  it('keeps running the stages after one fails: a lint error does not hide the unit and e2e results', () => {
    const actual = run([passing('typecheck'), failing('lint'), passing('build'), runner('unit', { passed: 10, failed: 0, skipped: 1 }, 0, ['build']), runner('e2e', { passed: 5, failed: 0, skipped: 0 }, 0, ['build'])]);
    expect(actual.ran).toEqual(['typecheck', 'lint', 'build', 'unit', 'e2e']);
    expect(actual.lines.at(-1)).toBe('17 passed, 1 failed, 1 skipped');
    expect(actual.ok).toBe(false);
  });

  it('names a stage that did not run, and counts it as a failure, when what it needs failed', () => {
    const actual = run([failing('build chrome'), passing('build firefox'), runner('e2e', { passed: 70, failed: 0, skipped: 0 }, 0, ['build chrome'])]);
    expect(actual.ran).toEqual(['build chrome', 'build firefox']);
    expect(actual.lines.at(-2)).toBe('Not ok: build chrome failed (exit 1); e2e not run, it needs build chrome');
    expect(actual.lines.at(-1)).toBe('1 passed, 2 failed, 0 skipped');
  });

  it('fails the line when a runner exits non-zero with no failed test, or writes no report', () => {
    const actual = run([runner('unit', { passed: 3, failed: 0, skipped: 0 }, 1), runner('e2e', null, 1)]);
    expect(actual.lines.at(-1)).toBe('3 passed, 2 failed, 0 skipped');
    expect(actual.ok).toBe(false);
  });

  it('says every stage ran when all passed', () => {
    const actual = run([passing('typecheck'), runner('unit', { passed: 2, failed: 0, skipped: 0 })]);
    expect(actual.lines.slice(-2)).toEqual(['Every stage ran and passed.', '3 passed, 0 failed, 0 skipped']);
    expect(actual.ok).toBe(true);
  });
});
