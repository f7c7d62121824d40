/**
 * The prose says every application was handled (均已办结, 已全部答复, 办结率
 * 100% …) while the table carries applications over to next year. Only a
 * sentence about applications is read, and not one that speaks of carrying
 * over itself (上年结转的申请均已办结 is true whatever is carried on).
 */
import { readingsOf } from '../model/figures';
import { fold } from '../text/fold';
import { cellNote } from './cells';
import { spacedWords as anyOf } from './content';
import { formatNumber, type Rule } from './rule';

const ALL = anyOf(['均已', '已全部', '全部已', '已经全部', '都已', '全部', '均']);
const HANDLED = anyOf(['办结', '办理完毕', '答复完毕', '处理完毕', '予以答复', '答复']);
const HUNDRED = '[1１]\\s*[0０]\\s*[0０](?:\\s*[.．]\\s*[0０]+)?\\s*[%％]';
const RATE = `${anyOf(['办结', '答复'])}\\s*率\\s*(?:均\\s*)?(?:${anyOf(['达到', '为', '达', '是'])}\\s*)?${HUNDRED}`;
/** Searched in the text as it stands, so that only the sentences around a claim are folded. */
const CLAIM = new RegExp(`${ALL}\\s*${HANDLED}|${RATE}`, 'g');
const NEGATED = /(未|没|不)$/;
const CARRYING = /结转|顺延|下年度|继续办理|转入/;
const SENTENCE_END = new Set([...'。；;！!？?'].map((c) => c.charCodeAt(0)));

export const allClosed: Rule = {
  code: 'all-closed',
  severity: 'warning',
  description: {
    zh: '正文称申请均已办结（均已办结、全部办结、已全部答复、按时办结率100%等），而申请情况表“四、结转下年度继续办理”大于 0。',
    en: 'The text says every application was handled (均已办结, 全部办结, 已全部答复, 按时办结率100% …), while row 4 of the applications table (carried over to next year) is above 0.',
  },
  doc: {
    checks: 'the prose says every application was handled while 四、结转下年度继续办理 is above 0',
    zh: `
      正文称申请均已办结（均已办结、全部办结、已全部答复、办结率 100% 等），而申请情况表“四、结转下年度继续
      办理”的总计大于 0。只看讲申请的句子（句中有“申请”，区长信箱的办结率不算）；句中提到结转、顺延或
      下年度的也不算（“上年结转的申请均已办结”与结转下年度并不矛盾）。表中该单元格作为相关信息给出。
    `,
    en: `
      The prose says every application was handled (均已办结, 全部办结, 已全部答复, 办结率 100% and
      the like) while the total of the applications table's 四、结转下年度继续办理 is above 0. Only
      sentences about applications count (the sentence says 申请; a mayor's mailbox's 办结率 does
      not), and not those that speak of carrying over, postponing or next year
      (“上年结转的申请均已办结” does not contradict carrying over to next year). The table's cell
      is given as related information.
    `,
  },
  check(report, emit) {
    const carried = readingsOf(report, 'carriedOver')[0];
    if (!carried || carried.value <= 0) return;
    const { text } = report;
    for (const run of report.prose) {
      CLAIM.lastIndex = run.start;
      for (let m = CLAIM.exec(text); m && m.index < run.end; m = CLAIM.exec(text)) {
        const at = m.index;
        const end = at + m[0].length;
        let start = at;
        while (start > run.start && !SENTENCE_END.has(text.charCodeAt(start - 1))) start--;
        let stop = end;
        while (stop < run.end && !SENTENCE_END.has(text.charCodeAt(stop))) stop++;
        const sentence = fold(text.slice(start, stop));
        if (!sentence.includes('申请') || CARRYING.test(sentence) || NEGATED.test(fold(text.slice(Math.max(start, at - 6), at)))) continue;
        const claim = m[0].replace(/\s/g, '');
        emit({
          span: { start: at, end },
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
