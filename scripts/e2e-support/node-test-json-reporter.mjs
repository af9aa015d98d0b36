// A node:test reporter that writes one JSON object, { passed, failed, skipped, failures }, for the
// stage runner of `npm test` (scripts/test-all.mjs) to count. Only tests count, not suites.
export default async function* jsonSummary(source) {
  const summary = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') continue;
    if (data.skip !== undefined || data.todo !== undefined) summary.skipped += 1;
    else if (event.type === 'test:pass') summary.passed += 1;
    else {
      summary.failed += 1;
      summary.failures.push({ name: data.name, file: data.file, error: String(data.details?.error?.cause ?? data.details?.error ?? '') });
    }
  }
  yield `${JSON.stringify(summary, null, 2)}\n`;
}
