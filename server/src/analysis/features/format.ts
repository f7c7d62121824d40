/**
 * Format Document for reports: every Markdown table (a run of lines that
 * begin with `|`, at the start of the line) gets its cells trimmed and its columns aligned by display
 * width (a Chinese character takes two columns), so the table reads as a grid
 * in a monospaced editor. Only spaces around cells and the dashes of the
 * separator row change: never a cell's text, never the number of cells, never
 * a line outside a table. Prose is left as written.
 */
import type { LineIndex, Span } from '../text/lines';
import { displayWidth } from '../text/width';
import type { TextEdit } from '../rules/rule';

interface TableRun {
  /** Lines [first, last] of the text. */
  first: number;
  last: number;
}

/** A Markdown table's line begins with its pipe (pipe rows with an empty first cell, ` | 自然人 |`, do not). */
const isTableLine = (line: string) => line.charCodeAt(0) === 124;

/** The runs of consecutive table lines. */
function tableRuns(lines: LineIndex): TableRun[] {
  const runs: TableRun[] = [];
  let start = -1;
  lines.lines.forEach((line, i) => {
    if (isTableLine(line.text)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push({ first: start, last: i - 1 });
      start = -1;
    }
  });
  if (start >= 0) runs.push({ first: start, last: lines.lines.length - 1 });
  return runs;
}

interface Row {
  indent: string;
  cells: string[];
  /** Did the line end with a closing `|`? */
  closed: boolean;
  /** The row of dashes under the header. */
  separator: boolean;
}

/** Splits a table line at its pipes, `\|` being a pipe inside a cell. */
function splitRow(line: string): Row {
  const indent = /^\s*/.exec(line)![0];
  const body = line.slice(indent.length + 1); // after the opening pipe
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && body[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  const closed = cell.trim() === '';
  if (!closed) cells.push(cell);
  const trimmed = cells.map((c) => c.trim());
  const separator = trimmed.length > 0 && trimmed.every((c) => /^:?-+:?$/.test(c));
  return { indent, cells: trimmed, closed, separator };
}

/** `---` widened to `w`, its alignment colons kept. */
function dashes(cell: string, w: number): string {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':') && cell.length > 1;
  return `${left ? ':' : ''}${'-'.repeat(Math.max(3, w - (left ? 1 : 0) - (right ? 1 : 0)))}${right ? ':' : ''}`;
}

const NUMBER = /^[-+]?[\d０-９][\d０-９,，.．]*$/;

/** The lines of one table, aligned. */
export function alignTable(texts: string[]): string[] {
  const rows = texts.map(splitRow);
  const widths: number[] = [];
  for (const r of rows) {
    if (r.separator) continue;
    r.cells.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 3, displayWidth(c))));
  }
  const indent = rows[0].indent;
  return rows.map((r, n) => {
    if (!r.cells.length) return texts[n];
    const cells = r.cells.map((c, i) => {
      const w = widths[i] ?? 3;
      if (r.separator) return dashes(c, w);
      const pad = ' '.repeat(w - displayWidth(c));
      // Numbers line up on the right, as in the printed tables.
      return NUMBER.test(c) ? pad + c : c + pad;
    });
    const out = `${indent}| ${cells.join(' | ')}${r.closed ? ' |' : ''}`;
    return r.closed ? out : out.trimEnd();
  });
}

/**
 * The edits that format the tables of a text; with `range`, only the tables
 * it touches (each whole, since a column's width depends on all its rows).
 */
export function formatTables(lines: LineIndex, range?: Span): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const run of tableRuns(lines)) {
    const first = lines.lines[run.first];
    const last = lines.lines[run.last];
    if (range && (last.end < range.start || first.start > range.end)) continue;
    const texts = lines.lines.slice(run.first, run.last + 1).map((l) => l.text);
    const aligned = alignTable(texts);
    aligned.forEach((text, i) => {
      const line = lines.lines[run.first + i];
      if (text !== line.text) edits.push({ span: { start: line.start, end: line.end }, newText: text });
    });
  }
  return edits;
}
