/**
 * The workspace review: every report of the workspace checked, open or not,
 * and kept current as files change on disk. A closed report keeps only what
 * Problems and the rules across reports need: its findings with their ranges
 * (not its text or analysis) and its digest in the index by body. The scan
 * reads one file at a time and yields between files, so that typing in an
 * open report is served at once.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, relative, sep } from 'node:path';
import { analyze, applySettings, type Analysis, type Finding, type RuleSettings } from '../analysis';
import { digest, ReportIndex, type CrossFinding } from '../analysis/corpus';
import { summaryRow, type SummaryRow } from '../analysis/corpus/summary';
import type { Range } from '../analysis/model/view';
import type { LineIndex, Span } from '../analysis/text/lines';
import type { Text2 } from '../analysis/schema/tables';
import { findReports, readerFor, type Reader } from './files';

/** A finding of a closed report, its places resolved while its text was at hand. */
export interface StoredFinding {
  code: Finding['code'];
  severity: Finding['severity'];
  range: Range;
  message: Text2;
  related: { range: Range; message: Text2 }[];
}

export interface ReviewHost {
  isOpen(uri: string): boolean;
  /** Publishes a report's diagnostics (its own and those across reports). */
  publish(uri: string): void;
  /** Clears a report's diagnostics. */
  clear(uri: string): void;
  /** Analyses the open reports again (they join the index when the review starts). */
  reindexOpen(): void;
  settings(): RuleSettings;
  log(message: string): void;
}

export interface ScanProgress {
  begin(total: number): void;
  report(done: number, total: number, file: string): void;
  cancelled(): boolean;
}

const toRange = (lines: LineIndex, span: Span): Range => ({ start: lines.positionAt(span.start), end: lines.positionAt(span.end) });

function store(analysis: Analysis): StoredFinding[] {
  const { lines } = analysis.report;
  return analysis.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    range: toRange(lines, f.span),
    message: f.message,
    related: (f.related ?? []).map((r) => ({ range: toRange(lines, r.span), message: r.message })),
  }));
}

