/**
 * `govreport totals`: the tables as read, with every computed sum and whether
 * it holds, printed from the same model the totals preview shows.
 */
import { describeFormat, describeMissingTables, describeRatio, describeSum, describeSums, displayWidth as width, type PartView, RATIO_KEYS, type ReportView, TABLE_WORDS, type TableView } from '../analysis';
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
  const bracket = (s: string) => (en ? `(${s})` : `（${s}）`);
  const out: string[] = [];
  out.push(`${pick(t.name, locale)}${en ? ' ' : ''}${bracket(pick(describeFormat(t.format, t.layout), locale))}`);
  if (!t.readable) {
    out.push(`  ${pick(TABLE_WORDS.unreadable, locale)}`);
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
        ? row.cells.map((c, i) => padStart(c.state === 'empty' ? bracket(pick(TABLE_WORDS.blank, locale)) : c.value === null ? `!${c.raw}` : String(c.value), widths[i])).join('  ')
        : bracket(pick(TABLE_WORDS.rowUnread, locale));
      out.push(`  ${label}  ${cells}`);
    }
  }
  if (t.sums.length) {
    out.push(`  ${pick(describeSums(t.sums), locale)}`);
    for (const s of t.sums) out.push(`  ${pick(describeSum(s), locale)}`);
  }
  return out;
}

/** `一 ✓`, `五 ✗ 缺失`, `五 ⚠ 在六之后` (part 1 ✓ … in English). */
function partText(p: PartView, locale: Locale): string {
  const name = locale === 'en' ? String(p.number) : p.numeral;
  return `${name} ${!p.present ? '✗' : p.problem ? '⚠' : '✓'}${p.problem ? ` ${pick(p.problem, locale)}` : ''}`;
}

export function formatTotals(file: string, view: ReportView, locale: Locale): string {
  const en = locale === 'en';
  const out: string[] = [];
  out.push(`${en ? 'File' : '文件'}: ${file}`);
  // A title broken over lines in the report is one line here.
  const title = view.title?.text.replace(/\s*\n\s*/g, ' ').trim();
  out.push(`${en ? 'Title' : '标题'}: ${title ?? (en ? '(none)' : '（无）')}${view.year ? (en ? ` (${view.year})` : `（${view.year} 年）`) : ''}`);
  out.push(`${en ? 'Parts' : '部分'}: ${view.parts.map((p) => partText(p, locale)).join('  ')}`);
  out.push(`${en ? 'Ratios' : '比率'}: ${RATIO_KEYS.map((k) => pick(describeRatio(k, view.ratios[k]), locale)).join(en ? '; ' : '；')}`);
  for (const t of view.tables) {
    out.push('');
    out.push(...tableText(t, locale));
  }
  if (view.missingTables.length) {
    out.push('');
    out.push(pick(describeMissingTables(view.missingTables), locale));
  }
  return `${out.join('\n')}\n`;
}
