/**
 * The readable layouts, each turned into the same raw rows: the label cells
 * of a row and its value cells, every one with its exact place in the text.
 * The cells are cut in cut.ts; which standard row a raw row is comes later
 * (assemble.ts).
 */
import { isSpace } from '../../text/fold';
import { indexWithin, type LineIndex, type Span } from '../../text/lines';
import { looksLikeValueAt } from '../../text/numbers';
import { cell, cutCellLines, cutTabRows, hasPipe, isBlank, pipeCells } from './cut';

/** How a table's rows are written in the text. */
export type Layout = 'cells' | 'tabs' | 'pipe' | 'markdown' | 'pdf' | 'flat';

export interface RawRow {
  /** Non-empty label cells, outermost first. */
  labels: Span[];
  /** Value cells in order; an empty cell has start === end. */
  values: Span[];
  span: Span;
  line: number;
  /**
   * Blank cells at the left of the values may be label cells left blank or
   * merged (one cell per line, where every cell has its own line).
   */
  leadingBlanksAreLabels: boolean;
  /** Empty cells after the last value that the reader dropped (Word's padding, or a blank). */
  padding?: number;
}

/** A cell of plain digits, most cells: a value, known without looking further. */
function isPlainNumber(text: string, c: Span): boolean {
  for (let i = c.start; i < c.end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Splits a row's cells after its last label-like cell. */
function splitCells(text: string, cells: Span[], line: number, leadingBlanksAreLabels: boolean): RawRow {
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.end > c.start && !isPlainNumber(text, c) && !looksLikeValueAt(text, c.start, c.end)) last = i;
  }
  const labels: Span[] = [];
  for (let i = 0; i <= last; i++) if (cells[i].end > cells[i].start) labels.push(cells[i]);
  // A row without a label keeps its cells as its values (no caller changes them).
  const values = last < 0 ? cells : cells.slice(last + 1);
  const span = { start: cells[0].start, end: cells[cells.length - 1].end };
  return { labels, values, span, line, leadingBlanksAreLabels };
}

/** One cell per line (a Word table saved as text): the cells of each row, cut in cut.ts. */
function readCells(text: string, lines: LineIndex, first: number, end: number): RawRow[] {
  return cutCellLines(text, lines, first, end).map((r) => splitCells(text, r.cells, r.line, true));
}

/**
 * Rows pasted from Word, WPS, Excel or a browser: one line per row, cells split
 * by tabs. A vertically merged cell is empty below its first row and a merged
 * label spans one cell, so rows differ in width: blanks left of a row's values
 * are label cells, and its values are the cells after its last label.
 */
function readTabs(text: string, lines: LineIndex, first: number, end: number): RawRow[] {
  return cutTabRows(text, lines, first, end).map((r) => {
    const row = splitCells(text, r.cells, r.line, true);
    row.span = r.span;
    return row;
  });
}

/** Box-drawing characters of a text browser's table borders (─ ┼ ├ ┤ ┌ ┐ └ ┘ ┬ ┴ …). */
function isBoxRule(c: number): boolean {
  return c >= 0x2500 && c <= 0x257f;
}

/** A Markdown rule line (only pipes, colons, dashes and spaces, with a `---`), or a box-drawn border. */
export function isRule(text: string, start: number, end: number): boolean {
  let dashes = 0;
  let run = 0;
  let box = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) dashes = Math.max(dashes, ++run); // -
    else if (c === 124 || c === 58 || c === 32 || c === 9) run = 0; // | : space tab
    else if (isBoxRule(c) && c !== 0x2502 && c !== 0x2503) box++;
    else if (c === 0x2502 || c === 0x2503) run = 0;
    else return false;
  }
  return dashes >= 3 || box >= 3;
}

/** A Markdown rule proper (`|---|`), which gives a table's width. */
function isMarkdownRule(text: string, start: number, end: number): boolean {
  return indexWithin(text, '---', start, end) >= 0 && isRule(text, start, end);
}

