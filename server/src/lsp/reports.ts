/**
 * The reports as the editor is told of them: each open document's current
 * version analysed once (keyed by its text, not the editor's version number,
 * which a client may repeat), checked again after a pause in typing, and its
 * diagnostics published (its own, capped, and those across reports) with the
 * counts the status item shows; a closed report's from what the workspace
 * review kept of it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, countBySeverity, subjectAt, type Analysis } from '../analysis';
import { Analyzed, sendNotification } from '../protocol';
import { WorkspaceReview } from '../workspace/review';
import type { ActionScope } from './code-actions';
import * as lsp from './convert';
import type { EditorFolders } from './folders';
import type { SourceDocuments } from './sources';

/** Long enough to let a burst of keystrokes pass, short enough to feel immediate. */
const DEBOUNCE_MS = 30;
/**
 * A document whose last check took less than this is checked at once after a
 * change: a keystroke then waits at most that long behind a check, and the
 * pause would cost more than the check it saves.
 */
const CHEAP_MS = 8;
/** More would only slow the editor down; the rest is summed up in one line. */
const MAX_DIAGNOSTICS = 1000;

export interface ReportsHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  folders: EditorFolders;
  sources: SourceDocuments;
  /** The rules' documentation, linked from every diagnostic's code. */
  docs: string;
}

/** The rules' documentation beside the server's folder (`dir`, where a .vsix stores it as readme.md), linked from every diagnostic's code. */
export function rulesDocs(dir: string): string {
  return pathToFileURL(['README.md', 'readme.md'].map((f) => join(dir, f)).find((f) => existsSync(f)) ?? join(dir, 'README.md')).href;
}

/** What counts of what is shown: the accepted left out. */
function countable<F>(s: { findings: F[]; accepted: Set<F> }): F[] {
  return s.accepted.size ? s.findings.filter((f) => !s.accepted.has(f)) : s.findings;
}

export class EditorReports {
  private readonly cache = new Map<string, { text: string; analysis: Analysis }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** What the last check of each open document took, ms. */
  private readonly costs = new Map<string, number>();
  /** The reports checked together (the open ones, or the workspace's): rules across reports. */
  readonly review: WorkspaceReview;

  constructor(private readonly host: ReportsHost) {
    const { documents, folders } = host;
    this.review = new WorkspaceReview({
      isOpen: (uri) => !!documents.get(uri),
      publish: (uri) => this.publish(uri),
      clear: (uri) => this.clear(uri),
      reindexOpen: () => this.validateAll(),
      visible: (uri, a) => folders.visible(uri, a),
      visibleStored: (uri, stored) => countable(folders.shown(uri, stored, (f) => f.at)),
      visibleCross: (uri, found) => countable(folders.shown(uri, found, (f) => f.at, (f) => f.values)),
      digestOptions: (uri) => folders.digestOptions(uri),
      ignores: (uri) => folders.ignores(uri),
      log: (message) => host.connection.console.warn(message),
    });
  }

  /** The analysis of a document's current version, computed once. */
  analysisOf(doc: TextDocument): Analysis {
    const text = doc.getText();
    const hit = this.cache.get(doc.uri);
    if (hit && hit.text === text) return hit.analysis;
    const analysis = analyze(text);
    for (const f of analysis.failures) {
      this.host.connection.console.error(`${f.code === 'reader' ? 'reading' : `rule ${f.code}`} failed on ${doc.uri}: ${f.error instanceof Error ? f.error.stack : String(f.error)}`);
    }
    this.cache.set(doc.uri, { text, analysis });
    return analysis;
  }

