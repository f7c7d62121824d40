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
import { formatTextFile, skippedNote, summary, Tally } from './format-text';
import { expand, isNamedReport } from './inputs';
import { readReportFile, type ReadFile } from './sources';
import { JsonWriter, type Io } from './output';

export type CheckFormat = 'text' | 'json' | 'sarif';

const RESULTS = '\u0000results';
const NOTIFICATIONS = '\u0000notifications';

function checkOne({ input, source }: ReadFile, cross: CrossReports): Checked {
  if (input.text === undefined) return { input, findings: [] };
  const analysis = analyze(input.text);
  cross.add(input.file, analysis);
  return { input, findings: analysis.findings, lines: analysis.report.lines, source };
}

/** Checks `paths`; returns the exit status (0 no error, 1 errors found, 2 a path missing or unreadable). */
export async function check(paths: string[], format: CheckFormat, locale: Locale, io: Io, version: string): Promise<number> {
  const tally = new Tally();
  const cross = new CrossReports();
  const unreadable: Checked[] = [];
  let notFound = 0;
  let skipped = 0;
  const json =
    format === 'json'
      ? new JsonWriter(io, RESULTS, [RESULTS])
      : format === 'sarif'
        ? new JsonWriter(io, sarifLog(locale, version, RESULTS, NOTIFICATIONS), [RESULTS, NOTIFICATIONS])
        : undefined;
  for (const e of expand(paths)) {
    if (e.kind === 'missing') {
      notFound++;
      io.err(locale === 'en' ? `govreport: ${e.arg}: no such file, folder or matching file\n` : `govreport: ${e.arg}：文件、文件夹不存在，或没有匹配的文件\n`);
      continue;
    }
    if (e.kind === 'unreadable') {
      notFound++;
      io.err(`govreport: ${e.arg}: ${pick(e.error, locale)}\n`);
      continue;
    }
    if (e.kind === 'no-reports') {
      notFound++;
      io.err(`govreport: ${e.arg}：没有找到报告文件（.txt、.govreport） / no report files found (.txt, .govreport)\n`);
      continue;
    }
    // One file at a time: a PDF's reader holds its pages until it is done.
    const read = await readReportFile(e.path);
    const { input } = read;
    // Text found in a folder that is no report (notes, a readme, a web page of something else) is skipped
    // and counted; a file named is always checked.
    if (e.walked && !isNamedReport(input.file) && (read.notReport || (input.text !== undefined && !looksLikeReport(input.text)))) {
      skipped++;
      continue;
    }
    const r = checkOne(read, cross);
    tally.add(r);
    if (r.input.error) unreadable.push(r);
    if (format === 'json') json!.item(jsonEntry(r, locale));
    else if (format === 'sarif') sarifResults(r, locale).forEach((x) => json!.item(x));
    else io.out(formatTextFile(r, locale));
  }
  // Across reports, once every file has been read: after the files' own findings.
  for (const [file, findings] of cross.byFile()) {
    tally.addCross(findings);
    if (format === 'json') json!.item({ file, diagnostics: findings.map((f) => crossJson(f, locale)) });
    else if (format === 'sarif') findings.forEach((f) => json!.item(sarifCross(f, locale)));
    else io.out(`${crossText(findings, locale).join('\n')}\n`);
  }
  if (json) json.next();
  if (format === 'sarif') {
    unreadable.forEach((r) => json!.item(sarifNotification(r, locale)));
    json!.next();
  }
  if (format === 'text') io.err(`${summary(tally, locale)}\n`);
  else for (const r of unreadable) io.err(`govreport: ${r.input.file}: ${pick(r.input.error!, locale)}\n`);
  if (skipped) io.err(`${skippedNote(skipped, locale)}\n`);
  // Folders whose every text was skipped hold no report either.
  const none = skipped > 0 && tally.files + tally.unreadable === 0;
  if (none) io.err('govreport: 没有找到报告文件 / no report files found\n');
  if (notFound || unreadable.length || none) return 2;
  return tally.counts.error ? 1 : 0;
}