/** How far above a table's anchor its Markdown rule may stand. */
export const RULE_ABOVE = 3;

/** Pipe rows (`label | 0 | 0 |`) and markdown tables (`| a | b |` with a rule). */
function readPipes(text: string, lines: LineIndex, first: number, end: number, markdown: boolean, valueColumns: number): RawRow[] {
  const { starts, ends } = lines;
  const rows: RawRow[] = [];
  // A Markdown table's width is its rule's (|---|---|); a row with fewer cells
  // is short, not padded.
  // The rule may stand above the anchor, under a blank header row (pandoc's
  // gfm writes one when the first row of the table is merged).
  let width = 0;
  for (let i = Math.max(0, first - RULE_ABOVE); i < end && markdown && !width; i++) {
    if (isMarkdownRule(text, starts[i], ends[i])) width = text.slice(starts[i], ends[i]).trim().replace(/^\||\|$/g, '').split('|').length;
  }
  for (let i = first; i < end; i++) {
    const lineStart = starts[i];
    const lineEnd = ends[i];
    if (!hasPipe(text, lineStart, lineEnd)) {
      // A converter may write a table's first rows as `行政许可 97` lines
      // above the pipe rows: a short line with a label and numbers is a row too.
      if (i > first && !isPageFooterAt(text, lineStart, lineEnd)) {
        const row = pdfRow(text, lineStart, lineEnd, i);
        const label = row.labels[0];
        const short = label && label.end - label.start <= 40 && indexWithin(text, '。', label.start, label.end) < 0;
        // Or a label alone on its line above its numbers (assemble.ts joins them).
        if (short && row.values.every((v) => isPlainNumber(text, v))) rows.push(row);
      }
      continue;
    }
    if (isRule(text, lineStart, lineEnd)) continue;
    const cells = pipeCells(text, lineStart, lineEnd);
    if (markdown) {
      if (cells.length && cells[cells.length - 1].end === cells[cells.length - 1].start) cells.pop();
      // Label columns are those left of the value columns; merged label
      // cells are blank, so the split is by position, not by content.
      const labelColumns = Math.max(0, (width || cells.length) - valueColumns);
      const labels = cells.slice(0, labelColumns).filter((c) => c.end > c.start);
      const values = cells.slice(labelColumns);
      const row: RawRow = { labels, values, span: { start: lineStart, end: lineEnd }, line: i, leadingBlanksAreLabels: false };
      const byContent = splitCells(text, cells, i, false);
      // A row whose "values" hold words is a header, whatever its position;
      // a row whose label cells by position hold a number has shifted (a
      // merged cell not padded): its label and numbers are found by content,
      // and so is a row with exactly the table's count of cells after its label.
      if (
        values.some((v) => v.end > v.start && !looksLikeValueAt(text, v.start, v.end)) ||
        labels.some((l) => isPlainNumber(text, l)) ||
        (byContent.labels.length > 0 && byContent.values.length === valueColumns && byContent.values.length !== values.length)
      ) {
        rows.push(byContent);
      } else rows.push(row);
    } else {
      // Word's merged cells leave empty cells at the end of pipe rows.
      const closed = !!cells.length && cells[cells.length - 1].end === cells[cells.length - 1].start;
      let padding = 0;
      while (cells.length && cells[cells.length - 1].end === cells[cells.length - 1].start) {
        cells.pop();
        padding++;
      }
      if (closed) padding--; // the closing pipe's own empty cell
      if (cells.length) {
        const row = splitCells(text, cells, i, false);
        if (padding > 0) row.padding = padding;
        rows.push(row);
      }
    }
  }
  return rows;
}

