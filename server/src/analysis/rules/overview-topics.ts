/**
 * Part 一 covers the five topics the 2021 format names. A topic counts as
 * covered when a sub-heading or a sentence names it in any of its wordings.
 */
import { partBody } from '../read/part-body';
import { PARTS } from '../schema/parts';
import { contentRequired, headingOf, spacedWords } from './content';
import type { Rule } from './rule';

const TOPICS = (PARTS[0].subparts ?? []).map((s) => ({ topic: s.topic, named: new RegExp(spacedWords(s.mentions)) }));

export const overviewTopics: Rule = {
  code: 'overview-topics',
  severity: 'warning',
  description: {
    zh: '第一部分“总体情况”应写到主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面（2021 年格式）；小标题或句子写到即可。',
    en: 'Part 1 (overview) covers the five topics of the 2021 format: proactive disclosure, disclosure on application, information management, disclosure platforms, and oversight; a sub-heading or a sentence naming each is enough.',
  },
  doc: {
    checks: 'part 一 leaves out one of the five topics of the 2021 format (主动公开 … 监督保障)',
    zh: `
      第一部分“总体情况”应写到 2021 年格式（国办公开办函〔2021〕30号）列出的五个方面：主动公开、依申请公开、
      政府信息管理、政府信息公开平台建设、监督保障（含工作考核、社会评议和责任追究）。小标题或句子写到即算，
      写法不限于标准说法：依申请、公开申请；信息管理、信息的管理；平台建设、公开平台、平台载体、网站建设；
      监督保障、考核、社会评议、责任追究、问责等。提示中列出未写到的方面。适用于 2021 年度及以后的报告
      （没有年份时，适用于不是 2019 年格式的报告）；缺少第一部分由 \`missing-section\` 报告。
    `,
    en: `
      Part 一 (总体情况) speaks of the five topics the 2021 format (国办公开办函〔2021〕30号)
      lists: 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设 and 监督保障 (work appraisal,
      public review and accountability). A sub-heading or a sentence naming it is enough, in
      other words than the standard too: 依申请, 公开申请; 信息管理, 信息的管理; 平台建设, 公开平台,
      平台载体, 网站建设; 监督保障, 考核, 社会评议, 责任追究, 问责 and the like. The finding lists the
      topics left out. Applies to reports for 2021 and later (without a year, to those not in
      the 2019 layout); a missing part 一 is \`missing-section\`'s.
    `,
  },
  check(report, emit) {
    if (!contentRequired(report)) return;
    const body = partBody(report, 1);
    if (!body) return; // no part 一: missing-section says so
    const text = report.text.slice(body.start, body.end);
    const missing = TOPICS.filter((t) => !t.named.test(text));
    if (!missing.length) return;
    emit({
      span: headingOf(report, 1)!.span,
      message: {
        zh: `总体情况未写到${missing.map((t) => `“${t.topic.zh}”`).join('、')}；2021 年格式要求总体情况分主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面`,
        en: `The overview does not cover ${missing.map((t) => t.topic.en).join(', ')}; the 2021 format asks for five topics: proactive disclosure, disclosure on application, information management, disclosure platforms, and oversight`,
      },
    });
  },
};
