/** A table that cannot be read, or a row with the wrong cells or label. */
import type { ShapeProblem } from '../read/tables/assemble';
import type { Text2 } from '../schema/tables';
import type { Related, Rule } from './rule';

/** `「（六）其他处理」中的「1.申请人…」`: a row's label with the group it belongs to. */
function fullName(row: { label: string; groups?: string[] }): string {
  const inner = row.groups?.filter((g) => !g.startsWith('三、')) ?? [];
  return inner.length ? `「${inner.join('')}」中的「${row.label}」` : `「${row.label}」`;
}

function describe(p: ShapeProblem, table: Text2): Text2 {
  switch (p.kind) {
    case 'unreadable':
      return {
        zh: `「${table.zh}」表的单元格粘连在一起（如从网页复制的文本），无法可靠拆分，未检查其中的数字`,
        en: `The cells of the table "${table.en}" run together (as in text copied from a web page) and cannot be split reliably; its numbers were not checked`,
      };
    case 'cell-count':
      return {
        zh: `「${p.row.name.zh}」行有 ${p.found} 个数字单元格，应为 ${p.expected} 个；无法确定各数字所在的列，此行不参与合计检查`,
        en: `Row "${p.row.name.en}" has ${p.found} value cells where ${p.expected} belong; which number is in which column is unclear, so the row is left out of the sums`,
      };
    case 'missing-label':
      return {
        zh: `此行缺少行标签，按上下行位置视为${fullName(p.row)}`,
        en: `This row has no label; by its neighbours it is taken as "${p.row.name.en}"`,
      };
    case 'label-variant':
      return {
        zh: `行标签「${p.label}」与标准格式的「${p.row.label}」不符`,
        en: `The row label "${p.label}" differs from the standard "${p.row.label}" (${p.row.name.en})`,
      };
    case 'unknown-row':
      return {
        zh: `无法确定此行${p.label ? `「${p.label}」` : ''}对应标准格式的哪一行，此行不参与合计检查`,
        en: `This row${p.label ? ` "${p.label}"` : ''} matches no row of the standard table; it is left out of the sums`,
      };
    case 'missing-row':
      return {
        zh: `「${table.zh}」表缺少${fullName(p.row)}行`,
        en: `The table "${table.en}" has no row "${p.row.name.en}"`,
      };
    case 'unknown-rows':
      return {
        zh: `「${table.zh}」表有 ${p.rows.length} 行无法确定对应标准格式的哪一行（${p.rows.map((r) => `「${r.label ?? '无标签'}」`).join('、')}），这些行不参与合计检查`,
        en: `${p.rows.length} rows of the table "${table.en}" match no row of the standard table (${p.rows.map((r) => `"${r.label ?? 'no label'}"`).join(', ')}); they are left out of the sums`,
      };
    case 'missing-rows':
      return {
        zh: `「${table.zh}」表缺少 ${p.rows.length} 个标准行：${p.rows.map((r) => fullName(r.row)).join('、')}`,
        en: `The table "${table.en}" lacks ${p.rows.length} standard rows: ${p.rows.map((r) => `"${r.row.name.en}"`).join(', ')}`,
      };
  }
}

/** Each row of a finding said once for many rows, as a place of its own. */
function related(p: ShapeProblem): Related[] | undefined {
  if (p.kind === 'unknown-rows') return p.rows.map((r) => ({ span: r.span, message: { zh: `无法对应的行${r.label ? `「${r.label}」` : ''}`, en: `A row matching no standard row${r.label ? ` "${r.label}"` : ''}` } }));
  if (p.kind === 'missing-rows') return p.rows.map((r) => ({ span: r.span, message: { zh: `此处缺少${fullName(r.row)}行`, en: `Row "${r.row.name.en}" missing here` } }));
  return undefined;
}

export const tableShape: Rule = {
  code: 'table-shape',
  severity: 'warning',
  description: {
    zh: '表格无法读取，或某行的单元格过多、过少，行标签缺失或与标准格式不符，缺少标准行。',
    en: 'A table cannot be read, or a row has too many or too few cells, a missing or unknown label, or a standard row is missing.',
  },
  check(report, emit) {
    for (const table of report.tables) {
      for (const p of table.problems) {
        const rel = related(p);
        emit(rel ? { span: p.span, message: describe(p, table.def.name), related: rel } : { span: p.span, message: describe(p, table.def.name) });
      }
    }
  },
};
