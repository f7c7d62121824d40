/**
 * Finding the six parts' headings. A heading starts its line, possibly after
 * converter junk; in flat text (a web page's text on one line) headings stand
 * inside the line and only wordings close to the format's are taken.
 */
import { NUMERALS, PARTS, type PartDef } from '../schema/parts';
import { fold, isIdeograph, isSpace, similarity } from '../text/fold';
import type { Span } from '../text/lines';
import { junkPrefixEnd } from './artifacts';
import { markupPrefixEnd, markupSuffixStart } from './markup';

export type Wording = 'standard' | 'variant' | 'other';

export interface PartHeading {
  part: PartDef;
  /** The heading's text, from its numeral (junk excluded). */
  span: Span;
  text: string;
  line: number;
  /** The numeral as written (a digit for a converter's list number), or null when the heading has none. */
  numeral: string | null;
  wording: Wording;
  /** Found inside a longer line of flat text. */
  inline: boolean;
}

export interface SubHeading {
  /** 1-based number of the sub-part of part 一. */
  index: number;
  span: Span;
  text: string;
  line: number;
  /** Numbered like a part (`三、主动公开工作情况` inside part 一): the numeral and its separator. */
  misnumbered?: Span;
}

/** Lines that look like headings but are rows of the application table. */
const TABLE_ROW_STARTS = ['本年新收', '上年结转', '本年度办理结果', '本年度办', '结转下年度'];

/** A line longer than this is flat text: headings and tables inside it. */
export const FLAT_LINE = 300;


interface Candidate {
  part: PartDef;
  wording: Wording;
  /** Length in folded characters of the matched heading text. */
  foldedLength: number;
}

// Character codes for the checks made on every line (text[i] makes a string each time).
const WORDING_FIRST = new Set(PARTS.flatMap((p) => [p.title, ...p.variants]).map((w) => w.charCodeAt(0)));
const NUMERAL_CODES = new Set([...NUMERALS].map((c) => c.charCodeAt(0)));
/** What may follow a heading's numeral: 、 or . of either width, and the like. */
const SEPARATOR_CODES = new Set([...'、.．，, 　:：'].map((c) => c.charCodeAt(0)));

const foldedWordings = PARTS.map((part) => ({
  part,
  standard: fold(part.title),
  variants: part.variants.map(fold),
}));

/** Matches the text after a numeral against the parts' wordings. */
function matchWording(folded: string, loose: boolean): Candidate | undefined {
  for (const w of foldedWordings) {
    if (folded.startsWith(w.standard)) return { part: w.part, wording: 'standard', foldedLength: w.standard.length };
  }
  for (const w of foldedWordings) {
    for (const v of w.variants) {
      if (folded.startsWith(v)) return { part: w.part, wording: 'variant', foldedLength: v.length };
    }
  }
  // A wording close to one of the format's (a typo, a word added or dropped),
  // tried only against the parts whose keywords the text carries.
  const head = folded.slice(0, 40);
  let best: Candidate | undefined;
  let bestScore = 0.75;
  for (const w of foldedWordings) {
    if (!w.part.keywords.some((k) => head.includes(k))) continue;
    for (const target of [w.standard, ...w.variants]) {
      for (let len = target.length - 2; len <= target.length + 2; len++) {
        if (len <= 1 || len > folded.length) continue;
        const score = similarity(folded.slice(0, len), target);
        if (score > bestScore) {
          bestScore = score;
          best = { part: w.part, wording: 'other', foldedLength: len };
        }
      }
    }
  }
  if (best) return best;
  if (!loose) return undefined;
  // A short line with a numeral and a part's keyword: a heading worded its own way.
  for (const part of PARTS) {
    if (part.keywords.some((k) => folded.includes(k))) {
      return { part, wording: 'other', foldedLength: folded.length };
    }
  }
  return undefined;
}

/** The raw end offset after `foldedLength` folded characters from `start`. */
function rawEnd(text: string, start: number, limit: number, foldedLength: number): number {
  let i = start;
  let n = 0;
  while (i < limit && n < foldedLength) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) n++;
    i++;
  }
  return i;
}

/**
 * Does `text` hold one of `prefixes` at `at`? A loop, not `some` with an arrow:
 * an arrow that captures a caller's variables makes the caller allocate a
 * context on every call, and the heading checks are made for every line.
 */
function startsWithAny(text: string, prefixes: readonly string[], at: number): boolean {
  for (let i = 0; i < prefixes.length; i++) if (text.startsWith(prefixes[i], at)) return true;
  return false;
}

function isTableRow(folded: string): boolean {
  return TABLE_ROW_STARTS.some((s) => folded.startsWith(s));
}

/** Does the line end with a number (a table row copied from a PDF)? */
function endsWithNumber(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  if (e === start) return false;
  const c = text.charCodeAt(e - 1);
  return c >= 48 && c <= 57;
}

