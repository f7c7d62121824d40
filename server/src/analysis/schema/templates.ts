/**
 * The standard tables as text, in the 2021 format: the templates that the
 * snippets insert and that the "insert missing table" fix writes. One place
 * renders them, from the schema, so the two never drift apart.
 */
import { PARTS } from './parts';
import { TABLES, type ColumnDef, type RowDef, type TableKind } from './tables';

export type TemplateStyle = 'markdown' | 'pipe';

/** What goes in each value cell: the default `0`, or a snippet's tab stop. */
export type CellText = (row: RowDef, column: ColumnDef, index: number) => string;

const ZERO: CellText = () => '0';

interface TemplateRow {
  labels: string[];
  values: string[];
}

function applicationRows(cell: CellText, counter: { n: number }): { header: string[][]; rows: TemplateRow[]; labelColumns: number } {
  const def = TABLES['2021'].application;
  const block = def.blocks[0];
  const seen = new Set<string>();
  const rows = block.rows.map((row) => {
    const groups = (row.groups ?? []).map((g) => (seen.has(g) ? '' : (seen.add(g), g)));
    return { labels: [...groups, row.label], values: block.columns.map((c) => cell(row, c, counter.n++)) };
  });
  const orgs = block.columns.filter((c) => c.group).map((c) => c.label);
  return {
    header: [
      [def.caption!, '', '', '申请人情况'],
      ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
      ['', '', '', '', ...orgs, ''],
    ],
    rows,
    labelColumns: 3,
  };
}

function reviewRows(cell: CellText, counter: { n: number }): { header: string[][]; rows: TemplateRow[]; labelColumns: number } {
  const block = TABLES['2021'].review.blocks[0];
  const results = block.columns.slice(0, 5).map((c) => c.label);
  const row = block.rows[0];
  return {
    header: [
      ['行政复议', '', '', '', '', '行政诉讼'],
      [...results, '未经复议直接起诉', '', '', '', '', '复议后起诉'],
      ['', '', '', '', '', ...results, ...results],
    ],
    rows: [{ labels: [], values: block.columns.map((c) => cell(row, c, counter.n++)) }],
    labelColumns: 0,
  };
}

function activeSections(cell: CellText, counter: { n: number }): { header: string[][]; rows: TemplateRow[]; labelColumns: number }[] {
  return TABLES['2021'].active.blocks.map((block) => ({
    header: [[block.caption!], ['信息内容', ...block.columns.map((c) => c.label)]],
    rows: block.rows.map((row) => ({ labels: [row.label], values: block.columns.map((c) => cell(row, c, counter.n++)) })),
    labelColumns: 1,
  }));
}

function markdown(sections: { header: string[][]; rows: TemplateRow[]; labelColumns: number }[]): string[] {
  const width = Math.max(...sections.flatMap((s) => [...s.header.map((h) => h.length), ...s.rows.map((r) => s.labelColumns + r.values.length)]));
  const pad = (cells: string[]) => [...cells, ...Array(width - cells.length).fill('')];
  const line = (cells: string[]) => `| ${pad(cells).join(' | ')} |`;
  const out: string[] = [];
  sections.forEach((s, i) => {
    s.header.forEach((h, j) => {
      out.push(line(h));
      if (i === 0 && j === 0) out.push(`|${' --- |'.repeat(width)}`);
    });
    for (const r of s.rows) {
      const labels = [...r.labels, ...Array(Math.max(0, s.labelColumns - r.labels.length)).fill('')];
      out.push(line([...labels, ...r.values]));
    }
  });
  return out;
}

function pipes(sections: { header: string[][]; rows: TemplateRow[] }[]): string[] {
  const out: string[] = [];
  for (const s of sections) {
    for (const h of s.header) out.push(`${h.filter(Boolean).join(' | ')} |`);
    for (const r of s.rows) out.push(`${[...r.labels.filter(Boolean), ...r.values].join(' | ')} |`);
  }
  return out;
}

/** The lines of a standard table (2021 format), with `cell` in every value cell. */
export function tableTemplate(kind: TableKind, style: TemplateStyle, cell: CellText = ZERO): string[] {
  const counter = { n: 0 };
  const sections = kind === 'active' ? activeSections(cell, counter) : kind === 'application' ? [applicationRows(cell, counter)] : [reviewRows(cell, counter)];
  return style === 'markdown' ? markdown(sections) : pipes(sections);
}

/** The six part headings, in order: the report's skeleton. */
export function skeletonHeadings(): string[] {
  return PARTS.map((p) => `${p.numeral}、${p.title}`);
}
