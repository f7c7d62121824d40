/**
 * Line structure of a report's text. Offsets are UTF-16 code units into the
 * original string, the unit LSP and VS Code use by default; CRLF, LF and lone
 * CR all end a line.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export interface Line extends Span {
  /** 0-based line number. */
  index: number;
  /** The line's text without its line break. */
  text: string;
}

export class LineIndex {
  readonly lines: Line[];

  constructor(readonly text: string) {
    const lines: Line[] = [];
    let start = 0;
    const n = text.length;
    if (text.indexOf('\r') < 0) {
      // LF only, the common case: jump from break to break.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
        start = i + 1;
      }
      lines.push({ index: lines.length, start, end: n, text: text.slice(start, n) });
      this.lines = lines;
      return;
    }
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
        if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
    lines.push({ index: lines.length, start, end: n, text: text.slice(start, n) });
    this.lines = lines;
  }

  positionAt(offset: number): Position {
    const lines = this.lines;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = lines[lo];
    return { line: lo, character: Math.max(0, Math.min(offset, line.end) - line.start) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.text.length;
    const line = this.lines[position.line];
    return Math.min(line.start + Math.max(0, position.character), line.end);
  }

  /** The line break that ends line `index` ("" for the last line). */
  lineBreak(index: number): string {
    const line = this.lines[index];
    const next = this.lines[index + 1];
    return next ? this.text.slice(line.end, next.start) : '';
  }

  /** The document's line break (its first one), for text that fixes insert. */
  get eol(): string {
    for (let i = 0; i < this.lines.length - 1; i++) {
      const br = this.lineBreak(i);
      if (br) return br;
    }
    return '\n';
  }
}

/**
 * Where `needle` occurs in `text[from, to)`, or -1. The search stops at `to`:
 * an unbounded indexOf per line would cost the length of the rest of the text.
 */
export function indexWithin(text: string, needle: string, from: number, to: number): number {
  if (to - from < needle.length) return -1;
  const i = text.slice(from, to).indexOf(needle);
  return i < 0 ? -1 : from + i;
}

/** A span as the editor and LSP address it: from one line and column to another. */
export interface Range {
  start: Position;
  end: Position;
}

/** The range of `span` in `lines`. */
export function rangeOf(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}
