// Runs node's test runner on the compiled test files (out/**/*.test.js), so
// that helpers beside them are not taken for tests. Arguments narrow the run
// to paths containing them (e.g. `unit`, `shared`).
//
// The tests get a temp folder of their own (TMPDIR): what a test leaves there
// would otherwise pile up in the system's. A folder of ours (govreport-*)
// left behind fails the run, naming it; the folder is removed either way.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith('-'));
const files = readdirSync(join(root, 'out', 'test'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.test.js'))
  .map((f) => join('out', 'test', f))
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
  .sort();
const temp = mkdtempSync(join(tmpdir(), 'govreport-tests-'));
const env = { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp };
const result = spawnSync(process.execPath, ['--test', ...passThrough, ...files], { cwd: root, stdio: 'inherit', env });
process.exitCode = result.status ?? 1;
const left = readdirSync(temp).filter((name) => name.startsWith('govreport-'));
if (left.length) {
  console.error(`\nTests left these behind in the temp folder: ${left.join(', ')}. Every test removes what it makes.`);
  process.exitCode = process.exitCode || 1;
}
rmSync(temp, { recursive: true, force: true });
