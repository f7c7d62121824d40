/**
 * Blocks to canonical text. Paragraphs become lines. A table that holds one of
 * the standard tables becomes a Markdown table over its grid (a merged cell's
 * text in its first grid cell, the cells it covers blank), which the text
 * reader reads by position; a new Markdown table begins where a row opens
 * another standard table. Any other table (a CMS's metadata table, a layout
 * table's leftovers) becomes lines of text, never a report table.
 */
import type { Block, Cell, Segment, SourceKind, SourceText, Table } from './model';

/** How the first filled cell of a standard table's opening row begins. */
const OPENINGS: [string, string[]][] = [
  ['active', ['第二十条']],
  ['application', ['（本列数据的勾稽关系', '(本列数据的勾稽关系', '本列数据的勾稽关系', '申请人情况', '一、本年新收', '一.本年新收', '一．本年新收']],
  ['review', ['行政复议']],
];

/** A cell's text: words split across runs joined, all whitespace dropped (U+00A0 and U+3000 too). */
export function cellText(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '').replace(/\|/g, '｜');
}

/** A paragraph's text on one line: runs of spaces made one, ends trimmed. */
export function paragraphText(s: string): string {
  return s.replace(/[ \t\r\n\f\u00a0\u200b\ufeff]+/g, ' ').replace(/^[ \u3000]+|[ \u3000]+$/g, '');
}

/** The standard table a row opens, when its first filled cell begins one. */
export function opening(row: (Cell | null)[]): string | undefined {
  const first = row.find((c) => c && c.text);
  if (!first) return undefined;
  for (const [kind, starts] of OPENINGS) if (starts.some((s) => first.text.startsWith(s))) return kind;
  return undefined;
}

class Writer {
  private parts: string[] = [];
  private length = 0;
  /** Line breaks the text ends with (0, 1 or 2), kept so that the text is never re-read. */
  private breaks = 2;
  segments: Segment[] = [];
  get text(): string {
    return this.parts.join('');
  }
  add(s: string, place?: Segment['place']): void {
    if (!s) return;
    if (place) this.segments.push({ start: this.length, end: this.length + s.length, place });
    this.parts.push(s);
    this.length += s.length;
    this.breaks = 0;
  }
  /** Ends the current line, and leaves one blank line when `blank`. */
  newline(blank = false): void {
    if (!this.length) return;
    const want = blank ? 2 : 1;
    while (this.breaks < want) {
      this.parts.push('\n');
      this.length++;
      this.breaks++;
    }
  }
}

function textRow(w: Writer, row: (Cell | null)[]): void {
  const cells = row.filter((c): c is Cell => !!c && !!c.text);
  if (!cells.length) return;
  w.newline();
  cells.forEach((c, i) => {
    if (i) w.add(' ');
    w.add(c.text, c.place);
  });
  w.newline();
}

function markdownRow(w: Writer, row: (Cell | null)[], width: number): void {
  w.newline();
  w.add('|');
  for (let i = 0; i < width; i++) {
    const c = row[i];
    w.add(` ${c?.text ?? ''} `, c?.place);
    w.add('|');
  }
  w.newline();
}

/** State across blocks: the Markdown table being written, and a table whose header stood apart. */
interface Flow {
  open?: { width: number };
  /** A standard table's header cut off from its rows (by a page break): the next table's rows are its rows. */
  pending?: string;
}

export function render(kind: SourceKind, blocks: Block[]): SourceText {
  const w = new Writer();
  const flow: Flow = {};
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      const text = paragraphText(block.text);
      if (!text) continue;
      if (flow.open) w.newline(true);
      flow.open = undefined;
      w.newline();
      w.add(text, block.place);
      w.newline();
      continue;
    }
    table(w, block, flow);
  }
  w.newline();
  return { kind, text: w.text, segments: w.segments };
}

const holdsNumbers = (t: Table): boolean => t.rows.some((r) => r.some((c) => c && /\d/.test(c.text)));

function table(w: Writer, t: Table, flow: Flow): void {
  const width = Math.max(0, ...t.rows.map((r) => r.length));
  const openings = t.rows.map(opening);
  // A header without a single number is cut off from its rows: its words stay as text, and the
  // next table's first row heads the Markdown table, so that its width is the rows' width.
  if (!holdsNumbers(t)) {
    const kind = openings.find(Boolean);
    if (flow.open) w.newline(true);
    flow.open = undefined;
    for (const row of t.rows) textRow(w, row);
    if (kind) flow.pending = kind;
    return;
  }
  if (flow.pending && !openings.some(Boolean)) openings[0] = flow.pending;
  flow.pending = undefined;
  // The rest of a table cut by a page break may draw more or fewer label columns than its
  // first part (a label column's lines end with the page): its rows keep their values in the
  // last columns, and their innermost label (the one a row is known by) in the label columns.
  const pad = flow.open ? flow.open.width - width : 0;
  const continues = flow.open && !openings.some(Boolean);
  const fit = (r: (Cell | null)[]): (Cell | null)[] => {
    if (pad > 0) return [...new Array<null>(pad).fill(null), ...r];
    const merged = r.slice(0, 1 - pad);
    const inner = [...merged].reverse().find((c) => c?.text) ?? null;
    return [inner, ...r.slice(1 - pad)];
  };
  const rows = !continues || pad === 0 ? t.rows : t.rows.map(fit);
  if (!continues) {
    if (flow.open) w.newline(true);
    flow.open = undefined;
  }
  let current: string | undefined;
  rows.forEach((row, i) => {
    const kind = openings[i];
    if (kind && kind !== current) {
      // A standard table begins here: its opening row is the Markdown header.
      w.newline(true);
      markdownRow(w, row, width);
      w.add(`|${'---|'.repeat(width)}`);
      w.newline();
      flow.open = { width };
      current = kind;
      return;
    }
    if (flow.open) markdownRow(w, row, flow.open.width);
    else textRow(w, row);
  });
}
