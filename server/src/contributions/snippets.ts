/**
 * The snippets for the standard tables and the report's skeleton, generated
 * from the schema's templates: each table as a Markdown table and as pipe
 * rows, with a tab stop (default 0) on every number.
 */
import { PARTS, standardHeading } from '../analysis/schema/parts';
import { TABLES, type TableKind } from '../analysis/schema/tables';
import { tableTemplate, type TemplateStyle } from '../analysis/schema/templates';

export interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** Text that a snippet must take literally. */
const literal = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);

const NUMBERS: Record<TableKind, { zh: string; short: string }> = {
  active: { zh: '表一', short: 'biao1' },
  application: { zh: '表二', short: 'biao2' },
  review: { zh: '表三', short: 'biao3' },
};

function tableSnippet(kind: TableKind, style: TemplateStyle): Snippet {
  const lines = tableTemplate(kind, style, (_row, _col, i) => `\${${i + 1}:0}`);
  // Only the tab stops are snippet syntax; the rest of each line is literal.
  const body = lines.map((l) => l.split(/(\$\{\d+:0\})/).map((part, i) => (i % 2 ? part : literal(part))).join(''));
  const n = NUMBERS[kind];
  const name = TABLES['2021'][kind].name;
  const styleZh = style === 'markdown' ? 'Markdown 表格' : '竖线分隔';
  return {
    prefix: style === 'markdown' ? [n.zh, n.short, `table-${kind}`] : [`${n.zh}竖线`, `${n.short}-pipe`, `table-${kind}-pipe`],
    body: [...body, '$0'],
    description: `${n.zh} ${name.zh}（2021 年格式，${styleZh}）/ ${name.en} (2021 format, ${style === 'markdown' ? 'Markdown table' : 'pipe rows'})`,
  };
}

function skeleton(): Snippet {
  const part = (n: number) => literal(standardHeading(PARTS[n - 1]));
  const table = (kind: TableKind) => tableTemplate(kind, 'markdown').map(literal);
  return {
    prefix: ['年报', 'nianbao', 'report-skeleton'],
    body: [
      '${1:某某单位}${2:$CURRENT_YEAR}年政府信息公开工作年度报告',
      '本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自${2}年1月1日起至${2}年12月31日止。',
      part(1),
      '${3}',
      part(2),
      ...table('active'),
      part(3),
      ...table('application'),
      part(4),
      ...table('review'),
      part(5),
      '${4}',
      part(6),
      '$0',
    ],
    description: '政府信息公开工作年度报告：标题、六个部分与三张标准表 / The report: title, six parts and the three standard tables',
  };
}

export function snippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = { 'govreport.skeleton': skeleton() };
  for (const kind of ['active', 'application', 'review'] as const) {
    for (const style of ['markdown', 'pipe'] as const) out[`govreport.table.${kind}.${style}`] = tableSnippet(kind, style);
  }
  return out;
}
