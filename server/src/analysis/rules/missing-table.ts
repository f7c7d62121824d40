/** A part that must hold a standard table has none. */
import type { Rule } from './rule';

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
      });
    }
  },
};
