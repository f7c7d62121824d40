// The end-to-end tests in a real VS Code, as part of node's test run: runs
// scripts/e2e/run.mjs (code-server + headless Chromium, installed on first
// use) and turns each mocha test of test/e2e/suite/ into a subtest here, so
// that node's closing counts include them. GOVREPORT_SKIP_E2E=1 skips.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import test from 'node:test';
import { parseResult, TestResult } from './suite/protocol';

// This file runs as out/test/e2e/vscode.test.js.
const root = resolve(__dirname, '..', '..', '..');
const artifacts = resolve(root, process.env.E2E_ARTIFACTS || '.e2e-artifacts');
const logPath = join(artifacts, 'e2e.log');

interface Run {
  code: number | null;
  results: TestResult[];
  /** Why setup failed, as the harness said it (lines). */
  setupFailure: string[];
  tail: string[];
}

// Runs the harness; its whole output goes to e2e.log, its progress to stderr.
function runHarness(): Promise<Run> {
  mkdirSync(artifacts, { recursive: true });
  const log = createWriteStream(logPath);
  const child = spawn(process.execPath, [join(root, 'scripts', 'e2e', 'run.mjs')], {
    cwd: root,
    env: { ...process.env, E2E_ARTIFACTS: artifacts },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, results: [], setupFailure: [], tail: [] };
  const read = (stream: NodeJS.ReadableStream) =>
    new Promise<void>((done) => {
      const lines = createInterface({ input: stream });
      lines.on('line', (line) => {
        log.write(line + '\n');
        run.tail = [...run.tail.slice(-39), line];
        const result = parseResult(line);
        if (result) run.results.push(result);
        else if (/^\[e2e( setup)?\]/.test(line)) process.stderr.write(line + '\n');
        // The reason follows on indented lines.
        if (line.startsWith('[e2e] setup failed') || (run.setupFailure.length && line.startsWith('  '))) {
          run.setupFailure.push(line);
        }
      });
      lines.on('close', done);
    });
  const reading = Promise.all([read(child.stdout), read(child.stderr)]);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', async (code) => {
      await reading;
      log.end();
      run.code = code;
      done(run);
    });
  });
}

function failure(result: TestResult): Error {
  const error = new Error(result.error?.message ?? 'failed');
  // Indented as node's reporters expect, to show the frames (the log has tabs).
  if (result.error?.stack) error.stack = result.error.stack.replace(/^\t/gm, '    ');
  return error;
}

const skip = process.env.GOVREPORT_SKIP_E2E === '1' && 'GOVREPORT_SKIP_E2E=1: the tests in VS Code are skipped';

test('VS Code end-to-end (code-server + Chromium)', { skip }, async (t) => {
  const run = await runHarness();
  const see = `the whole log is in ${logPath}`;
  if (run.code === 2) {
    const reason = run.setupFailure.join('\n') || 'setup failed';
    throw new Error(`${reason}\n(set GOVREPORT_SKIP_E2E=1 to skip these tests where they cannot run; ${see})`);
  }
  if (run.code !== 0 && run.code !== 1) {
    throw new Error(`the harness failed (exit ${run.code}); ${see}; its last lines:\n${run.tail.join('\n')}`);
  }

  for (const result of run.results) {
    await t.test(result.title, (st) => {
      if (result.state === 'pending') st.skip(result.reason ?? 'skipped in mocha (pending)');
      if (result.state === 'failed') throw failure(result);
    });
  }

  const failed = run.results.filter((r) => r.state === 'failed').length;
  if (run.code === 1 && failed === 0) {
    throw new Error(`the test run failed outside any test (a test file may not load); ${see}; its last lines:\n${run.tail.join('\n')}`);
  }
  if (run.results.length === 0) {
    throw new Error(`no end-to-end test reported a result; ${see}; its last lines:\n${run.tail.join('\n')}`);
  }
});
