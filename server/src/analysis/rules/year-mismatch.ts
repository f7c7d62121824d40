/** The title's year, the statistics period and the year the body speaks of disagree. */
import type { YearMention } from '../read/meta';
import type { Rule } from './rule';

/** The year the body speaks of most, when it clearly does. */
function dominantYear(mentions: YearMention[]): { year: number; count: number; first: YearMention } | undefined {
  const counts = new Map<number, number>();
  for (const m of mentions) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  let best: number | undefined;
  for (const [year, count] of counts) if (best === undefined || count > counts.get(best)!) best = year;
  if (best === undefined) return undefined;
  const count = counts.get(best)!;
  if (count < 3 || count * 2 <= mentions.length) return undefined;
  return { year: best, count, first: mentions.find((m) => m.year === best)! };
}

export const yearMismatch: Rule = {
  code: 'year-mismatch',
  severity: 'warning',
  description: {
    zh: '标题年份、统计期限与正文所述年份应一致。',
    en: "The title's year, the statistics period and the year the text speaks of agree.",
  },
  doc: {
    checks: "the title's year, the statistics period and the year the text speaks of disagree",
    zh: `
      标题年份、统计期限（统计期限自某年1月1日至12月31日）与正文主要记述的年份应一致。
    `,
    en: `
      The title's year, the statistics period (统计期限自某年1月1日至12月31日) and the year the
      text mainly speaks of agree.
    `,
  },
  check(report, emit) {
    const { title, period } = report;
    if (title?.year !== undefined && period && period.year !== title.year) {
      emit({
        span: period.yearSpan,
        message: {
          zh: `统计期限为 ${period.year} 年，但标题年份为 ${title.year} 年`,
          en: `The statistics period is for ${period.year}, but the title says ${title.year}`,
        },
        related: title.yearSpan ? [{ span: title.yearSpan, message: { zh: '标题年份', en: "The title's year" } }] : [],
      });
    }
    if (period?.endYear !== undefined && period.endYear !== period.year) {
      emit({
        span: period.span,
        message: {
          zh: `统计期限从 ${period.year} 年至 ${period.endYear} 年，应为同一年的 1 月 1 日至 12 月 31 日`,
          en: `The statistics period runs from ${period.year} to ${period.endYear}; it should be 1 January to 31 December of one year`,
        },
      });
    }
    const year = report.year;
    const body = dominantYear(report.bodyYears);
    if (year !== undefined && body && body.year !== year) {
      emit({
        span: body.first.span,
        message: {
          zh: `正文主要记述 ${body.year} 年的工作（提及 ${body.count} 次），但报告年份为 ${year} 年`,
          en: `The text speaks mostly of ${body.year} (${body.count} times), but the report is for ${year}`,
        },
        related: title?.yearSpan ? [{ span: title.yearSpan, message: { zh: '标题年份', en: "The title's year" } }] : [],
      });
    }
  },
};
