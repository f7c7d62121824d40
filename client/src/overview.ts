/**
 * The folder overview: a webview with the summary table of every report the
 * server checked (the workspace is reviewed first if it was not), sortable and
 * filterable, with charts; a click opens a report at its first finding, and
 * *Export Summary (CSV)* saves the table for a spreadsheet. The server computes
 * every figure; the page runs only its own nonce'd script under a strict CSP.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { sendRequest, Summary, type Range } from '../../server/src/protocol';
import { t } from './locale';
import { setWebviewPage, webviewRoots } from './webview-page';

type FromWebview = { type: 'ready' } | { type: 'open'; uri: string; range?: Range } | { type: 'export' };

export class FolderOverview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    // Problems change as reports are checked: the table follows, a little later.
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics(() => {
        if (!this.panel) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.update(false), 500);
      }),
    );
  }

  async show(): Promise<void> {
    if (this.panel) this.panel.reveal(vscode.ViewColumn.Active);
    else this.panel = this.createPanel();
    await this.update(true);
  }

  /** Saves the summary as CSV (UTF-8 with a BOM, for Excel), where the user says (or to `to`). */
  async exportCsv(to?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const summary = await sendRequest(this.client, Summary, { csv: true, review: true });
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = to ?? await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'govreport-summary.csv') : undefined,
      filters: { CSV: ['csv'] },
      saveLabel: t('exportLabel'),
    });
    if (!target || summary.csv === undefined) return undefined;
    await vscode.workspace.fs.writeFile(target, Buffer.from(summary.csv, 'utf8'));
    // In the status bar, as for Review Workspace: not over the charts beside the button.
    vscode.window.setStatusBarMessage(t('summarySaved', summary.rows.length, vscode.workspace.asRelativePath(target)), 10_000);
    return target;
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('govreport.overview', t('overviewTitle'), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: webviewRoots(this.context.extensionUri),
    });
    setWebviewPage(panel, this.context.extensionUri, 'overview');
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview.svg');
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.received(m), null, this.disposables);
    panel.onDidDispose(() => (this.panel = undefined), null, this.disposables);
    return panel;
  }

  private received(m: FromWebview): void {
    if (m.type === 'ready') void this.update(false);
    else if (m.type === 'export') void this.exportCsv();
    else if (m.type === 'open') void this.open(m.uri, m.range);
  }

  /** Sends the summary to the page; a panel closed while the server answers needs none (see TotalsPreview.update). */
  private async update(review: boolean): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    try {
      const summary = await sendRequest(this.client, Summary, { review });
      if (this.panel === panel) await panel.webview.postMessage({ type: 'summary', summary });
    } catch (error) {
      if (this.panel === panel) throw error;
    }
  }

  private async open(uri: string, range?: Range): Promise<void> {
    const selection = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : undefined;
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.Beside, selection });
    if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
