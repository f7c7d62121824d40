/**
 * Text left behind by converters: Word's `[bookmark: _GoBack]` markers, the
 * replacement character of a failed decoding, invisible control and
 * zero-width characters inside the text.
 */
import { indexWithin, type Span } from '../text/lines';

export type ArtifactKind = 'bookmark' | 'replacement' | 'invisible';

export interface Artifact {
  kind: ArtifactKind;
  span: Span;
  text: string;
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
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f;
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
const ARTIFACT_START = /\\?\[bookmark:|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff\ufffd]/g;

/** Every artifact in the text, in order (one scan of the whole text). */
export function findArtifacts(text: string): Artifact[] {
  const out: Artifact[] = [];
  const re = new RegExp(ARTIFACT_START.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */ || c === 92 /* \ */) {
      const end = bookmarkEnd(text, i, lineEnd(text, i));
      if (end > 0) {
        out.push({ kind: 'bookmark', span: { start: i, end }, text: text.slice(i, end) });
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
