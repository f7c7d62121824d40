// Runs node's test runner on the compiled test files (out/**/*.test.js), so
// that helpers beside them are not taken for tests. Arguments narrow the run
// to paths containing them (e.g. `unit`, `shared`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
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
const result = spawnSync(process.execPath, ['--test', ...passThrough, ...files], { cwd: root, stdio: 'inherit' });
process.exitCode = result.status ?? 1;

