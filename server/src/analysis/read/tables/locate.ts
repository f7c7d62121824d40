/**
 * Where each standard table stands, and in which of the five layouts its text
 * arrived. A table begins at its anchor (its caption or first header) and runs
 * until the next part heading or the next table's anchor.
 */
import type { TableKind } from '../../schema/tables';
import { isSpace } from '../../text/fold';
import { indexWithin, type LineIndex, type Span } from '../../text/lines';
import { FLAT_LINE } from '../headings';
import { markupPrefixEnd } from '../markup';
import { hasPipe, hasTab, isPipe, isTabRow } from './cut';
import { isRule, RULE_ABOVE, type Layout } from './layouts';

export type { Layout } from './layouts';

export interface TableRegion {
  kind: TableKind;
  anchor: Span;
  /** Lines [firstLine, endLine) hold the table. */
  firstLine: number;
  endLine: number;
  layout: Layout;
}

/** How each table's first line begins, as real reports write it. */
const OPENINGS: Record<TableKind, string[]> = {
  active: ['第二十条'],
  application: ['（本列数据的勾稽关系', '(本列数据的勾稽关系', '本列数据的勾稽关系', '申请人情况', '一、本年新收政府信息公开申请', '一.本年新收政府信息公开申请', '一．本年新收政府信息公开申请'],
  review: ['行政复议'],
};

/** Does the line, whose text begins at `start`, open the table of `kind`? */
function opensTable(kind: TableKind, text: string, start: number, line: string): boolean {
  if (!OPENINGS[kind].some((o) => text.startsWith(o, start))) return false;
  // A caption or header is short, or is a row of cells; prose is neither.
  // Converters pad cells with spaces to align columns: measure the words.
  const rowLike = line.length <= 60 || hasPipe(line, 0, line.length) || line.charCodeAt(0) === 9 || wordsLength(line) <= 60;
  switch (kind) {
    case 'active':
      return rowLike;
    case 'application':
      return rowLike || !text.startsWith('申请人情况', start);
    case 'review':
      return rowLike && (line.includes('行政诉讼') || wordsLength(line) <= 20) && !line.includes('。');
  }
}

/** The line's length without its spaces. */
function wordsLength(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) n++;
  return n;
}

/**
 * Is the line's text, from `start`, a table's cells glued together (a web
 * page's text that a converter wrapped into shorter lines)? Long, and nothing
 * between the cells: no tab, pipe or run of spaces, the separators of every
 * layout that can be read, and no full stop, which prose has. The caller also
 * asks for the table's anchor at the line's start.
 */
function isGlued(text: string, start: number, end: number): boolean {
  if (end - start <= 60) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 124 || c === 0x2502 || c === 0x3002 /* 。 */) return false;
    if ((c === 32 || c === 0x3000) && isSpace(text.charCodeAt(i + 1))) return false;
  }
  return true;
}

/** Where, inside a line of flat text, the table of `kind` begins. */
function flatAnchor(kind: TableKind, text: string, lineStart: number, lineEnd: number): Span | undefined {
  const line = { start: lineStart, end: lineEnd };
  const find = (needle: string): number => indexWithin(text, needle, line.start, line.end);
  let at = -1;
  let len = 0;
  switch (kind) {
    case 'active':
      at = find('第二十条第');
      len = 9;
      break;
    case 'application':
      at = find('本列数据的勾稽关系');
      len = 9;
      if (at < 0) {
        at = find('本年新收政府信息公开申请数量');
        len = 14;
      }
      break;
    case 'review': {
      // 行政复议 followed closely by 行政诉讼: the table's header, not prose.
      let from = line.start;
      for (;;) {
        const i = indexWithin(text, '行政复议', from, line.end);
        if (i < 0) break;
        let j = i + 4;
        while (j < line.end && isSpace(text.charCodeAt(j))) j++;
        if (text.startsWith('行政诉讼', j)) {
          at = i;
          len = j + 4 - i;
          break;
        }
        from = i + 4;
      }
      break;
    }
  }
  return at >= 0 ? { start: at, end: Math.min(line.end, at + len) } : undefined;
}

/** Characters (as codes) a table's first line can begin with, after spaces and pipes. */
const FIRST = new Set(Object.values(OPENINGS).flatMap((o) => o.map((x) => x.charCodeAt(0))));