/** Lets the event loop serve what is waiting (an edit, a hover) before the next file. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceReview {
  readonly index = new ReportIndex();
  /** Closed reports of the workspace: their findings, default severities. */
  private readonly closed = new Map<string, StoredFinding[]>();
  private folders: string[] = [];
  /** Whether the whole workspace is kept in view (scope `workspace`, or after Review Workspace). */
  private active = false;
  private scanning: { cancel: boolean } | undefined;

  constructor(private readonly host: ReviewHost) {}

  get reviewing(): boolean {
    return this.active;
  }

  setFolders(uris: string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  }

  /**
   * An open document was analysed: while the workspace is reviewed, its digest
   * replaces the one in the index. Only the workspace's files count: a diff's or
   * a commit's view of a report (git:, untitled:) is not another report, nor is
   * a file open from elsewhere (a sample, a download).
   */
  opened(uri: string, analysis: Analysis): string[] {
    this.closed.delete(uri);
    const before = this.index.related(uri);
    if (!this.active || !this.inWorkspace(uri)) this.index.remove(uri);
    else this.index.set(digest(uri, analysis, applySettings(analysis.findings, this.host.settings())));
    return [...new Set([...before, ...this.index.related(uri)])].filter((u) => u !== uri);
  }

  /** A file of the workspace's folders (any file, when the editor has no folder open). */
  private inWorkspace(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const path = fileURLToPath(uri);
    return !this.folders.length || this.folders.some((f) => path.startsWith(f + sep));
  }

  /** A document was closed: reread from disk when reviewing the workspace, else forgotten. */
  async closedDocument(uri: string): Promise<void> {
    if (this.active && uri.startsWith('file:')) {
      const path = fileURLToPath(uri);
      const reader = await readerFor(path, basename(path));
      if (reader && (await this.load(uri, path, reader))) return;
    }
    this.forget(uri);
  }

  /** The closed reports kept. */
  closedReports(): string[] {
    return [...this.closed.keys()];
  }

  /** Own findings of a closed report (undefined when it is not one). */
  storedFindings(uri: string): StoredFinding[] | undefined {
    return this.closed.get(uri);
  }

  /** The findings across reports that stand on `uri`, the settings applied. */
  crossFindings(uri: string): CrossFinding[] {
    return applySettings(this.index.findingsFor(uri), this.host.settings());
  }

  /** The summary's rows, for the folder overview: every report in the index. */
  summary(): SummaryRow[] {
    const rows: SummaryRow[] = [];
    for (const d of this.index.all()) rows.push(summaryRow(d, this.crossFindings(d.file)));
    return rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** A report's path relative to its workspace folder, for people and spreadsheets. */
  displayPath(uri: string): string {
    if (!uri.startsWith('file:')) return uri;
    const path = fileURLToPath(uri);
    const folder = this.folders.find((f) => path.startsWith(f + sep));
    return folder ? relative(folder, path).split(sep).join('/') : path;
  }

  /** Reads a closed report and publishes its findings; false when it is no report. */
  private async load(uri: string, path: string, reader: Reader): Promise<boolean> {
    let text: string | undefined;
    try {
      text = await reader.read(path);
    } catch (e) {
      this.host.log(`reading ${path} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    // Opened meanwhile: the editor's text wins.
    if (text === undefined || this.host.isOpen(uri)) return text !== undefined;
    const analysis = analyze(text);
    this.closed.set(uri, store(analysis));
    const before = this.index.related(uri);
    this.index.set(digest(uri, analysis, applySettings(analysis.findings, this.host.settings())));
    for (const u of new Set([...before, ...this.index.related(uri)])) this.host.publish(u);
    return true;
  }

  private forget(uri: string): void {
    const had = this.closed.delete(uri);
    const affected = this.index.related(uri);
    this.index.remove(uri);
    if (had || affected.length) this.host.clear(uri);
    for (const u of affected) if (u !== uri) this.host.publish(u);
  }

  /**
   * Checks every report of the workspace; resolves with the number of reports
   * now in view, open ones included: the count the overview's table shows.
   */
  async scan(progress: ScanProgress): Promise<{ files: number; cancelled: boolean }> {
    if (this.scanning) this.scanning.cancel = true;
    const state = { cancel: false };
    this.scanning = state;
    if (!this.active) {
      this.active = true;
      this.host.reindexOpen();
    }
    const cancelled = () => state.cancel || progress.cancelled();
    try {
      const found: { path: string; reader: Reader }[] = [];
      for (const folder of this.folders) found.push(...(await findReports(folder, cancelled)));
      progress.begin(found.length);
      const seen = new Set<string>();
      let done = 0;
      for (const { path, reader } of found) {
        if (cancelled()) return { files: this.index.size, cancelled: true };
        const uri = pathToFileURL(path).href;
        seen.add(uri);
        if (!this.host.isOpen(uri)) await this.load(uri, path, reader);
        done++;
        progress.report(done, found.length, basename(path));
        await yieldToEvents();
      }
      // Reports gone since the last scan.
      for (const uri of [...this.closed.keys()]) if (!seen.has(uri)) this.forget(uri);
      return { files: this.index.size, cancelled: false };
    } finally {
      if (this.scanning === state) this.scanning = undefined;
    }
  }

  /** Stops keeping the workspace: closed reports are forgotten, their problems cleared. */
  stop(): void {
    if (this.scanning) this.scanning.cancel = true;
    this.active = false;
    for (const uri of [...this.closed.keys()]) this.forget(uri);
    // The open reports stay, on their own.
    const open = [...this.index.all()].map((d) => d.file);
    for (const uri of open) this.index.remove(uri);
    for (const uri of open) this.host.publish(uri);
  }

  /** Files changed on disk (created, changed, deleted): the closed ones are read again. */
  async changed(changes: { uri: string; deleted: boolean }[]): Promise<void> {
    if (!this.active) return;
    for (const { uri, deleted } of changes) {
      if (!uri.startsWith('file:') || this.host.isOpen(uri)) continue;
      const path = fileURLToPath(uri);
      if (!this.folders.some((f) => path.startsWith(f + sep))) continue;
      if (deleted) {
        this.forget(uri);
        continue;
      }
      const reader = await readerFor(path, basename(path)).catch(() => undefined);
      if (!reader || !(await this.load(uri, path, reader))) this.forget(uri);
      await yieldToEvents();
    }
  }
}
