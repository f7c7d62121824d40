/** The report's outline: title, the six parts and their sub-parts, each table with its rows. */
import type { Report } from '../model/report';
import type { Text2 } from '../schema/tables';
import type { Span } from '../text/lines';

export type OutlineKind = 'title' | 'part' | 'subpart' | 'table' | 'row';

export interface OutlineNode {
  kind: OutlineKind;
  name: Text2;
  detail?: Text2;
  /** The whole extent of the node. */
  span: Span;
  /** What to select when the node is chosen (its heading or label). */
  selection: Span;
  children: OutlineNode[];
}

const same = (s: string): Text2 => ({ zh: s, en: s });

export function outline(report: Report): OutlineNode[] {
  const { text, parts, subparts, tables, title } = report;
  const nodes: OutlineNode[] = [];
  if (title) nodes.push({ kind: 'title', name: same(title.text.replace(/\s+/g, ' ')), span: title.span, selection: title.span, children: [] });
  parts.forEach((heading, i) => {
    const end = i + 1 < parts.length ? parts[i + 1].span.start : text.length;
    const span = { start: heading.span.start, end: Math.max(heading.span.end, trimEnd(text, end)) };
    const inside = (s: Span) => s.start >= span.start && s.start < span.end;
    const children: OutlineNode[] = [];
    subparts.filter((s) => inside(s.span)).forEach((s, k, all) => {
      const until = k + 1 < all.length ? all[k + 1].span.start : span.end;
      children.push({ kind: 'subpart', name: same(s.text), span: { start: s.span.start, end: Math.max(s.span.end, trimEnd(text, until)) }, selection: s.span, children: [] });
    });
    for (const table of tables.filter((t) => inside(t.anchor))) {
      const tableSpan = { start: table.anchor.start, end: Math.min(span.end, Math.max(table.span.end, table.anchor.end)) };
      children.push({
        kind: 'table',
        name: table.def.name,
        detail: table.readable ? { zh: `${table.def.format} 年格式`, en: `${table.def.format} format` } : { zh: '无法读取', en: 'unreadable' },
        span: tableSpan,
        selection: table.anchor,
        children: table.rows.map((r) => {
          const total = r.cells.find((c) => c.column.id === 'total');
          return {
            kind: 'row' as const,
            name: r.row.name,
            detail: total && total.value !== null ? same(`总计 ${total.value}`) : undefined,
            span: r.span,
            selection: r.label ?? r.span,
            children: [],
          };
        }),
      });
    }
    nodes.push({ kind: 'part', name: same(heading.text), detail: heading.part.name, span, selection: heading.span, children });
  });
  return nodes;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
