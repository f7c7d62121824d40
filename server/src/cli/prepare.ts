/**
 * The work on one file that needs nothing of the others: reading it and
 * analysing it, done in a worker thread (worker.ts) or in the main thread
 * alike. What depends on the files before it (the accepted findings, each
 * taken once in a run; settings problems said once; the output's order) is
 * left to the main thread, so that the output is the same however many
 * threads check.
 */
import { resolve } from 'node:path';
import { analyze, digest, subjectAt, type Finding, type LineIndex, type ReportDigest, type Subject } from '../analysis';
import type { SettingsStore } from '../config/folder';
import { IN_LINE, readReport, type FilePath, type ReportFile } from '../inputs';

export interface Prepared {
  /** As read; its text stays for the findings' lines and columns. */
  input: ReportFile;
  /** Every finding of the report, before its folder's settings (their fixes left out: the command line applies none). */
  findings: Finding[];
  /** What each finding is about, as the baseline keys it, by the offset it starts at. */
  subjects: [number, Subject][];
  /** Its digest for the rules across reports; the findings' counts are settled by the main thread. */
  digest?: ReportDigest;
  /** The analysis's line index of the text, for placing the findings without a second (not sent from a thread). */
  lines?: LineIndex;
}

/** Reads and analyses one file (a file that is no report, or unreadable, only read). */
export async function prepare(path: FilePath, walked: boolean, store: SettingsStore): Promise<Prepared> {
  const input = await readReport(path, walked, IN_LINE);
  if (input.text === undefined || input.notReport) return { input, findings: [], subjects: [] };
  const analysis = analyze(input.text);
  const findings = analysis.findings.map(({ fixes: _, ...f }) => f);
  const subjects = new Map<number, Subject>();
  for (const f of findings) if (!subjects.has(f.span.start)) subjects.set(f.span.start, subjectAt(analysis.report, f.span.start));
  // The settings as the main thread reads them: only their aliases and units shape the digest.
  const absolute = resolve(input.file);
  const settings = store.forFile(absolute);
  const options = { aliases: settings.aliases, keepCells: (body: Parameters<typeof settings.inUnits>[1]) => settings.inUnits(absolute, body) };
  return {
    input,
    findings,
    subjects: [...subjects],
    digest: digest(input.file, analysis, [], options),
    // A report the reader failed on is modelled as an empty text: its lines are not the file's.
    lines: analysis.report.lines.text === input.text ? analysis.report.lines : undefined,
  };
}
