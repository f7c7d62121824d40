// The same end-to-end suite in a desktop VS Code, downloaded by
// @vscode/test-electron (on a developer's own computer with internet; the
// download host is out of reach on the project's build machines, where
// run.mjs drives code-server instead). Build first: node scripts/build.mjs --tests
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
// A copy, so that the tests may edit its files freely.
const workspace = join(mkdtempSync(join(tmpdir(), 'govreport-desktop-')), 'workspace');
cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });

try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'e2e', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`desktop tests failed: ${error.message ?? error}`);
  process.exit(1);
}
