/**
 * The snippets for the standard tables, generated from the schema's
 * templates: each table as a Markdown table and as pipe rows, with a tab stop
 * (default 0) on every number. The whole report's skeleton is a completion
 * the server computes (features/skeleton.ts), since its year depends on the file.
 */
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

/**
 * The snippets by name; VS Code shows the name beside the prefix in the
 * suggestions, so it says what the snippet inserts (`表二 收到和处理政府信息公开申请情况（Markdown 表格）`).
 */
export function snippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const kind of ['active', 'application', 'review'] as const) {
    for (const style of ['markdown', 'pipe'] as const) out[snippetName(kind, style)] = tableSnippet(kind, style);
  }
  return out;
}

export function snippetName(kind: TableKind, style: TemplateStyle): string {
  return `${NUMBERS[kind].zh} ${TABLES['2021'][kind].name.zh}（${style === 'markdown' ? 'Markdown 表格' : '竖线分隔'}）`;
}