/** The part heading that starts line `lineNo`, [from, to) in the text, if any. */
export function headingAtLineStart(text: string, from: number, to: number, lineNo: number): PartHeading | undefined {
  const first = text.charCodeAt(from);
  if (first === 9 || first === 124 || first === 0x2502) return undefined; // a table cell or pipe row
  // Converter junk, then Markdown or HTML markup (`## `, `**`, `<p>`).
  const start = markupPrefixEnd(text, junkPrefixEnd(text, from, to), to);
  if (start >= to) return undefined;
  const lineEnd = markupSuffixStart(text, start, to);
  const c = text.charCodeAt(start);
  let numeral: string | null = null;
  let restStart = start;
  const listed = listNumberEnd(text, start, lineEnd);
  if (listed) return listedHeading(text, lineNo, start, listed, lineEnd);
  if (NUMERAL_CODES.has(c) && SEPARATOR_CODES.has(text.charCodeAt(start + 1))) {
    numeral = text[start];
    restStart = start + 2;
    while (restStart < lineEnd && isSpace(text.charCodeAt(restStart))) restStart++;
    if (startsWithAny(text, TABLE_ROW_STARTS, restStart)) return undefined;
  } else if (lineEnd - start > 40 || !WORDING_FIRST.has(c)) {
    // Without a numeral, only a short line that begins like a part's wording.
    return undefined;
  }
  if (endsWithNumber(text, from, to)) return undefined;
  const rest = text.slice(restStart, Math.min(lineEnd, restStart + 80));
  const folded = fold(rest);
  if (!folded) return undefined;
  let candidate: Candidate | undefined;
  if (numeral) {
    candidate = matchWording(folded, folded.length <= 30 && !folded.includes('。'));
  } else {
    // Without a numeral, only a line that is exactly a part's heading.
    const m = matchWording(folded, false);
    if (m && m.wording !== 'other' && m.foldedLength === folded.length) candidate = m;
  }
  if (!candidate) return undefined;
  const end = candidate.foldedLength >= folded.length ? trimEnd(text, lineEnd) : rawEnd(text, restStart, lineEnd, candidate.foldedLength);
  return {
    part: candidate.part,
    span: { start, end },
    text: text.slice(start, end),
    line: lineNo,
    numeral,
    wording: numeral === null && candidate.wording === 'standard' ? 'other' : candidate.wording,
    inline: false,
  };
}

/**
 * A line without a numeral that is, as a whole, close to a part's wording (a
 * typo: `政府信息公开行政法复议、行政诉讼情况`, as converters give a heading whose
 * number was Word's). Not certain alone: the reader takes it only where that
 * part has no heading and the parts around it stand in order.
 */
export function closeHeadingAt(text: string, from: number, to: number, lineNo: number): PartHeading | undefined {
  const first = text.charCodeAt(from);
  if (first === 9 || first === 124 || first === 0x2502) return undefined;
  const start = markupPrefixEnd(text, junkPrefixEnd(text, from, to), to);
  const lineEnd = markupSuffixStart(text, start, to);
  // Or after a list number of the part's own value (` 4. 政府信息公开行政法复议…`).
  const listed = listNumberEnd(text, start, lineEnd);
  const words = listed || start;
  if (lineEnd - words > 40 || lineEnd - words < 8 || NUMERAL_CODES.has(text.charCodeAt(words))) return undefined;
  const folded = fold(text.slice(words, lineEnd));
  if (folded.length < 8 || /[。，；：0-9]/.test(folded)) return undefined;
  const m = matchWording(folded, false);
  if (!m || m.wording !== 'other' || m.foldedLength !== folded.length) return undefined;
  if (listed && m.part.number !== text.charCodeAt(start) - 48) return undefined;
  const end = trimEnd(text, lineEnd);
  return { part: m.part, span: { start, end }, text: text.slice(start, end), line: lineNo, numeral: listed ? text[start] : null, wording: 'other', inline: false };
}

/**
 * Where the words start after an Arabic list number (`1. `, `2、`), the way
 * converters write auto-numbered headings (LibreOffice's HTML as an ordered
 * list, then `w3m -dump`; pandoc's lists), or 0 when the line has none.
 */
function listNumberEnd(text: string, start: number, lineEnd: number): number {
  const d = text.charCodeAt(start);
  if (d < 49 || d > 54) return 0; // 1 to 6
  const sep = text.charCodeAt(start + 1);
  if (sep !== 46 && sep !== 0xff0e && sep !== 0x3001 && sep !== 41 && sep !== 0xff09) return 0; // . ． 、 ) ）
  let i = start + 2;
  while (i < lineEnd && isSpace(text.charCodeAt(i))) i++;
  return i < lineEnd ? i : 0;
}

/**
 * A line that is a list number and exactly a part's wording (standard or a
 * known variant) whose number is the list number's: that part's heading. Any
 * other listed line (table items `1.属于国家秘密`, numbered prose) is not.
 */
