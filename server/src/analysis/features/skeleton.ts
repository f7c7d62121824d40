/**
 * The whole report as a snippet, for a new file: the title, the statistics
 * period, the six parts with the sub-headings of what the format asks them
 * to report (part 一's five topics, last year's problems, the fees) and the
 * three standard tables. Reports are written in
 * January to March about the year before, so the year is the one the file's
 * name gives, or else last year: the server computes it, which a static
 * snippet ($CURRENT_YEAR) cannot.
 */
import { PARTS, standardHeading } from '../schema/parts';
import type { TableKind } from '../schema/tables';
import { tableTemplate } from '../schema/templates';

/** The year a new report is about: one named in the file's name, or the year before `now`. */
export function skeletonYear(fileName: string | undefined, now: Date): number {
  const base = fileName?.split(/[\\/]/).pop() ?? '';
  const named = /(?<!\d)(20\d\d)(?!\d)/.exec(base);
  return named ? Number(named[1]) : now.getFullYear() - 1;
}

/** The year for a document known by its URI: its last segment, escapes decoded, says it. */
export function skeletonYearOf(uri: string, now: Date): number {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? '';
  try {
    return skeletonYear(decodeURIComponent(last), now);
  } catch {
    // A malformed escape: the name as it stands still shows its digits.
    return skeletonYear(last, now);
  }
}

/** Text that a snippet must take literally. */
const literal = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);

/** The skeleton in snippet syntax, lines joined with `\n`; `${2}` mirrors the year. */
export function skeletonSnippet(year: number): string {
  const part = (n: number) => literal(standardHeading(PARTS[n - 1]));
  const table = (kind: TableKind) => tableTemplate(kind, 'markdown').map(literal);
  return [
    `\${1:某某单位}\${2:${year}}年政府信息公开工作年度报告`,
    '本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自${2}年1月1日起至${2}年12月31日止。',
    part(1),
    '${3}',
    // The topics the format asks part 一 to cover, as its sub-headings.
    ...(PARTS[0].subparts ?? []).map((s, i) => `（${s.numeral}）${s.title}情况。\${${4 + i}}`),
    part(2),
    ...table('active'),
    part(3),
    ...table('application'),
    part(4),
    ...table('review'),
    part(5),
    '（一）上年度问题整改情况。${9}',
    '（二）存在的主要问题。${10}',
    '（三）下一步改进措施。${11}',
    part(6),
    '（一）信息处理费收取情况。${12}',
    '$0',
  ].join('\n');
}

/** The words that offer the skeleton. */
export const SKELETON_PREFIXES = ['年报', 'nianbao', 'report-skeleton'];
