/**
 * One arithmetic defect planted in a report's text: a number of the
 * application table's outcome items raised by 7 (so that its row's 总计 and its
 * column's （七）总计 no longer hold), or, when that table cannot be read, the
 * 行政复议 总计 of the review table raised by 1. The planted text is then built
 * into every form like the report itself, and the findings it adds are the
 * ones every form must still show.
 */
import { analyze, ARITHMETIC_CODES, type Finding } from '../../server/src/analysis';
import type { ReadCell } from '../../server/src/analysis/read/tables/assemble';
import { isReadable } from './model';

export interface Planted {
  text: string;
  /** What was changed, in words (for the matrix and messages). */
  change: string;
  /** The arithmetic findings the change adds, as `code: message`. */
  expected: string[];
}

export const findingKey = (f: Finding): string => `${f.code}: ${f.message.zh}`;

export function arithmeticKeys(findings: readonly Finding[]): string[] {
  return findings.filter((f) => ARITHMETIC_CODES.includes(f.code)).map(findingKey).sort();
}

/** Keys in `a` that `b` lacks, counting repeats. */
export function without(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((k) => {
    const i = left.indexOf(k);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

function candidates(text: string): { cell: ReadCell; by: number }[] {
  const { report } = analyze(text);
  const out: { cell: ReadCell; by: number }[] = [];
  const application = report.tables.find((t) => t.kind === 'application' && isReadable(t));
  if (application) {
    for (const row of application.rows) {
      if (!row.row.id.startsWith('3.') || row.row.id === '3.7') continue;
      for (const cell of row.cells) if (cell.column.id !== 'total' && cell.state === 'number' && cell.certain) out.push({ cell, by: 7 });
    }
  }
  const review = report.tables.find((t) => t.kind === 'review' && isReadable(t));
  const total = review?.rows[0]?.cells.find((c) => c.column.id === 'review.total');
  if (total && total.state === 'number' && total.certain) out.push({ cell: total, by: 1 });
  return out;
}

/** The report with one planted defect, or undefined when no table is readable. */
export function plantDefect(text: string): Planted | undefined {
  const before = arithmeticKeys(analyze(text).findings);
  for (const { cell, by } of candidates(text)) {
    const value = String((cell.value ?? 0) + by);
    const planted = text.slice(0, cell.span.start) + value + text.slice(cell.span.end);
    const expected = without(arithmeticKeys(analyze(planted).findings), before);
    if (!expected.length) continue; // already wrong there: try the next cell
    const where = cell.row.label ? `「${cell.row.name.zh}」行「${cell.column.name.zh}」列` : `「${cell.column.name.zh}」`;
    return { text: planted, change: `${where} ${cell.raw.trim()} → ${value}`, expected };
  }
  return undefined;
}