/** `isPageFooter` of a line of the text, sliced only when it is short enough to be one. */
function isPageFooterAt(text: string, start: number, end: number): boolean {
  // More than 16 characters that no trimming removes: longer than a footer.
  let words = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && !(c >= 10 && c <= 13) && c !== 0x1680 && c !== 0x2028 && c !== 0x2029 && ++words > 16) return false;
  }
  return isPageFooter(text.slice(start, end));
}

/** `- 3 -`, the page footer that copying from a PDF leaves in the text. */
export function isPageFooter(line: string): boolean {
  const t = line.trim();
  return t.length <= 16 && (/^[-－—–]+\s*\d{1,3}\s*[-－—–]+$/.test(t) || /^第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$/.test(t));
}

/**
 * Text copied from a PDF: the numbers of a row stand at the end of a line,
 * separated by spaces; labels wrap onto other lines and may stand apart.
 */
function readPdf(text: string, lines: LineIndex, first: number, end: number): RawRow[] {
  const rows: RawRow[] = [];
  for (let i = first; i < end; i++) {
    const start = lines.starts[i];
    const lineEnd = lines.ends[i];
    if (isBlank(text, start, lineEnd) || isPageFooterAt(text, start, lineEnd)) continue;
    rows.push(pdfRow(text, start, lineEnd, i));
  }
  return joinCellColumns(rows);
}

/** One line of PDF text: its numbers at its end, its label before them. */
function pdfRow(text: string, lineStart: number, lineEnd: number, i: number): RawRow {
  const line = { start: lineStart, end: lineEnd };
  const values: Span[] = [];
  let e = line.end;
  let labelEnd = line.start;
  for (;;) {
    while (e > line.start && isSpace(text.charCodeAt(e - 1))) e--;
    if (e === line.start) {
      labelEnd = e;
      break;
    }
    let s = e;
    while (s > line.start && !isSpace(text.charCodeAt(s - 1))) s--;
    // Single characters of a vertical label (三, 本, 年…) stand on lines of
    // their own in PDF text, so a Chinese numeral is never a value here.
    if (!looksLikeValueAt(text, s, e, false)) {
      labelEnd = e;
      break;
    }
    values.unshift({ start: s, end: e });
    e = s;
  }
  const label = cell(text, line.start, labelEnd);
  return {
    labels: label.end > label.start ? [label] : [],
    values,
    span: line,
    line: i,
    leadingBlanksAreLabels: false,
  };
}

/**
 * An office suite's "save as text" without tabs puts every cell on a line of
 * its own: a label line, then one line per number. Two or more such number
 * lines in a row, right after a line without numbers, are that row's cells.
 */
function joinCellColumns(rows: RawRow[]): RawRow[] {
  const out: RawRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let k = i + 1;
    while (k < rows.length && rows[k].values.length === 1 && !rows[k].labels.length && rows[k].line === rows[k - 1].line + 1) k++;
    if (k - i - 1 < 2 || (row.values.length && row.labels.length)) {
      out.push(row);
      continue;
    }
    // A label line takes the numbers; numbers after numbers (a row without a label) stand alone.
    const cells = rows.slice(row.values.length ? i : i + 1, k);
    const values = cells.flatMap((r) => r.values);
    const last = rows[k - 1];
    out.push({
      labels: row.values.length ? [] : row.labels,
      values,
      span: { start: row.values.length ? row.span.start : row.span.start, end: last.span.end },
      line: row.line,
      leadingBlanksAreLabels: false,
    });
    i = k - 1;
  }
  return out;
}

export function readRows(layout: Layout, text: string, lines: LineIndex, first: number, end: number, valueColumns: number): RawRow[] {
  switch (layout) {
    case 'cells':
      return readCells(text, lines, first, end);
    case 'tabs':
      return readTabs(text, lines, first, end);
    case 'markdown':
      return readPipes(text, lines, first, end, true, valueColumns);
    case 'pipe':
      return readPipes(text, lines, first, end, false, valueColumns);
    case 'pdf':
      return readPdf(text, lines, first, end);
    case 'flat':
      return [];
  }
}
