/**
 * The summary table of reports checked together: one row per report, the
 * figures reviewers compare (the application table's totals column, the review
 * table's three totals, 20.1 行政规范性文件), the reviewer's two ratios, and its
 * error and warning counts, the findings across reports included. Plain data
 * for the CLI's CSV, JSON and Markdown, and for the folder overview.
 */
import { RATIO_KEYS, ratiosOf, shownPercent, type RatioKey } from '../model/ratios';
import type { Figures } from '../model/totals';
import type { Range } from '../text/lines';
import type { Text2 } from '../schema/tables';
import type { ReportDigest } from './digest';
import type { CrossFinding } from './rules/rule';

export interface SummaryRow extends Figures {
  /** 实质公开率 and 纠错率, in percent with one decimal; null where the divisor is 0 or a figure unknown. */
  disclosureRate: number | null;
  correctionRate: number | null;
  file: string;
  body: string | null;
  year: number | null;
  format: string | null;
  errors: number;
  warnings: number;
  /** The body's name without its province or city, to group by (not a column of the table). */
  bodyKey: string | null;
  /** Where to open the report: its first finding (not a column of the table). */
  first?: Range;
}

export type SummaryKey = Exclude<keyof SummaryRow, 'first' | 'bodyKey' | 'corrected'>;

/** The table's columns, in order, with their headings. */
export const SUMMARY_COLUMNS: { key: SummaryKey; name: Text2 }[] = [
  { key: 'file', name: { zh: '文件', en: 'file' } },
  { key: 'body', name: { zh: '机关', en: 'body' } },
  { key: 'year', name: { zh: '年度', en: 'year' } },
  { key: 'format', name: { zh: '格式', en: 'format' } },
  { key: 'received', name: { zh: '本年新收', en: 'received' } },
  { key: 'carriedIn', name: { zh: '上年结转', en: 'carried in' } },
  { key: 'disclosed', name: { zh: '予以公开', en: 'disclosed' } },
  { key: 'partly', name: { zh: '部分公开', en: 'partly disclosed' } },
  { key: 'withheld', name: { zh: '不予公开', en: 'not disclosed' } },
  { key: 'unable', name: { zh: '无法提供', en: 'cannot provide' } },
  { key: 'notProcessed', name: { zh: '不予处理', en: 'not processed' } },
  { key: 'otherwise', name: { zh: '其他处理', en: 'otherwise handled' } },
  { key: 'closed', name: { zh: '（七）总计', en: 'total handled' } },
  { key: 'carriedOut', name: { zh: '结转下年度', en: 'carried over' } },
  { key: 'disclosureRate', name: { zh: '实质公开率', en: 'substantive disclosure rate' } },
  { key: 'reconsideration', name: { zh: '行政复议总计', en: 'reconsideration total' } },
  { key: 'lawsuitsDirect', name: { zh: '行政诉讼（未经复议直接起诉）总计', en: 'lawsuits without reconsideration total' } },
  { key: 'lawsuitsAfter', name: { zh: '行政诉讼（复议后起诉）总计', en: 'lawsuits after reconsideration total' } },
  { key: 'correctionRate', name: { zh: '纠错率', en: 'correction rate' } },
  { key: 'normativeIssued', name: { zh: '行政规范性文件本年制发', en: 'normative documents issued' } },
  { key: 'normativeRepealed', name: { zh: '行政规范性文件本年废止', en: 'normative documents repealed' } },
  { key: 'normativeInForce', name: { zh: '行政规范性文件现行有效', en: 'normative documents in force' } },
  { key: 'errors', name: { zh: '错误', en: 'errors' } },
  { key: 'warnings', name: { zh: '警告', en: 'warnings' } },
];

/** A report's row; `cross` are the findings across reports that stand on it. */
export function summaryRow(d: ReportDigest, cross: readonly CrossFinding[] = []): SummaryRow {
  let errors = d.counts.error;
  let warnings = d.counts.warning;
  let first = d.first;
  for (const f of cross) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    if (!first || f.range.start.line < first.start.line || (f.range.start.line === first.start.line && f.range.start.character < first.start.character)) first = f.range;
  }
  const ratios = ratiosOf(d.figures);
  return {
    file: d.file,
    body: d.body?.name ?? null,
    bodyKey: d.body?.key ?? null,
    year: d.year ?? null,
    format: d.format ?? null,
    ...d.figures,
    disclosureRate: ratios.disclosureRate.value,
    correctionRate: ratios.correctionRate.value,
    errors,
    warnings,
    first,
  };
}

/** Whether a column holds one of the ratios. */
export function isRatioKey(key: SummaryKey): key is RatioKey {
  return (RATIO_KEYS as readonly string[]).includes(key);
}

/** A cell of the table as written out: a ratio as `47.0%`, nothing for an unknown figure. */
export function summaryCell(row: SummaryRow, key: SummaryKey): string {
  const v = row[key];
  if (v === null || v === undefined) return '';
  return isRatioKey(key) ? shownPercent(v as number) : String(v);
}
