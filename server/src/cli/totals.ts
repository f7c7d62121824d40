/**
 * `govreport totals`: the tables as read, with every computed sum and whether
 * it holds, printed from the same model the totals preview shows.
 */
import { describeSum } from '../analysis/model/describe';
import { describeRatio, RATIO_KEYS } from '../analysis/model/ratios';
import type { PartView, ReportView, TableView } from '../analysis/model/view';
import { displayWidth as width } from '../analysis/text/width';
import { pick, type Locale } from './checked';

/** Pads to `w` terminal columns (a CJK character takes two). Labels are never cut: they come from the schema. */
function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}

function tableText(t: TableView, locale: Locale): string[] {
  const en = locale === 'en';
  const out: string[] = [];
  const layout = { cells: en ? 'one cell per line' : '每格一行', tabs: en ? 'pasted rows (tabs)' : '粘贴的表格（制表符分隔）', pipe: en ? 'pipe rows' : '竖线分隔', markdown: 'Markdown', pdf: en ? 'text from a PDF' : 'PDF 复制文本', flat: en ? 'flat text' : '粘连文本' }[t.layout] ?? t.layout;
  out.push(en ? `${t.name.en} (${t.format} format, ${layout})` : `${t.name.zh}（${t.format} 年格式，${layout}）`);
  if (!t.readable) {
    out.push(en ? '  cannot be read: its cells run together' : '  无法读取：单元格粘连在一起');
    return out;
  }
  for (const block of t.blocks) {
    if (block.captionName) out.push(`  ${pick(block.captionName, locale)}`);
    const labelWidth = Math.max(8, ...block.rows.filter((r) => !r.group).map((r) => width(pick(r.name, locale)) + 2 * r.depth));
    const heads = block.columns.map((c) => pick(c.name, locale));
    const widths = heads.map((h) => Math.max(6, width(h)));
    out.push(`  ${padEnd('', labelWidth)}  ${heads.map((h, i) => padStart(h, widths[i])).join('  ')}`);
    for (const row of block.rows) {
      if (row.group) {
        out.push(`  ${'  '.repeat(row.depth)}${pick(row.name, locale)}`);
        continue;
      }
      const label = padEnd(`${'  '.repeat(row.depth)}${pick(row.name, locale)}`, labelWidth);
      const cells = row.cells
        ? row.cells.map((c, i) => padStart(c.state === 'empty' ? (en ? '(blank)' : '（空）') : c.value === null ? `!${c.raw}` : String(c.value), widths[i])).join('  ')
        : en ? '(row could not be read)' : '（此行无法读取）';
      out.push(`  ${label}  ${cells}`);
    }
  }
  if (t.sums.length) {
    const fail = t.sums.filter((s) => s.status === 'fail').length;
    const unknown = t.sums.filter((s) => s.status === 'unknown').length;
    const blanks = t.sums.filter((s) => s.status === 'unverifiable').length;
    out.push(
      en
        ? `  Sums: ${t.sums.length}, ${t.sums.length - fail - unknown - blanks} hold, ${fail} fail, ${unknown} not checked${blanks ? `, ${blanks} not verifiable (blank cells)` : ''}`
        : `  合计检查 ${t.sums.length} 项：${t.sums.length - fail - unknown - blanks} 项成立，${fail} 项不成立，${unknown} 项无法检查${blanks ? `，${blanks} 项因空白单元格无法核实` : ''}`,
    );
    for (const s of t.sums) out.push(`  ${pick(describeSum(s), locale)}`);
  }
  return out;
}

/** `一 ✓`, `五 ✗`, `五 ⚠ 在六之后` (part 1 ✓ … in English). */
function partText(view: ReportView, p: PartView, en: boolean): string {
  const name = en ? String(p.number) : p.numeral;
  if (!p.present) return `${name} ✗${en ? ' missing' : ' 缺失'}`;
  if (p.after) {
    const later = view.parts.find((x) => x.number === p.after);
    return `${name} ⚠ ${en ? `after ${p.after}` : `在${later?.numeral ?? p.after}之后`}`;
  }
  if (p.times > 1) return `${name} ⚠ ${en ? `${p.times} times` : `出现 ${p.times} 次`}`;
  return `${name} ✓`;
}

export function formatTotals(file: string, view: ReportView, locale: Locale): string {
  const en = locale === 'en';
  const out: string[] = [];
  out.push(`${en ? 'File' : '文件'}: ${file}`);
  // A title broken over lines in the report is one line here.
  const title = view.title?.text.replace(/\s*\n\s*/g, ' ').trim();
  out.push(`${en ? 'Title' : '标题'}: ${title ?? (en ? '(none)' : '（无）')}${view.year ? (en ? ` (${view.year})` : `（${view.year} 年）`) : ''}`);
  out.push(`${en ? 'Parts' : '部分'}: ${view.parts.map((p) => partText(view, p, en)).join('  ')}`);
  out.push(`${en ? 'Ratios' : '比率'}: ${RATIO_KEYS.map((k) => pick(describeRatio(k, view.ratios[k]), locale)).join(en ? '; ' : '；')}`);
  for (const t of view.tables) {
    out.push('');
    out.push(...tableText(t, locale));
  }
  if (view.missingTables.length) {
    out.push('');
    out.push(`${en ? 'Tables not found' : '未找到的表格'}: ${view.missingTables.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}
