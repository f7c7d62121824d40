/**
 * The analysis library: everything GovReport knows about reports, as pure
 * functions over a text. No editor, no LSP: the language server, the command
 * line and the tests all call this.
 */
import { modelReport, type Report } from './model/report';
import { RULES } from './rules';
import type { CrossRuleCode } from './corpus/rules/rule';
import type { Finding, Rule, RuleCode, Severity } from './rules/rule';

export type RuleSetting = Severity | 'off';
/** Per rule code (the rules across reports too): off, or the severity to report with. */
export type RuleSettings = Partial<Record<RuleCode | CrossRuleCode, RuleSetting>>;

export interface RuleFailure {
  /** The rule that threw, or `reader` when reading the report failed. */
  code: RuleCode | 'reader';
  error: unknown;
}

export interface Analysis {
  report: Report;
  /** Findings with the rules' default severities, in text order. */
  findings: Finding[];
  /** Rules that threw; the others' findings stand. */
  failures: RuleFailure[];
}

/**
 * Reads a report and runs the rules. Nothing in it may take the caller down:
 * a rule that throws is recorded in `failures` and the others still report;
 * if reading itself fails, the report is taken as empty text.
 */
export function analyze(text: string, rules: readonly Rule[] = RULES): Analysis {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  let report: Report;
  try {
    report = modelReport(text);
  } catch (error) {
    failures.push({ code: 'reader', error });
    return { report: modelReport(''), findings, failures };
  }
  for (const rule of rules) {
    try {
      rule.check(report, ({ severity, ...f }) => findings.push({ code: rule.code, severity: severity ?? rule.severity, ...f }));
    } catch (error) {
      failures.push({ code: rule.code, error });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { report, findings, failures };
}

/** Applies a user's settings: drops rules turned off, changes severities (a report's findings, or those across reports). */
export function applySettings<F extends { code: RuleCode | CrossRuleCode; severity: Severity }>(findings: readonly F[], settings: RuleSettings | undefined): F[] {
  if (!settings) return findings.slice();
  const out: F[] = [];
  for (const f of findings) {
    const s = settings[f.code];
    if (s === 'off') continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}

export type { Finding, Rule, RuleCode, Severity } from './rules/rule';
export { RULE_CODES, ARITHMETIC_CODES, docMarkdown, type RuleDoc } from './rules/rule';
export { RULES, RULES_BY_CODE } from './rules';
export type { Report } from './model/report';
export { reportView, type ReportView } from './model/view';
export { applyEdits, fixAllEdits, newFindings, safeEdits, verifyFix } from './features/edits';
export { outline, type OutlineNode, type OutlineKind } from './features/outline';
export { foldingRanges, type Fold } from './features/folding';
export { tableLenses, type TableLens } from './features/lenses';
export { hoverAt, type Hover } from './features/hover';
export { tableTemplate, skeletonHeadings, type TemplateStyle } from './schema/templates';
export type { Fix, TextEdit } from './rules/rule';
export { ReportIndex, digest, bodyAliases, CROSS_RULES, CORPUS_RULES, CROSS_RULE_CODES, type BodyAliases, type ReportDigest, type CrossFinding, type CrossRuleCode, type UnitGroup, type UnitRef } from './corpus';
export { subjectAt, type Subject } from './features/subject';
export { Accepted, acceptedKey, addAccepted, valuesOf, type AcceptedFinding } from './features/baseline';
export type { Text2 } from './schema/tables';
export { LineIndex, rangeOf, type Position, type Range, type Span } from './text/lines';
export { looksLikeReport } from './features/recognize';
export { formatTables } from './features/format';
export { rewriteTableAt, type TableRewrite } from './features/rewrite-table';
export { skeletonSnippet, skeletonYear, SKELETON_PREFIXES } from './features/skeleton';
