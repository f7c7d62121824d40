/**
 * Cutting a table's lines into rows of cells, whatever splits them: tabs (a
 * table pasted from Word, WPS, Excel or a browser, one line per row), pipes,
 * or one cell per line. Which standard row each row is, and which cell is
 * which column, is decided later by meaning (assemble.ts), not here.
 */
import type { LineIndex, Span } from '../../text/lines';
import { isSpace } from '../../text/fold';
import { markupPrefixEnd, markupSuffixStart } from '../markup';

/** A cell's text without its spaces and markup. */
export function cell(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  // HTML remnants (`&nbsp;`, `<br>`) and bold marks are separators, not words:
  // a cell of `&nbsp;` alone is blank.
  const c = text.charCodeAt(s);
  const d = text.charCodeAt(e - 1);
  if (c === 60 || c === 38 || c === 42 || d === 62 || d === 59 || d === 42) {
    const ms = markupPrefixEnd(text, s, e);
    return ms >= e ? { start: s, end: s } : { start: ms, end: markupSuffixStart(text, ms, e) };
  }
  return { start: s, end: e };
}

/** Does the line hold nothing but spaces? */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A cell separator: the pipe, its full-width form, and the box-drawing
 * vertical that text browsers (w3m) draw tables with.
 */
export function isPipe(c: number): boolean {
  return c === 124 || c === 0x2502 || c === 0x2503 || c === 0xff5c;
}

/** Does `text[start, end)` (a line) hold a cell separator? */
export function hasPipe(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isPipe(text.charCodeAt(i))) return true;
  return false;
}

/** Does `text[start, end)` hold a tab? */
export function hasTab(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 9) return true;
  return false;
}

/** The cells of a line split at its tabs, each trimmed; an empty cell has start === end. */
export function tabCells(text: string, start: number, end: number): Span[] {
  const cells: Span[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 9) {
      let s = from;
      let e = i;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      cells.push({ start: s, end: e });
      from = i + 1;
    }
  }
  return cells;
}

/** Does the line hold at least two words split by a tab (a pasted row, not one cell per line)? */
export function isTabRow(text: string, start: number, end: number): boolean {
  // Asked of every line of a table: one pass, nothing allocated.
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) inWord = false;
    else if (!inWord && !isSpace(c)) {
      if (++words >= 2) return true;
      inWord = true;
    }
  }
  return false;
}

/**
 * Excel quotes a cell that holds a line break (`"社会\n公益组织"`): the cell runs
 * on to the line where its quote closes. Returns the line after the row.
 */
function rowEnd(text: string, lines: LineIndex, i: number, end: number): number {
  let open = false;
  for (let k = i; k < end; k++) {
    const lineStart = lines.starts[k];
    const lineEnd = lines.ends[k];
    for (let j = lineStart; j < lineEnd; j++) {
      const c = text.charCodeAt(j);
      // A quote opens only at a cell's start, and closes before a tab or the line's end.
      if (!open && c === 34 && (j === lineStart || text.charCodeAt(j - 1) === 9)) open = true;
      else if (open && c === 34 && (j + 1 === lineEnd || text.charCodeAt(j + 1) === 9)) open = false;
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

/**
 * The rows of tab-separated lines [first, end); blank lines and lines without
 * a tab are skipped, but for a label's first half before a row (below).
 */
export function cutTabRows(text: string, lines: LineIndex, first: number, end: number): TabRow[] {
  const rows: TabRow[] = [];
  for (let i = first; i < end; ) {
    const start = lines.starts[i];
    const next = rowEnd(text, lines, i, end);
    const lastEnd = lines.ends[next - 1];
    // Searched within the row's own lines: a search of the text would run on past a row without a tab.
    let tab = false;
    for (let k = i; k < next && !tab; k++) tab = hasTab(text, lines.starts[k], lines.ends[k]);
    if (tab) {
      const cells = tabCells(text, start, lastEnd).map((c) => {
        const u = unquote(text, c);
        return cell(text, u.start, u.end);
      });
      if (cells.some((c) => c.end > c.start)) rows.push({ cells, span: { start, end: lastEnd }, line: i });
    } else if (next < end && startsLabelCell(text, lines.starts[next], lines.ends[next]) && hasWords(text, start, lines.ends[i])) {
      // A browser or Word pastes a cell's line break as is: a line of words
      // without a tab, the next row starting with text, may be the first half of
      // that row's label (joined by meaning in assemble.ts).
      const c = cell(text, start, lines.ends[i]);
      rows.push({ cells: [c], span: c, line: i });
    }
    i = next;
  }
  return rows;
}

/** Does the line [start, end) hold a tab, and text (not a tab or a space) before it? */
function startsLabelCell(text: string, start: number, end: number): boolean {
  // Bounded to the line: a search of the text would run on through every later line.
  return end > start && !isSpace(text.charCodeAt(start)) && hasTab(text, start + 1, end);
}

/** Does the line [start, end) hold a Chinese character (a label's words, not a number or a mark)? */
function hasWords(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 0x3400) return true;
  return false;
}

/** A cell without Excel's quotes. */
function unquote(text: string, c: Span): Span {
  return c.end - c.start >= 2 && text.charCodeAt(c.start) === 34 && text.charCodeAt(c.end - 1) === 34 ? { start: c.start + 1, end: c.end - 1 } : c;
}

/**
 * One cell per line (a Word table saved as text): a cell starts with a tab, a
 * line without one continues the cell above, a blank line ends the row.
 */
export function cutCellLines(text: string, lines: LineIndex, first: number, end: number): { cells: Span[]; line: number }[] {
  const rows: { cells: Span[]; line: number }[] = [];
  let cells: Span[] = [];
  let rowLine = first;
  let inCell = false;
  const finish = (): void => {
    if (cells.length) rows.push({ cells, line: rowLine });
    cells = [];
    inCell = false;
  };
  for (let i = first; i < end; i++) {
    const lineStart = lines.starts[i];
    const lineEnd = lines.ends[i];
    if (text.charCodeAt(lineStart) === 9) {
      if (!cells.length) rowLine = i;
      cells.push(cell(text, lineStart + 1, lineEnd));
      inCell = true;
    } else if (isBlank(text, lineStart, lineEnd)) {
      finish();
    } else if (inCell) {
      const last = cells[cells.length - 1];
      const extended = cell(text, last.end > last.start ? last.start : lineStart, lineEnd);
      cells[cells.length - 1] = extended;
    }
    // Any other line is prose beside the table; it is not part of a row.
  }
  finish();
  return rows;
}

/** The cells of a pipe row (`| a | 0 |`, `a | 0`), each trimmed; a leading pipe opens no cell. */
export function pipeCells(text: string, lineStart: number, lineEnd: number): Span[] {
  const cells: Span[] = [];
  let start = lineStart;
  for (let j = lineStart; j <= lineEnd; j++) {
    if (j === lineEnd || isPipe(text.charCodeAt(j))) {
      cells.push(cell(text, start, j));
      start = j + 1;
    }
  }
  let first = lineStart;
  while (first < lineEnd && isSpace(text.charCodeAt(first))) first++;
  const leadingPipe = first < lineEnd && isPipe(text.charCodeAt(first));
  if (leadingPipe) cells.shift();
  return cells;
}
