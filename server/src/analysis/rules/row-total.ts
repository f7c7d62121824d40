/** Table 2, in every row: 总计 = the sum of the six applicant columns. */
import { reportFailedSums } from './arithmetic';
import { capital, type Rule } from './rule';

export const rowTotal: Rule = {
  code: 'row-total',
  severity: 'error',
  description: {
    zh: '申请情况表每一行中，总计等于自然人与五类法人或其他组织之和。',
    en: 'In every row of the applications table, Total equals the sum of the six applicant columns.',
  },
  doc: {
    checks: 'applications table, every row: 总计 = the six applicant columns',
    zh: `
      申请情况表每一行中，总计等于自然人与五类法人或其他组织之和。总计单元格留空时由 \`empty-cell\`
      报告，并给出应填的数值。
    `,
    en: `
      In every row of the applications table, 总计 equals the sum of natural persons and the
      five kinds of legal persons or other organisations. A blank 总计 cell is reported by
      \`empty-cell\`, with the value it should hold.
    `,
  },
  check(report, emit) {
    reportFailedSums(
      report,
      'row-total',
      emit,
      (sum) => sum.left.cells[0]!,
      (sum, left, right) => ({
        zh: `${sum.def.along.zh}：总计为 ${left}，但各类申请人之和为 ${right}`,
        en: `${capital(sum.def.along.en)}: Total is ${left}, but the applicant columns sum to ${right}`,
      }),
    );
  },
};
