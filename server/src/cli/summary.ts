/**
 * `govreport summary [--format csv|json|markdown] PATH...`: one row per
 * report, with the figures reviewers compare, the ratios (Markdown marks
 * those beyond the thresholds) and its error and warning counts (the
 * findings across reports included). Reports are read as `check` reads
 * them, in any form; only each report's digest is kept while the files are
 * read, so memory grows by a few kilobytes a report.
 */
import { DEFAULT_THRESHOLDS, type RatioThresholds, summaryRow } from '../analysis';
import { summaryCsv, summaryJson, summaryMarkdown } from '../summary/format';
import { pick, type Locale } from './checked';
import { CrossReports } from './cross';
import { FolderChecks } from './folders';
import { sayFound, type Found } from './inputs';
import { defaultJobs, preparedReports, settle } from './jobs';
import { MESSAGES } from './messages';
import type { Io } from './output';
import { withProgress } from './terminal';

export const SUMMARY_FORMATS = ['csv', 'json', 'markdown'];

/** Exit status: 0, 1 when a report has an error, 2 when a file could not be read. */
/** `flags`: the thresholds given on the command line, which win over those of the current folder's .govreport.json. */
/** `jobs`: threads that check files (default: one per core; 1: this thread only). */
export async function runSummary(paths: string[], format: string, locale: Locale, io: Io, flags: Partial<RatioThresholds> = {}, jobs = defaultJobs()): Promise<number> {
  // The table is written once every file is read: until then, on a terminal, how far it got.
  const { progress, out, err } = withProgress(io);
  const cross = new CrossReports();
  const folders = new FolderChecks({ out, err }, locale);
  const thresholds: RatioThresholds = { ...DEFAULT_THRESHOLDS, ...folders.store.forDir(process.cwd()).config.ratios, ...flags };
  const files: string[] = [];
  const found: Found = { notFound: 0, skipped: 0 };
  let unreadable = 0;
  for await (const prepared of preparedReports(paths, locale, { out, err }, found, (path) => folders.ignores(path), jobs)) {
    const { input } = prepared;
    if (input.text === undefined) {
      unreadable++;
      err(`govreport: ${input.file}: ${pick(input.error!, locale)}\n`);
      continue;
    }
    files.push(input.file);
    settle(prepared, cross, folders);
    progress?.update(`govreport: ${pick(MESSAGES.progress(files.length), locale)} ${input.file}`);
  }
  progress?.clear();
  cross.index.setUnits(folders.unitGroups());
  const byFile = cross.byFile((findings) => folders.cross(findings));
  const rows = files.flatMap((file) => {
    const d = cross.index.get(file);
    return d ? [summaryRow(d, byFile.get(file))] : [];
  });
  if (format === 'json') io.out(summaryJson(rows));
  else if (format === 'markdown') io.out(summaryMarkdown(rows, locale, thresholds));
  else io.out(summaryCsv(rows, locale));
  const nothing = sayFound(found, files.length + unreadable, locale, io);
  if (nothing || unreadable) return 2;
  return rows.some((r) => r.errors > 0) ? 1 : 0;
}
