/** A blank cell, or `/`, `—`, where the format expects a number (read as 0). */
import type { Report } from '../model/report';
import type { ReadCell } from '../read/tables/assemble';
import { impliedValue } from '../model/sums';
import { oddOneOut, setCellFix } from './fixes';
import { cellName, formatNumber, type Fix, type Rule } from './rule';

/**
 * What to write in a blank cell. A blank read as 0 changes no sum when 0 is
 * written, except a blank total whose failing sum was reported here instead:
 * it gets the computed value, when it alone is wrong.
 */
function fill(report: Report, cell: ReadCell, implied: number | undefined, unsure: Set<ReadCell>): Fix[] | undefined {
  const hidden = report.sums.find((s) => (s.status === 'fail' || s.status === 'unverifiable') && s.def.rule !== 'application-balance' && s.left.cells[0] === cell);
  if (hidden) {
    const value = oddOneOut(report, hidden, cell);
    if (value !== undefined && (implied === undefined || implied === value)) return [setCellFix(report, cell, value, true)];
  }
  // A blank whose row or column says it holds more than 0: that value, offered, not applied by fix-all.
  if (implied) return [setCellFix(report, cell, implied, false)];
  if (hidden) return undefined;
  // 0 changes no sum, unless the blank is part of one that does not hold as read.
  return [{ ...setCellFix(report, cell, 0, !unsure.has(cell)), title: { zh: '填写 0', en: 'Write 0' } }];
}

export const emptyCell: Rule = {
  code: 'empty-cell',
  severity: 'warning',
  description: {
    zh: '表格中应填数字的单元格为空或填了“/”“—”，合计时按 0 计算；应填写 0。',
    en: 'A cell that should hold a number is blank or holds "/" or "—"; it is read as 0 for the sums, and 0 should be written.',
  },
  doc: {
    checks: 'a blank cell, `/` or `—` where a number belongs (read as 0)',
    zh: `
      应填数字的单元格留空或填“/”“—”：合计时按 0 计算，应填写 0。
    `,
    en: `
      A cell where a number belongs is blank or holds \`/\` or \`—\`: it is read as 0 in the
      sums, and 0 should be written.
    `,
  },
  check(report, emit) {
    // Blanks of sums that do not hold as read: writing 0 in them is no safe fix.
    const unsure = new Set<ReadCell>();
    for (const s of report.sums) {
      if (s.status !== 'fail' && s.status !== 'unverifiable') continue;
      for (const c of s.left.cells) if (c?.state === 'empty') unsure.add(c);
      for (const c of s.right.cells) if (c?.state === 'empty') unsure.add(c);
    }
    for (const table of report.tables) for (const row of table.rows) for (const cell of row.cells) {
      if (cell.state !== 'empty') continue;
      const where = cellName(cell);
      // A blank total: say what it should hold, since the sum is reported here.
      const sum = report.sums.find((s) => s.left.cells.length === 1 && s.left.cells[0] === cell && s.right.value !== null);
      // Any other blank: what its row or column implies, when that is not 0.
      const implied = impliedValue(table, cell);
      const total = sum ? implied ?? sum.right.value : undefined;
      const expected =
        sum && total
          ? { zh: `；按${sum.def.rightName.zh}应为 ${formatNumber(total)}`, en: `; by ${sum.def.rightName.en} it should be ${formatNumber(total)}` }
          : !sum && implied
            ? { zh: `；按所在行或列的合计应为 ${formatNumber(implied)}`, en: `; by its row's or column's total it should be ${formatNumber(implied)}` }
            : { zh: '', en: '' };
      const shown = cell.raw ? { zh: `填了「${cell.raw}」`, en: `holds "${cell.raw}"` } : { zh: '为空', en: 'is blank' };
      emit({
        span: cell.span,
        message: {
          zh: `${where.zh}${shown.zh}，按 0 计算${expected.zh}`,
          en: `${where.en} ${shown.en}; read as 0${expected.en}`,
        },
        fixes: fill(report, cell, implied, unsure),
      });
    }
  },
};
