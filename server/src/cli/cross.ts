/**
 * The rules across reports in the command line: each checked report leaves
 * its digest in an index by body (a few kilobytes, not its analysis); once
 * every file is read, the findings across reports are computed from the index
 * and printed with each file's own, or after them when those were streamed.
 */
import { type Analysis, type CrossFinding, digest, type DigestOptions, type Finding, type Range, ReportIndex } from '../analysis';
import { pick, type Locale, type Place } from './checked';
import { findingLine, noteLine } from './format-text';
import { paint, type Paint } from './terminal';

export class CrossReports {
  readonly index = new ReportIndex();

  /** A report checked: `findings` are those printed for it (its settings applied, the accepted left out). */
  add(file: string, analysis: Analysis, findings: readonly Finding[] = analysis.findings, options?: DigestOptions): void {
    this.index.set(digest(file, analysis, findings, options));
  }

  /** The findings across reports, by the file they stand on; `shown` keeps those to print (the settings, the accepted). */
  byFile(shown: (findings: CrossFinding[]) => CrossFinding[] = (f) => f): Map<string, CrossFinding[]> {
    const out = new Map<string, CrossFinding[]>();
    for (const f of shown(this.index.findings())) {
      const list = out.get(f.file);
      if (list) list.push(f);
      else out.set(f.file, [f]);
    }
    return out;
  }
}

/** 1-based, as the other findings are printed. */
export function placeOf(range: Range): Place {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** `file:line:col: error carry-over …` with the earlier report's cell as a note. */
export function crossText(findings: readonly CrossFinding[], locale: Locale, color: Paint = paint(false)): string[] {
  const out: string[] = [];
  for (const f of findings) {
    const p = placeOf(f.range);
    out.push(findingLine(`${f.file}:${p.line}:${p.column}:`, f.severity, f.code, pick(f.message, locale), color));
    for (const rel of f.related) {
      const q = placeOf(rel.range);
      out.push(noteLine(`${rel.file}:${q.line}:${q.column}:`, pick(rel.message, locale), color));
    }
  }
  return out;
}

/** As `check --format json` prints a diagnostic, with its related places in other files. */
export function crossJson(f: CrossFinding, locale: Locale): Record<string, unknown> {
  return {
    code: f.code,
    severity: f.severity,
    ...placeOf(f.range),
    message: pick(f.message, locale),
    related: f.related.map((r) => ({ file: r.file, ...placeOf(r.range), message: pick(r.message, locale) })),
  };
}
