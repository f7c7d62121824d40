/** A blank cell, or `/`, `—`, where the format expects a number (read as 0). */
import type { Report } from '../model/report';
import type { ReadCell } from '../read/tables/assemble';
import { impliedValue } from '../model/sums';
import { oddOneOut, setCellFix } from './fixes';
import type { Text2 } from '../schema/tables';
import { cellName, formatNumber, type Fix, type FindingInit, type Rule } from './rule';

/**
 * Up to this many blanks that only want a 0 are each a finding of their own;
 * more are said once per table, each blank a place of its own, so that a
 * table left blank where it means 0 is one finding, not a hundred.
 */
const SAID_ONE_BY_ONE = 3;

/**
 * What to write in a blank cell. A blank read as 0 changes no sum when 0 is
 * written, except a blank total whose failing sum was reported here instead:
 * it gets the computed value, when it alone is wrong. `zero`: the fix is
 * writing 0, the one a table's many blanks share.
 */
function fill(report: Report, cell: ReadCell, implied: number | undefined, unsure: Set<ReadCell>): { fixes?: Fix[]; zero?: Fix } {
  const hidden = report.sums.find((s) => (s.status === 'fail' || s.status === 'unverifiable') && s.def.rule !== 'application-balance' && s.left.cells[0] === cell);
  if (hidden) {
    const value = oddOneOut(report, hidden, cell);
    if (value !== undefined && (implied === undefined || implied === value)) return { fixes: [setCellFix(report, cell, value, true)] };
  }
  // A blank whose row or column says it holds more than 0: that value, offered, not applied by fix-all.
  if (implied) return { fixes: [setCellFix(report, cell, implied, false)] };
  if (hidden) return {};
  // 0 changes no sum, unless the blank is part of one that does not hold as read.
  const zero = { ...setCellFix(report, cell, 0, !unsure.has(cell)), title: { zh: '填写 0', en: 'Write 0' } };
  return { fixes: [zero], zero };
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
      应填数字的单元格留空或填“/”“—”：合计时按 0 计算，应填写 0。一张表中只需填 0 的空格
      多于 3 个时合并为一条，每个空格列为相关位置（所在合计不成立的另成一条，其修复不自动
      应用）；空白的合计单元格多于 3 个时也合并为一条，各列其应填的合计；按合计应填其他
      数值的其余空格，及本身合计不成立的空白总计，仍逐条报告。
    `,
    en: `
      A cell where a number belongs is blank or holds \`/\` or \`—\`: it is read as 0 in the
      sums, and 0 should be written. More than 3 such blanks in a table, where 0 is all they
      want, are one finding with each blank as a related place (those in sums that do not
      hold as read are another, whose fix is not applied by "fix all"); more than 3 blank
      totals in a table are also one finding, each with the sum it should hold; any other
      blank whose sum asks for another value, and a blank total whose own sum does not
      hold, are still reported on their own.
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
    for (const table of report.tables) {
      // Blanks that only want a 0, said once per table when there are many:
      // those where 0 is certain apart from those in sums that do not hold as read.
      const plain: Record<'safe' | 'unsure', { cell: ReadCell; said: Text2; fix: Fix }[]> = { safe: [], unsure: [] };
      const single: { finding: FindingInit; plain?: 'safe' | 'unsure'; total: boolean }[] = [];
      const totals: { cell: ReadCell; said: Text2; fix: Fix }[] = [];
      for (const row of table.rows) for (const cell of row.cells) {
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
        const { fixes, zero: writesZero } = fill(report, cell, implied, unsure);
        const said = { zh: `${where.zh}${shown.zh}`, en: `${where.en} ${shown.en}` };
        const finding = { span: cell.span, message: { zh: `${said.zh}，按 0 计算${expected.zh}`, en: `${said.en}; read as 0${expected.en}` }, fixes };
        // A blank total whose own sum does not hold as read stands for that sum, which is reported here: said on its own.
        const standsForSum = unsure.has(cell) && report.sums.some((s) => s.status !== 'ok' && s.left.cells.length === 1 && s.left.cells[0] === cell);
        const zero = !expected.zh && !standsForSum && writesZero?.edits.length === 1 ? writesZero : undefined;
        const kind = zero ? (zero.safe ? 'safe' : 'unsure') : undefined;
        if (zero && kind) plain[kind].push({ cell, said, fix: zero });
        // A blank total that only wants its sum written (a column of totals left blank): said once per table when many.
        const blankTotal = sum && total && fixes?.length === 1 ? fixes[0] : undefined;
        if (blankTotal) totals.push({ cell, said: { zh: `${said.zh}${expected.zh}`, en: `${said.en}${expected.en}` }, fix: blankTotal });
        single.push({ finding, plain: kind, total: !!blankTotal });
      }
      const grouped = (kind?: 'safe' | 'unsure'): boolean => !!kind && plain[kind].length > SAID_ONE_BY_ONE;
      const totalsGrouped = totals.length > SAID_ONE_BY_ONE;
      for (const s of single) if (!grouped(s.plain) && !(s.total && totalsGrouped)) emit(s.finding);
      if (totalsGrouped) {
        const name = table.def.name;
        const n = totals.length;
        emit({
          span: totals[0].cell.span,
          message: {
            zh: `「${name.zh}」表有 ${n} 个合计单元格为空或填了“/”“—”，按 0 计算；应填写各自的合计（见各相关位置）`,
            en: `${n} total cells of the table "${name.en}" are blank or hold "/" or "—"; each is read as 0, and each should hold its sum (given at each related place)`,
          },
          related: totals.map((p) => ({ span: p.cell.span, message: p.said })),
          fixes: [
            {
              title: { zh: `在这 ${n} 个合计单元格中填写各自的合计`, en: `Write its sum in each of these ${n} totals` },
              edits: totals.flatMap((p) => p.fix.edits),
              safe: totals.every((p) => p.fix.safe),
            },
          ],
        });
      }
      for (const kind of ['safe', 'unsure'] as const) {
        if (!grouped(kind)) continue;
        const cells = plain[kind];
        const name = table.def.name;
        const n = cells.length;
        const note = kind === 'unsure' ? { zh: '（其所在的合计按现有数字不成立，请先核对）', en: ' (they are part of sums that do not hold as read: check those first)' } : { zh: '', en: '' };
        emit({
          span: cells[0].cell.span,
          message: {
            zh: `「${name.zh}」表有 ${n} 个应填数字的单元格为空或填了“/”“—”，按 0 计算；应填写 0${note.zh}`,
            en: `${n} cells of the table "${name.en}" where a number belongs are blank or hold "/" or "—"; each is read as 0, and 0 should be written${note.en}`,
          },
          related: cells.map((p) => ({ span: p.cell.span, message: p.said })),
          fixes: [{ title: { zh: `在这 ${n} 个单元格中填写 0`, en: `Write 0 in these ${n} cells` }, edits: cells.flatMap((p) => p.fix.edits), safe: kind === 'safe' }],
        });
      }
    }
  },
};
