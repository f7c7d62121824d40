/** A blank cell, or `/`, `—`, where the format expects a number (read as 0). */
import type { Report } from '../read/report';
import type { ReadCell } from '../read/tables/assemble';
import { impliedValue } from '../model/sums';
import { oddOneOut, setCellFix } from './fixes';
import { cellName, formatNumber, type Fix, type Rule } from './rule';

/**
 * What to write in a blank cell. A blank read as 0 changes no sum when 0 is
 * written, except a blank total whose failing sum was reported here instead:
 * it gets the computed value, when it alone is wrong.
 */
function fill(report: Report, cell: ReadCell, implied: number | undefined): Fix[] | undefined {
  const hidden = report.sums.find((s) => (s.status === 'fail' || s.status === 'unverifiable') && s.def.rule !== 'application-balance' && s.left.cells[0] === cell);
  if (!hidden) {
    // A blank whose row or column says it holds more than 0: that value, offered, not applied by fix-all.
    if (implied) return [setCellFix(report, cell, implied, false)];
    return [{ ...setCellFix(report, cell, 0, true), title: { zh: '填写 0', en: 'Write 0' } }];
  }
  const value = oddOneOut(report, hidden, cell);
  return value === undefined ? undefined : [setCellFix(report, cell, value, true)];
}

export const emptyCell: Rule = {
  code: 'empty-cell',
  severity: 'warning',
  description: {
    zh: '表格中应填数字的单元格为空或填了“/”“—”，合计时按 0 计算；应填写 0。',
    en: 'A cell that should hold a number is blank or holds "/" or "—"; it is read as 0 for the sums, and 0 should be written.',
  },
  check(report, emit) {
    for (const table of report.tables) for (const row of table.rows) for (const cell of row.cells) {
      if (cell.state !== 'empty') continue;
      const where = cellName(cell);
      // A blank total: say what it should hold, since the sum is reported here.
      const sum = report.sums.find((s) => s.left.cells.length === 1 && s.left.cells[0] === cell && s.right.value !== null);
      // Any other blank: what its row or column implies, when that is not 0.
      const implied = sum ? undefined : impliedValue(table, cell);
      const expected =
        sum && sum.right.value !== 0
          ? { zh: `；按${sum.def.rightName.zh}应为 ${formatNumber(sum.right.value)}`, en: `; by ${sum.def.rightName.en} it should be ${formatNumber(sum.right.value)}` }
          : implied
            ? { zh: `；按所在行或列的合计应为 ${formatNumber(implied)}`, en: `; by its row's or column's total it should be ${formatNumber(implied)}` }
            : { zh: '', en: '' };
      const shown = cell.raw ? { zh: `填了「${cell.raw}」`, en: `holds "${cell.raw}"` } : { zh: '为空', en: 'is blank' };
      emit({
        span: cell.span,
        message: {
          zh: `${where.zh}${shown.zh}，按 0 计算${expected.zh}`,
          en: `${where.en} ${shown.en}; read as 0${expected.en}`,
        },
        fixes: fill(report, cell, implied),
      });
    }
  },
};