  /** Checks a document and publishes it, and the reports its findings across reports stand on. */
  validate(doc: TextDocument): void {
    const { connection, folders } = this.host;
    const started = performance.now();
    try {
      const a = this.analysisOf(doc);
      const others = this.review.opened(doc.uri, a);
      this.publishOpen(doc, a);
      for (const uri of others) this.publish(uri);
      const counts = countBySeverity(folders.ignores(doc.uri) ? [] : folders.shownOf(doc.uri, a).findings);
      void sendNotification(connection, Analyzed, { uri: doc.uri, version: doc.version, counts });
    } catch (error) {
      // Whatever happened to this document, the server goes on serving the others.
      connection.console.error(`checking ${doc.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    this.costs.set(doc.uri, performance.now() - started);
  }

  validateAll(): void {
    for (const doc of this.host.documents.all()) this.validate(doc);
  }

  /** Checks a document once typing pauses, or at once when its checks cost little. */
  schedule(doc: TextDocument, delay = (this.costs.get(doc.uri) ?? DEBOUNCE_MS) < CHEAP_MS ? 0 : DEBOUNCE_MS): void {
    clearTimeout(this.timers.get(doc.uri));
    this.timers.set(doc.uri, setTimeout(() => {
      this.timers.delete(doc.uri);
      const current = this.host.documents.get(doc.uri);
      if (current) this.validate(current);
    }, delay));
  }

  /** A document closed: what was kept of it goes, its diagnostics are cleared. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.costs.delete(uri);
    this.cache.delete(uri);
    this.host.sources.forget(uri);
    this.clear(uri);
  }

  clear(uri: string): void {
    void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Publishes a report's diagnostics from what is kept of it (open: its analysis; closed: its stored findings). */
  publish(uri: string): void {
    const { documents, folders, docs } = this.host;
    const doc = documents.get(uri);
    if (doc) return this.publishOpen(doc, this.analysisOf(doc));
    const stored = this.review.storedFindings(uri);
    if (!stored) return;
    const locale = folders.localeOf(uri);
    const own = folders.shown(uri, stored, (f) => f.at).findings.map((f) => lsp.storedDiagnostic(f, uri, locale, docs));
    void this.host.connection.sendDiagnostics({ uri, diagnostics: [...own.slice(0, MAX_DIAGNOSTICS), ...this.crossDiagnostics(uri)] });
  }

  /** What a code action works on: the document, its analysis, its findings as shown. */
  scopeOf(doc: TextDocument, a: Analysis): ActionScope {
    const { folders } = this.host;
    const { findings, accepted } = folders.shownOf(doc.uri, a);
    return {
      uri: doc.uri,
      text: doc.getText(),
      analysis: a,
      findings,
      accepted,
      visible: (later) => folders.visible(doc.uri, later),
      entry: (f) => folders.entry(doc.uri, f.code, subjectAt(a.report, f.span.start), f.message),
      locale: folders.localeOf(doc.uri),
      docs: this.host.docs,
    };
  }

  private publishOpen(doc: TextDocument, a: Analysis): void {
    const { connection, folders, sources, docs } = this.host;
    // A report the folder's settings leave out says nothing.
    if (folders.ignores(doc.uri)) return void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
    const all = folders.shownOf(doc.uri, a).findings;
    const locale = folders.localeOf(doc.uri);
    const diagnostics = all.slice(0, MAX_DIAGNOSTICS).map((f) => {
      const d = lsp.diagnostic(f, a.report.lines, doc.uri, locale, docs);
      // A report read from a source: each finding also names its place there.
      d.message += lsp.placeSuffix(sources.where(doc, f.span.start, locale), locale);
      return d;
    });
    if (all.length > MAX_DIAGNOSTICS) diagnostics.push(lsp.overflow(all.length - MAX_DIAGNOSTICS, locale));
    if (a.failures.some((f) => f.code === 'reader')) diagnostics.push(lsp.internalError(locale));
    diagnostics.push(...this.crossDiagnostics(doc.uri));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  /** The diagnostics across reports that stand on `uri`. */
  private crossDiagnostics(uri: string) {
    const { folders, docs } = this.host;
    const locale = folders.localeOf(uri);
    return folders.shown(uri, this.review.crossFindings(uri), (f) => f.at, (f) => f.values).findings.map((f) => lsp.crossDiagnostic(f, locale, docs));
  }
}
