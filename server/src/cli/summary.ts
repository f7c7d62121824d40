/**
 * `govreport summary [--format csv|json|markdown] PATH...`: one row per
 * report, with the figures reviewers compare and its error and warning
 * counts (the findings across reports included). Only each report's digest is
 * kept while the files are read, so memory grows by a few kilobytes a report.
 */
import { analyze } from '../analysis';
import { summaryRow } from '../analysis/corpus/summary';
import { summaryCsv, summaryJson, summaryMarkdown } from '../summary/format';
import { pick, type Locale } from './checked';
import { CrossReports } from './cross';
import { withoutReport } from './check';
import { expand, readInput } from './inputs';
import { MESSAGES } from './messages';
import type { Io } from './output';
import { withProgress } from './terminal';

export const SUMMARY_FORMATS = ['csv', 'json', 'markdown'];

/** Exit status: 0, 1 when a report has an error, 2 when a file could not be read. */
export function runSummary(paths: string[], format: string, locale: Locale, io: Io): number {
  // The table is written once every file is read: until then, on a terminal, how far it got.
  const { progress, err } = withProgress(io);
  const cross = new CrossReports();
  const files: string[] = [];
  let missing = 0;
  let unreadable = 0;
  for (const e of expand(paths)) {
    if (e.kind !== 'file') {
      missing++;
      err(`govreport: ${pick(e.kind === 'no-reports' ? MESSAGES.noReports(e.arg) : MESSAGES.missing(e.arg), locale)}\n`);
      continue;
    }
    // As in check: text found in a folder that is no report is left out, a file named that is none said to be so.
    const { input, noReport } = withoutReport({ input: readInput(e.path) });
    if (e.walked && noReport) continue;
    if (input.text === undefined) {
      unreadable++;
      err(`govreport: ${input.file}: ${pick(input.error!, locale)}\n`);
      continue;
    }
    files.push(input.file);
    cross.add(input.file, analyze(input.text));
    progress?.update(`govreport: ${pick(MESSAGES.progress(files.length), locale)} ${input.file}`);
  }
  progress?.clear();
  const byFile = cross.byFile();
  const rows = files.flatMap((file) => {
    const d = cross.index.get(file);
    return d ? [summaryRow(d, byFile.get(file))] : [];
  });
  if (format === 'json') io.out(summaryJson(rows));
  else if (format === 'markdown') io.out(summaryMarkdown(rows, locale));
  else io.out(summaryCsv(rows, locale));
  if (missing || unreadable) return 2;
  return rows.some((r) => r.errors > 0) ? 1 : 0;
}
