/** One of the six parts is absent. */
import { PARTS, standardHeading } from '../schema/parts';
import { replaceFix } from './fixes';
import type { Rule } from './rule';

export const missingSection: Rule = {
  code: 'missing-section',
  severity: 'error',
  description: {
    zh: '报告应包含六个部分：总体情况、主动公开、依申请公开、行政复议和行政诉讼、存在的问题及改进、其他需要报告的事项。一个标题也认不出而标准表格都在时，只作警告。',
    en: 'A report has six parts: overview, proactive disclosure, applications, reconsideration and lawsuits, problems and improvements, other matters. When no heading is recognised but the standard tables are there, a warning only.',
  },
  doc: {
    checks: 'one of the six parts is absent',
    zh: `
      六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；
      四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。
      转换工具去掉 Word 自动编号时，标题可写作「1. 总体情况」（编号须与部分序号一致）或不带编号。
      一个标题也认不出而标准表格都在时，只作警告（标题的写法无法识别，而不是六个部分都缺）。
    `,
    en: `
      The six parts: 一、总体情况; 二、主动公开政府信息情况; 三、收到和处理政府信息公开申请情况;
      四、政府信息公开行政复议、行政诉讼情况; 五、存在的主要问题及改进情况; 六、其他需要报告的事项.
      Where a converter drops Word's automatic numbering, a heading may read 「1. 总体情况」 (the
      number must be the part's) or have no number. When no heading is recognised at all but
      the standard tables are all there, a warning only (the headings' wording cannot be
      recognised; the six parts are not all missing).
    `,
  },
  check(report, emit) {
    const { parts, text, lines } = report;
    if (!parts.length) {
      const span = { start: 0, end: Math.min(text.length, lines.ends[0]) };
      // With the standard tables plainly there, the parts are there too, their
      // headings written in a way not recognised: not certain enough for an error.
      if (report.tables.length) {
        emit({
          span,
          severity: 'warning',
          message: {
            zh: '未能识别六个部分的标题（一、总体情况 至 六、其他需要报告的事项），但报告中有标准表格；请检查各部分标题的写法',
            en: 'None of the six part headings ("一、总体情况" to "六、其他需要报告的事项") was recognised, though the report has the standard tables; check how the headings are written',
          },
        });
        return;
      }
      emit({
        span,
        message: {
          zh: '未找到六个部分的任何标题（一、总体情况 至 六、其他需要报告的事项）',
          en: 'None of the six part headings was found ("一、总体情况" to "六、其他需要报告的事项")',
        },
      });
      return;
    }
    for (const part of PARTS) {
      if (parts.some((h) => h.part === part)) continue;
      // Reported where the part belongs: before the next part that is present.
      const next = parts.find((h) => h.part.number > part.number);
      const at = next ? (next.inline ? next.span.start : lines.starts[next.line]) : text.length;
      const heading = standardHeading(part);
      const eol = lines.eol;
      // In flat text the heading goes inline; at the very end, on a line of its own.
      const insert = next?.inline ? heading : next ? `${heading}${eol}` : `${/[\r\n]$/.test(text) || !text ? '' : eol}${heading}${eol}`;
      emit({
        span: { start: at, end: at },
        message: {
          zh: `缺少第${part.numeral}部分「${heading}」${next ? '，应在此处' : ''}`,
          en: `Part ${part.number} "${heading}" (${part.name.en}) is missing${next ? '; it belongs here' : ''}`,
        },
        fixes: [replaceFix({ start: at, end: at }, insert, { zh: `插入标题「${heading}」`, en: `Insert the heading "${heading}"` }, false)],
      });
    }
  },
};
