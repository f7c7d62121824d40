/** Parts out of order, or one part twice. */
import type { Rule } from './rule';

export const sectionOrder: Rule = {
  code: 'section-order',
  severity: 'warning',
  description: {
    zh: '六个部分应按一至六的顺序出现，且每部分只出现一次。',
    en: 'The six parts appear in order, each once.',
  },
  doc: {
    checks: 'parts out of order, or one part twice',
    zh: `
      六个部分按顺序出现，每部分一次。
    `,
    en: `
      The six parts appear in order, each once.
    `,
  },
  check(report, emit) {
    const seen = new Set<number>();
    const repeats = new Map<number, number>();
    for (const h of report.parts) repeats.set(h.part.number, (repeats.get(h.part.number) ?? 0) + 1);
    let latest = report.parts[0];
    for (const heading of report.parts) {
      const n = heading.part.number;
      if (seen.has(n)) {
        // Once per part, at its second heading: a part repeated a thousand
        // times is one problem, not a thousand.
        const times = repeats.get(n) ?? 0;
        if (times > 0) {
          repeats.set(n, 0);
          emit({
            span: heading.span,
            message:
              times === 2
                ? { zh: `第${heading.part.numeral}部分重复出现`, en: `Part ${n} appears a second time` }
                : { zh: `第${heading.part.numeral}部分重复出现（共 ${times} 次）`, en: `Part ${n} appears ${times} times` },
          });
        }
        continue;
      }
      if (latest && n < latest.part.number) {
        emit({
          span: heading.span,
          message: {
            zh: `第${heading.part.numeral}部分出现在第${latest.part.numeral}部分之后，顺序不对`,
            en: `Part ${n} comes after part ${latest.part.number}; the order is wrong`,
          },
        });
      }
      seen.add(n);
      if (!latest || n > latest.part.number) latest = heading;
    }
  },
};
