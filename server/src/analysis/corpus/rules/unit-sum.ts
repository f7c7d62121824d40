/**
 * A summary report (a city's or a province's, 汇总报告) is by definition the
 * sum of its units' reports: every cell of its three tables, table 1's
 * 现行有效件数 included, equals the sum of that cell over its units, as the
 * folder's `.govreport.json` names them (`units`). One finding per cell that
 * differs, the units' cells as related information. When a unit has no
 * report for the summary's year, that is said once and nothing is summed:
 * every sum would be short of it. A cell is compared only where it and each
 * unit's were read with certainty, in tables of one format.
 */
import { allRows, TABLES, type TableKind, type Text2 } from '../../schema/tables';
import { capital, cellName, formatNumber, type RuleDoc, type Severity } from '../../rules/rule';
import type { ReportDigest } from '../digest';
import { baseName, type CrossFindingInit } from './rule';

/** A unit of a summary report: its report for the summary's year, or its name as written when there is none. */
export type Unit = { digest: ReportDigest } | { missing: string };

export interface UnitRule {
  code: 'unit-sum';
  severity: Severity;
  description: Text2;
  doc: RuleDoc;
  check(summary: ReportDigest, units: readonly Unit[], emit: (finding: CrossFindingInit) => void): void;
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Sums of amounts (万元) come out of floating point with noise in the last places. */
const rounded = (n: number) => Math.round(n * 1e6) / 1e6;

/** `「（一）予以公开」行「自然人」列` for a cell of the digest (`kind|row|column`), by the table's format. */
function nameOf(summary: ReportDigest, key: string): Text2 | undefined {
  const [kind, row, column] = key.split('|') as [TableKind, string, string];
  const format = summary.cells?.formats[kind];
  const found = format && allRows(TABLES[format][kind]).find((r) => r.row.id === row);
  const col = found?.block.columns.find((c) => c.id === column);
  return found && col ? cellName({ row: found.row, column: col }) : undefined;
}

export const unitSum: UnitRule = {
  code: 'unit-sum',
  severity: 'error',
  description: {
    zh: '汇总报告三张表的每个数字等于其下级单位同年报告相应数字之和（包括现行有效件数）。',
    en: "Every figure of a summary report's three tables equals the sum of that figure over its units' reports for the year (in force included).",
  },
  doc: {
    checks: "a summary report (a city's, a province's): each figure of its three tables ≠ the sum over its units named in `.govreport.json`",
    zh: `
      汇总报告（市、省的本级及下级汇总）三张表的每个数字，包括表一的现行有效件数，应等于其下级单位同年报告中
      相应数字之和。汇总报告及其下级单位在 \`.govreport.json\` 的 \`units\` 中写明：
      \`"units": {"某某市2024年报.docx": ["市教育局2024.html", "市公安局2024.pdf", "某某市民政局"]}\`，每项为相对该文件
      所在文件夹的路径，或机关名称（取该机关与汇总报告同年的报告；以机关名称作键时，该机关每年的报告都是汇总报告）。
      每个不一致的数字报告一次，在汇总报告的单元格处，各下级单位的单元格作为相关信息。只比较汇总报告和每个下级单位
      都确定读出、表格格式相同的数字。某下级单位没有汇总报告同年的报告（不在一同检查的报告中，或年份不同）时，在汇总
      报告的标题处说明一次，该报告不再求和：每个和都会少了它。汇总报告及其下级单位在一同检查的报告中查找，限于写明它们的
      \`.govreport.json\` 所在文件夹之下。
    `,
    en: `
      Every figure of a summary report's three tables (a city's or a province's, the body's
      own and its units' together), table 1's 现行有效件数 included, equals the sum of that
      figure over its units' reports of the same year. The summary and its units are named in
      \`units\` of \`.govreport.json\`:
      \`"units": {"某某市2024年报.docx": ["市教育局2024.html", "市公安局2024.pdf", "某某市民政局"]}\`, each a
      path relative to the file's folder, or a body's name (its report of the summary's year;
      with a body's name as the key, every year's report of that body is a summary). One
      finding per figure that differs, at the summary's cell, with each unit's cell as related
      information. Only figures read with certainty in the summary and in every unit, in
      tables of one format, are compared. A unit with no report for the summary's year (not
      among the reports checked, or of another year) is said once, at the summary's title,
      and then nothing is summed for that report: every sum would be short of it. The summary
      and its units are looked for among the reports checked together, under the folder of the
      \`.govreport.json\` that names them.
    `,
  },
  check(summary, units, emit) {
    const missing = units.flatMap((u) => ('missing' in u ? [u.missing] : []));
    const year = summary.year === undefined ? '' : String(summary.year);
    if (missing.length) {
      const zhNames = missing.map((n) => `「${n}」`).join('');
      const enNames = missing.map((n) => `"${n}"`).join(', ');
      emit({
        range: summary.titleRange ?? START,
        at: { part: 0 },
        values: [year, ...missing],
        message: {
          zh: `下级单位${zhNames}没有${year ? ` ${year} 年的` : ''}报告，未核对本报告与下级单位之和`,
          en: `No${year ? ` ${year}` : ''} report of the unit${missing.length > 1 ? 's' : ''} ${enNames}; the sums over the units are not checked`,
        },
        related: [],
      });
      return;
    }
    const found = units.flatMap((u) => ('digest' in u && u.digest !== summary ? [u.digest] : []));
    if (!found.length || !summary.cells) return;
    for (const [key, cell] of Object.entries(summary.cells.values)) {
      const kind = key.slice(0, key.indexOf('|')) as TableKind;
      const format = summary.cells.formats[kind];
      let sum = 0;
      const parts = [];
      for (const unit of found) {
        const other = unit.cells && unit.cells.formats[kind] === format ? unit.cells.values[key] : undefined;
        if (!other) break;
        sum += other.value;
        parts.push({ unit, cell: other });
      }
      if (parts.length !== found.length || rounded(sum) === rounded(cell.value)) continue;
      const name = nameOf(summary, key);
      if (!name) continue;
      const total = formatNumber(rounded(sum));
      emit({
        range: cell.range,
        at: { table: kind, row: key.split('|')[1], column: key.split('|')[2] },
        message: {
          zh: `${name.zh}为 ${formatNumber(cell.value)}，但 ${found.length} 个下级单位之和为 ${total}`,
          en: `${capital(name.en)} is ${formatNumber(cell.value)}, but its ${found.length} units sum to ${total}`,
        },
        related: parts.map(({ unit, cell: c }) => ({
          file: unit.file,
          range: c.range,
          message: { zh: `${baseName(unit.file)}：${formatNumber(c.value)}`, en: `${baseName(unit.file)}: ${formatNumber(c.value)}` },
        })),
      });
    }
  },
};
