/**
 * Markup that converters wrap around a line's words: Markdown heading marks
 * (`## `), bold (`**…**`, `__…__`), quote marks (`> `), and HTML remnants
 * (`<p>`, `<br>`, `</p>`, `&nbsp;`). A reader skips them as separators, so
 * that `## 一、总体情况` and `**一、总体情况**` are headings like the plain line.
 */
import { isSpace } from '../text/fold';

/** Tags left by HTML-to-text tools; anything longer is someone's text. */
const TAG = /^<\/?(?:p|br|span|b|strong|div|font|u|em|i)\b[^<>]{0,80}>/i;
const ENTITY = /^&(?:nbsp|ensp|emsp|#160|#12288);/i;

/** Length of the tag or entity at `i`, or 0. */
function htmlAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c !== 60 /* < */ && c !== 38 /* & */) return 0;
  const head = text.slice(i, Math.min(end, i + 90));
  const m = (c === 60 ? TAG : ENTITY).exec(head);
  return m ? m[0].length : 0;
}

/** Where a line's words start after leading markup and spaces. */
export function markupPrefixEnd(text: string, start: number, end: number): number {
  let i = start;
  for (;;) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) return i;
    const c = text.charCodeAt(i);
    if (c === 35 /* # */) {
      // An ATX heading: one to six marks, then a space (or the words, as OCR writes it).
      let j = i;
      while (j < end && text.charCodeAt(j) === 35) j++;
      if (j - i > 6) return i;
      i = j;
      continue;
    }
    if (c === 42 /* * */ || c === 95 /* _ */) {
      // Bold or italic marks, not a list bullet followed by a space.
      let j = i;
      while (j < end && text.charCodeAt(j) === c) j++;
      if (j - i === 1 && j < end && isSpace(text.charCodeAt(j))) return i;
      i = j;
      continue;
    }
    if (c === 62 /* > */) {
      i++;
      continue;
    }
    const n = htmlAt(text, i, end);
    if (!n) return i;
    i += n;
  }
}

/** Where a line's words end before trailing markup and spaces. */
export function markupSuffixStart(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    if (e <= start) return e;
    const c = text.charCodeAt(e - 1);
    if (c === 35 || c === 42 || c === 95) {
      // Closing heading marks or bold.
      let j = e;
      while (j > start && text.charCodeAt(j - 1) === c) j--;
      e = j;
      continue;
    }
    if (c === 62 /* > */ || c === 59 /* ; */) {
      // A closing tag or an entity: find where it opens on this line.
      const open = text.lastIndexOf(c === 62 ? '<' : '&', e - 1);
      if (open < start || e - open > 90 || htmlAt(text, open, e) !== e - open) return e;
      e = open;
      continue;
    }
    return e;
  }
}

/** Is the whole span markup (an HTML remnant that stands for a blank)? */
export function isOnlyMarkup(text: string, start: number, end: number): boolean {
  return markupPrefixEnd(text, start, end) >= end;
}
