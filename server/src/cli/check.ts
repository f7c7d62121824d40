/**
 * `govreport check`: each file is read, checked and written out before the
 * next one is read, so memory does not grow with the number of files' texts;
 * only each report's digest is kept for the rules across reports, whose
 * findings follow once every file has been read. In JSON, where each file has
 * one entry, the entries wait for those findings (each held as its JSON, the
 * file's findings only, not its text).
 */
import { CrossReports, crossJson, crossText } from './cross';
import { pick, type Checked, type Locale } from './checked';
import { FolderChecks } from './folders';
import { jsonEntry } from './format-json';
import { sarifCross, sarifLog, sarifNotification, sarifResults } from './format-sarif';
import { checkedLine, formatTextFile, summary, Tally } from './format-text';
import { sayFound, type Found } from './inputs';
import { defaultJobs, preparedReports, settle } from './jobs';
import { MESSAGES } from './messages';
import { JsonWriter, type Io } from './output';
import { paint, withProgress, type Paint } from './terminal';

export type CheckFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  /** A line for every file checked, not only those with findings. */
  verbose?: boolean;
  /** Colour for stdout and stderr (off by default). */
  colors?: { out: Paint; err: Paint };
  /** Accept every finding of the reports checked: write them to the baseline. */
  updateBaseline?: boolean;
  /** Threads that check files (default: one per core; 1: this thread only). */
  jobs?: number;
}

const RESULTS = '\u0000results';
const NOTIFICATIONS = '\u0000notifications';

/** Checks `paths`; returns the exit status (0 no error, 1 errors found, 2 a path missing or unreadable). */
export async function check(paths: string[], format: CheckFormat, locale: Locale, io: Io, version: string, options: CheckOptions = {}): Promise<number> {
  const { out: color, err: errColor } = options.colors ?? { out: paint(false), err: paint(false) };
  // A long run on a terminal shows how far it got.
  const { progress, out, err } = withProgress(io);
  const tally = new Tally();
  const cross = new CrossReports();
  const folders = new FolderChecks({ out, err }, locale, options.updateBaseline);
  const unreadable: Checked[] = [];
  const found: Found = { notFound: 0, skipped: 0 };
  const jsonIo = { out, err };
  const json =
    format === 'json'
      ? new JsonWriter(jsonIo, RESULTS, [RESULTS])
      : format === 'sarif'
        ? new JsonWriter(jsonIo, sarifLog(locale, version, RESULTS, NOTIFICATIONS), [RESULTS, NOTIFICATIONS])
        : undefined;
  /** JSON: each file's entry, as JSON, until the findings across reports are known, and its file. */
  const held: string[] = [];
  const files: string[] = [];
  for await (const prepared of preparedReports(paths, locale, jsonIo, found, (path) => folders.ignores(path), options.jobs ?? defaultJobs())) {
    const r = settle(prepared, cross, folders);
    tally.add(r);
    if (r.input.error) unreadable.push(r);
    if (format === 'json') {
      held.push(JSON.stringify(jsonEntry(r, locale), null, 2));
      files.push(r.input.file);
    }
    else if (format === 'sarif') sarifResults(r, locale).forEach((x) => json!.item(x));
    else out(options.verbose && !r.findings.length && !r.input.error ? checkedLine(r, color) : formatTextFile(r, locale, color));
    progress?.update(`govreport: ${pick(MESSAGES.progress(tally.files + tally.unreadable), locale)} ${r.input.file}`);
  }
  // Across reports, once every file has been read: in JSON inside each file's entry, else after the files' own findings.
  cross.index.setUnits(folders.unitGroups());
  const byFile = cross.byFile((findings) => folders.cross(findings));
  for (const findings of byFile.values()) tally.addCross(findings);
  if (format === 'json') {
    for (const [i, entry] of held.entries()) {
      const cross = byFile.get(files[i]);
      // Most files have no finding across reports: their entry is written as it was held.
      if (!cross) {
        json!.itemText(entry);
        continue;
      }
      const e = JSON.parse(entry) as { file: string; diagnostics: unknown[] };
      e.diagnostics.push(...cross.map((f) => crossJson(f, locale)));
      json!.item(e);
    }
  } else {
    for (const findings of byFile.values()) {
      if (format === 'sarif') findings.forEach((f) => json!.item(sarifCross(f, locale)));
      else out(`${crossText(findings, locale, color).join('\n')}\n`);
    }
  }
  if (json) json.next();
  if (format === 'sarif') {
    unreadable.forEach((r) => json!.item(sarifNotification(r, locale)));
    json!.next();
  }
  progress?.clear();
  if (format !== 'text') for (const r of unreadable) io.err(`govreport: ${r.input.file}: ${pick(r.input.error!, locale)}\n`);
  const written = folders.writeBaselines();
  // The skipped files are said before the line that sums up the run, which comes last.
  const nothing = sayFound(found, tally.files + tally.unreadable, locale, io);
  if (format === 'text') io.err(`${summary(tally, locale, errColor, folders.acceptedCount)}\n`);
  else if (folders.acceptedCount) io.err(`govreport: ${pick(MESSAGES.acceptedNotShown(folders.acceptedCount, folders.acceptedFrom), locale)}\n`);
  if (nothing || unreadable.length || !written) return 2;
  return tally.counts.error ? 1 : 0;
}
