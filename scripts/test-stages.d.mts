export interface Stage {
  readonly name: string;
  readonly needs?: readonly string[];
  /** Runs the stage; its exit status (0 = ok). */
  run(): number | string | null;
  /** A test runner's counts from its report, or null when it wrote none. */
  counts?(): { passed: number; failed: number; skipped: number } | null;
}
export declare function runStages(
  stages: readonly Stage[],
  log: (line: string) => void,
): { ok: boolean; passed: number; failed: number; skipped: number; lines: string[] };
