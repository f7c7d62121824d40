/**
 * A report as a document: the blocks a writer would make in Word from the
 * official template (title, numbered part and sub-part headings, prose, the
 * three standard tables as grids with merged cells). Built from what the
 * analysis library reads in the report's text, so each form made from it
 * (.docx, Word's HTML, a CMS page, PDF) carries the numbers the text carries.
 * A table the reader cannot read (flat web text) stays as its text.
 */
import { analyze } from '../../server/src/analysis';
import type { Report } from '../../server/src/analysis/model/report';
import type { ReadRow, ReadTable } from '../../server/src/analysis/read/tables/assemble';
import type { BlockDef, Format, TableKind } from '../../server/src/analysis/schema/tables';
import type { Span } from '../../server/src/analysis/text/lines';

/** One cell of a table grid; cells covered by a merge are left out, as in HTML. */
export interface GridCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Header and label cells are centred and bold; value cells are numbers. */
  role: 'header' | 'label' | 'value';
  /** A narrow column whose label Word shows one or two characters per line. */
  vertical?: boolean;
}

export interface TableGrid {
  kind: TableKind;
  format: Format;
  /** Relative column widths; their number is the grid's width. */
  widths: number[];
  rows: GridCell[][];
}

export type DocBlock =
  | { kind: 'title'; text: string }
  /** A part heading; `numbered`: Word numbers it (the text has no numeral). */
  | { kind: 'part'; number: number; text: string; numbered: boolean }
  | { kind: 'subpart'; index: number; text: string; numbered: boolean }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; grid: TableGrid };

export interface ReportDocument {
  blocks: DocBlock[];
}

const NUMERAL = /^[一二三四五六七八九十]+\s*[、.．,，]\s*/;
const SUB_NUMERAL = /^[（(][一二三四五六七八九十]+[）)]\s*/;

function rawCells(text: string, row: ReadRow): string[] {
  if (row.cells.length) return row.cells.map((c) => c.raw.trim());
  // A row the reader could not place in its columns: its values as written,
  // from the left, as a writer who skipped cells would have typed them.
  const from = row.label ? row.label.end : row.span.start;
  return text
    .slice(from, row.span.end)
    .split(/[\s|]+/)
    .filter(Boolean);
}

function blockRows(table: ReadTable, block: BlockDef): ReadRow[] {
  return table.rows.filter((r) => r.block === block);
}

/** Fills `count` value columns of a grid of width `width` (the last spans what is left). */
function valueCells(values: string[], count: number, room: number): GridCell[] {
  const cells: GridCell[] = [];
  for (let i = 0; i < count; i++) {
    const span = i === count - 1 ? room - (count - 1) : 1;
    cells.push({ text: values[i] ?? '', role: 'value', ...(span > 1 ? { colSpan: span } : {}) });
  }
  return cells;
}

function activeGrid(text: string, table: ReadTable): TableGrid {
  const width = 1 + Math.max(...table.def.blocks.map((b) => b.columns.length));
  const rows: GridCell[][] = [];
  for (const block of table.def.blocks) {
    const read = blockRows(table, block);
    if (!read.length) continue;
    if (block.caption) rows.push([{ text: block.caption, role: 'header', colSpan: width }]);
    rows.push([
      { text: '信息内容', role: 'header' },
      ...block.columns.map((c, i): GridCell => {
        const span = i === block.columns.length - 1 ? width - block.columns.length : 1;
        return { text: c.label, role: 'header', ...(span > 1 ? { colSpan: span } : {}) };
      }),
    ]);
    for (const r of read) rows.push([{ text: r.row.label, role: 'label' }, ...valueCells(rawCells(text, r), block.columns.length, width - 1)]);
  }
  return { kind: 'active', format: table.def.format, widths: [3, ...Array(width - 1).fill(2)], rows };
}

