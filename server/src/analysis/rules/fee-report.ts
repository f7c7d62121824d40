/**
 * Part 六 says whether information-processing fees (信息处理费) were charged,
 * as the fee rules in force since 2021 ask. A part 六 that is missing is
 * `missing-section`'s to report.
 */
import { contentRequired, foldedPart, headingOf, sentences } from './content';
import type { Rule } from './rule';

/**
 * A sentence naming the fee and whether (or how much) it was charged; a
 * heading that only names the subject (信息处理费收取情况) says neither.
 */
const FEE = /处理费/;
const CHARGED = /(收取|收缴|收费|缴纳)(?!情况)|免|无|未|没有|不|零|\d/;
/** Or one saying that nothing was charged, or how much, in other words (未发生收费情况). */
const CHARGING = /(未|没有|无|不|免)[^,;]{0,8}(收取|收费|收缴)|(收取|收费|收缴)[^,;]{0,12}(\d|零|无)/;
/** Titles of documents name the fee without saying anything of it: 《政府信息公开信息处理费管理办法》. */
const TITLE = /《[^》]{0,80}》/g;

/** Whether a folded text says if fees were charged. */
export function saysFees(folded: string): boolean {
  return sentences(folded.replace(TITLE, '')).some((s) => (FEE.test(s) && CHARGED.test(s.replace(/处理费/g, ''))) || CHARGING.test(s));
}

export const feeReport: Rule = {
  code: 'fee-report',
  severity: 'warning',
  description: {
    zh: '第六部分“其他需要报告的事项”应说明本年度是否收取信息处理费（收取多少，或未收取）。',
    en: 'Part 6 (other matters) says whether information-processing fees were charged this year (how much, or none).',
  },
  doc: {
    checks: 'part 六 does not say whether 信息处理费 were charged',
    zh: `
      第六部分“其他需要报告的事项”应说明本年度是否收取信息处理费：收取多少（全年收取信息处理费 3940 元、
      0 元），或未收取（本机关未收取信息处理费、无收取信息处理费情况、未发生收费情况）。只写《政府信息公开
      信息处理费管理办法》的名称，或只有“信息处理费收取情况”这样的小标题，不算说明。信息处理费自 2021 年起
      依国办函〔2020〕109号收取，故适用于 2021 年度及以后的报告；缺少第六部分由 \`missing-section\` 报告，不重复报告。
    `,
    en: `
      Part 六 (其他需要报告的事项) says whether information processing fees (信息处理费) were
      charged this year: how much (全年收取信息处理费 3940 元, 0 元), or none (本机关未收取信息处理费,
      无收取信息处理费情况, 未发生收费情况). Naming the 《政府信息公开信息处理费管理办法》 only, or a
      sub-heading such as “信息处理费收取情况” alone, does not say it. Fees are charged under
      国办函〔2020〕109号 since 2021, so reports for 2021 and later; a missing part 六 is
      \`missing-section\`'s, never reported twice.
    `,
  },
  check(report, emit) {
    if (!contentRequired(report)) return;
    const folded = foldedPart(report, 6);
    if (folded === undefined || saysFees(folded)) return;
    emit({
      span: headingOf(report, 6)!.span,
      message: {
        zh: '第六部分未说明本年度是否收取信息处理费（如“本机关未收取信息处理费”，或收取的金额）',
        en: 'Part 6 does not say whether information-processing fees were charged this year (such as 本机关未收取信息处理费, or the amount charged)',
      },
    });
  },
};
