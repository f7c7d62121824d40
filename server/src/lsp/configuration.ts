/**
 * What the server runs under, and what follows when it changes: the editor's
 * capabilities and language, the person's settings (sent with `initialize`,
 * then pulled with workspace/configuration when the editor can, else as
 * pushed), and the folders' settings and accepted findings on disk. A change
 * checks the reports again in the new severities and language, refreshes the
 * lenses, and starts or stops the workspace review.
 */
import { CodeLensRefreshRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, type Connection, type FileEvent, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { EDITOR_WORDS, pick } from '../analysis';
import { WATCH_GLOB } from '../inputs';
import type { ReviewResult } from '../protocol';
import { clientCan, serverCapabilities, workspaceFolders, type ClientCan } from './capabilities';
import { ACCEPT_COMMAND, type AcceptArgs, type EditorFolders, SETTINGS_GLOB, sortChanges } from './folders';
import type { EditorReports } from './reports';
import { withReviewProgress } from './review-progress';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

export interface ConfigurationHost {
  connection: Connection;
  reports: () => EditorReports;
  folders: () => EditorFolders;
}

export class Configuration {
  /** The person's own settings (VS Code's). */
  settings: Settings = DEFAULT_SETTINGS;
  editorLocale: string | undefined;
  can: ClientCan = { pullConfiguration: false, watchFiles: false, folderEvents: false, resolveActions: false, refreshLenses: false };

  constructor(private readonly host: ConfigurationHost) {}

  private get review() {
    return this.host.reports().review;
  }

  initialize(params: InitializeParams): InitializeResult {
    this.editorLocale = params.locale;
    this.can = clientCan(params);
    this.settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    this.review.setFolders(workspaceFolders(params));
    return { capabilities: serverCapabilities([ACCEPT_COMMAND]), serverInfo: { name: 'govreport' } };
  }

  /** The settings pulled (when the editor can), the workspace reviewed when they ask for it, and the changes the server needs to hear of asked for. */
  initialized(): void {
    const { connection } = this.host;
    if (this.can.pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' });
      void this.load().then(() => {
        if (this.settings.scope === 'workspace' && !this.review.reviewing) void this.reviewWorkspace();
      });
    } else if (this.settings.scope === 'workspace') void this.reviewWorkspace();
    // Reports changed on disk (outside the editor) keep the workspace review current.
    // And the folder's settings and accepted findings, read again when they change.
    if (this.can.watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }, { globPattern: SETTINGS_GLOB }] });
  }

  /** The person's settings changed (`pushed`, when the editor does not answer workspace/configuration). */
  async load(pushed?: unknown): Promise<void> {
    const { connection } = this.host;
    const reports = this.host.reports();
    const raw = this.can.pullConfiguration ? await connection.workspace.getConfiguration('govreport') : pushed;
    const scope = this.settings.scope;
    this.settings = readSettings(raw);
    reports.validateAll();
    // Closed reports too: another severity, another language.
    for (const uri of this.review.closedReports()) reports.publish(uri);
    this.refreshLenses();
    if (this.settings.scope !== scope) {
      if (this.settings.scope === 'workspace') void this.reviewWorkspace();
      else this.review.stop();
    }
  }

  /** The workspace's folders changed: the review, when on, takes the new ones in. */
  async foldersChanged(): Promise<void> {
    this.review.setFolders(((await this.host.connection.workspace.getWorkspaceFolders()) ?? []).map((f) => f.uri));
    if (this.review.reviewing) void this.reviewWorkspace();
  }

  /** Watched files changed on disk: settings files, baselines, reports. */
  filesChanged(changes: readonly FileEvent[]): void {
    const changed = sortChanges(changes);
    if (changed.settings) void this.settingsChanged(changed.settings.folder);
    if (changed.reports.length) void this.review.changed(changed.reports);
  }

  /** "Accept this finding": the entry written to the report's baseline, then shown as accepted. */
  async accept(args: AcceptArgs): Promise<void> {
    const error = this.host.folders().accept(args);
    if (error) return this.show(MessageType.Error, pick(EDITOR_WORDS.fromGovReport(error), this.host.folders().localeOf(args.uri)));
    await this.settingsChanged(false);
  }

  /** Checks every report of the workspace, with cancellable progress in the editor. */
  reviewWorkspace(): Promise<ReviewResult> {
    return withReviewProgress(this.host.connection, this.host.folders().localeOf(), (progress) => this.review.scan(progress));
  }

  /** Said in the editor. A notification, not a request: nothing waits for it to be read. */
  show(type: MessageType, message: string): void {
    void this.host.connection.sendNotification(ShowMessageNotification.type, { type, message });
  }

  /**
   * A settings file changed (`folder`), or only a baseline: everything is read
   * again; the open reports are checked again, the workspace reviewed again
   * when the settings changed (what it ignores, which bodies are one, the units),
   * else only published again with the accepted findings as they are now.
   */
  private async settingsChanged(folder: boolean): Promise<void> {
    const folders = this.host.folders();
    folders.clear();
    this.review.index.setUnits(folders.unitGroups());
    this.host.reports().validateAll();
    if (folder && this.review.reviewing) await this.reviewWorkspace();
    else await this.review.acceptedChanged();
    if (folder) this.refreshLenses();
  }

  /** The lenses above the tables speak the settings' language too; the editor asks for them again only when told. */
  private refreshLenses(): void {
    const { connection } = this.host;
    if (this.can.refreshLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch((e: unknown) => connection.console.warn(`codeLens/refresh: ${String(e)}`));
  }
}
