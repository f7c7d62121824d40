/**
 * What every source reader produces: the document as blocks (paragraphs and
 * tables, in reading order, each with its place in the source), and from them
 * the report's canonical text, which the text reader reads like any report:
 * paragraphs as lines, the standard tables as Markdown tables. A source map
 * leads from each stretch of that text back to its place in the source.
 */
import type { Text2 } from '../analysis/schema/tables';

export type SourceKind = 'docx' | 'html' | 'pdf';

/** A place in the source, as its user would find it (all numbers 1-based). */
export interface SourcePlace {
  kind: SourceKind;
  /** The n-th table of the document (of the report's body, for a web page). */
  table?: number;
  /** Row and column in the table's grid, merged cells expanded. */
  row?: number;
  column?: number;
  /** The n-th paragraph outside the tables. */
  paragraph?: number;
  /** PDF: the page, and the position on it in points from the top left. */
  page?: number;
  x?: number;
  y?: number;
}

export interface Paragraph {
  type: 'paragraph';
  text: string;
  place: SourcePlace;
}

export interface Cell {
  text: string;
  place: SourcePlace;
}

/** A table with its merged cells expanded: a covered cell is `null`. */
export interface Table {
  type: 'table';
  rows: (Cell | null)[][];
  /** The table's number in the source (1-based). */
  number: number;
}

export type Block = Paragraph | Table;

/** A stretch of the canonical text and where it came from. */
export interface Segment {
  start: number;
  end: number;
  place: SourcePlace;
}

export interface SourceText {
  kind: SourceKind;
  text: string;
  /** Sorted by `start`, not overlapping. */
  segments: Segment[];
}

export interface SourceError {
  kind?: SourceKind;
  error: Text2;
  /** The file holds no report at all (a web page of something else): skipped in a folder walk, like such text. */
  notReport?: boolean;
}

export type SourceResult = SourceText | SourceError;

/** The place a text offset came from: the segment holding it, else the one before. */
export function placeAt(source: SourceText, offset: number): SourcePlace | undefined {
  const s = source.segments;
  let lo = 0;
  let hi = s.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  // An offset just past a segment's end (an empty cell, a line break) still belongs to it.
  return s[found].place;
}

/** Chinese numerals for table numbers (表一 … 表九十九). */
function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}

/** `表三 第 5 行 第 2 列` / `table 3, row 5, column 2`, `第 4 段`, `第 2 页`. */
export function describePlace(p: SourcePlace): Text2 {
  if (p.table !== undefined) {
    const zh = `表${chineseNumber(p.table)}${p.row ? ` 第 ${p.row} 行` : ''}${p.column ? ` 第 ${p.column} 列` : ''}`;
    const en = `table ${p.table}${p.row ? `, row ${p.row}` : ''}${p.column ? `, column ${p.column}` : ''}`;
    if (p.page !== undefined) return { zh: `第 ${p.page} 页 ${zh}`, en: `page ${p.page}, ${en}` };
    return { zh, en };
  }
  if (p.page !== undefined) return { zh: `第 ${p.page} 页`, en: `page ${p.page}` };
  if (p.paragraph !== undefined) return { zh: `第 ${p.paragraph} 段`, en: `paragraph ${p.paragraph}` };
  return { zh: '', en: '' };
}
