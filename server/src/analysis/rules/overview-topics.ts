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
