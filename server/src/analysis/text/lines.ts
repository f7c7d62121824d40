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

/**
 * The lines' offsets in two typed arrays, counted first so that they are
 * allocated once: placing findings (the command line, the editor) costs two
 * small buffers instead of an object and a string per line. Line objects are
 * made only for the callers that walk lines (the reader, the editor's
 * features). Made lazily per line, with the text sliced on first use, they
 * measured slower on large reports (10 MB: 15-30%) than made all at once.
 */
export class LineIndex {
  /** Where each line starts and ends (before its line break). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  #lines: Line[] | undefined;

  constructor(readonly text: string) {
    const n = text.length;
    const crlf = text.indexOf('\r') >= 0;
    let count = 1;
    if (!crlf) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) count++;
        else if (c === 13) {
          count++;
          if (text.charCodeAt(i + 1) === 10) i++;
        }
      }
    }
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    let k = 0;
    let start = 0;
    if (!crlf) {
      // LF only, the common case: jump from break to break.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        starts[k] = start;
        ends[k++] = i;
        start = i + 1;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) {
          starts[k] = start;
          ends[k++] = i;
          if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
          start = i + 1;
        }
      }
    }
    starts[k] = start;
    ends[k] = n;
    this.starts = starts;
    this.ends = ends;
  }

  /** The number of lines (an empty text has one, empty). */
  get count(): number {
    return this.starts.length;
  }

  /** Every line as an object, made on first use. */
  get lines(): Line[] {
    if (this.#lines) return this.#lines;
    const { starts, ends, text } = this;
    // Pushed, not written into `new Array(n)`: a holey array slows loops over it.
    const lines: Line[] = [];
    for (let i = 0; i < starts.length; i++) lines.push({ index: i, start: starts[i], end: ends[i], text: text.slice(starts[i], ends[i]) });
    return (this.#lines = lines);
  }

  /** Line `i` as an object, made for a caller that looks at a few lines (the reader walks the arrays). */
  line(i: number): Line {
    if (this.#lines) return this.#lines[i];
    const start = this.starts[i];
    const end = this.ends[i];
    return { index: i, start, end, text: this.text.slice(start, end) };
  }

  /** The line that holds `offset` (the last line whose start is at or before it). */
  lineAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const line = this.lineAt(offset);
    const start = this.starts[line];
    return { line, character: Math.max(0, Math.min(offset, this.ends[line]) - start) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[position.line] + Math.max(0, position.character), this.ends[position.line]);
  }

  /** The line break that ends line `index` ("" for the last line). */
  lineBreak(index: number): string {
    return index + 1 < this.starts.length ? this.text.slice(this.ends[index], this.starts[index + 1]) : '';
  }

  /** The document's line break (its first one), for text that fixes insert. */
  get eol(): string {
    return this.starts.length > 1 ? this.lineBreak(0) : '\n';
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
