/**
 * The report as the totals preview and `govreport totals` show it: every
 * standard table as read, every sum with its value and whether it holds, the
 * parts present or missing. Plain data (JSON-safe), with LSP-style 0-based
 * ranges so that a click can reveal a cell in the editor.
 */
import type { Analysis } from './analyze';
import type { ReadCell, ReadTable } from '../read/tables/assemble';
import { PARTS } from '../schema/parts';
import { groupName, TABLE_KINDS, type BlockDef, type Format, type TableKind, type Text2 } from '../schema/tables';
import { rangeOf as range, type LineIndex, type Range } from '../text/lines';
import type { CellState } from '../text/numbers';
import { countBySeverity, type Severity } from '../rules/rule';
import { describePartProblem, type SumSummary } from '../model/describe';
import { ratiosOf, type Ratios } from '../model/ratios';
import type { SumResult, SumStatus } from '../model/sums';
import { figuresOf } from '../model/totals';


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
  /** A group's heading row (三、本年度办理结果): a label over the rows below, no cells. */
  group?: boolean;
}

export interface ColumnView {
  id: string;
  name: Text2;
  group?: Text2;
}

export interface BlockView {
  id: string;
  /** As the format prints it (第二十条第（一）项); `captionName` in both languages. */
  caption?: string;
  captionName?: Text2;
  columns: ColumnView[];
  rows: RowView[];
}

export interface SumView extends SumSummary {
  rule: string;
  status: SumStatus;
  /** Where the sum's total stands (the cell a fix would change). */
  range?: Range;
  /** A failing sum's total as it would have to be for the sum to hold. */
  shouldBe?: number;
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
  /** 一 to 六. */
  numeral: string;
  name: Text2;
  present: boolean;
  heading?: string;
  range?: Range;
  /** When the part comes after a later one (五 after 六): that later part's number. */
  after?: number;
  /** How many times its heading appears (more than once is a problem too). */
  times: number;
  /** What is wrong with its place, as said to the user (missing, after a later part, more than once). */
  problem?: Text2;
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
  /** The reviewer's ratios (实质公开率, 纠错率). */
  ratios: Ratios;
  counts: Record<Severity, number>;
}

function cellView(lines: LineIndex, cell: ReadCell): CellView {
  return { col: cell.column.id, raw: cell.raw, value: cell.value, state: cell.state, certain: cell.certain, range: range(lines, cell.span) };
}

/** The total a failing sum would need: the other side, or for the balance (一 + 二 = （七） + 四) what 四 leaves. */
function shouldBe(sum: SumResult, total: ReadCell | undefined): number | undefined {
  const [left, right] = [sum.left.value, sum.right.value];
  if (sum.status !== 'fail' || left === null || right === null || !total || total.value === null) return undefined;
  return sum.def.rule === 'application-balance' ? left - (right - total.value) : right;
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
    shouldBe: shouldBe(sum, total),
  };
}

/** The rows of a block as read, each group's heading row before its first row read. */
function blockRows(lines: LineIndex, block: BlockDef, byRow: Map<string, ReadTable['rows'][number]>): RowView[] {
  const out: RowView[] = [];
  let open: string[] = [];
  for (const row of block.rows) {
    const read = byRow.get(row.id);
    if (!read) continue;
    const groups = row.groups ?? [];
    const rowRange = range(lines, read.label ?? read.span);
    groups.forEach((g, depth) => {
      if (open[depth] === g) return;
      open = open.slice(0, depth);
      open[depth] = g;
      out.push({ id: `${row.id}#group`, label: g, name: groupName(g), depth, range: rowRange, cells: null, placement: 'label', group: true });
    });
    open = open.slice(0, groups.length);
    // Under its group's heading （三）不予公开 / (3) Not disclosed, an item reads 1.属于国家秘密 / 1. state secret,
    // not （三）1.属于国家秘密 / (3) Not disclosed: 1. state secret.
    const inner = groups.length ? groupName(groups[groups.length - 1]) : undefined;
    const numbering = /^（[一二三四五六七八九十]+）/.exec(inner?.zh ?? '')?.[0];
    const name = {
      zh: numbering && row.name.zh.startsWith(numbering) ? row.name.zh.slice(numbering.length) : row.name.zh,
      en: inner && row.name.en.startsWith(`${inner.en}: `) ? row.name.en.slice(inner.en.length + 2) : row.name.en,
    };
    out.push({
      id: row.id,
      label: row.label,
      name,
      depth: groups.length,
      range: rowRange,
      cells: read.cells.length ? read.cells.map((c) => cellView(lines, c)) : null,
      placement: read.placement,
    });
  }
  return out;
}

