/** This year's 二、上年结转 equals, per column, last year's 四、结转下年度继续办理. */
import { TABLES } from '../../schema/tables';
import { baseName, type CrossRule } from './rule';

const COLUMNS = TABLES['2021'].application.blocks[0].columns;

export const carryOver: CrossRule = {
  code: 'carry-over',
  severity: 'error',
  pairs: 'previous-year',
  description: {
    zh: '本年“二、上年结转政府信息公开申请数量”应与上年报告“四、结转下年度继续办理”逐列一致。',
    en: "This year's row 2 (carried over from last year) equals last year's row 4 (carried over to next year), column by column.",
  },
  check(later, earlier, emit) {
    for (const col of COLUMNS) {
      const now = later.carriedIn[col.id];
      const before = earlier.carriedOut[col.id];
      if (!now || !before || now.value === before.value) continue;
      emit({
        range: now.range,
        at: { table: 'application', row: '2', column: col.id },
        message: {
          zh: `「${col.name.zh}」列：上年结转为 ${now.value}，但 ${earlier.year} 年报告的结转下年度为 ${before.value}`,
          en: `Column "${col.name.en}": carried over from last year is ${now.value}, but the ${earlier.year} report carried ${before.value} over to this year`,
        },
        related: [
          {
            file: earlier.file,
            range: before.range,
            message: { zh: `${earlier.year} 年报告（${baseName(earlier.file)}）「四、结转下年度」行「${col.name.zh}」列：${before.value}`, en: `The ${earlier.year} report (${baseName(earlier.file)}), row 4, column "${col.name.en}": ${before.value}` },
          },
        ],
      });
    }
  },
};
