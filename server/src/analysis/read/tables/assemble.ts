/**
 * Turning raw rows into a standard table: which standard row each raw row is
 * (by label, or by its neighbours when the label is missing or mangled), which
 * cell is which column, and which cells can be trusted in a sum.
 */
import { TABLES, type BlockDef, type CellRef, type ColumnDef, type Format, type RowDef, type TableDef, type TableKind } from '../../schema/tables';
import { fold } from '../../text/fold';
import type { Span } from '../../text/lines';
import { readCell, type CellValue } from '../../text/numbers';
import { groupOf, labelFit, labelIndex, matchInGroup, matchLabel, matchTruncated, verticalPrefixEnd, type IndexedRow, type LabelIndex } from './labels';
import type { RawRow } from './layouts';
import type { Layout } from './locate';

export interface ReadCell extends CellValue {
  ref: CellRef;
  row: RowDef;
  column: ColumnDef;
  /** The whole cell, padding included (an empty cell's place). */
  cell: Span;
  raw: string;
}

export type Placement = 'label' | 'neighbours';

export interface ReadRow {
  row: RowDef;
  block: BlockDef;
  /** The row's own label as written, if it has one on its line. */
  label?: Span;
  placement: Placement;
  span: Span;
  /** The row's cells in column order; empty when the row could not be read. */
  cells: ReadCell[];
  /** The number of value cells found, when it is not the number of columns. */
  found?: number;
}

export type ShapeProblem =
  | { kind: 'unreadable'; span: Span }
  | { kind: 'cell-count'; span: Span; row: RowDef; expected: number; found: number }
  | { kind: 'missing-label'; span: Span; row: RowDef }
  | { kind: 'label-variant'; span: Span; row: RowDef; label: string }
  | { kind: 'unknown-row'; span: Span; label?: string }
  | { kind: 'missing-row'; span: Span; row: RowDef }
  /** Said once per table: several rows that cannot be placed, each with its place. */
  | { kind: 'unknown-rows'; span: Span; rows: { span: Span; label?: string }[] }
  /** Said once per table: several standard rows not found. */
  | { kind: 'missing-rows'; span: Span; rows: { span: Span; row: RowDef }[] };

export interface ReadTable {
  kind: TableKind;
  def: TableDef;
  layout: Layout;
  anchor: Span;
  span: Span;
  readable: boolean;
  rows: ReadRow[];
  /** Cells by `cellKey`, only for rows read in full. */
  cells: Map<string, ReadCell>;
  problems: ShapeProblem[];
}

interface Candidate {
  raw: RawRow;
  label?: Span;
  labelText: string;
  match: number;
}

function chooseFormat(kind: TableKind, text: string, rows: RawRow[], regionText: string): Format {
  if (kind === 'active') {
    // The 2019 format's own column headers, or its extra block (九).
    return ['本年新制作数量', '对外公开总数量', '上一年项目数量', '（九）项', '(九)项'].some((k) => regionText.includes(k)) ? '2019' : '2021';
  }
  if (kind === 'application') {
    const idx2021 = labelIndex(TABLES['2021'].application);
    let items = false;
    let single = false;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const last = r.labels[r.labels.length - 1];
      if (!last) continue;
      const label = text.slice(last.start, last.end);
      const hit = matchLabel(idx2021, label);
      if (hit >= 0 && idx2021.rows[hit].row.id.startsWith('3.6.')) items = true;
      // Its numbers on its line, or on the next line without a label (a label on its own line).
      const next = rows[i + 1];
      const numbers = r.values.length > 0 || (!!next && !next.labels.length && next.values.some((v) => v.end > v.start));
      if (numbers && fold(label).endsWith('(六)其他处理')) single = true;
    }
    if (!items && single) return '2019';
  }
  return '2021';
}

/** The label a raw row carries for matching: its innermost label cell. */
function rowLabel(text: string, raw: RawRow, layout: Layout): { span?: Span; text: string } {
  const last = raw.labels[raw.labels.length - 1];
  if (!last) return { text: '' };
  const skip = layout === 'pdf' ? verticalPrefixEnd(text.slice(last.start, last.end)) : 0;
  const span = { start: last.start + skip, end: last.end };
  const label = text.slice(span.start, span.end);
  // HTML remnants inside a label (部分公开<br>（区分处理的…）) separate its words.
  return { span, text: label.includes('<') || label.includes('&') ? label.replace(HTML_REMNANT, '') : label };
}

