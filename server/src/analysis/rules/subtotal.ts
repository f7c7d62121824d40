/** Table 2, in every column: （七）总计 = the sum of items （一） to （六）. */
import { reportFailedSums } from './arithmetic';
import type { Rule } from './rule';

export const subtotal: Rule = {
  code: 'subtotal',
  severity: 'error',
  description: {
    zh: '申请情况表每一列中，（七）总计等于（一）至（六）各项之和。',
    en: 'In every column of the applications table, (7) Total equals the sum of items (1) to (6).',
  },
  check(report, emit) {
    reportFailedSums(
      report,
      'subtotal',
      emit,
      (sum) => sum.left.cells[0]!,
      (sum, left, right) => ({
        zh: `（七）总计${sum.def.along.zh}为 ${left}，但（一）至（六）各项之和为 ${right}`,
        en: `(7) Total in ${sum.def.along.en} is ${left}, but items (1) to (6) sum to ${right}`,
      }),
    );
  },
};
