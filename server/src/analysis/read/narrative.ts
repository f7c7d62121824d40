/**
 * Figures the prose states about applications, reconsideration and lawsuits
 * (收到申请197件, 办结185件, 结转下年度12件, 行政复议7件…), so that they can
 * be compared with the tables. The prose is read clause by clause: a number
 * with a unit takes its meaning from the nearest keyword before it in its
 * clause, or from what follows it (72件申请顺延到下年度).
 */
import { isSpace } from '../text/fold';
import { indexWithin, type Span } from '../text/lines';

export type FigureKind =
  | 'received'
  | 'closed'
  | 'carriedIn'
  | 'carriedOver'
  | 'review'
  | 'litigation'
  | 'disclosed'
  | 'partial'
  | 'disclosedOrPartial'
  | 'withheld'
  | 'unable'
  | 'notProcessed'
  | 'otherwise';

export interface Figure {
  kind: FigureKind;
  value: number;
  /** The number in the text. */
  span: Span;
  /** The words that gave it its meaning. */
  keyword: string;
}

const KEYWORDS: [string, FigureKind][] = [
  ['收到', 'received'],
  ['受理', 'received'],
  ['接收', 'received'],
  ['接到', 'received'],
  ['新收', 'received'],
  ['办结', 'closed'],
  ['答复', 'closed'],
  ['处理', 'closed'],
  ['结转下年度', 'carriedOver'],
  ['结转到下年度', 'carriedOver'],
  ['结转至下年度', 'carriedOver'],
  ['转入下年度', 'carriedOver'],
  ['上年结转', 'carriedIn'],
  ['上年度结转', 'carriedIn'],
  ['上一年度结转', 'carriedIn'],
  ['转结上年度', 'carriedIn'],
  ['行政复议', 'review'],
  ['复议', 'review'],
  ['行政诉讼', 'litigation'],
  ['诉讼', 'litigation'],
  ['予以公开', 'disclosed'],
  ['部分公开', 'partial'],
  ['予以公开及部分公开', 'disclosedOrPartial'],
  ['予以公开和部分公开', 'disclosedOrPartial'],
  ['不予公开', 'withheld'],
  ['无法提供', 'unable'],
  ['不予处理', 'notProcessed'],
  ['其他处理', 'otherwise'],
];

/** Words after a figure that give it its meaning. */
const AFTER: [string, FigureKind][] = [
  ['顺延到下年度', 'carriedOver'],
  ['顺延至下年度', 'carriedOver'],
  ['结转下年度', 'carriedOver'],
  ['结转到下年度', 'carriedOver'],
  ['结转至下年度', 'carriedOver'],
  ['转入下年度', 'carriedOver'],
];

const UNITS = '件条次个';
const CLAUSE_ENDS = '。；;！!？?，,（(）)：:';
const SENTENCE_ENDS = '。；;！!？?';
/** Figures about applications must be in a sentence about applications. */
const NEEDS_APPLICATION: Set<FigureKind> = new Set(['received', 'closed']);

// As character codes: reading text[i] of a Chinese character makes a string each time.
const codes = (s: string) => new Set([...s].map((c) => c.charCodeAt(0)));
const CLAUSE_END = codes(CLAUSE_ENDS);
const SENTENCE_END = codes(SENTENCE_ENDS);
const UNIT_CODES = codes(UNITS);

/** The text without its spaces and line breaks (PDF text wraps sentences). */
function compact(s: string): string {
  return /[\s\u200b]/.test(s) ? s.replace(/[\s\u200b]/g, '') : s;
}

/** The clause before `at` (back to a clause end), at most `max` characters of it. */
function clauseBefore(text: string, at: number, floor: number, max: number, ends: Set<number>): string {
  let i = at;
  let kept = 0;
  while (i > floor && kept < max) {
    const c = text.charCodeAt(i - 1);
    if (ends.has(c)) break;
    if (!isSpace(c) && c !== 13 && c !== 10) kept++;
    i--;
  }
  return compact(text.slice(i, at));
}

