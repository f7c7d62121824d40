/**
 * One sentence for a sum, the same in the hover, the totals preview and
 * `govreport totals`: `✓ 「自然人」列：一 + 二 = 11，（七）总计 + 四 = 11`.
 * Kept free of the schema, so that the preview's page can bundle it alone.
 */
import type { Text2 } from '../schema/tables';
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
