/**
 * The GovReport language server: a thin adapter between LSP and the analysis
 * library. It holds no knowledge of reports of its own; it analyses each
 * document version once, caches it, and serves every feature from it.
 * Runs in VS Code, or standalone (`node dist/server.js --stdio`) for other editors.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, applySettings, fixAllEdits, foldingRanges, hoverAt, outline, reportView, safeEdits, tableLenses, type Analysis } from './analysis';
import * as lsp from './lsp/convert';
import { DEFAULT_SETTINGS, readSettings, resolveLocale, type Settings } from './lsp/settings';
import { describePlace, legacyFormat, placeAt, readSource, sourceKind, type SourceText } from './sources/load';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
/** The rules' documentation, linked from every diagnostic's code (a .vsix stores it as readme.md). */
const DOCS = pathToFileURL(['README.md', 'readme.md'].map((f) => join(__dirname, '..', f)).find((f) => existsSync(f)) ?? join(__dirname, '..', 'README.md')).href;
/** Long enough to let a burst of keystrokes pass, short enough to feel immediate. */
const DEBOUNCE_MS = 30;

let settings: Settings = DEFAULT_SETTINGS;
let editorLocale: string | undefined;
let pullConfiguration = false;
const cache = new Map<string, { version: number; analysis: Analysis }>();
const timers = new Map<string, NodeJS.Timeout>();
/** Reports read from a .docx, web page or PDF, by the URI the client shows their text under. */
const sources = new Map<string, SourceText>();

/** More would only slow the editor down; the rest is summed up in one line. */
const MAX_DIAGNOSTICS = 1000;

/** The analysis of a document's current version, computed once. */
function analysisOf(doc: TextDocument): Analysis {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version) return hit.analysis;
  const analysis = analyze(doc.getText());
  for (const f of analysis.failures) {
    connection.console.error(`${f.code === 'reader' ? 'reading' : `rule ${f.code}`} failed on ${doc.uri}: ${f.error instanceof Error ? f.error.stack : String(f.error)}`);
  }
  cache.set(doc.uri, { version: doc.version, analysis });
  return analysis;
}

const locale = () => resolveLocale(settings, editorLocale);
const findings = (a: Analysis) => applySettings(a.findings, settings.rules);

function validate(doc: TextDocument): void {
  try {
    const a = analysisOf(doc);
    const all = findings(a);
    const diagnostics = all.slice(0, MAX_DIAGNOSTICS).map((f) => lsp.diagnostic(f, a.report.lines, doc.uri, locale(), DOCS));
    // A report read from a source: each finding also names its place there (表二 第 27 行 第 4 列).
    const source = sources.get(doc.uri);
    if (source && source.text === doc.getText()) {
      all.slice(0, MAX_DIAGNOSTICS).forEach((f, i) => {
        const place = placeAt(source, f.span.start);
        const where = place && describePlace(place)[locale() === 'en' ? 'en' : 'zh'];
        if (where) diagnostics[i].message += locale() === 'en' ? ` (${where})` : `（${where}）`;
      });
    }
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
  settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, lsp.FIX_ALL_KIND] },
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
  sources.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/** Runs a handler on an open document's analysis; unknown documents get `fallback`. */
function withDoc<T>(uri: string, fallback: T, run: (doc: TextDocument, a: Analysis) => T): T {
  const doc = documents.get(uri);
  return doc ? run(doc, analysisOf(doc)) : fallback;
}

connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (_, a) => lsp.symbols(outline(a.report), a.report.lines, locale())));
connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, [], (_, a) => lsp.folds(foldingRanges(a.report))));
connection.onCodeLens((p) => withDoc(p.textDocument.uri, [], (doc, a) => lsp.lenses(tableLenses(a.report), a.report.lines, doc.uri, locale())));
connection.onHover((p) =>
  withDoc(p.textDocument.uri, null, (doc, a) => {
    const offset = doc.offsetAt(p.position);
    const hover = lsp.hover(hoverAt(a.report, offset), a.report.lines, locale());
    // In a report read from a source, the hover also says where the cell stands there.
    const source = sources.get(doc.uri);
    const place = hover && source && source.text === doc.getText() ? placeAt(source, offset) : undefined;
    if (hover && place && typeof hover.contents === 'object' && 'value' in hover.contents) {
      const where = describePlace(place)[locale() === 'en' ? 'en' : 'zh'];
      if (where) hover.contents.value += locale() === 'en' ? `\n\nIn the source: ${where}` : `\n\n原文位置：${where}`;
    }
    return hover;
  }),
);

connection.onCodeAction((p) =>
  withDoc(p.textDocument.uri, [], (doc, a) => {
    const { lines } = a.report;
    const all = findings(a);
    const fixAll = (): CodeAction | undefined => {
      // Later rounds analyse the text as the earlier ones left it.
      const edits = fixAllEdits(doc.getText(), (text) => ({ findings: text === doc.getText() ? all : applySettings(analyze(text).findings, settings.rules) }));
      if (!edits.length) return undefined;
      return {
        title: locale() === 'en' ? 'Fix all auto-fixable report problems' : '修复所有可自动修复的问题',
        kind: lsp.FIX_ALL_KIND,
        edit: { changes: { [doc.uri]: lsp.edits({ edits }, lines) } },
      };
    };
    const only = p.context.only;
    if (only?.some((k) => lsp.FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source))) {
      const action = fixAll();
      return action ? [action] : [];
    }
    const start = doc.offsetAt(p.range.start);
    const end = doc.offsetAt(p.range.end);
    const actions: CodeAction[] = [];
    for (const f of all) {
      if (!f.fixes?.length || f.span.end < start || f.span.start > end) continue;
      const diag = lsp.diagnostic(f, lines, doc.uri, locale(), DOCS);
      for (const fix of f.fixes) actions.push(lsp.quickFix(fix, diag, lines, doc.uri, locale()));
    }
    // Beside the fixes at hand, "fix all" when there is more than one to make.
    const everything = actions.length && safeEdits(all).length > 1 ? fixAll() : undefined;
    if (everything) actions.push({ ...everything, kind: CodeActionKind.QuickFix });
    return actions;
  }),
);

/**
 * A .docx, web page or PDF (its bytes, base64) as the report's canonical text,
 * which the client shows read-only under `uri`; the source map is kept for
 * that document's diagnostics. The readers load on the first such request.
 */
connection.onRequest('govreport/readSource', async (p: { name: string; data: string; uri?: string }) => {
  const en = locale() === 'en';
  const legacy = legacyFormat(p.name);
  const kind = sourceKind(p.name);
  if (legacy || !kind) return { error: legacy ? legacy[en ? 'en' : 'zh'] : en ? 'not a .docx, web page or PDF' : '不是 .docx、网页或 PDF 文件' };
  const result = await readSource(kind, Buffer.from(p.data, 'base64'));
  if ('error' in result) return { error: result.error[en ? 'en' : 'zh'] };
  if (p.uri) sources.set(p.uri, result);
  return { text: result.text, kind: result.kind };
});

/** The report model the totals preview shows. */
connection.onRequest('govreport/tables', (p: { textDocument: { uri: string } }) =>
  withDoc(p.textDocument.uri, null, (doc, a) => ({ uri: doc.uri, version: doc.version, locale: locale(), view: reportView({ ...a, findings: findings(a) }) })),
);

documents.listen(connection);
connection.listen();
