/**
 * The GovReport extension: starts the language server and shows what it
 * computed (diagnostics, outline, CodeLens, hover, fixes come straight from
 * it); adds the totals preview, the status item and a command to treat a file
 * as a report. It holds no knowledge of reports of its own.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { FolderOverview } from './overview';
import { TotalsPreview } from './preview';
import { openSample, showSampleProblem } from './sample';
import { t } from './locale';
import { SourceReports } from './sources';
import { ReportStatus } from './status';
import { Analyzed, onNotification, ReviewWorkspace, sendRequest, SERVER_EXEC_ARGV } from '../../server/src/protocol';

let client: LanguageClient | undefined;

/** What the extension gives other extensions (and its end-to-end tests). */
export interface GovReportApi {
  client: LanguageClient;
  status: ReportStatus;
  preview: TotalsPreview;
}

export async function activate(context: vscode.ExtensionContext): Promise<GovReportApi> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    // "Attach to Server" in launch.json connects to this port.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'govreport' }],
    initializationOptions: { settings: vscode.workspace.getConfiguration('govreport') },
    outputChannelName: 'GovReport',
  };
  client = new LanguageClient('govreport', 'GovReport', serverOptions, clientOptions);

  const preview = new TotalsPreview(context, client);
  const status = new ReportStatus();
  const overview = new FolderOverview(context, client);
  context.subscriptions.push(
    preview,
    status,
    overview,
    vscode.commands.registerCommand('govreport.reviewWorkspace', async () => {
      const result = await sendRequest(client!, ReviewWorkspace, null);
      // Said in the status bar: a notification would sit over the overview's charts, and Problems shows what was found.
      if (!result.cancelled) vscode.window.setStatusBarMessage(t('workspaceChecked', result.files), 10_000);
      return result;
    }),
    vscode.commands.registerCommand('govreport.showOverview', () => overview.show()),
    vscode.commands.registerCommand('govreport.exportSummary', (to?: vscode.Uri) => overview.exportCsv(to instanceof vscode.Uri ? to : undefined)),
    new SourceReports(client),
    vscode.commands.registerCommand('govreport.showPreview', (uri?: string | vscode.Uri) => preview.show(uri ? vscode.Uri.parse(String(uri)) : undefined)),
    vscode.commands.registerCommand('govreport.treatAsReport', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc) await vscode.languages.setTextDocumentLanguage(doc, 'govreport');
    }),
    vscode.commands.registerCommand('govreport.openSample', () => openSample(context)),
    vscode.commands.registerCommand('govreport.showSampleProblem', () => showSampleProblem(context)),
    onNotification(client, Analyzed, (p) => {
      status.update(p);
      preview.refresh(p.uri);
    }),
  );
  await client.start();
  return { client, status, preview };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
