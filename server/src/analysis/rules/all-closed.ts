/**
 * The prose says every application was handled (均已办结, 已全部答复, 办结率
 * 100% …) while the table carries applications over to next year. Only a
 * sentence about applications is read, and not one that speaks of carrying
 * over itself (上年结转的申请均已办结 is true whatever is carried on).
 */
import { readingsOf } from '../model/figures';
import { foldSpan } from '../text/fold';
import { cellNote } from './cells';
import { formatNumber, type Rule } from './rule';

const CLAIM = /(均已|已全部|全部已|已经全部|都已|全部|均)(办结|办理完毕|答复完毕|处理完毕|予以答复|答复)|(办结|答复)率均?(为|达|达到|是)?100(\.0+)?%/g;
const NEGATED = /(未|没|不|尚未)$/;
const CARRYING = /结转|顺延|下年度|继续办理|转入/;
const SENTENCE_END = /[。;!?]/;

export const allClosed: Rule = {
  code: 'all-closed',
  severity: 'warning',
  description: {
    zh: '正文称申请均已办结（均已办结、全部办结、已全部答复、按时办结率100%等），而申请情况表“四、结转下年度继续办理”大于 0。',
    en: 'The text says every application was handled (均已办结, 全部办结, 已全部答复, 按时办结率100% …), while row 4 of the applications table (carried over to next year) is above 0.',
  },
  check(report, emit) {
    const carried = readingsOf(report, 'carriedOver')[0];
    if (!carried || carried.value <= 0) return;
    for (const run of report.prose) {
      const { text, at } = foldSpan(report.text, run.start, run.end);
      for (const m of text.matchAll(CLAIM)) {
        const i = m.index;
        let start = i;
        while (start > 0 && !SENTENCE_END.test(text[start - 1])) start--;
        let end = i + m[0].length;
        while (end < text.length && !SENTENCE_END.test(text[end])) end++;
        const sentence = text.slice(start, end);
        if (!sentence.includes('申请') || CARRYING.test(sentence) || NEGATED.test(text.slice(Math.max(start, i - 2), i))) continue;
        const claim = report.text.slice(at[i], at[i + m[0].length - 1] + 1);
        emit({
          span: { start: at[i], end: at[i + m[0].length - 1] + 1 },
          message: {
            zh: `正文称“${claim}”，但表中「四、结转下年度继续办理」总计为 ${formatNumber(carried.value)}，尚有申请结转下年度办理`,
            en: `The text says every application was handled (${claim}), but row 4 of the table (carried over to next year) totals ${formatNumber(carried.value)}`,
          },
          related: carried.cells.filter((c) => c.state !== 'empty').map(cellNote),
        });
      }
    }
  },
};
