/**
 * The GovReport language server: a thin adapter between LSP and the analysis
 * library. It holds no knowledge of reports of its own; it wires the editor's
 * requests to the library (through `lsp/`), which analyses each document
 * version once and serves every feature from it.
 * Runs in VS Code, or standalone (`node dist/server.js --stdio`) for other editors.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { CodeLensRefreshRequest, MessageType, ShowMessageNotification, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EDITOR_WORDS, foldingRanges, formatTables, hoverAt, outline, pick, reportView, skeletonYearOf, tableLenses, type Analysis } from './analysis';
import { codeActions, isFixAllData, resolveFixAll } from './lsp/code-actions';
import { clientCan, serverCapabilities, workspaceFolders, type ClientCan } from './lsp/capabilities';
import * as lsp from './lsp/convert';
import { createDocuments } from './lsp/documents';
import * as valid from './lsp/params';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './lsp/settings';
import { ACCEPT_COMMAND, EditorFolders, SETTINGS_GLOB, sortChanges } from './lsp/folders';
import { EditorReports } from './lsp/reports';
import { overview } from './lsp/overview';
import { withReviewProgress } from './lsp/review-progress';
import { SourceDocuments } from './lsp/sources';
import { WATCH_GLOB } from './inputs';
import { onRequest, ReadSource, ReviewWorkspace, Summary, Tables } from './protocol';
import { connect } from './lsp/transport';

const connection = connect();
const documents = createDocuments((message) => connection.console.error(message));
/** The rules' documentation, linked from every diagnostic's code (a .vsix stores it as readme.md). */
const DOCS = pathToFileURL(['README.md', 'readme.md'].map((f) => join(__dirname, '..', f)).find((f) => existsSync(f)) ?? join(__dirname, '..', 'README.md')).href;

let settings: Settings = DEFAULT_SETTINGS;
let editorLocale: string | undefined;
let can: ClientCan = { pullConfiguration: false, watchFiles: false, folderEvents: false, resolveActions: false, refreshLenses: false };
/** Reports read from a .docx, web page or PDF, by the URI the client shows their text under. */
const sources = new SourceDocuments((uri) => !!documents.get(uri));

/** Each report's folder settings (.govreport.json) over the person's, and its accepted findings. */
const folders: EditorFolders = new EditorFolders({
  settings: () => settings,
  editorLocale: () => editorLocale,
  folders: () => review.folderPaths,
  warn: (message) => {
    connection.console.warn(message);
    // A notification, not a request: nothing waits for it to be read.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  },
  loaded: () => review.index.setUnits(folders.unitGroups()),
});

/** The language of what is said of a report (of the workspace, without one). */
const locale = (uri?: string) => folders.localeOf(uri);

/** The open reports' analyses, what is published of every report, and the workspace review (rules across reports). */
const reports = new EditorReports({ connection, documents, folders, sources, docs: DOCS });
const { review } = reports;

/** The lenses above the tables speak the settings' language too; the editor asks for them again only when told. */
function refreshLenses(): void {
  if (can.refreshLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch((e: unknown) => connection.console.warn(`codeLens/refresh: ${String(e)}`));
}

async function loadSettings(pushed?: unknown): Promise<void> {
  const raw = can.pullConfiguration ? await connection.workspace.getConfiguration('govreport') : pushed;
  const scope = settings.scope;
  settings = readSettings(raw);
  reports.validateAll();
  // Closed reports too: another severity, another language.
  for (const uri of review.closedReports()) reports.publish(uri);
  refreshLenses();
  if (settings.scope !== scope) {
    if (settings.scope === 'workspace') void reviewWorkspace();
    else review.stop();
  }
}

/** Checks every report of the workspace, with cancellable progress in the editor. */
const reviewWorkspace = () => withReviewProgress(connection, locale(), (progress) => review.scan(progress));

connection.onInitialize((params) => {
  editorLocale = params.locale;
  can = clientCan(params);
  settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
  review.setFolders(workspaceFolders(params));
  return { capabilities: serverCapabilities([ACCEPT_COMMAND]), serverInfo: { name: 'govreport' } };
});

connection.onInitialized(() => {
  if (can.pullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' });
    void loadSettings().then(() => {
      if (settings.scope === 'workspace' && !review.reviewing) void reviewWorkspace();
    });
  } else if (settings.scope === 'workspace') void reviewWorkspace();
  // Reports changed on disk (outside the editor) keep the workspace review current.
  // And the folder's settings and accepted findings, read again when they change.
  if (can.watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }, { globPattern: SETTINGS_GLOB }] });
  if (can.folderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      review.setFolders(((await connection.workspace.getWorkspaceFolders()) ?? []).map((f) => f.uri));
      if (review.reviewing) void reviewWorkspace();
    });
  }
});

connection.onDidChangeWatchedFiles((p) => {
  const changed = sortChanges(p.changes);
  if (changed.settings) void settingsChanged(changed.settings.folder);
  if (changed.reports.length) void review.changed(changed.reports);
});

