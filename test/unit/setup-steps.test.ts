/**
 * The set-up scripts' manners: one line per step on the terminal, the
 * commands' own output in the log file, and a failure that names the command,
 * the error lines it printed and where the rest is.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, tempDirs } from '../support/fixtures';

/** Runs `script` (ES module code) with scripts/lib/setup-steps.mjs imported as `steps`; what it printed. */
function withSteps(log: string, script: string): { status: number | null; stdout: string; stderr: string } {
  const module = JSON.stringify(join(ROOT, 'scripts', 'lib', 'setup-steps.mjs'));
  const code = `import * as steps from ${module};\nconst log = ${JSON.stringify(log)};\n${script}`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDir = tempDirs('setup');

test('set-up prints a line per step and keeps the commands’ output in its log', () => {
  const dir = tempDir();
  const log = join(dir, 'setup.log');
  // A chatty command: 600 lines, as npm installing code-server prints.
  const chatty = `for (let i = 0; i < 600; i++) console.log('line ' + i)`;
  const ok = withSteps(log, `const s = new steps.Steps('e2e setup', log);\ns.say('installing');\ns.run(process.execPath, ['-e', ${JSON.stringify(chatty)}]);\ns.say('installed');`);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout, '[e2e setup] installing\n[e2e setup] installed\n');
  assert.equal(ok.stderr, '');
  const kept = readFileSync(log, 'utf8');
  assert.match(kept, /^line 599$/m);
  assert.match(kept, /^installing$/m);

  const failing = `console.log('fetching'); console.error('npm error code E404'); console.error('npm error 404 Not Found'); process.exit(1)`;
  const bad = withSteps(log, `const s = new steps.Steps('e2e setup', log);\ntry { s.run(process.execPath, ['-e', ${JSON.stringify(failing)}]); } catch (e) { console.log(e instanceof steps.SetupError, e.message); }`);
  assert.equal(bad.status, 0, bad.stderr);
  assert.match(bad.stdout, /^true `.*` failed \(exit 1\):\n {2}npm error code E404\n {2}npm error 404 Not Found\n {2}\(the whole output: .*setup\.log\)\n$/);
  assert.doesNotMatch(bad.stdout, /^fetching$/m, 'the rest of its output is in the log');
  assert.match(readFileSync(log, 'utf8'), /^fetching$/m);
});
