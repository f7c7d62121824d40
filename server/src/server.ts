/**
 * The GovReport language server: a thin adapter between LSP and the analysis
 * library. It holds no knowledge of reports of its own; it analyses each
 * document version once, caches it, and serves every feature from it.
 * Runs in VS Code, or standalone (`node dist/server.js --stdio`) for other editors.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { CodeActionKind, CodeLensRefreshRequest, MessageType, ShowMessageNotification, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, type CodeAction } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, foldingRanges, subjectAt, formatTables, hoverAt, outline, reportView, rewriteTableAt, skeletonYear, SUMMARY_COLUMNS, tableLenses, type Analysis } from './analysis';
import { acceptActions, fixAll, isFixAllData, quickFixes, resolveFixAll, wantsFixAll, type ActionScope } from './lsp/code-actions';
import * as lsp from './lsp/convert';
import { createDocuments } from './lsp/documents';
import * as valid from './lsp/params';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './lsp/settings';
import { ACCEPT_COMMAND, EditorFolders, isSettingsFile, SETTINGS_GLOB } from './lsp/folders';
import { BASELINE_FILE as BASELINE_NAME } from './config/baseline';
import { summaryCsv } from './summary/format';
import { pathOf, WorkspaceReview } from './workspace/review';
import { withReviewProgress } from './lsp/review-progress';
import { SourceDocuments } from './lsp/sources';
import { WATCH_GLOB } from './inputs';
import { Analyzed, onRequest, ReadSource, ReviewWorkspace, sendNotification, Summary, Tables, type SummaryResult } from './protocol';
import { connect } from './lsp/transport';

const connection = connect();
const documents = createDocuments((message) => connection.console.error(message));
/** The rules' documentation, linked from every diagnostic's code (a .vsix stores it as readme.md). */
const DOCS = pathToFileURL(['README.md', 'readme.md'].map((f) => join(__dirname, '..', f)).find((f) => existsSync(f)) ?? join(__dirname, '..', 'README.md')).href;
/** Long enough to let a burst of keystrokes pass, short enough to feel immediate. */
const DEBOUNCE_MS = 30;

let settings: Settings = DEFAULT_SETTINGS;
let editorLocale: string | undefined;
let pullConfiguration = false;
let watchFiles = false;
let folderEvents = false;
let canResolveActions = false;
let canRefreshLenses = false;
/** Keyed by the text itself, not the editor's version number (a client may repeat one). */
const cache = new Map<string, { text: string; analysis: Analysis }>();
const timers = new Map<string, NodeJS.Timeout>();
/** Reports read from a .docx, web page or PDF, by the URI the client shows their text under. */
const sources = new SourceDocuments((uri) => !!documents.get(uri));

/** More would only slow the editor down; the rest is summed up in one line. */
const MAX_DIAGNOSTICS = 1000;

/** The analysis of a document's current version, computed once. */
function analysisOf(doc: TextDocument): Analysis {
  const text = doc.getText();
  const hit = cache.get(doc.uri);
  if (hit && hit.text === text) return hit.analysis;
  const analysis = analyze(text);
  for (const f of analysis.failures) {
    connection.console.error(`${f.code === 'reader' ? 'reading' : `rule ${f.code}`} failed on ${doc.uri}: ${f.error instanceof Error ? f.error.stack : String(f.error)}`);
  }
  cache.set(doc.uri, { text, analysis });
  return analysis;
}

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
/** An open report's findings as shown: its rules applied, the accepted ones as hints. */
const shown = (doc: TextDocument, a: Analysis) => folders.shownOf(doc.uri, a);

/** The reports checked together (the open ones, or the workspace's): rules across reports. */
const review: WorkspaceReview = new WorkspaceReview({
  isOpen: (uri) => !!documents.get(uri),
  publish: (uri) => publish(uri),
  clear: (uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }),
  reindexOpen: () => documents.all().forEach(validate),
  visible: (uri, a) => folders.visible(uri, a),
  visibleStored: (uri, stored) => countable(folders.shown(uri, stored, (f) => f.at)),
  visibleCross: (uri, found) => countable(folders.shown(uri, found, (f) => f.at, (f) => f.values)),
  digestOptions: (uri) => folders.digestOptions(uri),
  ignores: (uri) => folders.ignores(uri),
  log: (message) => connection.console.warn(message),
});

