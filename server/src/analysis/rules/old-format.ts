/** A report for 2021 or later still in the 2019 layout. */
import type { Rule } from './rule';

export const oldFormat: Rule = {
  code: 'old-format',
  severity: 'warning',
  description: {
    zh: '2021 年度及以后的报告应使用国办公开办函〔2021〕30号规定的新格式，而不是 2019 年的试行格式。',
    en: 'Reports for 2021 and later use the format of "国办公开办函〔2021〕30号", not the 2019 trial format.',
  },
  doc: {
    checks: 'a report for 2021 or later still in the 2019 layout',
    zh: `
      2021 年度及以后的报告应使用国办公开办函〔2021〕30号规定的格式，而不是 2019 年试行格式
      （本年新制作数量、上一年项目数量等栏目；（六）其他处理不分项）。
    `,
    en: `
      A report for 2021 or later uses the format of 国办公开办函〔2021〕30号, not the 2019
      trial format (columns such as 本年新制作数量 and 上一年项目数量; （六）其他处理 without
      items).
    `,
  },
  check(report, emit) {
    const year = report.year;
    if (year === undefined || year < 2021) return;
    for (const table of report.tables) {
      // The reconsideration table is the same in both formats.
      if (!table.readable || table.def.format !== '2019' || table.kind === 'review') continue;
      const single = table.kind === 'application' ? table.rows.find((r) => r.row.id === '3.6') : undefined;
      const detail =
        table.kind === 'application'
          ? { zh: '（六）其他处理未分列 1 至 3 项', en: 'item (6) is not split into its three sub-items' }
          : { zh: '栏目为“本年新制作数量”“上一年项目数量”等旧栏目', en: 'it has the old columns such as "本年新制作数量" and "上一年项目数量"' };
      emit({
        span: single?.label ?? table.anchor,
        message: {
          zh: `本报告为 ${year} 年度，应使用 2021 年新格式，但「${table.def.name.zh}」表仍为 2019 年旧格式：${detail.zh}`,
          en: `This report is for ${year} and should use the 2021 format, but the table "${table.def.name.en}" is in the 2019 format: ${detail.en}`,
        },
      });
    }
  },
};
