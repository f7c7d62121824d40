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
  doc: {
    checks: 'applications table, every column: （七）总计 = the items of （一） to （六）',
    zh: `
      申请情况表每一列中，（七）总计等于（一）予以公开至（六）其他处理各项之和。

      仅因空白单元格按 0 计算而不成立的合计（按所在行或列推得的数值填入各空白后即成立）不算错误：
      空白由 \`empty-cell\` 报告并给出应填的数值，该合计在悬停提示、CodeLens、预览和 \`govreport totals\`
      中显示为“无法核实”。
    `,
    en: `
      In every column of the applications table, （七）总计 equals the sum of the items from
      （一）予以公开 to （六）其他处理.

      A sum that fails only because blank cells were read as 0 (filling each blank with
      the value its own row or column implies makes it hold) is no error: the blanks are
      reported by \`empty-cell\` with the value they should hold, and the sum shows as
      "not verifiable" (无法核实) in the hover, the CodeLens, the preview and
      \`govreport totals\`.
    `,
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
