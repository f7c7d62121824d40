/**
 * The GovReport language server: a thin adapter between LSP and the analysis
 * library. It holds no knowledge of reports of its own; it wires the editor's
 * requests to the library (through `lsp/`), which analyses each document
 * version once and serves every feature from it.
 * Runs in VS Code, or standalone (`node dist/server.js --stdio`) for other editors.
 */
import { join } from 'node:path';
import { MessageType } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { foldingRanges, formatTables, hoverAt, outline, tableLenses, type Analysis } from './analysis';
import { codeActions, isFixAllData, resolveFixAll } from './lsp/code-actions';
import { Configuration } from './lsp/configuration';
import * as lsp from './lsp/convert';
import { createDocuments } from './lsp/documents';
import * as valid from './lsp/params';
import { ACCEPT_COMMAND, EditorFolders } from './lsp/folders';
import { EditorReports, rulesDocs } from './lsp/reports';
import { SourceDocuments } from './lsp/sources';
import { overview, tables } from './lsp/views';
import { onRequest, ReadSource, ReviewWorkspace, Summary, Tables } from './protocol';
import { connect } from './lsp/transport';

const connection = connect();
const documents = createDocuments((message) => connection.console.error(message));
/** The capabilities, the person's settings, and what follows when they or the folders' files change. */
const config: Configuration = new Configuration({ connection, reports: () => reports, folders: () => folders });
/** Reports read from a .docx, web page or PDF, by the URI the client shows their text under. */
const sources = new SourceDocuments((uri) => !!documents.get(uri));

/** Each report's folder settings (.govreport.json) over the person's, and its accepted findings. */
const folders: EditorFolders = new EditorFolders({
  settings: () => config.settings,
  editorLocale: () => config.editorLocale,
  folders: () => review.folderPaths,
  warn: (message) => {
    connection.console.warn(message);
    config.show(MessageType.Warning, message);
  },
  loaded: () => review.index.setUnits(folders.unitGroups()),
});

/** The language of what is said of a report (of the workspace, without one). */
const locale = (uri?: string) => folders.localeOf(uri);

/** The open reports' analyses, what is published of every report, and the workspace review (rules across reports). */
const reports = new EditorReports({ connection, documents, folders, sources, docs: rulesDocs(join(__dirname, '..')) });
const { review } = reports;

connection.onInitialize((params) => config.initialize(params));
connection.onInitialized(() => {
  config.initialized();
  if (config.can.folderEvents) connection.workspace.onDidChangeWorkspaceFolders(() => config.foldersChanged());
});
connection.onDidChangeConfiguration((change) => {
  void config.load((change.settings as { govreport?: unknown } | undefined)?.govreport);
});
connection.onDidChangeWatchedFiles((p) => config.filesChanged(p.changes));

/** "Accept this finding". */
connection.onExecuteCommand(async (p) => {
  if (p.command === ACCEPT_COMMAND) await config.accept(valid.acceptArgs(p.arguments?.[0]));
});

/** *GovReport: Review Workspace*. */
onRequest(connection, ReviewWorkspace, () => config.reviewWorkspace());

/** The folder overview's table: one row per report checked, and the CSV to export. */
onRequest(connection, Summary, async (p) => {
  // The overview is of the workspace: review it first if that was not done.
  if (p?.review && !review.reviewing) await config.reviewWorkspace();
  await review.settled();
  return overview(review, folders, !!p?.csv);
});

documents.onDidOpen((e) => reports.validate(e.document));
documents.onDidChangeContent((e) => {
  if (config.settings.run === 'onType') reports.schedule(e.document);
});
documents.onDidSave((e) => {
  if (config.settings.run === 'onSave') reports.validate(e.document);
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
    return codeActions(reports.scopeOf(doc, a), doc.offsetAt(range.start), doc.offsetAt(range.end), valid.codeActionOnly(p), config.can.resolveActions, ACCEPT_COMMAND);
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

/** The whole report's skeleton. */
connection.onCompletion((p) => withDoc(p, [], (doc) => lsp.skeletonCompletions(doc, valid.position(p.position), locale(doc.uri))));

/** A .docx, web page or PDF (its bytes, base64) as the report's canonical text, for the client to show read-only. */
onRequest(connection, ReadSource, (p) => sources.read(p, locale(p?.uri)));

/** The report model the totals preview shows. */
onRequest(connection, Tables, (p) => withDoc(p, null, (doc, a) => tables(doc, a, folders)));

documents.listen(connection);
connection.listen();
