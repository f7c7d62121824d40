/**
 * Part 五 says how the problems named the year before were addressed, as the
 * 2021 format asks; a part 五 of a line or two says nothing of the kind.
 */
import { contentRequired, foldedPart, headingOf, wordCount } from './content';
import type { Rule } from './rule';

/** Fewer letters and digits than this, and part 五 says next to nothing. */
export const SHORT_PART = 60;

const PRIOR = ['上年度', '上一年度', '上年', '上一年', '去年', '前一年'];
const PROBLEM = /问题|不足|短板|差距|有待|不够|不强|薄弱|欠缺|整改|意见|建议/;
const REMEDY = /整改|改进|落实|解决|完善|加强|加大|提升|提高|规范|改善|优化|增强|推进|纠正/;
/** How far around a mention of last year its problems and their remedy are looked for. */
const BEFORE = 40;
const AFTER = 200;

/** Whether a folded part 五 says how last year's problems were addressed. */
export function saysLastYear(folded: string, year: number | undefined): boolean {
  const words = year === undefined ? PRIOR : [...PRIOR, `${year - 1}年`];
  for (const w of words) {
    for (let i = folded.indexOf(w); i >= 0; i = folded.indexOf(w, i + w.length)) {
      const around = folded.slice(Math.max(0, i - BEFORE), i + w.length + AFTER);
      if (PROBLEM.test(around) && REMEDY.test(around)) return true;
    }
  }
  return false;
}

export const improvementReport: Rule = {
  code: 'improvement-report',
  severity: 'info',
  description: {
    zh: '第五部分“存在的主要问题及改进情况”应说明上年度问题的整改（改进）情况；少于 60 字的第五部分也提示。',
    en: "Part 5 (problems and improvements) says how last year's problems were addressed; a part 5 under 60 characters is noted too.",
  },
  doc: {
    checks: "part 五 does not say how last year's problems were addressed, or is under 60 characters",
    zh: `
      第五部分“存在的主要问题及改进情况”应说明上年度问题的整改（改进）情况：写到上年度（上一年度、上年、
      去年，或上一年的年份）及其问题（问题、不足、有待……）和所做的整改（整改、改进、落实、加强……）即可。
      第五部分不足 60 个字（只计文字和数字）时，另作提示。这是提示（info）而不是警告：许多报告只写本年度的
      问题和下一步打算。适用于 2021 年度及以后的报告。
    `,
    en: `
      Part 五 (存在的主要问题及改进情况) says how last year's problems were addressed: naming last
      year (上年度, 上一年度, 上年, 去年, or the year before's number), its problems (问题, 不足,
      有待…) and what was done (整改, 改进, 落实, 加强…) is enough. A part 五 of under 60 characters
      (letters and digits only) is noted apart. A note (info), not a warning: many real
      reports speak only of this year's problems and the next steps. Reports for 2021 and
      later.
    `,
  },
  check(report, emit) {
    if (!contentRequired(report)) return;
    const folded = foldedPart(report, 5);
    if (folded === undefined) return;
    const span = headingOf(report, 5)!.span;
    const n = wordCount(folded);
    if (n < SHORT_PART) {
      emit({
        span,
        message: {
          zh: `第五部分只有 ${n} 个字，未说明存在的主要问题、上年度问题的改进情况和下一步措施`,
          en: `Part 5 has only ${n} characters of text; it does not say what the main problems are, how last year's were addressed, and what comes next`,
        },
      });
      return;
    }
    if (saysLastYear(folded, report.year)) return;
    emit({
      span,
      message: {
        zh: '第五部分未说明上年度存在问题的整改（改进）情况',
        en: "Part 5 does not say how last year's problems were addressed",
      },
    });
  },
};
