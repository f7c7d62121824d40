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
import { capital, cellName, formatNumber, type Severity } from '../../rules/rule';
import type { ReportDigest } from '../digest';
import { baseName, type CrossFindingInit } from './rule';

/** A unit of a summary report: its report for the summary's year, or its name as written when there is none. */
export type Unit = { digest: ReportDigest } | { missing: string };

export interface UnitRule {
  code: 'unit-sum';
  severity: Severity;
  description: Text2;
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