function applicationGrid(text: string, table: ReadTable): TableGrid {
  const block = table.def.blocks[0];
  const orgs = block.columns.filter((c) => c.group).map((c) => c.label);
  const rows: GridCell[][] = [
    [
      { text: table.def.caption ?? '', role: 'header', colSpan: 3, rowSpan: 3 },
      { text: '申请人情况', role: 'header', colSpan: 7 },
    ],
    [
      { text: '自然人', role: 'header', rowSpan: 2 },
      { text: '法人或其他组织', role: 'header', colSpan: 5 },
      { text: '总计', role: 'header', rowSpan: 2 },
    ],
    orgs.map((o) => ({ text: o, role: 'header' })),
  ];
  const read = blockRows(table, block);
  // Group cells (三、本年度办理结果, （三）不予公开 …) span the rows that share them.
  const spanOf = (depth: number, i: number): number => {
    const g = read[i].row.groups?.[depth];
    let n = 1;
    while (i + n < read.length && read[i + n].row.groups?.[depth] === g) n++;
    return n;
  };
  read.forEach((r, i) => {
    const groups = r.row.groups ?? [];
    const cells: GridCell[] = [];
    for (let depth = 0; depth < groups.length; depth++) {
      if (i > 0 && read[i - 1].row.groups?.[depth] === groups[depth]) continue; // covered by the merge above
      const span = spanOf(depth, i);
      cells.push({ text: groups[depth], role: 'label', vertical: depth === 0, ...(span > 1 ? { rowSpan: span } : {}) });
    }
    const labelSpan = 3 - groups.length;
    cells.push({ text: r.row.label, role: 'label', ...(labelSpan > 1 ? { colSpan: labelSpan } : {}) });
    cells.push(...valueCells(rawCells(text, r), block.columns.length, block.columns.length));
    rows.push(cells);
  });
  return { kind: 'application', format: table.def.format, widths: [1, 2, 6, 2, 2, 2, 2, 2, 2, 2], rows };
}

function reviewGrid(text: string, table: ReadTable): TableGrid {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const rows: GridCell[][] = [
    [
      { text: '行政复议', role: 'header', colSpan: 5 },
      { text: '行政诉讼', role: 'header', colSpan: 10 },
    ],
    [
      ...results.map((t): GridCell => ({ text: t, role: 'header', rowSpan: 2 })),
      { text: '未经复议直接起诉', role: 'header', colSpan: 5 },
      { text: '复议后起诉', role: 'header', colSpan: 5 },
    ],
    [...results, ...results].map((t) => ({ text: t, role: 'header' })),
  ];
  for (const r of table.rows) rows.push(valueCells(rawCells(text, r), 15, 15));
  return { kind: 'review', format: table.def.format, widths: Array(15).fill(1), rows };
}

export function tableGrid(text: string, table: ReadTable): TableGrid {
  switch (table.kind) {
    case 'active':
      return activeGrid(text, table);
    case 'application':
      return applicationGrid(text, table);
    case 'review':
      return reviewGrid(text, table);
  }
}

/** Is the table read, as the checker says it (no `unreadable` shape problem)? */
export function isReadable(table: ReadTable): boolean {
  return table.readable && !table.problems.some((p) => p.kind === 'unreadable');
}

interface Mark {
  span: Span;
  block: DocBlock;
}

/**
 * Word numbers the parts only when the report numbers them 一, 二, … in
 * order, each once: a numbered list cannot skip or repeat a number.
 */
function numberedInOrder(numbers: (number | null)[]): boolean {
  return numbers.every((n, i) => n === i + 1);
}

/** The document a writer would have made in Word for this report text. */
export function reportDocument(text: string, report: Report = analyze(text).report): ReportDocument {
  const marks: Mark[] = [];
  if (report.title) marks.push({ span: report.title.span, block: { kind: 'title', text: report.title.text } });

  const partsNumbered = numberedInOrder(report.parts.map((p) => (p.numeral && NUMERAL.test(p.text) ? p.part.number : null)));
  for (const p of report.parts) {
    const bare = p.text.replace(NUMERAL, '');
    marks.push({ span: p.span, block: { kind: 'part', number: p.part.number, text: partsNumbered ? bare : p.text, numbered: partsNumbered } });
  }
  const subsNumbered = numberedInOrder(report.subparts.map((s) => (SUB_NUMERAL.test(s.text) ? s.index : null)));
  for (const s of report.subparts) {
    // The sub-heading and the rest of its line are one paragraph in Word.
    const line = report.lines.lines[s.line];
    const end = line.end - line.start > 300 ? s.span.end : line.end;
    const full = text.slice(s.span.start, end).trim();
    marks.push({
      span: { start: s.span.start, end },
      block: { kind: 'subpart', index: s.index, text: subsNumbered ? full.replace(SUB_NUMERAL, '') : full, numbered: subsNumbered },
    });
  }
  for (const t of report.tables) {
    if (isReadable(t)) marks.push({ span: t.span, block: { kind: 'table', grid: tableGrid(text, t) } });
  }
  marks.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);

  const blocks: DocBlock[] = [];
  const prose = (from: number, to: number): void => {
    for (const line of text.slice(from, to).split(/\r\n|\r|\n/)) {
      const t = line.trim();
      if (t) blocks.push({ kind: 'paragraph', text: t });
    }
  };
  let at = 0;
  for (const m of marks) {
    if (m.span.start < at) continue; // inside an earlier mark
    prose(at, m.span.start);
    blocks.push(m.block);
    at = m.span.end;
  }
  prose(at, text.length);
  return { blocks };
}
