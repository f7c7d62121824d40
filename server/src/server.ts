/**
 * The GovReport language server: a thin adapter between LSP and the analysis
 * library. It holds no knowledge of reports of its own; it analyses each
 * document version once, caches it, and serves every feature from it.
 * Runs in VS Code, or standalone (`node dist/server.js --stdio`) for other editors.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { CodeActionKind, CodeLensRefreshRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, type CodeAction } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, applySettings, foldingRanges, formatTables, hoverAt, outline, reportView, rewriteTableAt, skeletonYear, tableLenses, type Analysis } from './analysis';
import { fixAll, isFixAllData, quickFixes, resolveFixAll, wantsFixAll, type ActionScope } from './lsp/code-actions';
import * as lsp from './lsp/convert';
import { createDocuments } from './lsp/documents';
import * as valid from './lsp/params';
import { DEFAULT_SETTINGS, readSettings, resolveLocale, type Settings } from './lsp/settings';
import { SUMMARY_COLUMNS } from './analysis/corpus/summary';
import { summaryCsv } from './summary/format';
import { WorkspaceReview } from './workspace/review';
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

const locale = () => resolveLocale(settings, editorLocale);
const findings = (a: Analysis) => applySettings(a.findings, settings.rules);

/** The reports checked together (the open ones, or the workspace's): rules across reports. */
const review = new WorkspaceReview({
  isOpen: (uri) => !!documents.get(uri),
  publish: (uri) => publish(uri),
  clear: (uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }),
  reindexOpen: () => documents.all().forEach(validate),
  settings: () => settings.rules,
  log: (message) => connection.console.warn(message),
});

/** The diagnostics across reports that stand on `uri`. */
const crossDiagnostics = (uri: string) => review.crossFindings(uri).map((f) => lsp.crossDiagnostic(f, locale(), DOCS));

/** Publishes a report's diagnostics from what is kept of it (open: its analysis; closed: its stored findings). */
function publish(uri: string): void {
  const doc = documents.get(uri);
  if (doc) return publishOpen(doc, analysisOf(doc));
  const stored = review.storedFindings(uri);
  if (!stored) return;
  const own = stored.flatMap((f) => {
    const s = settings.rules[f.code];
    if (s === 'off') return [];
    return [lsp.storedDiagnostic(s ? { ...f, severity: s } : f, uri, locale(), DOCS)];
  });
  const diagnostics = [...own.slice(0, MAX_DIAGNOSTICS), ...crossDiagnostics(uri)];
  void connection.sendDiagnostics({ uri, diagnostics });
}

function publishOpen(doc: TextDocument, a: Analysis): void {
  const all = findings(a);
  const diagnostics = all.slice(0, MAX_DIAGNOSTICS).map((f) => {
    const d = lsp.diagnostic(f, a.report.lines, doc.uri, locale(), DOCS);
    // A report read from a source: each finding also names its place there.
    d.message += lsp.placeSuffix(sources.where(doc, f.span.start, locale()), locale());
    return d;
  });
  if (all.length > MAX_DIAGNOSTICS) diagnostics.push(lsp.overflow(all.length - MAX_DIAGNOSTICS, locale()));
  if (a.failures.some((f) => f.code === 'reader')) diagnostics.push(lsp.internalError(locale()));
  diagnostics.push(...crossDiagnostics(doc.uri));
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
}

function validate(doc: TextDocument): void {
  try {
    const a = analysisOf(doc);
    const others = review.opened(doc.uri, a);
    publishOpen(doc, a);
    for (const uri of others) publish(uri);
    void sendNotification(connection, Analyzed, { uri: doc.uri, version: doc.version, counts: reportView(a).counts });
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
  if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }] });
  if (folderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      review.setFolders(((await connection.workspace.getWorkspaceFolders()) ?? []).map((f) => f.uri));
      if (review.reviewing) void reviewWorkspace();
    });
  }
});

connection.onDidChangeWatchedFiles((p) => {
  void review.changed(p.changes.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted })));
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
  return { locale: locale(), reviewed: review.reviewing, columns, rows, thresholds: settings.ratios, csv: p?.csv ? summaryCsv(rows, lang) : undefined };
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

connection.onDocumentSymbol((p) => withDoc(p, [], (_, a) => lsp.symbols(outline(a.report), a.report.lines, locale())));
connection.onFoldingRanges((p) => withDoc(p, [], (_, a) => lsp.folds(foldingRanges(a.report))));
connection.onCodeLens((p) => withDoc(p, [], (doc, a) => lsp.lenses(tableLenses(a.report), a.report.lines, doc.uri, locale())));
connection.onHover((p) =>
  withDoc(p, null, (doc, a) => {
    const offset = doc.offsetAt(valid.position(p.position));
    const hover = lsp.hover(hoverAt(a.report, offset), a.report.lines, locale());
    // In a report read from a source, the hover also says where the cell stands there.
    const where = hover && sources.where(doc, offset, locale());
    if (where && typeof hover.contents === 'object' && 'value' in hover.contents) hover.contents.value += locale() === 'en' ? `\n\nIn the source: ${where}` : `\n\n原文位置：${where}`;
    return hover;
  }),
);

const scopeOf = (doc: TextDocument, a: Analysis): ActionScope => ({ uri: doc.uri, text: doc.getText(), analysis: a, findings: findings(a), rules: settings.rules, locale: locale(), docs: DOCS });

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
    const actions: CodeAction[] = quickFixes(scopeOf(doc, a), start, end, canResolveActions);
    if (!only || only.some((k) => CodeActionKind.RefactorRewrite.startsWith(k))) {
      const rewrite = rewriteTableAt(a.report, doc.getText(), { start, end });
      if (rewrite) actions.push({ title: lsp.text(rewrite.title, locale()), kind: CodeActionKind.RefactorRewrite, edit: { changes: { [doc.uri]: lsp.edits({ edits: [rewrite.edit] }, a.report.lines) } } });
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
    return lsp.skeletonCompletions(skeletonYear(name, new Date()), { start: { line: position.line, character: 0 }, end: position }, locale());
  }),
);

/** A .docx, web page or PDF (its bytes, base64) as the report's canonical text, for the client to show read-only. */
onRequest(connection, ReadSource, (p) => sources.read(p, locale()));

/** The report model the totals preview shows. */
onRequest(connection, Tables, (p) =>
  withDoc(p, null, (doc, a) => ({ uri: doc.uri, version: doc.version, locale: locale(), thresholds: settings.ratios, view: reportView({ ...a, findings: findings(a) }) })),
);

documents.listen(connection);
connection.listen();
