// Prints the plain closing line CI reads, "N passed, N failed, N skipped", from Vitest's JSON report.
import { existsSync, readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? 'test-results/vitest.json';
if (!existsSync(reportPath)) {
  // The run stopped before any test ran (install or typecheck failed): that is a failure, not zero tests.
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const passed = report.numPassedTests ?? 0;
// Files that failed to load count as failures too.
const failed =
  (report.numFailedTests ?? 0) +
  (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// One Vitest run holds three runners (projects): API, portal components, browser journeys. Say how each did.
const runnerOf = (file) =>
  /[\\/]tests[\\/]e2e[\\/]/.test(file) ? 'browser' : /[\\/]packages[\\/]portal[\\/]/.test(file) ? 'portal components' : 'api';
const runners = {};
for (const file of report.testResults ?? []) {
  const runner = (runners[runnerOf(file.name ?? '')] ??= { passed: 0, failed: 0 });
  for (const test of file.assertionResults ?? []) {
    if (test.status === 'passed') runner.passed++;
    else if (test.status === 'failed') runner.failed++;
  }
}
// Not in the closing line's shape, so that only the last line is read as the total.
console.log(
  `by runner (passed/failed): ${Object.entries(runners)
    .map(([name, counts]) => `${name} ${counts.passed}/${counts.failed}`)
    .join(', ')}`,
);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
