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
  text = '';
  segments: Segment[] = [];
  add(s: string, place?: Segment['place']): void {
    if (place) this.segments.push({ start: this.text.length, end: this.text.length + s.length, place });
    this.text += s;
  }
  /** Ends the current line, and leaves one blank line when `blank`. */
  newline(blank = false): void {
    if (this.text && !this.text.endsWith('\n')) this.text += '\n';
    if (blank && this.text && !this.text.endsWith('\n\n')) this.text += '\n';
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

export function render(kind: SourceKind, blocks: Block[]): SourceText {
  const w = new Writer();
  /** The Markdown table being written, continued by a split table's next part. */
  let open: { width: number } | undefined;
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      const text = paragraphText(block.text);
      if (!text) continue;
      if (open) w.newline(true);
      open = undefined;
      w.newline();
      w.add(text, block.place);
      w.newline();
      continue;
    }
    open = table(w, block, open);
  }
  w.newline();
  return { kind, text: w.text, segments: w.segments };
}

function table(w: Writer, t: Table, open: { width: number } | undefined): { width: number } | undefined {
  const width = Math.max(0, ...t.rows.map((r) => r.length));
  const openings = t.rows.map(opening);
  const continues = open && open.width === width && !openings.some(Boolean);
  if (!continues) {
    if (open) w.newline(true);
    open = undefined;
  }
  let current = continues ? openings[0] : undefined;
  t.rows.forEach((row, i) => {
    const kind = openings[i];
    if (kind && kind !== current) {
      // A standard table begins here: its opening row is the Markdown header.
      w.newline(true);
      markdownRow(w, row, width);
      w.add(`|${'---|'.repeat(width)}`);
      w.newline();
      open = { width };
      current = kind;
      return;
    }
    if (open) markdownRow(w, row, width);
    else textRow(w, row);
  });
  if (open) return open;
  return undefined;
}
