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
  doc: {
    checks: "across years: this year's 二、上年结转, per column, is not last year's 四、结转下年度继续办理",
    zh: `
      本年“二、上年结转政府信息公开申请数量”应与本机关上年报告的“四、结转下年度继续办理”逐列一致。
      在本年的单元格处报告，上年的单元格作为相关信息。
    `,
    en: `
      This year's 二、上年结转政府信息公开申请数量 equals, column by column, the body's
      四、结转下年度继续办理 of last year's report. Reported at this year's cell, with last year's
      cell as related information.
    `,
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
