/**
 * The summary table as CSV (for spreadsheets), JSON and Markdown; shared by
 * `govreport summary` and the folder overview's export. CSV is UTF-8 with a
 * byte-order mark, so that Excel on Chinese Windows does not read it as GBK,
 * quoted by RFC 4180 (csv-stringify), with CRLF line ends. A text cell that a
 * spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR: a report
 * titled `=cmd|…`) gets a leading `'`, as OWASP advises; numbers stay numbers.
 */
import { stringify } from 'csv-stringify/sync';
import { isRatioKey, SUMMARY_COLUMNS, summaryCell, type SummaryRow } from '../analysis/corpus/summary';
import { pick, type Locale, type LocaleTag } from '../analysis/schema/locale';
import { DEFAULT_THRESHOLDS, isOutlier, RATIO_KEYS, RATIO_NAMES, thresholdText, type RatioThresholds } from '../analysis/model/ratios';

/** The command line's tag (`zh-CN`) or the editor's language (`zh`). */
export type SummaryLocale = LocaleTag | Locale;

const heading = (locale: SummaryLocale) => SUMMARY_COLUMNS.map((c) => pick(c.name, locale));
// A ratio as written (`61.5%`); every other figure stays a number.
const cells = (row: SummaryRow) => SUMMARY_COLUMNS.map((c) => (isRatioKey(c.key) ? summaryCell(row, c.key) : row[c.key]));

export function summaryCsv(rows: readonly SummaryRow[], locale: SummaryLocale): string {
  const records = [heading(locale), ...rows.map((r) => cells(r).map((v) => v ?? ''))];
  // A lone CR is a line break to a spreadsheet too: such a field is quoted (csv-stringify quotes CRLF and LF).
  return `\ufeff${stringify(records, { record_delimiter: 'windows', escape_formulas: true, quoted_match: /\r/ })}`;
}

export function summaryJson(rows: readonly SummaryRow[]): string {
  return `${JSON.stringify(rows.map((r) => Object.fromEntries(SUMMARY_COLUMNS.map((c) => [c.key, r[c.key]]))), null, 2)}\n`;
}

/**
 * Markdown: `|` and line breaks in a file name must not break the table. A
 * ratio beyond its threshold is marked ⚠, and a line under the table says
 * what the mark means.
 */
export function summaryMarkdown(rows: readonly SummaryRow[], locale: SummaryLocale, thresholds: RatioThresholds = DEFAULT_THRESHOLDS): string {
  const esc = (v: unknown) => (v === null || v === undefined ? '' : String(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' '));
  const numeric = (k: string) => !['file', 'body', 'format'].includes(k);
  const marked = (r: SummaryRow) => SUMMARY_COLUMNS.map((c) => {
    const text = summaryCell(r, c.key);
    return isRatioKey(c.key) && isOutlier(c.key, r[c.key], thresholds) ? `${text} ⚠` : text;
  });
  const lines = [
    `| ${heading(locale).map(esc).join(' | ')} |`,
    `|${SUMMARY_COLUMNS.map((c) => (numeric(c.key) ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${marked(r).map(esc).join(' | ')} |`),
  ];
  const limits = RATIO_KEYS.map((k) => `${pick(RATIO_NAMES[k], locale)} ${pick(thresholdText(k, thresholds), locale)}`);
  lines.push('', locale === 'en' ? `⚠ beyond the reviewer's thresholds: ${limits.join(', ')}.` : `⚠ 超出审核阈值：${limits.join('，')}。`);
  return `${lines.join('\n')}\n`;
}
