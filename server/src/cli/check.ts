/**
 * `govreport check`: each file is read, checked and written out before the
 * next one is read, so memory does not grow with the number of files; only
 * each report's digest is kept for the rules across reports, whose findings
 * follow once every file has been read.
 */
import { analyze, looksLikeReport } from '../analysis';
import { CrossReports, crossJson, crossText } from './cross';
import { pick, type Checked, type Locale } from './checked';
import { jsonEntry } from './format-json';
import { sarifCross, sarifLog, sarifNotification, sarifResults } from './format-sarif';
import { checkedLine, formatTextFile, summary, Tally } from './format-text';
import { expand, isNamedReport } from './inputs';
import { MESSAGES } from './messages';
import { readReportFile, type ReadFile } from './sources';
import { JsonWriter, type Io } from './output';
import { paint, withProgress, type Paint } from './terminal';

export type CheckFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  /** A line for every file checked, not only those with findings. */
  verbose?: boolean;
  /** Colour for stdout and stderr (off by default). */
  colors?: { out: Paint; err: Paint };
}

/**
 * A file that holds no report (a source with none in it, or text with no
 * report title or part headings near its start) is not checked as one: it
 * reads as an error saying so. Files named as reports (.govreport,
 * .report.txt) are always checked.
 */
export function withoutReport(read: ReadFile): ReadFile & { noReport?: boolean } {
  const { input } = read;
  if (isNamedReport(input.file)) return read;
  if (read.notReport) return { ...read, noReport: true };
  if (input.text !== undefined && !looksLikeReport(input.text)) return { ...read, input: { ...input, text: undefined, error: MESSAGES.notReport }, noReport: true };
  return read;
}

const RESULTS = '\u0000results';
const NOTIFICATIONS = '\u0000notifications';

function checkOne({ input, source }: ReadFile, cross: CrossReports): Checked {
  if (input.text === undefined) return { input, findings: [] };
  const analysis = analyze(input.text);
  cross.add(input.file, analysis);
  return { input, findings: analysis.findings, lines: analysis.report.lines, source };
}

/** Checks `paths`; returns the exit status (0 no error, 1 errors found, 2 a path missing or unreadable). */
export async function check(paths: string[], format: CheckFormat, locale: Locale, io: Io, version: string, options: CheckOptions = {}): Promise<number> {
  const { out: color, err: errColor } = options.colors ?? { out: paint(false), err: paint(false) };
  // A long run on a terminal shows how far it got.
  const { progress, out, err } = withProgress(io);
  const tally = new Tally();
  const cross = new CrossReports();
  const unreadable: Checked[] = [];
  let notFound = 0;
  let skipped = 0;
  const jsonIo = { out, err };
  const json =
    format === 'json'
      ? new JsonWriter(jsonIo, RESULTS, [RESULTS])
      : format === 'sarif'
        ? new JsonWriter(jsonIo, sarifLog(locale, version, RESULTS, NOTIFICATIONS), [RESULTS, NOTIFICATIONS])
        : undefined;
  for (const e of expand(paths)) {
    if (e.kind === 'missing' || e.kind === 'no-reports') {
      notFound++;
      err(`govreport: ${pick(e.kind === 'missing' ? MESSAGES.missing(e.arg) : MESSAGES.noReports(e.arg), locale)}\n`);
      continue;
    }
    // One file at a time: a PDF's reader holds its pages until it is done.
    const read = withoutReport(await readReportFile(e.path));
    // A file found in a folder that is no report (notes, a readme, a web page of something else) is skipped
    // and counted; a file named is said to be no report.
    if (e.walked && read.noReport) {
      skipped++;
      continue;
    }
    const r = checkOne(read, cross);
    tally.add(r);
    if (r.input.error) unreadable.push(r);
    if (format === 'json') json!.item(jsonEntry(r, locale));
    else if (format === 'sarif') sarifResults(r, locale).forEach((x) => json!.item(x));
    else out(options.verbose && !r.findings.length && !r.input.error ? checkedLine(r, color) : formatTextFile(r, locale, color));
    progress?.update(`govreport: ${pick(MESSAGES.progress(tally.files + tally.unreadable), locale)} ${r.input.file}`);
  }
  // Across reports, once every file has been read: after the files' own findings.
  for (const [file, findings] of cross.byFile()) {
    tally.addCross(findings);
    if (format === 'json') json!.item({ file, diagnostics: findings.map((f) => crossJson(f, locale)) });
    else if (format === 'sarif') findings.forEach((f) => json!.item(sarifCross(f, locale)));
    else out(`${crossText(findings, locale, color).join('\n')}\n`);
  }
  if (json) json.next();
  if (format === 'sarif') {
    unreadable.forEach((r) => json!.item(sarifNotification(r, locale)));
    json!.next();
  }
  progress?.clear();
  if (format !== 'text') for (const r of unreadable) io.err(`govreport: ${r.input.file}: ${pick(r.input.error!, locale)}\n`);
  // The skipped files are said before the line that sums up the run, which comes last.
  if (skipped) io.err(`${pick(MESSAGES.skipped(skipped), locale)}\n`);
  // Folders whose every text was skipped hold no report either.
  const none = skipped > 0 && tally.files + tally.unreadable === 0;
  if (none) io.err(`govreport: ${pick(MESSAGES.allSkipped, locale)}\n`);
  if (format === 'text') io.err(`${summary(tally, locale, errColor)}\n`);
  if (notFound || unreadable.length || none) return 2;
  return tally.counts.error ? 1 : 0;
}
