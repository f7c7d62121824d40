/**
 * What is kept of a report once it has been checked, for the rules across
 * reports and the summary table: its body and year, the few cells those rules
 * compare (with where they stand), sketches of its prose and fingerprints of
 * its tables, and its figures and finding counts. A few kilobytes whatever
 * the report's size, so that a folder of 10,000 reports (or a workspace) is
 * held as an index, not as 10,000 analyses.
 */
import type { Analysis } from '../features/analyze';
import { figuresOf, type Figures } from '../model/totals';
import type { ReadCell, ReadTable } from '../read/tables/assemble';
import { partBody } from '../read/part-body';
import type { Report } from '../model/report';
import { countBySeverity, type Finding, type Severity } from '../rules/rule';
import { cellKey, type Format, type TableKind } from '../schema/tables';
import { rangeOf as range, type LineIndex, type Range } from '../text/lines';
import { bodyOf, canonicalBody, type Body, type BodyAliases } from './body';
import { MIN_PROSE_LENGTH, sketch, type Sketch } from './similarity';

/** A cell read with certainty: a number as written (not blank, not a look-alike). */
export interface CellDigest {
  value: number;
  range: Range;
}

export interface ProseDigest {
  part: 1 | 5 | 6;
  /** The part's heading. */
  range: Range;
  sketch: Sketch;
}

export interface TableDigest {
  kind: TableKind;
  range: Range;
  /** Every cell's value in order, when every cell was read with certainty. */
  values: string;
  nonZero: number;
}

export interface ReportDigest {
  /** The caller's name for the report: a path or a URI. */
  file: string;
  body?: Body;
  year?: number;
  /** Whether the year is certain: the title and the statistics period do not disagree. */
  yearCertain: boolean;
  format?: Format;
  titleRange?: Range;
  /** Application table rows 二 (上年结转) and 四 (结转下年度), by column id. */
  carriedIn: Record<string, CellDigest>;
  carriedOut: Record<string, CellDigest>;
  /** 20.1 cells by `row|column` (rules|inForce …), 2021 format only. */
  active: Record<string, CellDigest>;
  activeFormat?: Format;
  prose: ProseDigest[];
  tables: TableDigest[];
  figures: Figures;
  counts: Record<Severity, number>;
  /** Where the first finding stands, to open the report at. */
  first?: Range;
  /** Every cell of the standard tables read with certainty: kept only for a summary report and its units (`unit-sum`). */
  cells?: TableCells;
}

/** The cells of the standard tables by `kind|row|column`, with the format each table follows. */
export interface TableCells {
  formats: Partial<Record<TableKind, Format>>;
  values: Record<string, CellDigest>;
}

export interface DigestOptions {
  /** Other names of bodies, to group reports by the canonical name. */
  aliases?: BodyAliases;
  /** Whether a report of this body keeps every cell of its tables (a summary report or one of its units). */
  keepCells?: (body: Body | undefined) => boolean;
}

/** Only numbers written plainly are compared across reports. */
function certain(cell: ReadCell | undefined): cell is ReadCell & { value: number } {
  return !!cell && cell.certain && cell.state === 'number' && cell.value !== null;
}

function cellsOf(lines: LineIndex, table: ReadTable | undefined, row: string): Record<string, CellDigest> {
  const out: Record<string, CellDigest> = {};
  if (!table) return out;
  for (const col of table.def.blocks[0].columns) {
    const cell = table.cells.get(cellKey({ row, col: col.id }));
    if (certain(cell)) out[col.id] = { value: cell.value, range: range(lines, cell.span) };
  }
  return out;
}

