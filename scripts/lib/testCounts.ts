/** Test counts from one runner's JSON report. */
export interface Counts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

const NONE: Counts = { passed: 0, failed: 0, skipped: 0 };

/** Vitest's JSON reporter (Jest's shape). A file that fails outside any test (an import, a beforeAll) counts as one failure. */
export function countVitest(report: unknown): Counts {
  if (!report) return NONE;
  const r = report as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests?: number;
    numTodoTests?: number;
    testResults?: Array<{ status: string; assertionResults?: Array<{ status: string }> }>;
  };
  const brokenFiles = (r.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
}

/** Playwright's JSON reporter: flaky tests passed on retry; top-level errors (a file that cannot load) are failures. */
export function countPlaywright(report: unknown): Counts {
  if (!report) return NONE;
  const r = report as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + (r.errors?.length ?? 0), skipped: r.stats.skipped };
}

/**
 * The closing line of `npm test`: the counts first (`tests: N passed, N failed, N skipped`), then, in
 * parentheses, the step that failed and what did not run, so the last line alone tells what happened.
 */
export function summaryLine(counts: Counts, context: { readonly failedStep?: string; readonly notRun: readonly string[] }): string {
  // A failed step with no failed test (lint, a build) still must not read as "0 failed".
  const failed = context.failedStep && counts.failed === 0 ? 1 : counts.failed;
  const notes = [
    context.failedStep ? `failed: ${context.failedStep}` : '',
    context.notRun.length > 0 ? `not run: ${context.notRun.join('; ')}` : '',
  ].filter(Boolean);
  return `tests: ${String(counts.passed)} passed, ${String(failed)} failed, ${String(counts.skipped)} skipped${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}
