// Prints a plain `wtr: N passed, N failed` line after the runner's own output, and writes the counts
// to WTR_SUMMARY_FILE (if set) for scripts/test.mjs.
import { writeFileSync } from 'node:fs';

function count(results, acc) {
  if (!results) return;
  for (const test of results.tests ?? []) {
    if (test.skipped) acc.skipped++;
    else if (test.passed) acc.passed++;
    else acc.failed++;
  }
  for (const suite of results.suites ?? []) count(suite, acc);
}

export function summaryReporter() {
  const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
  return {
    reportTestFileResults({ sessionsForTestFile }) {
      for (const session of sessionsForTestFile) {
        count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.fileErrors++;
      }
    },
    stop() {
      const failed = totals.failed + totals.fileErrors;
      if (process.env.WTR_SUMMARY_FILE) writeFileSync(process.env.WTR_SUMMARY_FILE, JSON.stringify({ ...totals, failed }));
      process.once('exit', () => console.log(`wtr: ${totals.passed} passed, ${failed} failed`));
    },
  };
}
