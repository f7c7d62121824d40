/// <reference types="mocha" />
// Reports that arrive as a .docx or PDF, in a real VS Code: a .docx named as a
// report opens read-only as its report text, with squiggles that name the cell
// in the source; Import as Editable Report writes NAME.govreport beside it; a
// PDF is checked by command. The source files are never written.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { officialDocx, officialLayout } from '../../support/official';
import { fixtureUri, projectRoot, screenshot, waitFor, waitForDiagnostics } from './helpers';

const codes = (d: vscode.Diagnostic[]) => d.map((x) => String(typeof x.code === 'object' ? x.code.value : x.code));
const has = (code: string) => (d: vscode.Diagnostic[]) => codes(d).includes(code);

describe('a report that arrives as a .docx or PDF', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens a .docx named as an annual report read-only as its report text, with squiggles naming the source cell', async () => {
    const text = readFileSync(join(projectRoot(), 'test', 'fixtures', 'markdown.report.txt'), 'utf8');
    const bytes = officialDocx(officialLayout(text)!);
    const docx = fixtureUri('某某区2023年政府信息公开工作年度报告.docx');
    await vscode.workspace.fs.writeFile(docx, bytes);

    // Opened as a person opens it from the explorer: the report editor is the default for such names.
    await vscode.commands.executeCommand('vscode.open', docx);
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'govreport-source'), {
      event: vscode.window.onDidChangeVisibleTextEditors,
      message: 'the report text of the .docx',
      timeout: 20_000,
    });
    assert.equal(editor.document.languageId, 'govreport');
    const diagnostics = await waitForDiagnostics(editor.document.uri, has('subtotal'));
    const subtotal = diagnostics.find((d) => codes([d])[0] === 'subtotal')!;
    assert.equal(subtotal.message, '（七）总计「自然人」列为 10，但（一）至（六）各项之和为 11（表二 第 27 行 第 4 列）');
    assert.equal(subtotal.severity, vscode.DiagnosticSeverity.Error);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    assert.equal(lenses.length, 3);

    editor.revealRange(subtotal.range, vscode.TextEditorRevealType.InCenter);
    editor.selection = new vscode.Selection(subtotal.range.start, subtotal.range.start);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('source-docx-diagnostics');
    await vscode.commands.executeCommand('workbench.action.closePanel');

    // Shown by a content provider, which the editor does not let anyone type into; the source is as it was.
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(docx)), Buffer.from(bytes));
  });

  it('imports a .docx as an editable NAME.govreport beside it', async () => {
    const text = readFileSync(join(projectRoot(), 'test', 'fixtures', 'markdown.report.txt'), 'utf8');
    const docx = fixtureUri('draft.docx');
    await vscode.workspace.fs.writeFile(docx, officialDocx(officialLayout(text)!));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('govreport.importAsReport', docx);
    assert.equal(editor.document.uri.toString(), fixtureUri('draft.govreport').toString());
    assert.equal(editor.document.languageId, 'govreport');
    await waitForDiagnostics(editor.document.uri, has('subtotal'));
  });

  it('checks a PDF by command, each finding at its page and cell', async () => {
    const pdf = fixtureUri('report.pdf');
    await vscode.workspace.fs.writeFile(pdf, readFileSync(join(projectRoot(), 'test', 'fixtures', 'sources', 'markdown.pdf')));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('govreport.checkDocument', pdf);
    const diagnostics = await waitForDiagnostics(editor.document.uri, has('subtotal'));
    assert.ok(diagnostics.some((d) => d.message.endsWith('（第 2 页 表二 第 17 行 第 4 列）')), diagnostics.map((d) => d.message).join('\n'));
    await screenshot('source-pdf-diagnostics');
  });
});