/**
 * A settings file changed (`folder`), or only a baseline: everything is read
 * again; the open reports are checked again, the workspace reviewed again
 * when the settings changed (what it ignores, which bodies are one, the units),
 * else only published again with the accepted findings as they are now.
 */
async function settingsChanged(folder: boolean): Promise<void> {
  folders.clear();
  review.index.setUnits(folders.unitGroups());
  reports.validateAll();
  if (folder && review.reviewing) await reviewWorkspace();
  else await review.acceptedChanged();
  if (folder) refreshLenses();
}

/** "Accept this finding": the entry written to the report's baseline, then shown as accepted. */
connection.onExecuteCommand(async (p) => {
  if (p.command !== ACCEPT_COMMAND) return;
  const args = valid.acceptArgs(p.arguments?.[0]);
  const error = folders.accept(args);
  if (error) return void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: pick(EDITOR_WORDS.fromGovReport(error), locale(args.uri)) });
  await settingsChanged(false);
});

/** *GovReport: Review Workspace*. */
onRequest(connection, ReviewWorkspace, () => reviewWorkspace());

/** The folder overview's table: one row per report checked, and the CSV to export. */
onRequest(connection, Summary, async (p) => {
  // The overview is of the workspace: review it first if that was not done.
  if (p?.review && !review.reviewing) await reviewWorkspace();
  await review.settled();
  return overview(review, folders, !!p?.csv);
});

connection.onDidChangeConfiguration((change) => {
  void loadSettings((change.settings as { govreport?: unknown } | undefined)?.govreport);
});

documents.onDidOpen((e) => reports.validate(e.document));
documents.onDidChangeContent((e) => {
  if (settings.run === 'onType') reports.schedule(e.document);
});
documents.onDidSave((e) => {
  if (settings.run === 'onSave') reports.validate(e.document);
});
documents.onDidClose((e) => {
  reports.closed(e.document.uri);
  void review.closedDocument(e.document.uri);
});

/** Runs a handler on an open document's analysis; unknown documents get `fallback`. Bad parameters get InvalidParams. */
function withDoc<T>(p: unknown, fallback: T, run: (doc: TextDocument, a: Analysis) => T): T {
  const doc = documents.get(valid.documentUri(p));
  return doc ? run(doc, reports.analysisOf(doc)) : fallback;
}

connection.onDocumentSymbol((p) => withDoc(p, [], (doc, a) => lsp.symbols(outline(a.report), a.report.lines, locale(doc.uri))));
connection.onFoldingRanges((p) => withDoc(p, [], (_, a) => lsp.folds(foldingRanges(a.report))));
connection.onCodeLens((p) => withDoc(p, [], (doc, a) => lsp.lenses(tableLenses(a.report), a.report.lines, doc.uri, locale(doc.uri))));
connection.onHover((p) =>
  withDoc(p, null, (doc, a) => {
    const offset = doc.offsetAt(valid.position(p.position));
    const lang = locale(doc.uri);
    return lsp.hover(hoverAt(a.report, offset), a.report.lines, lang, () => sources.where(doc, offset, lang));
  }),
);

connection.onCodeAction((p) =>
  withDoc(p, [], (doc, a) => {
    const range = valid.range(p.range);
    return codeActions(reports.scopeOf(doc, a), doc.offsetAt(range.start), doc.offsetAt(range.end), valid.codeActionOnly(p), can.resolveActions, ACCEPT_COMMAND);
  }),
);

connection.onCodeActionResolve((action) => {
  if (!isFixAllData(valid.codeAction(action).data)) return action;
  const doc = documents.get(action.data.uri);
  return resolveFixAll(action, doc && reports.scopeOf(doc, reports.analysisOf(doc)));
});

connection.onDocumentFormatting((p) => withDoc(p, [], (_, a) => lsp.edits({ edits: formatTables(a.report.lines) }, a.report.lines)));
connection.onDocumentRangeFormatting((p) =>
  withDoc(p, [], (doc, a) => {
    const range = valid.range(p.range);
    return lsp.edits({ edits: formatTables(a.report.lines, { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) }) }, a.report.lines);
  }),
);

/** The whole report's skeleton, at the start of a line, for the year the file is about. */
connection.onCompletion((p) =>
  withDoc(p, [], (doc) => {
    const position = valid.position(p.position);
    const lineStart = { line: position.line, character: 0 };
    if (!/^\S*$/.test(doc.getText({ start: lineStart, end: position }))) return [];
    return lsp.skeletonCompletions(skeletonYearOf(doc.uri, new Date()), { start: lineStart, end: position }, locale(doc.uri));
  }),
);

/** A .docx, web page or PDF (its bytes, base64) as the report's canonical text, for the client to show read-only. */
onRequest(connection, ReadSource, (p) => sources.read(p, locale(p?.uri)));

/** The report model the totals preview shows. */
onRequest(connection, Tables, (p) =>
  withDoc(p, null, (doc, a) => ({ uri: doc.uri, version: doc.version, locale: locale(doc.uri), thresholds: folders.ratiosOf(doc.uri), view: reportView({ ...a, findings: folders.shownOf(doc.uri, a).findings }) })),
);

documents.listen(connection);
connection.listen();