const HTML_REMNANT = /<\/?(?:p|br|span|b|strong|div|font|u|em|i)\b[^<>]{0,80}>|&(?:nbsp|ensp|emsp|#160|#12288);/gi;

/** Is a raw row a row of data (rather than a caption, header or wrapped label)? */
function isData(raw: RawRow, match: number, layout: Layout): boolean {
  // In PDF text a label alone on its line is a wrapped or displaced label.
  if (layout === 'pdf') return raw.values.length > 0;
  return match >= 0 || raw.values.some((v) => v.end > v.start);
}

export function assembleTable(
  kind: TableKind,
  text: string,
  layout: Layout,
  anchor: Span,
  rawRows: RawRow[],
  regionText: string,
  formatHint?: Format,
): ReadTable {
  const format = kind === 'review' && formatHint ? formatHint : chooseFormat(kind, text, rawRows, regionText);
  const def = TABLES[format][kind];
  const table: ReadTable = {
    kind,
    def,
    layout,
    anchor,
    span: { start: anchor.start, end: anchor.end },
    readable: layout !== 'flat',
    rows: [],
    cells: new Map(),
    problems: [],
  };
  if (layout === 'flat') {
    table.problems.push({ kind: 'unreadable', span: anchor });
    return table;
  }
  const index = labelIndex(def);
  const widths = new Set(def.blocks.map((b) => b.columns.length));
  const candidates: Candidate[] = [];
  const rows = kind === 'review' ? joinSplitRow(rawRows, def.blocks[0].columns.length) : rawRows;
  // The group of the rows that follow: named by the nearest group label before
  // them, in the same row, an earlier row, or a heading between pieces.
  let group: string | undefined;
  for (let i = 0; i < rows.length; i++) {
    let raw = rows[i];
    let label = rowLabel(text, raw, layout);
    let next = rows[i + 1];
    let hasValues = raw.values.some((v) => v.end > v.start);
    // A label cell broken over two lines (Word and browsers paste its line break
    // as is): a row without numbers whose label, run on into the next row's, is
    // a standard label that the next row's alone is not.
    const tail = !hasValues && label.span && next?.labels.length && next.values.some((v) => v.end > v.start) ? rowLabel(text, next, layout) : undefined;
    if (tail?.span && label.span && matchLabel(index, tail.text) < 0 && matchLabel(index, label.text + tail.text) >= 0) {
      const span = { start: label.span.start, end: tail.span.end };
      raw = { ...next, labels: [...raw.labels.slice(0, -1), ...next.labels.slice(0, -1), span], span: { start: raw.span.start, end: next.span.end }, line: raw.line };
      label = { span, text: label.text + tail.text };
      next = rows[++i + 1];
      hasValues = true;
    }
    const numbersNext = !hasValues && layout !== 'cells' && !!next && !next.labels.length && next.values.some((v) => v.end > v.start);
    group = groupNamed(text, raw, index) ?? group;
    let match = label.text ? matchLabel(index, label.text) : -1;
    // A label without its long tail, tried only for a row that holds numbers or stands above them.
    if (match < 0 && label.text && (hasValues || numbersNext)) match = matchTruncated(index, label.text);
    // An item known only within its group.
    if (match < 0 && label.text && group && (hasValues || numbersNext)) match = matchInGroup(index, group, label.text);
    // A row outside the group ends it.
    if (match >= 0 && group && !index.groups.get(group)?.includes(index.rows[match])) group = undefined;
    // A standard row's label on its own line, its numbers on the next line
    // without a label: one row.
    if (match >= 0 && numbersNext) {
      raw = { ...next, labels: raw.labels, span: { start: raw.span.start, end: next.span.end }, line: raw.line };
      i++;
    }
    if (!isData(raw, match, layout)) continue;
    // A heading over a piece of the table (`### 二、上年结转…`, `**（七）总计**`) names
    // the row that follows it with its numbers: a heading, not a row of its own.
    if (match >= 0 && !raw.values.length && isHeadingOf(text, rows, i, match, index, layout)) continue;
    // A converter's placeholder table (`| - | - | - |`): dashes only, and not as wide as any block.
    if (raw.labels.every((l) => isDash(text, l)) && !widths.has(raw.values.length) && raw.values.every((v) => isDash(text, v))) continue;
    candidates.push({ raw, label: label.span, labelText: label.text, match });
    table.span.end = Math.max(table.span.end, raw.span.end);
  }
  align(table, index.rows, candidates, text, layout);
  sayOnce(table);
  return table;
}

/** The group a row's label cells name, innermost first. */
function groupNamed(text: string, raw: RawRow, index: LabelIndex): string | undefined {
  for (let k = raw.labels.length - 1; k >= 0; k--) {
    const l = raw.labels[k];
    const g = groupOf(index, text.slice(l.start, l.end));
    if (g) return g;
  }
  return undefined;
}

/**
 * Rows that cannot be placed, and standard rows not found, are said once per
 * table with every row as a place of its own: a reviewer reads one finding,
 * not one per row.
 */
function sayOnce(table: ReadTable): void {
  const unknown = table.problems.filter((p): p is Extract<ShapeProblem, { kind: 'unknown-row' }> => p.kind === 'unknown-row');
  const missing = table.problems.filter((p): p is Extract<ShapeProblem, { kind: 'missing-row' }> => p.kind === 'missing-row');
  if (unknown.length < 2 && missing.length < 2) return;
  const rest = table.problems.filter((p) => (unknown.length < 2 || p.kind !== 'unknown-row') && (missing.length < 2 || p.kind !== 'missing-row'));
  if (unknown.length >= 2) rest.push({ kind: 'unknown-rows', span: unknown[0].span, rows: unknown.map((p) => ({ span: p.span, label: p.label })) });
  if (missing.length >= 2) rest.push({ kind: 'missing-rows', span: missing[0].span, rows: missing.map((p) => ({ span: p.span, row: p.row })) });
  table.problems = rest.sort((a, b) => a.span.start - b.span.start);
}

/** Does a row with the same label and numbers follow within a piece's header lines? */
function isHeadingOf(text: string, rows: RawRow[], i: number, match: number, index: ReturnType<typeof labelIndex>, layout: Layout): boolean {
  if (layout !== 'markdown' && layout !== 'pipe' && layout !== 'tabs') return false;
  for (let k = i + 1; k < rows.length && k <= i + 3; k++) {
    const next = rows[k];
    if (!next.values.length) continue; // a piece's header, or its rule
    const label = rowLabel(text, next, layout);
    return !!label.text && matchLabel(index, label.text) === match;
  }
  return false;
}

/** A cell holding only dashes, as placeholder tables do. */
function isDash(text: string, v: Span): boolean {
  if (v.end === v.start) return true;
  for (let i = v.start; i < v.end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 45 && c !== 0x2014 && c !== 0xff0d && c !== 0x2013) return false;
  }
  return true;
}

