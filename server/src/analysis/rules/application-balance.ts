/** Table 2, in every column: 一 + 二 = （七）总计 + 四. */
import { reportFailedSums } from './arithmetic';
import { capital, type Rule } from './rule';

export const applicationBalance: Rule = {
  code: 'application-balance',
  severity: 'error',
  description: {
    zh: '申请情况表每一列中，第一项加第二项之和等于第三项（七）总计加第四项之和。',
    en: 'In every column of the applications table, rows 1 + 2 equal row (7) Total + row 4.',
  },
  doc: {
    checks: 'applications table, every column: 一 + 二 = （七）总计 + 四',
    zh: `
      申请情况表每一列中，第一项加第二项之和等于第三项（七）总计加第四项之和：本年新收 + 上年结转
      = 本年办结 + 结转下年度。在该列第四项处报告，并指出这四个单元格。
    `,
    en: `
      In every column of the applications table, row 一 plus row 二 equals row 三's （七）总计
      plus row 四: received this year + carried over from last year = handled this year +
      carried over to next year. Reported at row 四 of the column, naming the four cells.
    `,
  },
  check(report, emit) {
    reportFailedSums(
      report,
      'application-balance',
      emit,
      // Row 四 is what is left over, so it is where the difference shows.
      (sum) => sum.right.cells[1] ?? sum.right.cells[0] ?? sum.left.cells[0]!,
      (sum, left, right) => ({
        zh: `${sum.def.along.zh}：一 + 二 = ${left}，但（七）总计 + 四 = ${right}`,
        en: `${capital(sum.def.along.en)}: 1 + 2 = ${left}, but (7) Total + 4 = ${right}`,
      }),
    );
  },
};
