// What the test index (in VS Code) tells test/e2e/vscode.test.ts (in node's
// test runner) through the test log: one line per mocha test result.

/** Starts each result line; the rest of the line is a TestResult as JSON. */
export const RESULT_PREFIX = '##govreport-e2e-result## ';

export interface TestResult {
  /** Mocha's full title: the describe blocks' titles and the test's. */
  title: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  /** Why a test was skipped (pending), when it says. */
  reason?: string;
  error?: { message: string; stack?: string };
}

export function formatResult(result: TestResult): string {
  // The log reaches the runner through printf-style formatting: no bare '%'
  // (JSON allows the escape in strings, and '%' appears only there).
  return RESULT_PREFIX + JSON.stringify(result).replace(/%/g, '\\u0025');
}

export function parseResult(line: string): TestResult | undefined {
  const start = line.indexOf(RESULT_PREFIX);
  if (start < 0) return undefined;
  return JSON.parse(line.slice(start + RESULT_PREFIX.length)) as TestResult;
}