/** What counts of what is shown: the accepted left out. */
function countable<F>(s: { findings: F[]; accepted: Set<F> }): F[] {
  return s.accepted.size ? s.findings.filter((f) => !s.accepted.has(f)) : s.findings;
}

/** The diagnostics across reports that stand on `uri`. */
const crossDiagnostics = (uri: string) =>
  folders.shown(uri, review.crossFindings(uri), (f) => f.at, (f) => f.values).findings.map((f) => lsp.crossDiagnostic(f, locale(uri), DOCS));

/** Publishes a report's diagnostics from what is kept of it (open: its analysis; closed: its stored findings). */
function publish(uri: string): void {
  const doc = documents.get(uri);
  if (doc) return publishOpen(doc, analysisOf(doc));
  const stored = review.storedFindings(uri);
  if (!stored) return;
  const own = folders.shown(uri, stored, (f) => f.at).findings.map((f) => lsp.storedDiagnostic(f, uri, locale(uri), DOCS));
  const diagnostics = [...own.slice(0, MAX_DIAGNOSTICS), ...crossDiagnostics(uri)];
  void connection.sendDiagnostics({ uri, diagnostics });
}

function publishOpen(doc: TextDocument, a: Analysis): void {
  // A report the folder's settings leave out says nothing.
  if (folders.ignores(doc.uri)) return void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
  const all = shown(doc, a).findings;
  const lang = locale(doc.uri);
  const diagnostics = all.slice(0, MAX_DIAGNOSTICS).map((f) => {
    const d = lsp.diagnostic(f, a.report.lines, doc.uri, lang, DOCS);
    // A report read from a source: each finding also names its place there.
    d.message += lsp.placeSuffix(sources.where(doc, f.span.start, lang), lang);
    return d;
  });
  if (all.length > MAX_DIAGNOSTICS) diagnostics.push(lsp.overflow(all.length - MAX_DIAGNOSTICS, lang));
  if (a.failures.some((f) => f.code === 'reader')) diagnostics.push(lsp.internalError(lang));
  diagnostics.push(...crossDiagnostics(doc.uri));
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
}

