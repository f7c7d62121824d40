/**
 * The GovReport language server: a thin adapter between LSP and the analysis
 * library. It holds no knowledge of reports of its own; it analyses each
 * document version once, caches it, and serves every feature from it.
 * Runs in VS Code, or standalone (`node dist/server.js --stdio`) for other editors.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { CodeActionKind, DidChangeConfigurationNotification, TextDocumentSyncKind, type CodeAction } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, applySettings, foldingRanges, hoverAt, outline, reportView, tableLenses, type Analysis } from './analysis';
import { fixAll, isFixAllData, quickFixes, resolveFixAll, wantsFixAll, type ActionScope } from './lsp/code-actions';
import * as lsp from './lsp/convert';
import { createDocuments } from './lsp/documents';
import * as valid from './lsp/params';
import { DEFAULT_SETTINGS, readSettings, resolveLocale, type Settings } from './lsp/settings';
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
let canResolveActions = false;
/** Keyed by the text itself, not the editor's version number (a client may repeat one). */
const cache = new Map<string, { text: string; analysis: Analysis }>();
const timers = new Map<string, NodeJS.Timeout>();

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

function validate(doc: TextDocument): void {
  try {
    const a = analysisOf(doc);
    const all = findings(a);
    const diagnostics = all.slice(0, MAX_DIAGNOSTICS).map((f) => lsp.diagnostic(f, a.report.lines, doc.uri, locale(), DOCS));
    if (all.length > MAX_DIAGNOSTICS) diagnostics.push(lsp.overflow(all.length - MAX_DIAGNOSTICS, locale()));
    if (a.failures.some((f) => f.code === 'reader')) diagnostics.push(lsp.internalError(locale()));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    void connection.sendNotification('govreport/analyzed', { uri: doc.uri, version: doc.version, counts: reportView(a).counts });
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
  settings = readSettings(raw);
  for (const doc of documents.all()) validate(doc);
}

connection.onInitialize((params) => {
  editorLocale = params.locale;
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  canResolveActions = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
  settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, lsp.FIX_ALL_KIND], resolveProvider: true },
    },
    serverInfo: { name: 'govreport' },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' });
    void loadSettings();
  }
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
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/** Runs a handler on an open document's analysis; unknown documents get `fallback`. Bad parameters get InvalidParams. */
function withDoc<T>(p: unknown, fallback: T, run: (doc: TextDocument, a: Analysis) => T): T {
  const doc = documents.get(valid.documentUri(p));
  return doc ? run(doc, analysisOf(doc)) : fallback;
}

connection.onDocumentSymbol((p) => withDoc(p, [], (_, a) => lsp.symbols(outline(a.report), a.report.lines, locale())));
connection.onFoldingRanges((p) => withDoc(p, [], (_, a) => lsp.folds(foldingRanges(a.report))));
connection.onCodeLens((p) => withDoc(p, [], (doc, a) => lsp.lenses(tableLenses(a.report), a.report.lines, doc.uri, locale())));
connection.onHover((p) => withDoc(p, null, (doc, a) => lsp.hover(hoverAt(a.report, doc.offsetAt(valid.position(p.position))), a.report.lines, locale())));

const scopeOf = (doc: TextDocument, a: Analysis): ActionScope => ({ uri: doc.uri, text: doc.getText(), analysis: a, findings: findings(a), rules: settings.rules, locale: locale(), docs: DOCS });

connection.onCodeAction((p) =>
  withDoc(p, [], (doc, a): CodeAction[] => {
    const only = valid.codeActionOnly(p);
    const range = valid.range(p.range);
    if (wantsFixAll(only)) {
      const action = fixAll(scopeOf(doc, a));
      return action ? [action] : [];
    }
    return quickFixes(scopeOf(doc, a), doc.offsetAt(range.start), doc.offsetAt(range.end), canResolveActions);
  }),
);

connection.onCodeActionResolve((action) => {
  if (!isFixAllData(valid.codeAction(action).data)) return action;
  const doc = documents.get(action.data.uri);
  return resolveFixAll(action, doc && scopeOf(doc, analysisOf(doc)));
});

/** The report model the totals preview shows. */
connection.onRequest('govreport/tables', (p: unknown) =>
  withDoc(p, null, (doc, a) => ({ uri: doc.uri, version: doc.version, locale: locale(), view: reportView({ ...a, findings: findings(a) }) })),
);

documents.listen(connection);
connection.listen();
