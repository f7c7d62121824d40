/** A part that must hold a standard table has none. */
import type { PartHeading } from '../read/headings';
import type { Report } from '../read/report';
import { tableTemplate } from '../schema/templates';
import { TABLES, type TableKind } from '../schema/tables';
import type { Fix, Rule } from './rule';

/**
 * Inserts the standard table (the snippets' template, all 0) at the end of the
 * part, in the style of the report's other tables.
 */
function insertTable(report: Report, heading: PartHeading, kind: TableKind): Fix {
  const { text, lines, parts } = report;
  const next = parts.find((h) => h.span.start > heading.span.start && !h.inline);
  const at = next ? lines.lines[next.line].start : text.length;
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

export const missingTable: Rule = {
  code: 'missing-table',
  severity: 'error',
  description: {
    zh: '第二、三、四部分应分别包含主动公开情况表、申请情况表、行政复议行政诉讼情况表。',
    en: 'Parts 2, 3 and 4 must each hold their standard table.',
  },
  check(report, emit) {
    for (const heading of report.parts) {
      const kind = heading.part.table;
      if (!kind || report.tables.some((t) => t.kind === kind)) continue;
      // Reported once, at the first heading of the part.
      if (report.parts.find((h) => h.part === heading.part) !== heading) continue;
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