/**
 * A block printed as one long row whose columns all fall in groups (the
 * review table: three groups of five) reads better as a grid: a row per
 * group, a column per result.
 */
function asGrid(block: BlockView): BlockView {
  const [row] = block.rows;
  if (block.rows.length !== 1 || !block.columns.every((c) => c.group)) return block;
  const groups: Text2[] = [];
  for (const c of block.columns) if (!groups.some((g) => g.zh === c.group!.zh)) groups.push(c.group!);
  const per = block.columns.length / groups.length;
  if (!Number.isInteger(per)) return block;
  const short = (c: ColumnView): ColumnView => ({
    id: c.id.slice(c.id.lastIndexOf('.') + 1),
    name: { zh: c.name.zh.replace(c.group!.zh, ''), en: capital(c.name.en.replace(`${c.group!.en}: `, '')) },
  });
  return {
    ...block,
    columns: block.columns.slice(0, per).map(short),
    rows: groups.map((g, i) => ({
      ...row,
      id: `${row.id}.${i + 1}`,
      label: g.zh,
      name: g,
      depth: 0,
      range: row.cells?.[i * per]?.range ?? row.range,
      cells: row.cells ? row.cells.slice(i * per, (i + 1) * per) : null,
    })),
  };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function tableView(lines: LineIndex, table: ReadTable, sums: SumResult[]): TableView {
  const byRow = new Map(table.rows.map((r) => [r.row.id, r]));
  return {
    kind: table.kind,
    name: table.def.name,
    format: table.def.format,
    layout: table.layout,
    readable: table.readable,
    range: range(lines, table.span),
    blocks: table.def.blocks.map((block) =>
      asGrid({
        id: block.id,
        caption: block.caption,
        captionName: block.captionName,
        columns: block.columns.map((c) => ({ id: c.id, name: c.name, group: c.group })),
        rows: blockRows(lines, block, byRow),
      }),
    ),
    sums: sums.filter((s) => s.table === table).map((s) => sumView(lines, s)),
    problems: table.problems.length,
  };
}

/** The six parts: present or not, and out of order when one comes after a later one (as section-order says). */
function partViews(report: Analysis['report'], lines: LineIndex): PartView[] {
  const after = new Map<number, number>();
  let latest = 0;
  for (const h of report.parts) {
    const n = h.part.number;
    if (after.has(n) || report.parts.find((x) => x.part.number === n) !== h) continue;
    if (n < latest) after.set(n, latest);
    latest = Math.max(latest, n);
  }
  const numeral = (n: number) => PARTS.find((p) => p.number === n)?.numeral ?? String(n);
  return PARTS.map((part) => {
    const headings = report.parts.filter((h) => h.part === part);
    const heading = headings[0];
    const at = { present: !!heading, after: after.get(part.number), times: headings.length };
    return {
      number: part.number,
      numeral: part.numeral,
      name: part.name,
      present: !!heading,
      heading: heading?.text,
      range: heading ? range(lines, heading.span) : undefined,
      after: at.after,
      times: at.times,
      problem: describePartProblem(at, numeral(at.after ?? 0)),
    };
  });
}

export function reportView(analysis: Analysis): ReportView {
  const { report, findings } = analysis;
  const { lines } = report;
  return {
    title: report.title ? { text: report.title.text, year: report.title.year, range: range(lines, report.title.span) } : undefined,
    year: report.year,
    period: report.period ? { year: report.period.year, endYear: report.period.endYear } : undefined,
    format: report.format,
    parts: partViews(report, lines),
    tables: report.tables.map((t) => tableView(lines, t, report.sums)),
    missingTables: TABLE_KINDS.filter((k) => !report.tables.some((t) => t.kind === k)),
    ratios: ratiosOf(figuresOf(report)),
    counts: countBySeverity(findings),
  };
}