/**
 * Finds the first anchor of each table kind. `boundaries` are the lines of part
 * headings, which end a table.
 */
export function locateTables(text: string, lines: LineIndex, headingLines: Set<number>): TableRegion[] {
  const anchors = new Map<TableKind, { line: number; anchor: Span; flat: boolean }>();
  const kinds: TableKind[] = ['active', 'application', 'review'];
  const { starts, ends } = lines;
  for (let index = 0; index < starts.length; index++) {
    if (anchors.size === kinds.length) break;
    const lineStart = starts[index];
    const lineEnd = ends[index];
    if (lineEnd === lineStart) continue;
    if (lineEnd - lineStart > FLAT_LINE) {
      for (const kind of kinds) {
        if (anchors.has(kind)) continue;
        const anchor = flatAnchor(kind, text, lineStart, lineEnd);
        if (anchor) anchors.set(kind, { line: index, anchor, flat: true });
      }
      continue;
    }
    let start = lineStart;
    // Spaces, pipes, and the form feed pdftotext writes between pages.
    while (start < lineEnd && (isSpace(text.charCodeAt(start)) || isPipe(text.charCodeAt(start)) || text.charCodeAt(start) === 12)) start++;
    if (!FIRST.has(text.charCodeAt(start))) start = markupPrefixEnd(text, start, lineEnd);
    if (!FIRST.has(text.charCodeAt(start))) continue;
    for (const kind of kinds) {
      if (anchors.has(kind)) continue;
      // A flat table that a converter wrapped into shorter lines.
      if (isGlued(text, start, lineEnd)) {
        const anchor = flatAnchor(kind, text, lineStart, lineEnd);
        if (anchor && anchor.start - start <= 10) {
          anchors.set(kind, { line: index, anchor, flat: true });
          break;
        }
        continue;
      }
      if (!opensTable(kind, text, start, text.slice(lineStart, lineEnd))) continue;
      let end = lineEnd;
      while (end > start && (isSpace(text.charCodeAt(end - 1)) || isPipe(text.charCodeAt(end - 1)))) end--;
      anchors.set(kind, { line: index, anchor: { start, end: Math.min(end, start + 60) }, flat: false });
      break;
    }
  }

  const anchorLines = [...anchors.values()].map((a) => a.line);
  const regions: TableRegion[] = [];
  for (const [kind, a] of anchors) {
    let endLine = lines.count;
    for (let i = a.line + 1; i < lines.count; i++) {
      if (headingLines.has(i) || anchorLines.includes(i)) {
        endLine = i;
        break;
      }
    }
    const layout = a.flat ? 'flat' : detectLayout(text, lines, a.line, endLine);
    regions.push({ kind, anchor: a.anchor, firstLine: a.line, endLine: a.flat ? a.line + 1 : endLine, layout });
  }
  return regions.sort((x, y) => x.anchor.start - y.anchor.start);
}

function detectLayout(text: string, lines: LineIndex, first: number, end: number): Layout {
  const { starts, ends } = lines;
  let tabs = 0;
  let tabRows = 0;
  let markdown = 0;
  let rule = false;
  let pipes = 0;
  // A Markdown rule under a blank header row stands above the anchor.
  for (let i = Math.max(0, first - RULE_ABOVE); i < first; i++) if (text.charCodeAt(starts[i]) === 124 && isRule(text, starts[i], ends[i])) rule = true;
  for (let i = first; i < end; i++) {
    const start = starts[i];
    const lineEnd = ends[i];
    const c = text.charCodeAt(start);
    // A pasted row has words split by tabs; one cell per line has one word after its tab.
    if (hasTab(text, start, lineEnd) && isTabRow(text, start, lineEnd)) tabRows++;
    else if (c === 9) tabs++;
    else if (c === 124) {
      markdown++;
      if (isRule(text, start, lineEnd)) rule = true;
    } else if (hasPipe(text, start, lineEnd)) pipes++;
  }
  if (tabRows >= 3 && tabRows >= tabs && tabRows >= markdown + pipes) return 'tabs';
  if (tabs >= 2 && tabs >= markdown + pipes) return 'cells';
  if (markdown >= 2 && rule) return 'markdown';
  if (pipes + markdown >= 2) return 'pipe';
  return 'pdf';
}
