/**
 * The totals preview: a webview beside the report that shows the server's
 * model of it (tables, sums, parts). It follows the active report, refreshes
 * after each analysis, and reveals a cell in the editor when one is clicked.
 * The webview runs only its own nonce'd script under a strict CSP.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { sendRequest, Tables, type Range } from '../../server/src/protocol';
import { onDidChangeLocale, t } from './locale';
import { setWebviewPage, webviewRoots } from './webview-page';

/** Messages from the webview. */
type FromWebview = { type: 'ready' } | { type: 'reveal'; range: Range };

export class TotalsPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === 'govreport' && editor.document.uri.toString() !== this.uri?.toString()) {
          this.uri = editor.document.uri;
          void this.update();
        }
      }),
      // The server re-sends its analysis on a settings change; the title is the client's own.
      onDidChangeLocale(() => void this.update()),
    );
  }

  /** The preview's tab title, or undefined when it is closed (for tests). */
  get title(): string | undefined {
    return this.panel?.title;
  }

  async show(uri?: vscode.Uri): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? (editor?.document.languageId === 'govreport' ? editor.document.uri : this.uri);
    if (!target) {
      void vscode.window.showInformationMessage(t('openReportFirst'));
      return;
    }
    this.uri = target;
    if (this.panel) this.panel.reveal(vscode.ViewColumn.Beside, true);
    else this.panel = this.createPanel();
    await this.update();
  }

  /** Closes the panel, as its tab's close button does. */
  close(): void {
    this.panel?.dispose();
  }

  /** Called after each analysis: refreshes if it is the report shown. */
  refresh(uri: string): void {
    if (this.panel && this.uri?.toString() === uri) void this.update();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('govreport.preview', t('previewName'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: webviewRoots(this.context.extensionUri),
    });
    setWebviewPage(panel, this.context.extensionUri, 'preview');
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview.svg');
    panel.webview.onDidReceiveMessage((m: FromWebview) => (m.type === 'ready' ? void this.update() : void this.reveal(m.range)), null, this.disposables);
    panel.onDidDispose(() => (this.panel = undefined), null, this.disposables);
    return panel;
  }

  /**
   * Sends the current model to the page. The panel may be closed while the
   * server answers: then there is nothing to show it in, and that is no error.
   */
  private async update(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    if (!panel || !uri) return;
    try {
      const model = await sendRequest(this.client, Tables, { textDocument: { uri: uri.toString() } });
      if (this.panel !== panel) return;
      panel.title = t('previewTitle', uri.path.split('/').pop() ?? '');
      await panel.webview.postMessage({ type: 'model', model });
    } catch (error) {
      if (this.panel === panel) throw error;
    }
  }

  private async reveal(range: Range): Promise<void> {
    if (!this.uri) return;
    const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri!.toString());
    const editor = await vscode.window.showTextDocument(this.uri, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: r });
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
