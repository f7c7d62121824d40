/** A part that must hold a standard table has none. */
import type { PartHeading } from '../read/headings';
import type { Report } from '../model/report';
import { tableTemplate } from '../schema/templates';
import { TABLES, type TableKind } from '../schema/tables';
import { fold } from '../text/fold';
import type { Fix, Rule } from './rule';

/**
 * Inserts the standard table (the snippets' template, all 0) at the end of the
 * part, in the style of the report's other tables.
 */
function insertTable(report: Report, heading: PartHeading, kind: TableKind): Fix {
  const { text, lines, parts } = report;
  const next = parts.find((h) => h.span.start > heading.span.start && !h.inline);
  const at = next ? lines.starts[next.line] : text.length;
  const style = report.tables.some((t) => t.layout === 'pipe') ? 'pipe' : 'markdown';
  const eol = lines.eol;
  const before = at > 0 && !/[\r\n]/.test(text[at - 1]) ? eol : '';
  const table = TABLES['2021'][kind].name;
  return {
    title: { zh: `插入「${table.zh}」表`, en: `Insert the table "${table.en}"` },
    edits: [{ span: { start: at, end: at }, newText: `${before}${tableTemplate(kind, style).join(eol)}${eol}` }],
    safe: false,
  };
}

/**
 * The words only a table of `kind` prints (captions, column headers, row
 * labels of four characters or more, in both formats), folded.
 */
const TABLE_WORDS: Record<TableKind, string[]> = (() => {
  const words = { active: new Set<string>(), application: new Set<string>(), review: new Set<string>() };
  for (const format of Object.values(TABLES)) {
    for (const def of Object.values(format)) {
      const add = (w: string | undefined): void => {
        const f = w ? fold(w) : '';
        if (f.length >= 4) words[def.kind].add(f);
      };
      add(def.caption);
      for (const b of def.blocks) {
        add(b.caption);
        for (const c of b.columns) [c.label, ...(c.aliases ?? [])].forEach(add);
        for (const r of b.rows) [r.label, ...(r.aliases ?? [])].forEach(add);
      }
    }
  }
  return { active: [...words.active], application: [...words.application], review: [...words.review] };
})();

/** How many distinct words of the table the part's text carries. */
const ENOUGH_WORDS = 3;
/** Text read per part, enough for any table. */
const PART_LIMIT = 20000;

/** The table's words found in the part's text, up to ENOUGH_WORDS. */
function tableWordsIn(report: Report, heading: PartHeading, kind: TableKind): string[] {
  const next = report.parts.find((h) => h.span.start > heading.span.start && h.part !== heading.part);
  const end = Math.min(next ? next.span.start : report.text.length, heading.span.end + PART_LIMIT);
  const body = fold(report.text.slice(heading.span.end, end));
  const found: string[] = [];
  for (const w of TABLE_WORDS[kind]) {
    if (body.includes(w) && !found.some((f) => f.includes(w) || w.includes(f))) found.push(w);
    if (found.length >= ENOUGH_WORDS) break;
  }
  return found;
}

export const missingTable: Rule = {
  code: 'missing-table',
  severity: 'error',
  description: {
    zh: '第二、三、四部分应分别包含主动公开情况表、申请情况表、行政复议行政诉讼情况表。部分中有表格用语而读不出表格时，只作警告。',
    en: 'Parts 2, 3 and 4 must each hold their standard table. A part that has the words of its table but no table that could be read gets a warning only.',
  },
  doc: {
    checks: 'part 二, 三 or 四 without its standard table',
    zh: `
      第二部分应有主动公开情况表，第三部分应有申请情况表，第四部分应有行政复议、行政诉讼情况表。
      部分中有该表的用语（表头、行标签等，至少三处）却读不出表格时，表格在而形状无法识别，只作警告。
    `,
    en: `
      Part 二 should hold the proactive disclosure table, part 三 the applications table,
      part 四 the reconsideration and lawsuits table. When the part holds the table's words
      (its headers, row labels and the like, at least three of them) but no table can be
      read, the table is there in a shape that cannot be recognised: a warning only.
    `,
  },
  check(report, emit) {
    for (const heading of report.parts) {
      const kind = heading.part.table;
      if (!kind || report.tables.some((t) => t.kind === kind)) continue;
      // Reported once, at the first heading of the part.
      if (report.parts.find((h) => h.part === heading.part) !== heading) continue;
      // A part whose text carries the table's own words holds the table, in a
      // shape that could not be read: a warning, never the error.
      const words = tableWordsIn(report, heading, kind);
      if (words.length >= ENOUGH_WORDS) {
        const quoted = words.map((w) => `「${w}」`).join('');
        emit({
          span: heading.span,
          severity: 'warning',
          message: {
            zh: `「${heading.part.name.zh}」部分有表格的用语（${quoted}），但未能读出标准表格；未检查其中的数字`,
            en: `Part "${heading.part.name.en}" has the words of its table (${words.join(', ')}), but the standard table could not be read; its numbers were not checked`,
          },
        });
        continue;
      }
      emit({
        span: heading.span,
        message: {
          zh: `「${heading.part.name.zh}」部分缺少标准表格`,
          en: `Part "${heading.part.name.en}" has no standard table`,
        },
        fixes: heading.inline ? undefined : [insertTable(report, heading, kind)],
      });
    }
  },
};
