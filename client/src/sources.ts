/**
 * Reports that arrive as a .docx, web page or PDF, shown as what the server
 * reads from them: the report's text, read-only, in an editor of its own
 * (scheme `govreport-source`), with every feature the server gives a text
 * report. The source file is only ever read. *Import as Editable Report*
 * writes the text beside it as NAME.govreport.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { t } from './locale';

export const SCHEME = 'govreport-source';
const SOURCE_NAME = /\.(docx|html?|xhtml|pdf|doc|wps)$/i;

type Read = { text: string; kind: string } | { error: string };

/** The read-only document showing a source's report text. */
export function reportUri(source: vscode.Uri): vscode.Uri {
  // The path ends in .govreport, so VS Code gives it the report language; the query holds the source.
  return vscode.Uri.from({ scheme: SCHEME, path: `${source.path}.govreport`, query: source.toString() });
}

export class SourceReports implements vscode.TextDocumentContentProvider, vscode.CustomReadonlyEditorProvider, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, this),
      // Names that say 年度报告 or 年报 open as reports (package.json's customEditors); others by command.
      vscode.window.registerCustomEditorProvider('govreport.source', this, { supportsMultipleEditorsPerDocument: true }),
      vscode.commands.registerCommand('govreport.checkDocument', (uri?: vscode.Uri) => this.open(uri)),
      vscode.commands.registerCommand('govreport.importAsReport', (uri?: vscode.Uri) => this.import(uri)),
    );
  }

  /** The source the command is for: the one given, else the active editor's or tab's. */
  private target(uri?: vscode.Uri): vscode.Uri | undefined {
    if (uri instanceof vscode.Uri) return uri.scheme === SCHEME ? vscode.Uri.parse(uri.query) : uri;
    const doc = vscode.window.activeTextEditor?.document.uri;
    if (doc) return doc.scheme === SCHEME ? vscode.Uri.parse(doc.query) : doc;
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
    return input?.uri;
  }

  private async read(source: vscode.Uri, shownAs?: vscode.Uri): Promise<Read> {
    const bytes = await vscode.workspace.fs.readFile(source);
    await this.client.start().catch(() => undefined);
    return this.client.sendRequest<Read>('govreport/readSource', { name: source.path, data: Buffer.from(bytes).toString('base64'), uri: shownAs?.toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const result = await this.read(vscode.Uri.parse(uri.query), uri);
    // An unreadable source was already reported by the command that opened it.
    return 'text' in result ? result.text : `${result.error}\n`;
  }

  /** Opens a source as its report text beside nothing else: the editor the user asked for. */
  async open(uri?: vscode.Uri, column?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined> {
    const source = this.target(uri);
    if (!source || !SOURCE_NAME.test(source.path)) {
      void vscode.window.showInformationMessage(t('openSourceToCheck'));
      return undefined;
    }
    const result = await this.read(source);
    if ('error' in result) {
      void vscode.window.showErrorMessage(`${source.path.split('/').pop()}: ${result.error}`);
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(reportUri(source));
    if (doc.languageId !== 'govreport') await vscode.languages.setTextDocumentLanguage(doc, 'govreport');
    return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
  }

  /** Writes the report text beside the source as NAME.govreport (never over another file) and opens it. */
  async import(uri?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
    const source = this.target(uri);
    if (!source || !SOURCE_NAME.test(source.path)) {
      void vscode.window.showInformationMessage(t('openSourceToImport'));
      return undefined;
    }
    const result = await this.read(source);
    if ('error' in result) {
      void vscode.window.showErrorMessage(`${source.path.split('/').pop()}: ${result.error}`);
      return undefined;
    }
    const base = source.path.replace(SOURCE_NAME, '');
    let target = source.with({ path: `${base}.govreport`, query: '', fragment: '' });
    for (let n = 2; await exists(target); n++) target = source.with({ path: `${base} (${n}).govreport`, query: '', fragment: '' });
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.text, 'utf8'));
    return vscode.window.showTextDocument(target, { preview: false });
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  /** A source opened from the explorer: its report text takes the editor's place. */
  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body>${t('readingSource')}</body></html>`;
    const column = panel.viewColumn;
    const editor = await this.open(document.uri, column);
    if (editor) panel.dispose();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
