/**
 * What is said of the totals, the same in the hover, the totals preview and
 * `govreport totals`: one sentence for a sum (`✓ 「自然人」列：一 + 二 = 11，
 * （七）总计 + 四 = 11`), the count of a table's sums, what a failing total
 * should be, a part out of place, the tables not found. Kept free of the
 * schema's data, so that the preview's page can bundle it alone.
 */
import type { TableKind, Text2 } from '../schema/tables';
import type { Layout } from '../read/tables/locate';

/** How each layout of a table is named to the user (the preview and `govreport totals`). */
export const LAYOUT_NAMES: Record<Layout, Text2> = {
  cells: { zh: '每格一行', en: 'one cell per line' },
  tabs: { zh: '粘贴的表格（制表符分隔）', en: 'pasted rows (tabs)' },
  pipe: { zh: '竖线分隔', en: 'pipe rows' },
  markdown: { zh: 'Markdown', en: 'Markdown' },
  pdf: { zh: 'PDF 复制文本', en: 'text from a PDF' },
  flat: { zh: '粘连文本', en: 'flat text' },
};

/** A layout's name; an unknown layout by its key. */
export function layoutName(layout: string): Text2 {
  return (LAYOUT_NAMES as Record<string, Text2 | undefined>)[layout] ?? { zh: layout, en: layout };
}

/** A table's format and the layout it was read in: `2021 年格式，Markdown`. */
export function describeFormat(format: string, layout: string): Text2 {
  const name = layoutName(layout);
  return { zh: `${format} 年格式，${name.zh}`, en: `${format} format, ${name.en}` };
}

export interface SumSummary {
  status: 'ok' | 'fail' | 'unknown' | 'unverifiable';
  along: Text2;
  leftName: Text2;
  rightName: Text2;
  left: number | null;
  right: number | null;
}

const MARK = { ok: '✓', fail: '✗', unknown: '?', unverifiable: '?' } as const;

const UNCHECKED = {
  ok: { zh: '', en: '' },
  fail: { zh: '', en: '' },
  unknown: { zh: '（有无法确定的单元格，未检查）', en: ' (a cell is uncertain; not checked)' },
  unverifiable: {
    zh: '（无法核实：只因空白单元格按 0 计而不成立，按各空格所在行或列应填的值则成立）',
    en: ' (not verifiable: it fails only because blank cells are read as 0; with the values their rows or columns imply, it holds)',
  },
} as const;

/** A number as shown to people; `?` when it could not be read. */
export function shown(v: number | null | undefined): string {
  if (v === null || v === undefined) return '?';
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

export function describeSum(s: SumSummary): Text2 {
  const unchecked = UNCHECKED[s.status];
  return {
    zh: `${MARK[s.status]} ${s.along.zh}：${s.leftName.zh} = ${shown(s.left)}，${s.rightName.zh} = ${shown(s.right)}${unchecked.zh}`,
    en: `${MARK[s.status]} ${s.along.en}: ${s.leftName.en} = ${shown(s.left)}, ${s.rightName.en} = ${shown(s.right)}${unchecked.en}`,
  };
}

/** The line under a table: how many of its sums hold, fail, or could not be checked. */
export function describeSums(sums: readonly { status: SumSummary['status'] }[]): Text2 {
  const count = (status: SumSummary['status']) => sums.filter((s) => s.status === status).length;
  const [n, fail, unknown, blanks] = [sums.length, count('fail'), count('unknown'), count('unverifiable')];
  const hold = n - fail - unknown - blanks;
  return {
    zh: `合计检查 ${n} 项：${hold} 项成立，${fail} 项不成立，${unknown} 项无法检查${blanks ? `，${blanks} 项因空白单元格无法核实` : ''}`,
    en: `${n} sums: ${hold} hold, ${fail} fail, ${unknown} not checked${blanks ? `, ${blanks} not verifiable (blank cells)` : ''}`,
  };
}

/** Under a failing total: the value that would make its sum hold. */
export function describeShouldBe(value: number): Text2 {
  return { zh: `应为 ${shown(value)}`, en: `should be ${shown(value)}` };
}

/** What is wrong with a part's place: missing, after a later part (named by `laterNumeral`), or there more than once. */
export function describePartProblem(p: { present: boolean; after?: number; times: number }, laterNumeral: string): Text2 | undefined {
  if (!p.present) return { zh: '缺失', en: 'missing' };
  if (p.after) return { zh: `在第${laterNumeral}部分之后`, en: `after part ${p.after}` };
  if (p.times > 1) return { zh: `出现 ${p.times} 次`, en: `appears ${p.times} times` };
  return undefined;
}

/** A table the reader could not take apart, a row it could not read, a blank cell. */
export const TABLE_WORDS = {
  unreadable: { zh: '此表的单元格粘连在一起（如从网页复制的文本），无法读取，未检查合计。', en: 'The cells of this table run together (as in text copied from a web page); it cannot be read and its sums were not checked.' },
  rowUnread: { zh: '此行无法读取', en: 'row could not be read' },
  blank: { zh: '空', en: 'blank' },
} satisfies Record<string, Text2>;

const TABLE_KIND_NAMES: Record<TableKind, Text2> = {
  active: { zh: '主动公开情况表', en: 'Proactive disclosure' },
  application: { zh: '申请情况表', en: 'Applications' },
  review: { zh: '复议诉讼情况表', en: 'Reconsideration and lawsuits' },
};

/** `未找到的表格: 主动公开情况表、申请情况表`. */
export function describeMissingTables(kinds: readonly TableKind[]): Text2 {
  const names = kinds.map((k) => TABLE_KIND_NAMES[k] ?? { zh: k, en: k });
  return { zh: `未找到的表格: ${names.map((n) => n.zh).join('、')}`, en: `Tables not found: ${names.map((n) => n.en).join(', ')}` };
}
