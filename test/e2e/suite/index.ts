// The test index VS Code loads in the extension host (the module that
// @vscode/test-electron would load too): runs every *.e2e.js file beside this
// one with mocha. Named *.e2e.ts, not *.test.ts, because node's test runner
// takes every *.test.js file for its own.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatResult, TestResult } from './protocol';

// mocha 12 is an ES module around a CommonJS core. require() of the module
// itself needs node >= 20.19 (code-server's node has it, the desktop VS Code's
// Electron may not), so take the core, as the module itself does.
function loadMocha(): typeof import('mocha') {
  try {
    return require('mocha/lib/mocha.cjs');
  } catch {
    return require('mocha').default;
  }
}
const Mocha = loadMocha();

function emit(result: TestResult): void {
  console.log(formatResult(result));
}

// Mocha's spec output for people, plus one JSON line per test for the runner.
class Reporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
    const base = (test: Mocha.Runnable) => ({
      title: test.fullTitle(),
      file: test.file && relative(__dirname, test.file),
      durationMs: test.duration,
    });
    runner.on(EVENT_TEST_PASS, (test) => emit({ ...base(test), state: 'passed' }));
    runner.on(EVENT_TEST_PENDING, (test) => emit({ ...base(test), state: 'pending', reason: (test as Mocha.Test & { skipReason?: string }).skipReason }));
    // Also failed hooks ("before all" hook…), which fail the tests they guard.
    runner.on(EVENT_TEST_FAIL, (test, error: Error) =>
      emit({ ...base(test), state: 'failed', error: { message: String(error?.message ?? error), stack: error?.stack } }),
    );
  }
}

/**
 * Waits (up to 20 s) for the editor the workbench opens at start
 * (GOVREPORT_E2E_OPENED), so that it is open before the first test, and says
 * whether it came in GOVREPORT_E2E_STARTUP (checked by start.e2e.ts).
 */
async function awaitStartupEditor(): Promise<void> {
  const name = process.env.GOVREPORT_E2E_OPENED;
  if (!name) return;
  const vscode: typeof import('vscode') = require('vscode');
  const opened = () => vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith(`/${name}`));
  for (let waited = 0; !opened() && waited < 20_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  process.env.GOVREPORT_E2E_STARTUP = opened() ? name : '';
}

export async function run(): Promise<void> {
  await awaitStartupEditor();
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // The extension host and the language server are slower than unit tests.
    timeout: 30_000,
    reporter: Reporter,
    grep: process.env.GOVREPORT_E2E_GREP || undefined,
  });
  const files = readdirSync(__dirname, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.e2e.js'))
    .sort();
  for (const file of files) mocha.addFile(join(__dirname, file));

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} end-to-end test${failures === 1 ? '' : 's'} failed`);
}
