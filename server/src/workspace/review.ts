/**
 * The workspace review: every report of the workspace checked, open or not,
 * in any form (text, .docx, web page, PDF: found and read as the command line
 * finds and reads them), and kept current as files change on disk. A closed
 * report keeps only what Problems and the rules across reports need: its
 * findings with their ranges and their places in the source (not its text or
 * analysis) and its digest in the index by body. The scan reads one file at a
 * time and yields between files, so that typing in an open report is served
 * at once; the reports whose problems changed are published once a batch of
 * files is read, each once, however many of its body's reports came in.
 */
import { basename, relative, sep } from 'node:path';
import { URI } from 'vscode-uri';
import { analyze, countBySeverity, rangeOf, subjectAt, type Analysis, type Finding, type Range, type Span } from '../analysis';
import { digest, ReportIndex, type CrossFinding, type DigestOptions } from '../analysis/corpus';
import type { Subject } from '../analysis/features/subject';
import { summaryRow, type SummaryRow } from '../analysis/corpus/summary';
import type { Text2 } from '../analysis/schema/tables';
import { isReportName, readReport, sourceKind, walkReports, type ReportFile } from '../inputs';
import { sourceDocumentUri, sourceOf } from '../protocol';
import { describePlace, placeAt, type SourceText } from '../sources/load';

/** A finding of a closed report, its places resolved while its text was at hand. */
export interface StoredFinding {
  code: Finding['code'];
  severity: Finding['severity'];
  range: Range;
  message: Text2;
  /** Where it stands in the .docx, web page or PDF the report was read from. */
  place?: Text2;
  related: { range: Range; message: Text2 }[];
  /** What it is about, for the accepted findings. */
  at: Subject;
}

export interface ReviewHost {
  isOpen(uri: string): boolean;
  /** Publishes a report's diagnostics (its own and those across reports). */
  publish(uri: string): void;
  /** Clears a report's diagnostics. */
  clear(uri: string): void;
  /** Analyses the open reports again (they join the index when the review starts). */
  reindexOpen(): void;
  /** A report's findings that count (its rules applied, the accepted left out). */
  visible(uri: string, analysis: Analysis): Finding[];
  /** The same of a closed report's stored findings, and of findings across reports. */
  visibleStored(uri: string, findings: StoredFinding[]): StoredFinding[];
  visibleCross(uri: string, findings: CrossFinding[]): CrossFinding[];
  /** How a report's digest is made (body aliases, the cells of summary reports and units). */
  digestOptions(uri: string): DigestOptions;
  /** Whether the folder's settings leave a report out. */
  ignores(uri: string): boolean;
  log(message: string): void;
}

export interface ScanProgress {
  begin(total: number): void;
  report(done: number, total: number, file: string): void;
  cancelled(): boolean;
}

/** Files read between two publications of what changed, in a scan. */
const PUBLISH_EVERY = 250;
/** Reports published between two turns of the event loop. */
const PUBLISH_AT_ONCE = 20;

/** Where a span stands in the source, when there is a place to name. */
function placeOf(source: SourceText | undefined, span: Span): Text2 | undefined {
  const place = source && placeAt(source, span.start);
  const described = place && describePlace(place);
  return described?.zh ? described : undefined;
}

function store(analysis: Analysis, source: SourceText | undefined): StoredFinding[] {
  const { lines } = analysis.report;
  return analysis.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    range: rangeOf(lines, f.span),
    message: f.message,
    place: placeOf(source, f.span),
    related: (f.related ?? []).map((r) => ({ range: rangeOf(lines, r.span), message: r.message })),
    at: subjectAt(analysis.report, f.span.start),
  }));
}

/**
 * The URI a report file is known by: a text file's own; for a .docx, web page
 * or PDF, the document the editor shows its report text under.
 */
export function reportUri(path: string): string {
  const file = URI.file(path).toString();
  return sourceKind(path) ? sourceDocumentUri(file) : file;
}

/** The file on disk behind a report's URI (a file: URI, or a source document's), if any. */
export function pathOf(uri: string): string | undefined {
  const file = sourceOf(uri) ?? uri;
  return file.startsWith('file:') ? URI.parse(file).fsPath : undefined;
}