/**
 * The review table's one row split into pieces (three tables of five, one per
 * group, as converters cut it): rows without a label whose cells, in order,
 * add up to exactly the row's width, when no row has that width on its own.
 */
function joinSplitRow(rows: RawRow[], width: number): RawRow[] {
  const unlabelled = rows.filter((r) => !r.labels.length && r.values.some((v) => v.end > v.start));
  if (unlabelled.length < 2 || rows.some((r) => r.values.length === width)) return rows;
  if (unlabelled.reduce((n, r) => n + r.values.length, 0) !== width) return rows;
  const first = unlabelled[0];
  const last = unlabelled[unlabelled.length - 1];
  const joined: RawRow = { ...first, values: unlabelled.flatMap((r) => r.values), span: { start: first.span.start, end: last.span.end } };
  return rows.filter((r) => !unlabelled.includes(r) || r === first).map((r) => (r === first ? joined : r));
}

/**
 * Places data rows on standard rows. Rows whose labels match for certain are
 * anchors, kept in increasing order; between two anchors, unmatched rows are
 * placed by their neighbours when their number equals the number of standard
 * rows left between the anchors. Anything else cannot be placed.
 */
function align(table: ReadTable, rows: IndexedRow[], candidates: Candidate[], text: string, layout: Layout): void {
  const anchors: { c: number; r: number }[] = [];
  let lastRow = -1;
  candidates.forEach((cand, c) => {
    if (cand.match > lastRow) {
      anchors.push({ c, r: cand.match });
      lastRow = cand.match;
    } else if (cand.match >= 0) cand.match = -1; // out of order or repeated: not trusted
  });
  anchors.push({ c: candidates.length, r: rows.length });

  let prev = { c: -1, r: -1 };
  const placed: (IndexedRow | undefined)[] = new Array(candidates.length);
  const placement: Placement[] = new Array(candidates.length);
  for (const next of anchors) {
    const gapRows = next.c - prev.c - 1;
    const gapStd = next.r - prev.r - 1;
    if (gapRows === gapStd) {
      for (let k = 1; k <= gapRows; k++) {
        placed[prev.c + k] = rows[prev.r + k];
        placement[prev.c + k] = 'neighbours';
      }
    } else {
      for (let k = 1; k <= gapRows; k++) {
        const cand = candidates[prev.c + k];
        table.problems.push({ kind: 'unknown-row', span: cand.label ?? cand.raw.span, label: cand.labelText || undefined });
      }
      for (let k = 1; k <= gapStd; k++) {
        const at = prev.c >= 0 ? candidates[prev.c].raw.span : table.anchor;
        table.problems.push({ kind: 'missing-row', span: { start: at.end, end: at.end }, row: rows[prev.r + k].row });
      }
    }
    if (next.c < candidates.length) {
      placed[next.c] = rows[next.r];
      placement[next.c] = 'label';
    }
    prev = next;
  }

  candidates.forEach((cand, c) => {
    const std = placed[c];
    if (!std) return;
    if (placement[c] === 'neighbours' && std.row.label) {
      // A group's label standing alone (（六）其他处理) means the row's own is missing.
      const groupOnly = !!cand.labelText && (std.row.groups ?? []).some((g) => fold(g) === fold(cand.labelText));
      if (!cand.labelText || groupOnly) {
        // In PDF text labels often stand on other lines than their numbers.
        if (layout !== 'pdf') table.problems.push({ kind: 'missing-label', span: firstValue(cand.raw), row: std.row });
      } else {
        const fit = labelFit(std, cand.labelText, layout === 'pdf');
        if (fit === 'variant' || fit === 'other') {
          table.problems.push({ kind: 'label-variant', span: cand.label ?? cand.raw.span, row: std.row, label: cand.labelText });
        }
      }
    }
    table.rows.push(readRow(table, std, cand, placement[c], text));
  });
}

