// Packages the extension as a .vsix, as it ships: the production bundles are
// built into a staging folder that links to the project's other files, and
// vsce packages that folder by .vscodeignore (so the development build in
// dist/, which the tests use, is left alone). `npm run package` and the
// end-to-end tests (which install the .vsix into VS Code) both run this.
//
//   node scripts/package.mjs [--out FILE]    default: govreport-<version>.vsix
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What is never packaged, and is large or made here: not linked into the staging folder. */
const LEFT_OUT = new Set(['dist', 'node_modules', 'out', '.git', '.e2e-artifacts']);

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Builds and packages; returns the .vsix's path. */
export function packageVsix(out) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const target = resolve(out ?? join(root, `govreport-${version}.vsix`));
  const staging = mkdtempSync(join(tmpdir(), 'govreport-package-'));
  try {
    for (const name of readdirSync(root)) {
      if (!LEFT_OUT.has(name) && !name.endsWith('.vsix')) symlinkSync(join(root, name), join(staging, name));
    }
    run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production', '--dist', join(staging, 'dist')], root);
    const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--follow-symlinks', '--readme-path', 'README.marketplace.md', '--out', target], staging);
    return target;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined;
  try {
    console.log(`packaged ${packageVsix(out)}`);
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
