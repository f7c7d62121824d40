/**
 * Rules across reports: they compare a report with the same body's report of
 * the year before (or of the same year), from the two reports' digests. Each
 * finding stands on the later report; the earlier report's cell or part is its
 * related information, in another file.
 */
import type { Subject } from '../../features/subject';
import type { Range } from '../../text/lines';
import type { RuleDoc, Severity } from '../../rules/rule';
import type { Text2 } from '../../schema/tables';
import type { ReportDigest } from '../digest';

export const CROSS_RULE_CODES = ['carry-over', 'active-count', 'repeated-text', 'duplicate-report', 'unit-sum'] as const;
export type CrossRuleCode = (typeof CROSS_RULE_CODES)[number];

export interface CrossRelated {
  file: string;
  range: Range;
  message: Text2;
}

export interface CrossFinding {
  code: CrossRuleCode;
  severity: Severity;
  /** The later report, where the finding stands. */
  file: string;
  range: Range;
  message: Text2;
  related: CrossRelated[];
  /** What it is about in the later report (the cell, table or part), for the accepted findings. */
  at: Subject;
  /** The values that make it this finding, when they are not simply every figure its message names. */
  values?: (number | string)[];
}

export type CrossFindingInit = Omit<CrossFinding, 'code' | 'severity' | 'file'>;

export interface CrossRule {
  code: CrossRuleCode;
  severity: Severity;
  description: Text2;
  doc: RuleDoc;
  /** Which earlier report it compares with: the previous year's, or one of the same year. */
  pairs: 'previous-year' | 'same-year';
  check(later: ReportDigest, earlier: ReportDigest, emit: (finding: CrossFindingInit) => void): void;
}

/** A file's name without its folders, for messages. */
export function baseName(file: string): string {
  const clean = file.replace(/[?#].*$/, '');
  const name = clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