function validate(doc: TextDocument): void {
  try {
    const a = analysisOf(doc);
    const others = review.opened(doc.uri, a);
    publishOpen(doc, a);
    for (const uri of others) publish(uri);
    const counts = folders.ignores(doc.uri) ? { error: 0, warning: 0, info: 0, hint: 0 } : reportView({ ...a, findings: shown(doc, a).findings }).counts;
    void sendNotification(connection, Analyzed, { uri: doc.uri, version: doc.version, counts });
  } catch (error) {
    // Whatever happened to this document, the server goes on serving the others.
    connection.console.error(`checking ${doc.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

function schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
  clearTimeout(timers.get(doc.uri));
  timers.set(doc.uri, setTimeout(() => {
    timers.delete(doc.uri);
    const current = documents.get(doc.uri);
    if (current) validate(current);
  }, delay));
}

async function loadSettings(pushed?: unknown): Promise<void> {
  const raw = pullConfiguration ? await connection.workspace.getConfiguration('govreport') : pushed;
  const scope = settings.scope;
  settings = readSettings(raw);
  for (const doc of documents.all()) validate(doc);
  // Closed reports too: another severity, another language.
  for (const uri of review.closedReports()) publish(uri);
  // The lenses above the tables speak the language too; the editor asks for them again only when told.
  if (canRefreshLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch((e: unknown) => connection.console.warn(`codeLens/refresh: ${String(e)}`));
  if (settings.scope !== scope) {
    if (settings.scope === 'workspace') void reviewWorkspace();
    else review.stop();
  }
}

/** Checks every report of the workspace, with cancellable progress in the editor. */
const reviewWorkspace = () => withReviewProgress(connection, locale(), (progress) => review.scan(progress));

connection.onInitialize((params) => {
  editorLocale = params.locale;
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  canResolveActions = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
  canRefreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
  settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
  watchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  folderEvents = !!params.capabilities.workspace?.workspaceFolders;
  review.setFolders((params.workspaceFolders ?? []).map((f) => f.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []));
  return {
    capabilities: {
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, lsp.FIX_ALL_KIND, CodeActionKind.RefactorRewrite], resolveProvider: true },
      documentFormattingProvider: true,
      completionProvider: {},
      documentRangeFormattingProvider: true,
      executeCommandProvider: { commands: [ACCEPT_COMMAND] },
    },
    serverInfo: { name: 'govreport' },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' });
    void loadSettings().then(() => {
      if (settings.scope === 'workspace' && !review.reviewing) void reviewWorkspace();
    });
  } else if (settings.scope === 'workspace') void reviewWorkspace();
  // Reports changed on disk (outside the editor) keep the workspace review current.
  // And the folder's settings and accepted findings, read again when they change.
  if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }, { globPattern: SETTINGS_GLOB }] });
  if (folderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      review.setFolders(((await connection.workspace.getWorkspaceFolders()) ?? []).map((f) => f.uri));
      if (review.reviewing) void reviewWorkspace();
    });
  }
});

connection.onDidChangeWatchedFiles((p) => {
  const isSettings = (uri: string) => isSettingsFile(pathOf(uri) ?? uri);
  const changed = p.changes.filter((c) => isSettings(c.uri));
  if (changed.length) void settingsChanged(changed.some((c) => !c.uri.endsWith(BASELINE_NAME)));
  const reports = p.changes.filter((c) => !isSettings(c.uri));
  if (reports.length) void review.changed(reports.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted })));
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
  for (const doc of documents.all()) validate(doc);
  if (folder && review.reviewing) await reviewWorkspace();
  else await review.acceptedChanged();
  if (folder && canRefreshLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch((e: unknown) => connection.console.warn(`codeLens/refresh: ${String(e)}`));
}

/** "Accept this finding": the entry written to the report's baseline, then shown as accepted. */
connection.onExecuteCommand(async (p) => {
  if (p.command !== ACCEPT_COMMAND) return;
  const args = valid.acceptArgs(p.arguments?.[0]);
  const error = folders.accept(args);
  if (error) {
    const lang = locale(args.uri);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `GovReport: ${lang === 'en' ? error.en : error.zh}` });
    return;
  }
  await settingsChanged(false);
});

/** *GovReport: Review Workspace*. */
onRequest(connection, ReviewWorkspace, () => reviewWorkspace());

/** The folder overview's table: one row per report checked, and the CSV to export. */
onRequest(connection, Summary, async (p): Promise<SummaryResult> => {
  // The overview is of the workspace: review it first if that was not done.
  if (p?.review && !review.reviewing) await reviewWorkspace();
  const rows = review.summary().map((r) => ({ ...r, uri: r.file, file: review.displayPath(r.file) }));
  const lang = locale() === 'en' ? 'en' : 'zh-CN';
  const columns = SUMMARY_COLUMNS.map((c) => ({ key: c.key, name: lsp.text(c.name, locale()) }));
  return { locale: locale(), reviewed: review.reviewing, columns, rows, thresholds: folders.ratiosOf(), csv: p?.csv ? summaryCsv(rows, lang) : undefined };
});

connection.onDidChangeConfiguration((change) => {
  void loadSettings((change.settings as { govreport?: unknown } | undefined)?.govreport);
});

documents.onDidOpen((e) => validate(e.document));
documents.onDidChangeContent((e) => {
  if (settings.run === 'onType') schedule(e.document);
});
documents.onDidSave((e) => {
  if (settings.run === 'onSave') validate(e.document);
});
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  cache.delete(e.document.uri);
  sources.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  void review.closedDocument(e.document.uri);
});

/** Runs a handler on an open document's analysis; unknown documents get `fallback`. Bad parameters get InvalidParams. */
function withDoc<T>(p: unknown, fallback: T, run: (doc: TextDocument, a: Analysis) => T): T {
  const doc = documents.get(valid.documentUri(p));
  return doc ? run(doc, analysisOf(doc)) : fallback;
}

connection.onDocumentSymbol((p) => withDoc(p, [], (doc, a) => lsp.symbols(outline(a.report), a.report.lines, locale(doc.uri))));
connection.onFoldingRanges((p) => withDoc(p, [], (_, a) => lsp.folds(foldingRanges(a.report))));
connection.onCodeLens((p) => withDoc(p, [], (doc, a) => lsp.lenses(tableLenses(a.report), a.report.lines, doc.uri, locale(doc.uri))));
connection.onHover((p) =>
  withDoc(p, null, (doc, a) => {
    const offset = doc.offsetAt(valid.position(p.position));
    const lang = locale(doc.uri);
    const hover = lsp.hover(hoverAt(a.report, offset), a.report.lines, lang);
    // In a report read from a source, the hover also says where the cell stands there.
    const where = hover && sources.where(doc, offset, lang);
    if (where && typeof hover.contents === 'object' && 'value' in hover.contents) hover.contents.value += lang === 'en' ? `\n\nIn the source: ${where}` : `\n\n原文位置：${where}`;
    return hover;
  }),
);

function scopeOf(doc: TextDocument, a: Analysis): ActionScope {
  const { findings, accepted } = shown(doc, a);
  return {
    uri: doc.uri,
    text: doc.getText(),
    analysis: a,
    findings,
    accepted,
    visible: (later) => folders.visible(doc.uri, later),
    entry: (f) => folders.entry(doc.uri, f.code, subjectAt(a.report, f.span.start), f.message),
    locale: locale(doc.uri),
    docs: DOCS,
  };
}

connection.onCodeAction((p) =>
  withDoc(p, [], (doc, a): CodeAction[] => {
    const only = valid.codeActionOnly(p);
    const range = valid.range(p.range);
    if (wantsFixAll(only)) {
      const action = fixAll(scopeOf(doc, a));
      return action ? [action] : [];
    }
    const start = doc.offsetAt(range.start);
    const end = doc.offsetAt(range.end);
    const scope = scopeOf(doc, a);
    const actions: CodeAction[] = quickFixes(scope, start, end, canResolveActions);
    if (!only || only.some((k) => CodeActionKind.QuickFix.startsWith(k))) actions.push(...acceptActions(scope, start, end, ACCEPT_COMMAND));
    if (!only || only.some((k) => CodeActionKind.RefactorRewrite.startsWith(k))) {
      const rewrite = rewriteTableAt(a.report, doc.getText(), { start, end });
      if (rewrite) actions.push({ title: lsp.text(rewrite.title, locale(doc.uri)), kind: CodeActionKind.RefactorRewrite, edit: { changes: { [doc.uri]: lsp.edits({ edits: [rewrite.edit] }, a.report.lines) } } });
    }
    return actions;
  }),
);

connection.onCodeActionResolve((action) => {
  if (!isFixAllData(valid.codeAction(action).data)) return action;
  const doc = documents.get(action.data.uri);
  return resolveFixAll(action, doc && scopeOf(doc, analysisOf(doc)));
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
    const before = doc.getText({ start: { line: position.line, character: 0 }, end: position });
    if (!/^\S*$/.test(before)) return [];
    const last = doc.uri.replace(/[?#].*$/, '').split('/').pop() ?? '';
    let name = last;
    try {
      name = decodeURIComponent(last);
    } catch {
      // A malformed escape: the name as it stands still shows its digits.
    }
    return lsp.skeletonCompletions(skeletonYear(name, new Date()), { start: { line: position.line, character: 0 }, end: position }, locale(doc.uri));
  }),
);

/** A .docx, web page or PDF (its bytes, base64) as the report's canonical text, for the client to show read-only. */
onRequest(connection, ReadSource, (p) => sources.read(p, locale(p?.uri)));

/** The report model the totals preview shows. */
onRequest(connection, Tables, (p) =>
  withDoc(p, null, (doc, a) => ({ uri: doc.uri, version: doc.version, locale: locale(doc.uri), thresholds: folders.ratiosOf(doc.uri), view: reportView({ ...a, findings: shown(doc, a).findings }) })),
);

documents.listen(connection);
connection.listen();
