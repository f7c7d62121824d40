/**
 * A table's balance at a glance, shown above it (CodeLens):
 * `一 + 二 = 197 ｜ 三 + 四 = 197 ✓` or `「自然人」列：一 + 二 = 3，三 + 四 = 2 ✗`.
 */
import { shown } from '../model/describe';
import type { SumResult } from '../model/sums';
import type { Report } from '../model/report';
import type { ReadTable } from '../read/tables/assemble';
import { cellKey, type Text2 } from '../schema/tables';
import type { Span } from '../text/lines';

export interface TableLens {
  span: Span;
  title: Text2;
  /** Every sum of the table holds. */
  ok: boolean;
}

const MAX_SHOWN = 2;

function failing(s: SumResult): Text2 {
  switch (s.def.rule) {
    case 'application-balance':
      return { zh: `${s.def.along.zh}：一 + 二 = ${shown(s.left.value)}，三 + 四 = ${shown(s.right.value)}`, en: `${s.def.along.en}: 1 + 2 = ${shown(s.left.value)}, 3 + 4 = ${shown(s.right.value)}` };
    case 'subtotal':
      return { zh: `${s.def.along.zh}：（七）= ${shown(s.left.value)}，各项之和 = ${shown(s.right.value)}`, en: `${s.def.along.en}: (7) = ${shown(s.left.value)}, items = ${shown(s.right.value)}` };
    default:
      return { zh: `${s.def.along.zh}：总计 = ${shown(s.left.value)}，各项之和 = ${shown(s.right.value)}`, en: `${s.def.along.en}: total = ${shown(s.left.value)}, parts = ${shown(s.right.value)}` };
  }
}

function summary(table: ReadTable, sums: SumResult[]): Text2 {
  if (table.kind === 'application') {
    const balance = sums.find((s) => s.def.rule === 'application-balance' && s.def.left[0].col === 'total');
    return { zh: `一 + 二 = ${shown(balance?.left.value ?? null)} ｜ 三 + 四 = ${shown(balance?.right.value ?? null)}`, en: `1 + 2 = ${shown(balance?.left.value ?? null)} | 3 + 4 = ${shown(balance?.right.value ?? null)}` };
  }
  if (table.kind === 'review') {
    const groups = sums.map((s) => ({ zh: `${s.def.along.zh} ${shown(s.left.value)}`, en: `${s.def.along.en} ${shown(s.left.value)}` }));
    return { zh: groups.map((g) => g.zh).join(' ｜ '), en: groups.map((g) => g.en).join(' | ') };
  }
  const rows = table.rows.filter((r) => r.cells.length).length;
  const total = table.def.blocks.reduce((k, b) => k + b.rows.length, 0);
  return { zh: `已读取 ${rows}/${total} 行`, en: `${rows} of ${total} rows read` };
}

export function tableLenses(report: Report): TableLens[] {
  return report.tables.map((table) => {
    if (!table.readable) {
      return { span: table.anchor, title: { zh: '无法读取此表：单元格粘连在一起 ✗', en: 'This table cannot be read: its cells run together ✗' }, ok: false };
    }
    const sums = report.sums.filter((s) => s.table === table);
    const bad = sums.filter((s) => s.status === 'fail');
    const unknown = sums.filter((s) => s.status === 'unknown').length;
    const missing = table.def.blocks.reduce((k, b) => k + b.rows.filter((r) => !table.cells.has(cellKey({ row: r.id, col: b.columns[0].id }))).length, 0);
    const base = bad.length ? bad.slice(0, MAX_SHOWN).map(failing) : [summary(table, sums)];
    const more = bad.length > MAX_SHOWN ? { zh: ` 等 ${bad.length} 项不成立`, en: ` and ${bad.length - MAX_SHOWN} more failing` } : { zh: '', en: '' };
    const unverifiable = sums.filter((s) => s.status === 'unverifiable').length;
    const gaps = unknown || missing ? { zh: `（${unknown ? `${unknown} 项无法检查` : `${missing} 行未读取`}）`, en: ` (${unknown ? `${unknown} not checked` : `${missing} rows not read`})` } : { zh: '', en: '' };
    const blanks = unverifiable ? { zh: `（${unverifiable} 项因空白单元格无法核实）`, en: ` (${unverifiable} not verifiable for blank cells)` } : { zh: '', en: '' };
    const mark = bad.length ? ' ✗' : unknown || missing || unverifiable ? ' ?' : ' ✓';
    return {
      span: table.anchor,
      title: {
        zh: `${base.map((t) => t.zh).join(' ｜ ')}${more.zh}${gaps.zh}${blanks.zh}${mark}`,
        en: `${base.map((t) => t.en).join(' | ')}${more.en}${gaps.en}${blanks.en}${mark}`,
      },
      ok: !bad.length && !unknown && !missing && !unverifiable,
    };
  });
}
