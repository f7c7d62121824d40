/**
 * The extension packages with vsce into a .vsix that VS Code installs: the
 * same code-server the end-to-end tests use installs it and lists it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/fixtures';

const SKIP = process.env.GOVREPORT_SKIP_E2E === '1' ? 'GOVREPORT_SKIP_E2E=1' : false;

test('npm run package makes a .vsix that installs in VS Code', { skip: SKIP }, () => {
  const temp = mkdtempSync(join(tmpdir(), 'govreport-vsix-'));
  try {
    const vsix = join(temp, 'govreport.vsix');
    const vsce = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--readme-path', 'README.marketplace.md', '-o', vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(vsce.status, 0, vsce.stderr || vsce.stdout);
    assert.ok(statSync(vsix).size > 50_000);

    const setup = spawnSync(process.execPath, [join(ROOT, 'scripts', 'e2e', 'setup.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(setup.status, 0, `code-server could not be set up:\n${setup.stderr}`);
    const { codeServer } = JSON.parse(/ready: (\{.*\})/.exec(setup.stdout)![1]) as { codeServer: string };
    const env = { ...process.env, HOME: temp, XDG_CONFIG_HOME: temp, XDG_DATA_HOME: temp, XDG_CACHE_HOME: temp };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [codeServer, '--extensions-dir', join(temp, 'ext'), '--user-data-dir', join(temp, 'data'), ...args], { env, encoding: 'utf8' });
    const install = cli('--install-extension', vsix);
    assert.match(install.stdout, /successfully installed/, install.stderr);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    assert.match(cli('--list-extensions', '--show-versions').stdout, new RegExp(`govreport\\.govreport@${version.replace(/\./g, '\\.')}`));
    // Installed: the users' README (with the rules the diagnostics link to), the icon, the changelog, the walkthrough's files.
    const installed = join(temp, 'ext', `govreport.govreport-${version}`);
    assert.equal(readFileSync(join(installed, 'readme.md'), 'utf8'), readFileSync(join(ROOT, 'README.marketplace.md'), 'utf8'));
    assert.ok(!existsSync(join(installed, 'README.md')) || readFileSync(join(installed, 'README.md'), 'utf8') === readFileSync(join(installed, 'readme.md'), 'utf8'));
    for (const file of ['media/icon.png', 'changelog.md', 'media/sample/sample.govreport', 'media/walkthrough/open.md']) assert.ok(existsSync(join(installed, file)), file);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});
