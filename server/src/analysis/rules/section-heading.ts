/** A heading worded differently from the standard: a hint with the standard wording. */
import { NUMERALS, PARTS, standardHeading } from '../schema/parts';
import { replaceFix } from './fixes';
import type { Rule } from './rule';

export const sectionHeading: Rule = {
  code: 'section-heading',
  severity: 'info',
  description: {
    zh: '部分标题的写法与 2021 年格式的标准标题不同。',
    en: "A part heading is worded differently from the 2021 format's.",
  },
  doc: {
    checks: 'a heading worded differently from the standard',
    zh: `
      标题写法与 2021 年格式不同时提示标准写法（包括常见变体、半角标点、缺少编号）。
    `,
    en: `
      A heading worded differently from the 2021 format is given the standard wording
      (common variants, half-width punctuation and a missing number included).
    `,
  },
  check(report, emit) {
    for (const heading of report.parts) {
      const standard = standardHeading(heading.part);
      if (heading.text === standard) continue;
      emit({
        span: heading.span,
        message: {
          zh: `标题「${heading.text}」与标准格式不同，标准写法为「${standard}」`,
          en: `The heading "${heading.text}" differs from the standard wording "${standard}"`,
        },
        fixes: [replaceFix(heading.span, standard, { zh: `改为标准标题「${standard}」`, en: `Use the standard heading "${standard}"` }, false)],
      });
    }
    // Sub-headings of part 一 numbered like parts: the words say which they are.
    const subparts = PARTS[0].subparts ?? [];
    for (const sub of report.subparts) {
      if (!sub.misnumbered) continue;
      const numeral = `（${subparts[sub.index - 1]?.numeral ?? NUMERALS[sub.index - 1]}）`;
      emit({
        span: sub.span,
        message: {
          zh: `「${sub.text}」是第一部分的小标题，却按部分编号；应编号为「${numeral}」`,
          en: `"${sub.text}" is a sub-heading of part 1 numbered like a part; its number should be "${numeral}"`,
        },
        fixes: [replaceFix(sub.misnumbered, numeral, { zh: `改为「${numeral}」`, en: `Number it "${numeral}"` }, false)],
      });
    }
  },
};
