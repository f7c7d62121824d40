/** Table 3: in each group, 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
import { reportFailedSums } from './arithmetic';
import type { Rule } from './rule';

export const reviewTotal: Rule = {
  code: 'review-total',
  severity: 'error',
  description: {
    zh: '行政复议、行政诉讼表的三组中，总计等于结果维持、结果纠正、其他结果、尚未审结之和。',
    en: 'In each group of the reconsideration and lawsuits table, Total equals upheld + corrected + other + pending.',
  },
  doc: {
    checks: "reconsideration and lawsuits table: each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结",
    zh: `
      行政复议、行政诉讼（未经复议直接起诉、复议后起诉）三组中，总计等于结果维持、结果纠正、
      其他结果、尚未审结之和。
    `,
    en: `
      In each of the three groups of the reconsideration and lawsuits table (reconsideration,
      lawsuits without reconsideration, lawsuits after reconsideration), 总计 equals the sum of
      结果维持, 结果纠正, 其他结果 and 尚未审结.
    `,
  },
  check(report, emit) {
    reportFailedSums(
      report,
      'review-total',
      emit,
      (sum) => sum.left.cells[0]!,
      (sum, left, right) => ({
        zh: `${sum.def.along.zh}：总计为 ${left}，但结果维持、结果纠正、其他结果、尚未审结之和为 ${right}`,
        en: `${sum.def.along.en}: Total is ${left}, but upheld + corrected + other + pending is ${right}`,
      }),
    );
  },
};
