/**
 * The analysis library: everything GovReport knows about reports, as pure
 * functions over a text. No editor, no LSP: the language server, the command
 * line and the tests all call this.
 */
import type { CrossRuleCode } from './corpus/rules/rule';
import type { RuleCode, Severity } from './rules/rule';

export { analyze, type Analysis, type RuleFailure } from './features/analyze';

export type RuleSetting = Severity | 'off';
/** Per rule code (the rules across reports too): off, or the severity to report with. */
export type RuleSettings = Partial<Record<RuleCode | CrossRuleCode, RuleSetting>>;

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
export { RULE_CODES, ARITHMETIC_CODES, countBySeverity, docMarkdown, type RuleDoc } from './rules/rule';
export { RULES, RULES_BY_CODE } from './rules';
export type { Report } from './model/report';
export { reportView, type BlockView, type CellView, type ColumnView, type PartView, type ReportView, type RowView, type SumView, type TableView } from './features/view';
export { applyEdits, fixAllEdits, newFindings, safeEdits, verifyFix } from './features/edits';
export { outline, type OutlineNode, type OutlineKind } from './features/outline';
export { foldingRanges, type Fold } from './features/folding';
export { tableLenses, type TableLens } from './features/lenses';
export { hoverAt, type Hover } from './features/hover';
export { tableTemplate, skeletonHeadings, type TemplateStyle } from './schema/templates';
export type { Fix, TextEdit } from './rules/rule';
export { ReportIndex, digest, findingsDigest, bodyAliases, CROSS_RULES, CORPUS_RULES, CROSS_RULE_CODES, type BodyAliases, type ReportDigest, type CrossFinding, type CrossRuleCode, type UnitGroup, type UnitRef } from './corpus';
export { subjectAt, type Subject } from './features/subject';
export { Accepted, acceptedKey, addAccepted, valuesOf, type AcceptedFinding } from './features/baseline';
export type { Text2 } from './schema/tables';
export { pick, resolveLocale, type Locale, type LocaleTag } from './schema/locale';
export { LineIndex, rangeOf, type Position, type Range, type Span } from './text/lines';
export { looksLikeReport } from './features/recognize';
export { EDITOR_WORDS } from './features/editor-words';
export { formatTables } from './features/format';
export { rewriteTableAt, type TableRewrite } from './features/rewrite-table';
export { skeletonSnippet, skeletonYear, skeletonYearOf, SKELETON_PREFIXES } from './features/skeleton';
export { DEFAULT_THRESHOLDS, RATIO_KEYS, describeRatio, isOutlier, thresholdText, type RatioThresholds } from './model/ratios';
export { describeFormat, describeMissingTables, describeShouldBe, describeSum, describeSums, layoutName, TABLE_WORDS } from './model/describe';
export { displayWidth } from './text/width';
export { isRatioKey, SUMMARY_COLUMNS, summaryCell, summaryRow, type SummaryRow } from './corpus/summary';
export type { DigestOptions } from './corpus';
