/// <reference types="mocha" />
// A folder's .govreport.json in a real VS Code: it changes a squiggle's
// severity, and again when it is edited on disk; VS Code completes and
// validates the file by the extension's schema; "Accept this finding"
// (接受此问题) writes the baseline beside it and the squiggle becomes a hint.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { fixtureUri, projectRoot, screenshot, waitForDiagnostics, waitForWorkbench } from './helpers';

const FOLDER = 'folder-settings';
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const rowTotal = (d: vscode.Diagnostic[]) => d.find((x) => codeOf(x) === 'row-total');

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = fixtureUri(`${FOLDER}/${name}`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

describe('a folder’s .govreport.json', () => {
  before(async () => {
    await vscode.workspace.fs.createDirectory(fixtureUri(FOLDER));
  });
  // The folder stays (the test workspace is a fresh copy each run), as in doors.e2e.ts:
  // its report, still held open by VS Code for minutes, would otherwise leave the
  // workspace review in the middle of a later suite's counts.
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('changes a squiggle’s severity, and again when the file is edited', async () => {
    await write('.govreport.json', '// 本处的审核习惯\n{ "rules": { "row-total": "warning" } }\n');
    const uri = await write('cells.report.txt', readFileSync(join(projectRoot(), 'test', 'fixtures', 'cells.report.txt'), 'utf8'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const warned = await waitForDiagnostics(uri, (d) => rowTotal(d)?.severity === vscode.DiagnosticSeverity.Warning);
    // The others keep their own severities.
    assert.equal(warned.find((d) => codeOf(d) === 'subtotal')?.severity, vscode.DiagnosticSeverity.Error);
    const at = rowTotal(warned)!.range;
    editor.revealRange(at, vscode.TextEditorRevealType.InCenter);
    editor.selection = new vscode.Selection(at.start, at.start);
    // What a person sees: a yellow squiggle where the default is red.
    await waitForWorkbench('.view-overlays .squiggly-warning');
    await screenshot('settings-warning');
    await write('.govreport.json', '{ "rules": { "row-total": "info" } }\n');
    await waitForDiagnostics(uri, (d) => rowTotal(d)?.severity === vscode.DiagnosticSeverity.Information);
  });

  it('"Accept this finding" writes the baseline beside it; the squiggle becomes a hint that says so', async () => {
    const uri = fixtureUri(`${FOLDER}/cells.report.txt`);
    const found = await waitForDiagnostics(uri, (d) => !!rowTotal(d));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, rowTotal(found)!.range);
    const accept = actions.find((a) => a.title === '接受此问题（row-total）');
    assert.ok(accept?.command, actions.map((a) => a.title).join(', '));
    await vscode.commands.executeCommand(accept.command.command, ...(accept.command.arguments ?? []));
    const hinted = await waitForDiagnostics(uri, (d) => rowTotal(d)?.severity === vscode.DiagnosticSeverity.Hint);
    assert.match(rowTotal(hinted)!.message, /（已接受）$/);
    const baseline = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(fixtureUri(`${FOLDER}/.govreport-baseline.json`))).toString('utf8'));
    assert.deepEqual(baseline.accepted.map((e: { file: string; code: string }) => [e.file, e.code]), [['cells.report.txt', 'row-total']]);
  });

  it('is read as JSON with comments and validated by the extension’s schema', async () => {
    const uri = await write('.govreport.json', '// 注释\n{ "rules": { "row-total": "warn" } }\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.equal(doc.languageId, 'jsonc');
    const problems = await waitForDiagnostics(uri, (d) => d.some((x) => x.message.includes('"warning"')), 20_000);
    // Only the value the schema does not accept; the comment is no problem.
    assert.equal(problems.length, 1, problems.map((p) => p.message).join('\n'));
    assert.equal(doc.getText(problems[0].range), '"warn"');
    await waitForWorkbench('.view-overlays .squiggly-warning');
    await screenshot('settings-schema');
  });
});
