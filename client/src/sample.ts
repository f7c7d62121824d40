/**
 * The walkthrough's sample report: a 2024 report with one wrong total, copied
 * fresh into the extension's storage (a real file, so that it can be edited,
 * fixed and closed without a save prompt) and opened in an editor.
 */
import * as vscode from 'vscode';

const NAME = '示例报告.govreport';

export async function openSample(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const source = vscode.Uri.joinPath(context.extensionUri, 'media', 'sample', 'sample.govreport');
  const target = vscode.Uri.joinPath(context.globalStorageUri, NAME);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  if (!open) {
    await vscode.workspace.fs.createDirectory(context.globalStorageUri);
    await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(source));
  }
  return vscode.window.showTextDocument(open ?? (await vscode.workspace.openTextDocument(target)), { preview: false });
}

/** Opens the sample, puts the cursor on its first error and shows the hover there. */
export async function showSampleProblem(context: vscode.ExtensionContext): Promise<void> {
  const editor = await openSample(context);
  const uri = editor.document.uri;
  const first = () => vscode.languages.getDiagnostics(uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error);
  const error =
    first() ??
    (await new Promise<vscode.Diagnostic | undefined>((resolve) => {
      const timer = setTimeout(() => (sub.dispose(), resolve(undefined)), 10_000);
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        const d = first();
        if (d) {
          clearTimeout(timer);
          sub.dispose();
          resolve(d);
        }
      });
    }));
  if (!error) return;
  editor.selection = new vscode.Selection(error.range.start, error.range.start);
  editor.revealRange(error.range, vscode.TextEditorRevealType.InCenter);
  // The hover shows in the focused editor only (a walkthrough's button leaves focus on the walkthrough).
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await vscode.commands.executeCommand('editor.action.showHover');
}
