/** No title line naming the year and 政府信息公开工作年度报告. */
import type { Rule } from './rule';

export const missingTitle: Rule = {
  code: 'missing-title',
  severity: 'warning',
  description: {
    zh: '报告开头应有标题，写明机关名称、年份和“政府信息公开工作年度报告”。',
    en: 'A report opens with a title naming the body, the year and "政府信息公开工作年度报告".',
  },
  doc: {
    checks: 'no title naming the year and 政府信息公开工作年度报告',
    zh: `
      报告开头应有标题，写明机关名称、年份和“政府信息公开工作年度报告”。
    `,
    en: `
      The report begins with a title naming the body, the year and
      “政府信息公开工作年度报告”.
    `,
  },
  check(report, emit) {
    const { title, lines } = report;
    if (!title) {
      // The first line with words, or the first line (read in the offsets: no line objects made).
      let i = 0;
      while (i < lines.count && lines.ends[i] === lines.starts[i]) i++;
      const at = lines.starts[i < lines.count ? i : 0];
      emit({
        span: { start: at, end: at },
        message: {
          zh: '缺少标题：报告开头应有一行写明机关名称、年份和“政府信息公开工作年度报告”',
          en: 'No title: the report should open with a line naming the body, the year and "政府信息公开工作年度报告"',
        },
      });
    } else if (title.year === undefined) {
      emit({
        span: title.span,
        message: { zh: '标题中没有写明年份（如“2021年”）', en: 'The title does not name the year (such as "2021年")' },
      });
    }
  },
};