/** The clause from `at` on, at most `max` characters of it. */
function clauseAfter(text: string, at: number, ceiling: number, max: number): string {
  let i = at;
  let kept = 0;
  while (i < ceiling && kept < max) {
    const c = text.charCodeAt(i);
    if (CLAUSE_END.has(c)) break;
    if (!isSpace(c) && c !== 13 && c !== 10) kept++;
    i++;
  }
  return compact(text.slice(at, i));
}

function hasOtherYear(s: string, year: number | undefined): boolean {
  if (year === undefined) return false;
  const re = /(?:19|20)\d{2}年/g;
  for (let m = re.exec(s); m; m = re.exec(s)) if (Number(m[0].slice(0, 4)) !== year) return true;
  return false;
}

/** Keywords by their first character, for scanning a clause from its end. */
const BY_FIRST = new Map<string, [string, FigureKind][]>();
for (const entry of KEYWORDS) BY_FIRST.set(entry[0][0], [...(BY_FIRST.get(entry[0][0]) ?? []), entry]);
const LONGEST = Math.max(...KEYWORDS.map(([w]) => w.length));

/** The keyword nearest the end of `before`; the longer one wins a tie. */
function nearestKeyword(before: string): { kind: FigureKind; word: string; gap: number } | undefined {
  let best: { kind: FigureKind; word: string; end: number } | undefined;
  // From the end back, until no keyword starting further back could end later.
  for (let p = before.length - 1; p >= 0 && !(best && p < best.end - LONGEST); p--) {
    const candidates = BY_FIRST.get(before[p]);
    if (!candidates) continue;
    for (const [word, kind] of candidates) {
      if (!before.startsWith(word, p)) continue;
      const end = p + word.length;
      if (!best || end > best.end || (end === best.end && word.length > best.word.length)) best = { kind, word, end };
    }
  }
  if (!best) return undefined;
  const between = before.slice(best.end);
  // A keyword that already has a figure of its own is not this one's.
  if (/\d/.test(between) || between.length > 20) return undefined;
  return { kind: best.kind, word: best.word, gap: between.length };
}

/** Reads the figures in `text[start, end)`; `year` is the report's year. */
export function readFigures(text: string, start: number, end: number, year: number | undefined, out: Figure[]): void {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    const prev = text.charCodeAt(i - 1);
    let j = i;
    while (j < end && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const numberEnd = j;
    if (prev === 46 || (prev >= 48 && prev <= 57) || j - i > 9) {
      i = j;
      continue;
    }
    while (j < end && isSpace(text.charCodeAt(j))) j++;
    const unit = text.charCodeAt(j);
    const next = text.charCodeAt(j + 1);
    if (!UNIT_CODES.has(unit) || (unit === 0x4e2a /* 个 */ && next === 0x4eba /* 人 */) || (unit === 0x6b21 /* 次 */ && next === 0x6570 /* 数 */)) {
      i = numberEnd;
      continue;
    }
    const before = clauseBefore(text, i, start, 40, CLAUSE_END);
    const after = clauseAfter(text, j + 1, end, 20);
    const sentence = clauseBefore(text, i, start, 120, SENTENCE_END);
    let found: { kind: FigureKind; word: string } | undefined = nearestKeyword(before);
    for (const [word, kind] of AFTER) {
      if (after.includes(word)) {
        found = { kind, word };
        break;
      }
    }
    if (
      found &&
      !hasOtherYear(sentence, year) &&
      (!NEEDS_APPLICATION.has(found.kind) || sentence.includes('申请') || after.includes('申请'))
    ) {
      out.push({ kind: found.kind, value: Number(text.slice(i, numberEnd)), span: { start: i, end: numberEnd }, keyword: found.word });
    }
    i = numberEnd;
  }
  // 未收到政府信息公开申请: a figure of nought.
  for (let at = indexWithin(text, '未收到', start, end); at >= 0; at = indexWithin(text, '未收到', at + 3, end)) {
    const after = clauseAfter(text, at + 3, end, 16);
    if (after.includes('申请')) out.push({ kind: 'received', value: 0, span: { start: at, end: at + 3 }, keyword: '未收到' });
  }
}
