/** From the analysis library's plain data to LSP's types. */
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  DiagnosticSeverity,
  SymbolKind,
  type CodeLens,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node';
import { type CrossFinding, EDITOR_WORDS, type Finding, type Fix, type Fold, type Hover as ReportHover, type LineIndex, type OutlineKind, type OutlineNode, pick, rangeOf, type Severity, SKELETON_PREFIXES, skeletonSnippet, skeletonYearOf, type TableLens, type Text2 } from '../analysis';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { StoredFinding } from '../workspace/review';
import type { Locale } from './settings';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function diagnostic(f: Finding, lines: LineIndex, uri: string, locale: Locale, docs: string): Diagnostic {
  return {
    range: rangeOf(lines, f.span),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: `${docs}#${f.code}` },
    source: 'govreport',
    message: pick(f.message, locale),
    relatedInformation: f.related?.map((r) => ({ location: { uri, range: rangeOf(lines, r.span) }, message: pick(r.message, locale) })),
  };
}

/** A finding whose places were resolved to ranges already, its related places in `uriOf`'s files. */
function placedDiagnostic<R extends { range: Range; message: Text2 }>(
  f: { code: string; severity: Severity; range: Range; message: Text2; related: R[] },
  uriOf: (related: R) => string,
  locale: Locale,
  docs: string,
): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: `${docs}#${f.code}` },
    source: 'govreport',
    message: pick(f.message, locale),
    relatedInformation: f.related.map((r) => ({ location: { uri: uriOf(r), range: r.range }, message: pick(r.message, locale) })),
  };
}

/** A finding across reports: its related places are in other files. */
export function crossDiagnostic(f: CrossFinding, locale: Locale, docs: string): Diagnostic {
  return placedDiagnostic(f, (r) => r.file, locale, docs);
}

/** ` (表二 第 27 行 第 4 列)`: a finding's place in the source its report was read from, to follow its message. */
export function placeSuffix(where: string | undefined, locale: Locale): string {
  return where ? pick(EDITOR_WORDS.placeSuffix(where), locale) : '';
}

/** A closed report's finding, its places resolved when it was read (in the source too, for a .docx, web page or PDF). */
export function storedDiagnostic(f: StoredFinding, uri: string, locale: Locale, docs: string): Diagnostic {
  const d = placedDiagnostic(f, () => uri, locale, docs);
  d.message += placeSuffix(f.place && pick(f.place, locale), locale);
  return d;
}

export function edits(fix: Fix | { edits: Fix['edits'] }, lines: LineIndex): TextEdit[] {
  return fix.edits.map((e) => ({ range: rangeOf(lines, e.span), newText: e.newText }));
}

export function quickFix(fix: Fix, diag: Diagnostic, lines: LineIndex, uri: string, locale: Locale): CodeAction {
  const action = CodeAction.create(pick(fix.title, locale), { changes: { [uri]: edits(fix, lines) } }, CodeActionKind.QuickFix);
  action.diagnostics = [diag];
  action.isPreferred = fix.safe;
  return action;
}

const SYMBOL: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  part: SymbolKind.Module,
  subpart: SymbolKind.Namespace,
  table: SymbolKind.Struct,
  row: SymbolKind.Field,
};

export function symbols(nodes: OutlineNode[], lines: LineIndex, locale: Locale): DocumentSymbol[] {
  return nodes.map((n) => ({
    name: pick(n.name, locale) || '—',
    detail: n.detail ? pick(n.detail, locale) : undefined,
    kind: SYMBOL[n.kind],
    range: rangeOf(lines, n.span),
    selectionRange: rangeOf(lines, n.selection),
    children: symbols(n.children, lines, locale),
  }));
}

export function folds(list: Fold[]): FoldingRange[] {
  return list.map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: 'region' }));
}

export function lenses(list: TableLens[], lines: LineIndex, uri: string, locale: Locale): CodeLens[] {
  return list.map((l) => ({
    range: rangeOf(lines, l.span),
    command: { title: pick(l.title, locale), command: 'govreport.showPreview', arguments: [uri] },
  }));
}

/** A hover; in a report read from a source, it also says where the cell stands there (`where`). */
export function hover(h: ReportHover | undefined, lines: LineIndex, locale: Locale, where?: () => string | undefined): Hover | null {
  if (!h) return null;
  const place = where?.();
  const value = pick(h.contents, locale) + (place ? `\n\n${pick(EDITOR_WORDS.sourcePlace(place), locale)}` : '');
  return { contents: { kind: 'markdown', value }, range: rangeOf(lines, h.span) };
}

/** Stands for the findings left out so as not to flood the editor. */
export function overflow(count: number, locale: Locale): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'govreport',
    message: pick(EDITOR_WORDS.overflow(count), locale),
  };
}

/** Said when the report could not be read at all (the cause is in the log). */
export function internalError(locale: Locale): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: 'govreport',
    message: pick(EDITOR_WORDS.internalError, locale),
  };
}

/**
 * The whole report's skeleton, offered at the start of a line (only a word
 * typed before the cursor), for the year the file is about, under each of its
 * prefixes (年报, nianbao, report-skeleton), replacing what was typed.
 */
export function skeletonCompletions(doc: TextDocument, position: Position, locale: Locale, now = new Date()): CompletionItem[] {
  const range = { start: { line: position.line, character: 0 }, end: position };
  if (!/^\S*$/.test(doc.getText(range))) return [];
  const year = skeletonYearOf(doc.uri, now);
  const body = skeletonSnippet(year);
  const detail = pick(EDITOR_WORDS.skeleton(year), locale);
  return SKELETON_PREFIXES.map((prefix, i) => ({
    label: prefix,
    labelDetails: { description: detail },
    kind: CompletionItemKind.Snippet,
    detail,
    documentation: { kind: 'markdown', value: ['```', body.replace(/\$\{\d+:([^}]*)\}|\$\{(\d+)\}|\$\d+/g, (_m, d, n) => d ?? (n === '2' ? String(year) : '')).split('\n').slice(0, 8).join('\n'), '…', '```'].join('\n') },
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: body },
    sortText: `0${i}`,
  }));
}