function firstValue(raw: RawRow): Span {
  const v = raw.values.find((s) => s.end > s.start) ?? raw.values[0] ?? raw.span;
  return { start: v.start, end: v.end };
}

const isEmpty = (c: Span): boolean => c.end === c.start;

/**
 * A row's values without the blank cells that are padding: merged label cells
 * on the left, Word's or a converter's extra cells on the right. Only as many
 * are dropped as the row has more cells than the schema has columns, and only
 * where it is certain which: when both ends are blank and either could be the
 * padding, the row keeps them all (and is not placed).
 */
function withoutPadding(raw: RawRow, columns: number): Span[] {
  const values = raw.values;
  const excess = values.length - columns;
  // A blank first cell, and blank cells dropped at the end: either could be
  // the padding, so which number is in which column is not certain.
  if (excess === 0 && raw.padding && !raw.leadingBlanksAreLabels && isEmpty(values[0])) return values.concat(new Array<Span>(raw.padding).fill(values[0]));
  if (excess <= 0) return values.slice();
  let lead = 0;
  while (lead < values.length && isEmpty(values[lead])) lead++;
  let trail = 0;
  while (trail < values.length - lead && isEmpty(values[values.length - 1 - trail])) trail++;
  if (raw.leadingBlanksAreLabels) {
    // One cell per line: blanks on the left are label cells for certain.
    const left = Math.min(lead, excess);
    return values.slice(left, values.length - Math.min(trail, excess - left));
  }
  if (trail === 0 && lead >= excess) return values.slice(excess);
  if (lead === 0 && trail >= excess) return values.slice(0, columns);
  if (lead + trail === excess) return values.slice(lead, values.length - trail);
  return values.slice();
}

function readRow(table: ReadTable, std: IndexedRow, cand: Candidate, placement: Placement, text: string): ReadRow {
  const columns = std.block.columns;
  const values = withoutPadding(cand.raw, columns.length);
  const row: ReadRow = { row: std.row, block: std.block, label: cand.label, placement, span: cand.raw.span, cells: [] };
  if (values.length !== columns.length) {
    row.found = values.length;
    table.problems.push({ kind: 'cell-count', span: cand.raw.span, row: std.row, expected: columns.length, found: values.length });
    return row;
  }
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    const v = values[i];
    const { ref, key } = std.cells[i];
    const digits = plainDigits(text, v.start, v.end);
    // Most cells are plain digits, already trimmed by the cutting: read in
    // place, the cell's span standing for the number's (nothing else made).
    const c = digits < 0 ? readCell(text, v.start, v.end, column.kind) : undefined;
    // Built whole, so that every cell has the same shape.
    const read: ReadCell = {
      state: c ? c.state : 'number',
      value: c ? c.value : digits,
      certain: c ? c.certain : true,
      span: c ? c.span : v,
      normalized: c?.normalized,
      reason: c?.reason,
      ref,
      row: std.row,
      column,
      cell: v,
      raw: text.slice(v.start, v.end),
    };
    row.cells.push(read);
    table.cells.set(key, read);
  }
  return row;
}

/** The value of a cell of 1 to 12 plain digits with nothing around them, else -1. */
function plainDigits(text: string, start: number, end: number): number {
  if (end <= start || end - start > 12) return -1;
  let value = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + c - 48;
  }
  return value;
}
