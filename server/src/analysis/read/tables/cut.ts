/**
 * Cutting a table's lines into rows of cells when the cells are split by tabs:
 * a table pasted from Word, WPS, Excel or a browser, one line per row. Which
 * standard row each row is, and which cell is which column, is decided later
 * by meaning (assemble.ts), not here.
 */
import type { Line, Span } from '../../text/lines';
import { trimSpan } from '../../text/fold';

/** The cells of a line split at its tabs, each trimmed; an empty cell has start === end. */
export function tabCells(text: string, start: number, end: number): Span[] {
  const cells: Span[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 9) {
      const [s, e] = trimSpan(text, from, i);
      cells.push({ start: s, end: e });
      from = i + 1;
    }
  }
  return cells;
}

/** Does the line hold at least two words split by a tab (a pasted row, not one cell per line)? */
export function isTabRow(text: string, line: Line): boolean {
  let words = 0;
  for (const c of tabCells(text, line.start, line.end)) if (c.end > c.start && ++words >= 2) return true;
  return false;
}

/**
 * Excel quotes a cell that holds a line break (`"社会\n公益组织"`): the cell runs
 * on to the line where its quote closes. Returns the line after the row.
 */
function rowEnd(text: string, lines: Line[], i: number, end: number): number {
  let open = false;
  for (let k = i; k < end; k++) {
    const line = lines[k];
    for (let j = line.start; j < line.end; j++) {
      const c = text.charCodeAt(j);
      // A quote opens only at a cell's start, and closes before a tab or the line's end.
      if (!open && c === 34 && (j === line.start || text.charCodeAt(j - 1) === 9)) open = true;
      else if (open && c === 34 && (j + 1 === line.end || text.charCodeAt(j + 1) === 9)) open = false;
    }
    // A quote never closed within a few lines was a quotation mark, not Excel's.
    if (!open || k - i >= 3) return k + 1;
  }
  return i + 1;
}

export interface TabRow {
  cells: Span[];
  span: Span;
  line: number;
}

/** The rows of tab-separated lines [first, end); blank lines and lines without a tab are skipped. */
export function cutTabRows(text: string, lines: Line[], first: number, end: number): TabRow[] {
  const rows: TabRow[] = [];
  for (let i = first; i < end; ) {
    const line = lines[i];
    const next = rowEnd(text, lines, i, end);
    const last = lines[next - 1];
    if (text.indexOf('\t', line.start) >= 0 && text.indexOf('\t', line.start) < last.end) {
      const cells = tabCells(text, line.start, last.end).map((c) => unquote(text, c));
      if (cells.some((c) => c.end > c.start)) rows.push({ cells, span: { start: line.start, end: last.end }, line: i });
    }
    i = next;
  }
  return rows;
}

/** A cell without Excel's quotes. */
function unquote(text: string, c: Span): Span {
  return c.end - c.start >= 2 && text.charCodeAt(c.start) === 34 && text.charCodeAt(c.end - 1) === 34 ? { start: c.start + 1, end: c.end - 1 } : c;
}
