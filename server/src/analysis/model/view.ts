/**
 * The report as the totals preview and `govreport totals` show it: every
 * standard table as read, every sum with its value and whether it holds, the
 * parts present or missing. Plain data (JSON-safe), with LSP-style 0-based
 * ranges so that a click can reveal a cell in the editor.
 */
import type { Analysis } from '../index';
import type { ReadCell, ReadTable } from '../read/tables/assemble';
import { PARTS } from '../schema/parts';
import { TABLE_KINDS, type Format, type TableKind, type Text2 } from '../schema/tables';
import type { LineIndex, Position, Span } from '../text/lines';
import type { CellState } from '../text/numbers';
import type { Severity } from '../rules/rule';
import type { SumSummary } from './describe';
import type { SumResult, SumStatus } from './sums';

export interface Range {
  start: Position;
  end: Position;
}

export interface CellView {
  col: string;
  raw: string;
  value: number | null;
  state: CellState;
  certain: boolean;
  range: Range;
}

export interface RowView {
  id: string;
  label: string;
  name: Text2;
  /** Nesting: 0 for top rows, more for the items of a group. */
  depth: number;
  range: Range;
  /** Cells in column order; null when the row could not be read in full. */
  cells: CellView[] | null;
  placement: 'label' | 'neighbours';
}

export interface ColumnView {
  id: string;
  name: Text2;
  group?: Text2;
}

export interface BlockView {
  id: string;
  caption?: string;
  columns: ColumnView[];
  rows: RowView[];
}

export interface SumView extends SumSummary {
  rule: string;
  status: SumStatus;
  /** Where the sum's total stands (the cell a fix would change). */
  range?: Range;
}

export interface TableView {
  kind: TableKind;
  name: Text2;
  format: Format;
  layout: string;
  readable: boolean;
  range: Range;
  blocks: BlockView[];
  sums: SumView[];
  /** Problems of shape, as counted by `table-shape`. */
  problems: number;
}

export interface PartView {
  number: number;
  name: Text2;
  present: boolean;
  heading?: string;
  range?: Range;
}

export interface ReportView {
  title?: { text: string; year?: number; range: Range };
  year?: number;
  period?: { year: number; endYear?: number };
  format?: Format;
  parts: PartView[];
  tables: TableView[];
  /** Standard tables not found anywhere. */
  missingTables: TableKind[];
  counts: Record<Severity, number>;
}

function range(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

function cellView(lines: LineIndex, cell: ReadCell): CellView {
  return { col: cell.column.id, raw: cell.raw, value: cell.value, state: cell.state, certain: cell.certain, range: range(lines, cell.span) };
}

function sumView(lines: LineIndex, sum: SumResult): SumView {
  const total = sum.def.left.length === 1 ? sum.left.cells[0] : sum.right.cells[sum.right.cells.length - 1];
  return {
    rule: sum.def.rule,
    along: sum.def.along,
    leftName: sum.def.leftName,
    rightName: sum.def.rightName,
    left: sum.left.value,
    right: sum.right.value,
    status: sum.status,
    range: total ? range(lines, total.span) : undefined,
  };
}

function tableView(lines: LineIndex, table: ReadTable, sums: SumResult[]): TableView {
  const byRow = new Map(table.rows.map((r) => [r.row.id, r]));
  return {
    kind: table.kind,
    name: table.def.name,
    format: table.def.format,
    layout: table.layout,
    readable: table.readable,
    range: range(lines, table.span),
    blocks: table.def.blocks.map((block) => ({
      id: block.id,
      caption: block.caption,
      columns: block.columns.map((c) => ({ id: c.id, name: c.name, group: c.group })),
      rows: block.rows.flatMap((row) => {
        const read = byRow.get(row.id);
        if (!read) return [];
        return [
          {
            id: row.id,
            label: row.label,
            name: row.name,
            depth: row.groups?.length ?? 0,
            range: range(lines, read.label ?? read.span),
            cells: read.cells.length ? read.cells.map((c) => cellView(lines, c)) : null,
            placement: read.placement,
          },
        ];
      }),
    })),
    sums: sums.filter((s) => s.table === table).map((s) => sumView(lines, s)),
    problems: table.problems.length,
  };
}

export function reportView(analysis: Analysis): ReportView {
  const { report, findings } = analysis;
  const { lines } = report;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    title: report.title ? { text: report.title.text, year: report.title.year, range: range(lines, report.title.span) } : undefined,
    year: report.year,
    period: report.period ? { year: report.period.year, endYear: report.period.endYear } : undefined,
    format: report.format,
    parts: PARTS.map((part) => {
      const heading = report.parts.find((h) => h.part === part);
      return {
        number: part.number,
        name: part.name,
        present: !!heading,
        heading: heading?.text,
        range: heading ? range(lines, heading.span) : undefined,
      };
    }),
    tables: report.tables.map((t) => tableView(lines, t, report.sums)),
    missingTables: TABLE_KINDS.filter((k) => !report.tables.some((t) => t.kind === k)),
    counts,
  };
}
