/**
 * What a rule is and what it reports. Each rule lives in a module of its own
 * with its public code, default severity, description and check.
 */
import type { Report } from '../model/report';
import type { ReadCell } from '../read/tables/assemble';
import type { Text2 } from '../schema/tables';
import type { Span } from '../text/lines';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** How many findings of each severity (a report's counts, wherever they are shown). */
export function countBySeverity(findings: Iterable<{ severity: Severity }>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export const RULE_CODES = [
  'application-balance',
  'subtotal',
  'row-total',
  'review-total',
  'non-numeric-cell',
  'empty-cell',
  'table-shape',
  'missing-table',
  'missing-section',
  'section-order',
  'section-heading',
  'missing-title',
  'year-mismatch',
  'narrative-mismatch',
  'old-format',
  'conversion-artifact',
  'overview-topics',
  'fee-report',
  'improvement-report',
  'all-closed',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

/** The arithmetic codes: findings that a total does not add up. */
export const ARITHMETIC_CODES: readonly RuleCode[] = ['application-balance', 'subtotal', 'row-total', 'review-total'];

export interface Related {
  span: Span;
  message: Text2;
}

/** A change to the text: replace `span` with `newText`. */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: Text2;
  edits: TextEdit[];
  /** Safe fixes are applied by "fix all"; the others only on request. */
  safe: boolean;
}

export interface Finding {
  code: RuleCode;
  severity: Severity;
  span: Span;
  message: Text2;
  related?: Related[];
  fixes?: Fix[];
}

/** What a rule emits; `severity` only to say less than the rule's default when the rule is unsure. */
export type FindingInit = Omit<Finding, 'code' | 'severity'> & { severity?: Severity };

/**
 * A rule's documentation, from which `npm run docs` writes docs/rules/<code>.md
 * and the rule sections of both READMEs: `checks` for the rules' table, then
 * Markdown in Chinese and its English translation (indented as in the source).
 */
export interface RuleDoc {
  checks: string;
  zh: string;
  en: string;
}

export interface Rule {
  code: RuleCode;
  severity: Severity;
  description: Text2;
  doc: RuleDoc;
  check(report: Report, emit: (finding: FindingInit) => void): void;
}

/** `「（一）予以公开」行「自然人」列` / `row "(1) Disclosed", column "Natural persons"`. */
export function cellName(cell: Pick<ReadCell, 'row' | 'column'>): Text2 {
  const rowName = cell.row.name;
  if (!cell.row.label) return { zh: `「${cell.column.name.zh}」`, en: `"${cell.column.name.en}"` };
  return {
    zh: `「${rowName.zh}」行「${cell.column.name.zh}」列`,
    en: `row "${rowName.en}", column "${cell.column.name.en}"`,
  };
}

export { shown as formatNumber } from '../model/describe';

/** English sentences start with a capital; names inside them do not. */
export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A rule's documentation as Markdown: the Chinese, then the English, each without the source's indentation. */
export function docMarkdown(doc: RuleDoc): string {
  const prose = (text: string) => text.trim().split('\n').map((line) => line.trim()).join('\n');
  return `${prose(doc.zh)}\n\n${prose(doc.en)}`;
}
