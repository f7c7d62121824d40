/// <reference types="mocha" />
// A table pasted from Word or Excel, as most reports reach the editor: the
// application table's rows as tab-separated lines, merged cells empty. Pasted
// through the clipboard where the browser lets the workbench read it, else
// written in as one edit; either way the CodeLens shows the totals it showed
// before and no table-shape squiggle appears.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { relayout } from '../../support/relayout';
import { nextEvent, openReport, projectRoot, screenshot, waitFor, waitForDiagnostics } from './helpers';

const codes = (d: vscode.Diagnostic[]) => d.map((x) => String(typeof x.code === 'object' ? x.code.value : x.code));
const arithmetic = (d: vscode.Diagnostic[]) =>
  d
    .filter((x) => ['subtotal', 'application-balance', 'row-total', 'review-total'].includes(codes([x])[0]))
    .map((x) => `${codes([x])[0]} ${x.message}`)
    .sort();

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return lenses.map((l) => l.command?.title ?? '');
}

/** Whether the extension host can write and read the clipboard here (a browser may refuse it). */
async function clipboardWorks(): Promise<boolean> {
  try {
    const probe = `govreport-clipboard-${Date.now()}`;
    await vscode.env.clipboard.writeText(probe);
    return (await vscode.env.clipboard.readText()) === probe;
  } catch {
    return false;
  }
}

describe('a table pasted into a report', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('reads a pasted tab-separated application table: the same totals in the CodeLens, no table-shape', async () => {
    const editor = await openReport('pasted.report.txt', readFileSync(join(projectRoot(), 'test', 'fixtures', 'markdown.report.txt'), 'utf8'));
    const uri = editor.document.uri;
    const before = await waitForDiagnostics(uri, (d) => codes(d).includes('subtotal'));
    const lensesBefore = await lensTitles(uri);
    assert.equal(lensesBefore.length, 3);

    const text = editor.document.getText();
    const pasted = relayout(text, 5, { only: 'tabs', kinds: ['application'] });
    const edit = pasted.edits[0];
    assert.ok(edit && edit.text.includes('\t'), 'the application table as tab-separated rows');
    const range = new vscode.Range(editor.document.positionAt(edit.start), editor.document.positionAt(edit.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    const want = pasted.text;

    // The diagnostics of the pasted text: the next ones published for this document after the change.
    const published = nextEvent(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === uri.toString()), 15_000);
    let how = 'one edit';
    if (await clipboardWorks()) {
      await vscode.env.clipboard.writeText(edit.text);
      await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
      // The paste lands as the editor's change event; wait for it, not for a time.
      const landed = await waitFor(() => editor.document.getText() !== text, {
        event: vscode.workspace.onDidChangeTextDocument,
        timeout: 5_000,
        message: 'the paste to change the document',
      }).catch(() => false);
      if (landed) how = 'the clipboard';
    }
    if (how === 'one edit') assert.ok(await editor.edit((e) => e.replace(range, edit.text)));
    console.log(`[paste] the table came in through ${how}`);
    assert.equal(editor.document.getText(), want, `the document holds the pasted table (through ${how})`);

    await published;
    const after = vscode.languages.getDiagnostics(uri);
    assert.deepEqual(arithmetic(after), arithmetic(before), 'the same arithmetic findings');
    assert.ok(!codes(after).includes('table-shape'), `no table-shape: ${after.filter((d) => codes([d])[0] === 'table-shape').map((d) => d.message).join('; ')}`);
    const lensesAfter = await lensTitles(uri);
    assert.deepEqual(lensesAfter, lensesBefore, 'the same totals in the CodeLens');
    editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
    await screenshot('pasted-application-table');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
