/**
 * Reports that arrive as a .docx, web page or PDF, shown as what the server
 * reads from them: the report's text, read-only, in an editor of its own
 * (scheme `govreport-source`), with every feature the server gives a text
 * report. The source file is only ever read. *Import as Editable Report*
 * writes the text beside it as NAME.govreport.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isSourceName, legacyFormat } from '../../server/src/inputs/names';
import { READ_LIMIT, tooLarge } from '../../server/src/inputs/read-file';
import { ReadSource, sendRequest, SOURCE_SCHEME, sourceDocumentUri, type ReadSourceResult } from '../../server/src/protocol';
import { currentLocale, t } from './locale';

/** The read-only document showing a source's report text (as the server names it too). */
function reportUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(sourceDocumentUri(source.toString()));
}

export class SourceReports implements vscode.TextDocumentContentProvider, vscode.CustomReadonlyEditorProvider, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, this),
      // Names that say 年度报告 or 年报 open as reports (package.json's customEditors); others by command.
      vscode.window.registerCustomEditorProvider('govreport.source', this, { supportsMultipleEditorsPerDocument: true }),
      vscode.commands.registerCommand('govreport.checkDocument', (uri?: vscode.Uri) => this.open(uri)),
      vscode.commands.registerCommand('govreport.importAsReport', (uri?: vscode.Uri) => this.import(uri)),
    );
  }

  /** The source the command is for: the one given, else the active editor's or tab's. */
  private target(uri?: vscode.Uri): vscode.Uri | undefined {
    if (uri instanceof vscode.Uri) return uri.scheme === SOURCE_SCHEME ? vscode.Uri.parse(uri.query) : uri;
    const doc = vscode.window.activeTextEditor?.document.uri;
    if (doc) return doc.scheme === SOURCE_SCHEME ? vscode.Uri.parse(doc.query) : doc;
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
    return input?.uri;
  }

  private async read(source: vscode.Uri, shownAs?: vscode.Uri): Promise<ReadSourceResult> {
    // Told here, before reading: what the server would refuse need not be read, nor sent.
    const lang = currentLocale();
    const legacy = legacyFormat(source.path);
    if (legacy) return { error: legacy[lang] };
    const { size } = await vscode.workspace.fs.stat(source);
    if (size > READ_LIMIT) return { error: tooLarge(size)[lang] };
    const bytes = await vscode.workspace.fs.readFile(source);
    await this.client.start().catch(() => undefined);
    return sendRequest(this.client, ReadSource, { name: source.path, data: Buffer.from(bytes).toString('base64'), uri: shownAs?.toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const result = await this.read(vscode.Uri.parse(uri.query), uri);
    // An unreadable source was already reported by the command that opened it.
    return 'text' in result ? result.text : `${result.error}\n`;
  }

  /** Opens a source as its report text beside nothing else: the editor the user asked for. */
  async open(uri?: vscode.Uri, column?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined> {
    const source = this.target(uri);
    if (!source || !isSourceName(source.path)) {
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
    if (!source || !isSourceName(source.path)) {
      void vscode.window.showInformationMessage(t('openSourceToImport'));
      return undefined;
    }
    const result = await this.read(source);
    if ('error' in result) {
      void vscode.window.showErrorMessage(`${source.path.split('/').pop()}: ${result.error}`);
      return undefined;
    }
    const base = source.path.replace(/\.[^./]*$/, '');
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