function listedHeading(text: string, lineNo: number, start: number, restStart: number, lineEnd: number): PartHeading | undefined {
  const folded = fold(text.slice(restStart, Math.min(lineEnd, restStart + 60)));
  const m = folded ? matchWording(folded, false) : undefined;
  if (!m || m.wording === 'other' || m.foldedLength !== folded.length) return undefined;
  if (m.part.number !== text.charCodeAt(start) - 48) return undefined;
  const end = trimEnd(text, lineEnd);
  return { part: m.part, span: { start, end }, text: text.slice(start, end), line: lineNo, numeral: text[start], wording: m.wording, inline: false };
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Headings standing inside a line of flat text. */
export function inlineHeadings(text: string, from: number, to: number, lineNo: number): PartHeading[] {
  const found: PartHeading[] = [];
  for (let i = from + 1; i < to - 1; i++) {
    if (text.charCodeAt(i) !== 0x3001) continue; // 、
    const numeral = text[i - 1];
    if (!NUMERALS.includes(numeral)) continue;
    const window = text.slice(i + 1, Math.min(to, i + 50));
    const folded = fold(window);
    if (isTableRow(folded)) continue;
    const candidate = matchWording(folded, false);
    if (!candidate) continue;
    // After a word (统一、…) only the exact wording is a heading: flat text
    // glues a heading to the table before it (…432.52元三、收到和处理…).
    if (candidate.wording === 'other' && i - 2 >= from && isIdeograph(text.charCodeAt(i - 2))) continue;
    const start = i - 1;
    const end = rawEnd(text, i + 1, to, candidate.foldedLength);
    found.push({
      part: candidate.part,
      span: { start, end },
      text: text.slice(start, end),
      line: lineNo,
      numeral,
      wording: candidate.wording,
      inline: true,
    });
    i = end - 1;
  }
  return found;
}

/** Sub-part headings of part 一: （一）主动公开… or the bare words on a line. */
export function subHeadingAt(text: string, from: number, to: number, lineNo: number): SubHeading | undefined {
  const first = text.charCodeAt(from);
  if (first === 9 || first === 124 || first === 0x2502) return undefined;
  const start = markupPrefixEnd(text, junkPrefixEnd(text, from, to), to);
  const lineEnd = markupSuffixStart(text, start, to);
  const head = text.slice(start, Math.min(lineEnd, start + 40));
  const subparts = PARTS[0].subparts ?? [];
  const m = /^[（(]([一二三四五])[）)]/.exec(head);
  if (m) {
    const index = NUMERALS.indexOf(m[1]) + 1;
    // The sub-heading runs to the first full stop or the end of the line.
    let end = start + m[0].length;
    const limit = Math.min(lineEnd, start + 40);
    while (end < limit && !'。.；;：:'.includes(text[end])) end++;
    return { index, span: { start, end: trimEnd(text, end) }, text: text.slice(start, trimEnd(text, end)), line: lineNo };
  }
  const folded = fold(head);
  if (folded.length > 12 || lineEnd - start > 20) return undefined;
  const index = subpartNamed(folded, subparts);
  if (index < 0) return undefined;
  const end = trimEnd(text, lineEnd);
  return { index: index + 1, span: { start, end }, text: text.slice(start, end), line: lineNo };
}

/**
 * Sub-headings of part 一 that the report numbered like parts (`三、主动公开工作
 * 情况`), taken out of `parts`: a heading inside part 一, worded its own way,
 * naming one of part 一's sub-parts, while the part it would be has its own
 * heading later. Without that later heading it stays a part, so that no part
 * goes missing.
 */
export function misnumberedSubheadings(text: string, parts: PartHeading[]): SubHeading[] {
  const found: SubHeading[] = [];
  const subparts = PARTS[0].subparts ?? [];
  let inPartOne = false;
  for (let i = 0; i < parts.length; i++) {
    const h = parts[i];
    const candidate = inPartOne && h.part.number !== 1 && h.wording === 'other' && !!h.numeral && !h.inline;
    const index = candidate ? subpartNamed(fold(text.slice(h.span.start + 2, h.span.end)), subparts) : -1;
    if (index >= 0 && parts.slice(i + 1).some((p) => p.part === h.part && p.wording !== 'other')) {
      found.push({ index: index + 1, span: h.span, text: h.text, line: h.line, misnumbered: { start: h.span.start, end: h.span.start + 2 } });
      parts.splice(i, 1);
      i--;
      continue;
    }
    inPartOne = h.part.number === 1;
  }
  return found;
}

/** Which of part 一's sub-parts folded words name at their start, or -1. */
function subpartNamed(words: string, subparts: { keywords: string[] }[]): number {
  return subparts.findIndex((s) => s.keywords.some((k) => words.startsWith(k) || words.startsWith(`政府${k}`)));
}
