/**
 * `govreport summary [--format csv|json|markdown] PATH...`: one row per
 * report, with the figures reviewers compare and its error and warning
 * counts (the findings across reports included). Only each report's digest is
 * kept while the files are read, so memory grows by a few kilobytes a report.
 */
import { analyze, looksLikeReport } from '../analysis';
import { summaryRow } from '../analysis/corpus/summary';
import { summaryCsv, summaryJson, summaryMarkdown } from '../summary/format';
import { pick, type Locale } from './checked';
import { CrossReports } from './cross';
import { expand, isNamedReport, readInput } from './inputs';

export const SUMMARY_FORMATS = ['csv', 'json', 'markdown'];

export interface SummaryIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Exit status: 0, 1 when a report has an error, 2 when a file could not be read. */
export function runSummary(paths: string[], format: string, locale: Locale, io: SummaryIo): number {
  const cross = new CrossReports();
  const files: string[] = [];
  let missing = 0;
  let unreadable = 0;
  for (const e of expand(paths)) {
    if (e.kind !== 'file') {
      missing++;
      io.err(
        e.kind === 'unreadable'
          ? `govreport: ${e.arg}: ${pick(e.error, locale)}\n`
          : e.kind === 'no-reports'
            ? `govreport: ${e.arg}：没有找到报告文件（.txt、.govreport） / no report files found (.txt, .govreport)\n`
            : locale === 'en'
              ? `govreport: ${e.arg}: no such file, folder or matching file\n`
              : `govreport: ${e.arg}：文件、文件夹不存在，或没有匹配的文件\n`,
      );
      continue;
    }
    const input = readInput(e.path);
    if (input.text === undefined) {
      unreadable++;
      io.err(`govreport: ${input.file}: ${pick(input.error!, locale)}\n`);
      continue;
    }
    // As in check: text found in a folder that is no report is left out.
    if (e.walked && !isNamedReport(input.file) && !looksLikeReport(input.text)) continue;
    files.push(input.file);
    cross.add(input.file, analyze(input.text));
  }
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