/** Lets the event loop serve what is waiting (an edit, a hover) before the next file. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceReview {
  readonly index = new ReportIndex();
  /** Closed reports of the workspace: their findings, default severities. */
  private readonly closed = new Map<string, StoredFinding[]>();
  /** Reports whose problems changed since they were last published. */
  private readonly changes = new Set<string>();
  private folders: string[] = [];
  /** Whether the whole workspace is kept in view (scope `workspace`, or after Review Workspace). */
  private active = false;
  private scanning: { cancel: boolean } | undefined;
  /** Closes and changes on disk still being read: the overview waits for them, so that it shows what the editor did last. */
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly host: ReviewHost) {}

  get reviewing(): boolean {
    return this.active;
  }

  /** The workspace folders, as paths. */
  get folderPaths(): string[] {
    return this.folders;
  }

  setFolders(uris: string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => URI.parse(u).fsPath);
  }

  /**
   * An open document was analysed: while the workspace is reviewed, its digest
   * replaces the one in the index. Only the workspace's files count (a source
   * document, by its source): a diff's or a commit's view of a report (git:,
   * untitled:) is not another report, nor is a file open from elsewhere (a
   * sample, a download). Returns the other reports whose problems changed.
   */
  opened(uri: string, analysis: Analysis): string[] {
    this.closed.delete(uri);
    const before = this.index.related(uri);
    if (!this.active || !this.inWorkspace(uri) || this.host.ignores(uri)) this.index.remove(uri);
    else this.index.set(digest(uri, analysis, this.host.visible(uri, analysis), this.host.digestOptions(uri)));
    return [...new Set([...before, ...this.index.related(uri)])].filter((u) => u !== uri);
  }

  /** A report of the workspace's folders (any file, when the editor has no folder open). */
  private inWorkspace(uri: string): boolean {
    const path = pathOf(uri);
    return path !== undefined && this.inFolders(path);
  }

  private inFolders(path: string): boolean {
    return !this.folders.length || this.folders.some((f) => path.startsWith(f + sep));
  }

  /** A document was closed: reread from disk when reviewing the workspace, else forgotten. */
  closedDocument(uri: string): Promise<void> {
    return this.track(async () => {
      const path = pathOf(uri);
      if (!this.active || path === undefined || !this.inFolders(path) || !(await this.load(uri, path))) this.forget(uri);
      await this.publishChanges();
    });
  }

  /** Resolves once every close and change on disk received so far is taken in. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private track(work: () => Promise<void>): Promise<void> {
    const done = work().finally(() => this.pending.delete(done));
    this.pending.add(done);
    return done;
  }

  /** The closed reports kept. */
  closedReports(): string[] {
    return [...this.closed.keys()];
  }

  /** Own findings of a closed report (undefined when it is not one). */
  storedFindings(uri: string): StoredFinding[] | undefined {
    return this.closed.get(uri);
  }

  /** The findings across reports that stand on `uri` (to be shown as the folder's settings say). */
  crossFindings(uri: string): CrossFinding[] {
    return this.index.findingsFor(uri);
  }

  /**
   * The accepted findings changed: each closed report's counts (the
   * overview's errors and warnings) are taken again from its stored
   * findings, and every report is published again.
   */
  async acceptedChanged(): Promise<void> {
    for (const [uri, stored] of this.closed) {
      const d = this.index.get(uri);
      if (d) d.counts = countBySeverity(this.host.visibleStored(uri, stored));
      this.changes.add(uri);
    }
    for (const d of this.index.all()) this.changes.add(d.file);
    await this.publishChanges();
  }

  /** The summary's rows, for the folder overview: every report in the index. */
  summary(): SummaryRow[] {
    const rows: SummaryRow[] = [];
    for (const d of this.index.all()) rows.push(summaryRow(d, this.host.visibleCross(d.file, this.crossFindings(d.file))));
    return rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** A report's path relative to its workspace folder (a source's, for its report text), for people and spreadsheets. */
  displayPath(uri: string): string {
    const path = pathOf(uri);
    if (path === undefined) return uri;
    const folder = this.folders.find((f) => path.startsWith(f + sep));
    return folder ? relative(folder, path).split(sep).join('/') : path;
  }

  /**
   * Reads a closed report (found on disk, not named: a text that is no report
   * is told from its start) and keeps its findings; false when it is no
   * report or cannot be read. Its problems, and those of the reports compared
   * with it, are published with the next batch (publishChanges).
   */
  private async load(uri: string, path: string): Promise<boolean> {
    if (this.host.ignores(uri)) return false;
    let read: ReportFile;
    try {
      read = await readReport(path, true);
    } catch (e) {
      read = { file: path, error: { zh: String(e), en: String(e) } };
    }
    if (read.error && !read.notReport) this.host.log(`${path}: ${read.error.en}`);
    if (read.text === undefined || read.notReport) return false;
    // Opened meanwhile: the editor's text wins.
    if (this.host.isOpen(uri)) return true;
    const analysis = analyze(read.text);
    this.closed.set(uri, store(analysis, read.source));
    const before = this.index.related(uri);
    this.index.set(digest(uri, analysis, this.host.visible(uri, analysis), this.host.digestOptions(uri)));
    for (const u of [uri, ...before, ...this.index.related(uri)]) this.changes.add(u);
    return true;
  }

  private forget(uri: string): void {
    const had = this.closed.delete(uri);
    const affected = this.index.related(uri);
    this.index.remove(uri);
    this.changes.delete(uri);
    if (had || affected.length) this.host.clear(uri);
    for (const u of affected) if (u !== uri) this.changes.add(u);
  }

  /** Publishes each report whose problems changed since, once; a few at a time, so that an edit waiting is served between. */
  private async publishChanges(): Promise<void> {
    const changed = [...this.changes];
    this.changes.clear();
    for (let i = 0; i < changed.length; i++) {
      if (i && i % PUBLISH_AT_ONCE === 0) await yieldToEvents();
      this.host.publish(changed[i]);
    }
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
      // The files that may be reports, by name; each is read (and told a report or not) in turn below.
      const found: string[] = [];
      const folders = new Set<string>();
      for (const folder of this.folders) {
        for await (const path of walkReports(folder, folders, cancelled)) {
          // A name that is not UTF-8 has no URI the editor would agree on.
          if (typeof path === 'string') found.push(path);
        }
      }
      progress.begin(found.length);
      const seen = new Set<string>();
      let done = 0;
      for (const path of found) {
        if (cancelled()) return { files: this.index.size, cancelled: true };
        const uri = reportUri(path);
        seen.add(uri);
        // An open report is the editor's, checked as it is typed.
        if (!this.host.isOpen(uri) && !(await this.load(uri, path))) this.forget(uri);
        done++;
        progress.report(done, found.length, basename(path));
        if (done % PUBLISH_EVERY === 0) await this.publishChanges();
        await yieldToEvents();
      }
      // Reports gone since the last scan.
      for (const uri of [...this.closed.keys()]) if (!seen.has(uri)) this.forget(uri);
      return { files: this.index.size, cancelled: false };
    } finally {
      await this.publishChanges();
      if (this.scanning === state) this.scanning = undefined;
    }
  }

  /** Stops keeping the workspace: closed reports are forgotten, their problems cleared. */
  stop(): void {
    if (this.scanning) this.scanning.cancel = true;
    this.active = false;
    for (const uri of [...this.closed.keys()]) this.forget(uri);
    this.changes.clear();
    // The open reports stay, on their own.
    const open = [...this.index.all()].map((d) => d.file);
    for (const uri of open) this.index.remove(uri);
    for (const uri of open) this.host.publish(uri);
  }

  /**
   * Files changed on disk (created, changed, deleted): the closed reports
   * among them are read again, one at a time; then each report whose problems
   * changed is published once.
   */
  changed(changes: { uri: string; deleted: boolean }[]): Promise<void> {
    return this.active ? this.track(() => this.reread(changes)) : Promise.resolve();
  }

  private async reread(changes: { uri: string; deleted: boolean }[]): Promise<void> {
    try {
      for (const change of changes) {
        const path = change.uri.startsWith('file:') ? URI.parse(change.uri).fsPath : undefined;
        if (path === undefined || !isReportName(path) || !this.inFolders(path)) continue;
        const uri = reportUri(path);
        if (this.host.isOpen(uri)) continue;
        if (change.deleted || !(await this.load(uri, path))) this.forget(uri);
        await yieldToEvents();
      }
    } finally {
      await this.publishChanges();
    }
  }
}
