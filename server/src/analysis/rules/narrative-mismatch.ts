/**
 * A figure in the prose contradicts the table. Where the prose is ambiguous
 * (收到 may mean 新收 or 新收 + 上年结转), a figure that matches either reading
 * is no mismatch; a table that was not read with certainty is not compared.
 */
import { figureReadings, type Reading } from '../model/figures';
import type { Figure } from '../read/narrative';
import type { Report } from '../model/report';
import { cellNote, involved } from './cells';
import { replaceFix } from './fixes';
import { formatNumber, type Rule } from './rule';

/** The plain reading a figure contradicts, if it contradicts every reading. */
function contradicted(figure: Figure, options: Reading[]): Reading | undefined {
  if (!options.length || options.some((o) => o.value === figure.value)) return undefined;
  return options[0];
}

export const narrativeMismatch: Rule = {
  code: 'narrative-mismatch',
  severity: 'warning',
  description: {
    zh: '正文中的数字（收到、受理、办结、结转申请件数，行政复议、行政诉讼件数等）与表格不一致。',
    en: 'A figure in the text (applications received, closed, carried over; reconsideration and lawsuits) contradicts the table.',
  },
  doc: {
    checks: 'a figure in the prose contradicts the table',
    zh: `
      正文中的数字与表格矛盾：收到、受理申请件数与本年新收；办结、答复与（七）总计；结转下年度与
      第四项；上年结转与第二项；予以公开、不予公开、无法提供等与对应各项；行政复议、行政诉讼件数与
      复议、诉讼总计。正文含义有歧义时（“收到”可能指新收，也可能含上年结转），符合任一种理解即不报。
    `,
    en: `
      A figure in the prose contradicts the table: applications received or accepted and
      本年新收; handled or answered and （七）总计; carried over to next year and row 四;
      carried over from last year and row 二; 予以公开, 不予公开, 无法提供 and the like and their
      items; reconsiderations and lawsuits and their totals. Where the prose can be read two
      ways (“收到” may mean new applications only, or include those carried over), nothing is
      reported when either reading holds.
    `,
  },
  check(report: Report, emit) {
    for (const figure of report.figures) {
      const expected = contradicted(figure, figureReadings(report, figure));
      if (!expected) continue;
      const related = involved(expected.cells.filter((c) => c.state !== 'empty')).map(cellNote);
      emit({
        span: figure.span,
        message: {
          zh: `正文称“${figure.keyword}”${figure.value} 件，但表中${expected.name.zh}为 ${formatNumber(expected.value)}`,
          en: `The text says ${figure.value} ("${figure.keyword}"), but the table's ${expected.name.en} is ${formatNumber(expected.value)}`,
        },
        related,
        // The table may be the wrong one: changing the prose is offered, never automatic.
        fixes: [replaceFix(figure.span, formatNumber(expected.value), { zh: `将正文数字改为 ${formatNumber(expected.value)}`, en: `Change the figure to ${formatNumber(expected.value)}` }, false)],
      });
    }
  },
};