/** A table every cell of which was read with certainty, as a string of its values. */
function tableDigest(lines: LineIndex, table: ReadTable): TableDigest | undefined {
  if (!table.readable || table.problems.length) return undefined;
  let rows = 0;
  for (const block of table.def.blocks) rows += block.rows.length;
  if (table.rows.length !== rows) return undefined;
  const values: number[] = [];
  let nonZero = 0;
  // Rows stand in the format's order (the reader places them so), cells in column order.
  for (const row of table.rows) {
    if (row.cells.length !== row.block.columns.length) return undefined;
    for (const cell of row.cells) {
      if (!cell.certain || cell.value === null) return undefined;
      values.push(cell.value);
      if (cell.value !== 0) nonZero++;
    }
  }
  return { kind: table.kind, range: range(lines, table.anchor), values: values.join(','), nonZero };
}

/** Every cell read with certainty, of the first readable table of each kind. */
function tableCells(lines: LineIndex, report: Report): TableCells {
  const out: TableCells = { formats: {}, values: {} };
  for (const table of report.tables) {
    if (!table.readable || out.formats[table.kind]) continue;
    out.formats[table.kind] = table.def.format;
    for (const [key, cell] of table.cells) if (certain(cell)) out.values[`${table.kind}|${key}`] = { value: cell.value, range: range(lines, cell.span) };
  }
  return out;
}

const PROSE_PARTS = [1, 5, 6] as const;

function proseOf(report: Report): ProseDigest[] {
  const out: ProseDigest[] = [];
  const { parts, text, lines } = report;
  for (const n of PROSE_PARTS) {
    const body = partBody(report, n);
    if (!body) continue;
    const heading = parts.find((p) => p.part.number === n)!;
    // A part shorter than the rule's minimum is never compared: its length is enough.
    const short = body.end - body.start < MIN_PROSE_LENGTH;
    out.push({ part: n, range: range(lines, heading.span), sketch: short ? { length: body.end - body.start, hashes: new Uint32Array(0) } : sketch(text, body.start, body.end) });
  }
  return out;
}

/**
 * The digest of one checked report. `findings` are those the user sees (the
 * settings applied); they give the counts and the place to open it at.
 */
export function digest(file: string, analysis: Analysis, findings: readonly Finding[] = analysis.findings, options: DigestOptions = {}): ReportDigest {
  const { report } = analysis;
  const named = report.title ? bodyOf(report.title.text) : undefined;
  const body = named && options.aliases ? canonicalBody(named, options.aliases) : named;
  const { lines } = report;
  const app = report.tables.find((t) => t.kind === 'application' && t.readable);
  const active = report.tables.find((t) => t.kind === 'active' && t.readable);
  const activeCells: Record<string, CellDigest> = {};
  if (active?.def.format === '2021') {
    for (const row of ['rules', 'normative']) {
      for (const [col, cell] of Object.entries(cellsOf(lines, active, row))) activeCells[`${row}|${col}`] = cell;
    }
  }
  return {
    file,
    body,
    year: report.year,
    yearCertain: !(report.title?.year !== undefined && report.period && report.period.year !== report.title.year),
    format: report.format,
    titleRange: report.title ? range(lines, report.title.span) : undefined,
    carriedIn: cellsOf(lines, app, '2'),
    carriedOut: cellsOf(lines, app, '4'),
    active: activeCells,
    activeFormat: active?.def.format,
    prose: proseOf(report),
    tables: report.tables.flatMap((t) => {
      if (t.kind === 'review') return [];
      const d = tableDigest(lines, t);
      return d ? [d] : [];
    }),
    figures: figuresOf(report),
    ...findingsDigest(lines, findings),
    cells: options.keepCells?.(body) ? tableCells(lines, report) : undefined,
  };
}

/** What a digest keeps of the findings the user sees: their counts and the first one's place (to open the report at). */
export function findingsDigest(lines: LineIndex, findings: readonly Finding[]): Pick<ReportDigest, 'counts' | 'first'> {
  let first: Finding | undefined;
  for (const f of findings) if (!first || f.span.start < first.span.start) first = f;
  return { counts: countBySeverity(findings), first: first ? range(lines, first.span) : undefined };
}
