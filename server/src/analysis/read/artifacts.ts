/**
 * Text left behind by converters: Word's `[bookmark: _GoBack]` markers, the
 * replacement character of a failed decoding, invisible control and
 * zero-width characters inside the text.
 */
import { indexWithin, type LineIndex, type Span } from '../text/lines';
import { markupPrefixEnd, markupSuffixStart } from './markup';

export type ArtifactKind = 'bookmark' | 'replacement' | 'invisible' | 'invented-header' | 'lone-marker' | 'inserted-heading';

export interface Artifact {
  kind: ArtifactKind;
  span: Span;
  text: string;
  /** What removing it deletes, when more than `span` (a whole line with its break). */
  remove?: Span;
}

const BOOKMARK = '[bookmark:';
/** A bookmark marker is short; a longer bracket is someone's text. */
const BOOKMARK_MAX = 80;

/** Markdown writers escape the brackets: `\[bookmark: \_GoBack\]`. */
const ESCAPED_BOOKMARK = '\\[bookmark:';

function bookmarkEnd(text: string, start: number, limit: number): number {
  const open = text.startsWith(BOOKMARK, start) ? BOOKMARK.length : text.startsWith(ESCAPED_BOOKMARK, start) ? ESCAPED_BOOKMARK.length : 0;
  if (!open) return -1;
  const close = indexWithin(text, ']', start + open, Math.min(limit, start + BOOKMARK_MAX + 1));
  return close >= 0 ? close + 1 : -1;
}

/** Zero-width and control characters that no author types. */
function isInvisible(c: number, offset: number): boolean {
  if (c === 0xfeff) return offset !== 0; // a BOM is fine at the very start
  // A form feed is the page break PDF text tools write between pages: a separator, not junk.
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f;
}

/** Where the text of a line starts after converter junk. */
export function junkPrefixEnd(text: string, start: number, end: number): number {
  let i = start;
  for (;;) {
    const c = text.charCodeAt(i);
    // A form feed is the page break a PDF's text keeps before a page's first line.
    if (i < end && (c === 0xfeff || (c >= 0x200b && c <= 0x200d) || c === 12)) {
      i++;
      continue;
    }
    const b = i < end ? bookmarkEnd(text, i, end) : -1;
    if (b < 0) return i;
    i = b;
  }
}

/** What can start an artifact: a bookmark, a control, zero-width or replacement character. */
const ARTIFACT_START = /\[bookmark:|[\u0000-\u0008\u000b\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff\ufffd]/g;

/** Every artifact in the text, in order (one scan of the whole text). */
export function findArtifacts(text: string): Artifact[] {
  const out: Artifact[] = [];
  const re = new RegExp(ARTIFACT_START.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */) {
      // Markdown writers escape the bracket: the marker starts at the backslash.
      const from = i > 0 && text.charCodeAt(i - 1) === 92 ? i - 1 : i;
      const end = bookmarkEnd(text, from, lineEnd(text, i));
      if (end > 0) {
        out.push({ kind: 'bookmark', span: { start: from, end }, text: text.slice(from, end) });
        re.lastIndex = end;
      }
    } else if (c === 0xfffd) {
      let end = i + 1;
      while (text.charCodeAt(end) === 0xfffd) end++;
      out.push({ kind: 'replacement', span: { start: i, end }, text: text.slice(i, end) });
      re.lastIndex = end;
    } else if (isInvisible(c, i)) {
      out.push({ kind: 'invisible', span: { start: i, end: i + 1 }, text: text[i] });
    }
  }
  return out;
}

/** The end of the line holding `i`, as far as a bookmark could reach. */
function lineEnd(text: string, i: number): number {
  const limit = Math.min(text.length, i + BOOKMARK_MAX + 1);
  for (let k = i; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return k;
  }
  return limit;
}

/** A column header OCR and LLM tools invent: 数据1, 数据2… */
const INVENTED_COLUMN = /^数据\s*\d{1,2}$/;
/** A table number a converter inserts as a heading: 表二, 表2. */
const TABLE_NUMBER = /^表\s*[一二三四五六七八九十\d]{1,2}$/;

/**
 * Whole lines a converter left, where it is certain: a header row of invented
 * column names (类别 | 数据1 | 数据2 …), a lone 正文 line, a `## 表二` heading.
 * `next` is the line after, removed with an invented header when it is the
 * header's Markdown rule.
 */
export function lineArtifact(text: string, lines: LineIndex, i: number, isRule: (text: string, start: number, end: number) => boolean): Artifact | undefined {
  const start = lines.starts[i];
  const end = lines.ends[i];
  const c = text.charCodeAt(start);
  // Cheap first looks: a pipe row, a Markdown mark, or 正.
  if (c !== 124 && c !== 35 && c !== 42 && c !== 0x6b63) return undefined;
  const line = { start, end };
  if (c === 124) {
    if (indexWithin(text, '数据', start, end) < 0) return undefined;
    const lineText = text.slice(start, end);
    const cells = lineText.split('|').map((x) => x.trim()).filter(Boolean);
    const invented = cells.filter((x) => INVENTED_COLUMN.test(x)).length;
    if (invented < 1 || cells[0] !== '类别' || invented + 1 < cells.length - 1) return undefined;
    const withRule = i + 1 < lines.count && isRule(text, lines.starts[i + 1], lines.ends[i + 1]) ? lines.ends[i + 1] : end;
    return { kind: 'invented-header', span: line, text: lineText.trim(), remove: { start, end: lineBreakEnd(text, withRule) } };
  }
  const s = markupPrefixEnd(text, start, end);
  const e = markupSuffixStart(text, s, end);
  const words = text.slice(s, e);
  if (words === '正文') {
    return { kind: 'lone-marker', span: line, text: text.slice(start, end).trim(), remove: { start, end: lineBreakEnd(text, end) } };
  }
  if (c !== 0x6b63 && s > start && TABLE_NUMBER.test(words)) {
    return { kind: 'inserted-heading', span: line, text: text.slice(start, end).trim(), remove: { start, end: lineBreakEnd(text, end) } };
  }
  return undefined;
}

/** The offset after the line break at `end` (\n, \r\n or \r), or `end` at the text's end. */
function lineBreakEnd(text: string, end: number): number {
  if (text.charCodeAt(end) === 13) return text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  return text.charCodeAt(end) === 10 ? end + 1 : end;
}
