/// <reference types="mocha" />
// That the harness works: the right VS Code, the workspace, screenshots, and
// the extension installed from its .vsix loaded (and activated once it has a client).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { openFixture, projectRoot, screenshot, waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';

describe('harness', () => {
  it('runs in VS Code 1.100', () => {
    assert.match(vscode.version, /^1\.100\./);
  });

  it('opens a report of the workspace in an editor', async () => {
    const editor = await openFixture('sample.govreport');
    assert.equal(vscode.window.activeTextEditor, editor);
    assert.match(editor.document.lineAt(0).text, /政府信息公开工作年度报告$/);
    // The language comes from the extension's manifest: it is loaded.
    assert.equal(editor.document.languageId, 'govreport');
    const path = await screenshot('smoke-sample-open');
    if (process.env.GOVREPORT_E2E_CONTROL) assert.ok(path && existsSync(path), `screenshot at ${path}`);
  });

  it('activates the extension on a .govreport file', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    const main = extension.packageJSON.main as string | undefined;
    if (!main || !existsSync(join(extension.extensionPath, main))) {
      // The client is not written (or not built) yet: nothing to activate.
      console.log(`skipped: the extension's main file ${main} is not there`);
      this.skip();
    }
    await openFixture('sample.govreport');
    // No event announces an activation: check until it is done.
    await waitFor(() => extension.isActive, { timeout: 20_000, message: `${EXTENSION_ID} to activate` });
  });

  it('tests the extension as installed from its .vsix, with what a user gets besides code', function () {
    // The code-server runner installs the .vsix; a desktop run (test-electron) loads the project itself.
    if (!process.env.GOVREPORT_E2E_VSIX) this.skip();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const installed = extension.extensionPath;
    assert.ok(!installed.startsWith(projectRoot()), `${installed} is the installed extension, not the project`);
    const version = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).version;
    assert.equal(extension.packageJSON.version, version);
    // The users' README (with the rules the diagnostics link to), the icon, the changelog, the walkthrough's files.
    assert.equal(readFileSync(join(installed, 'readme.md'), 'utf8'), readFileSync(join(projectRoot(), 'README.marketplace.md'), 'utf8'));
    for (const file of ['media/icon.png', 'changelog.md', 'media/sample/sample.govreport', 'media/walkthrough/open.md']) assert.ok(existsSync(join(installed, file)), file);
    // The production build: no source maps.
    assert.ok(!existsSync(join(installed, 'dist', 'server.js.map')));
  });
});
