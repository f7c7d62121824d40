/**
 * The report's title and year, its statistics period, and the years its prose
 * speaks of.
 */
import { isSpace } from '../text/fold';
import { indexWithin, type Line, type LineIndex, type Span } from '../text/lines';
import { FLAT_LINE } from './headings';
import { markupPrefixEnd, markupSuffixStart } from './markup';

export interface Title {
  span: Span;
  text: string;
  year?: number;
  yearSpan?: Span;
}

export interface Period {
  span: Span;
  year: number;
  yearSpan: Span;
  endYear?: number;
}

export interface YearMention {
  year: number;
  span: Span;
}

const TITLE_WORDS = ['政府信息公开工作年度报告', '政府信息公开年度报告', '政务公开工作年度报告'];

/** A 4-digit year followed by 年 at `i` (spaces allowed between): its end, or -1. */
function yearAt(text: string, i: number, limit: number): number {
  for (let k = 0; k < 4; k++) {
    const c = text.charCodeAt(i + k);
    if (!(c >= 48 && c <= 57)) return -1;
  }
  const before = text.charCodeAt(i - 1);
  if (before >= 48 && before <= 57) return -1;
  let j = i + 4;
  while (j < limit && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 0x3000)) j++;
  return text.charCodeAt(j) === 0x5e74 /* 年 */ ? i + 4 : -1;
}

/** The years (YYYY年) in `text[start, end)`, in order. */
export function yearsIn(text: string, start: number, end: number, out: YearMention[] = []): YearMention[] {
  for (let i = start; i + 4 < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 49 && c !== 50) continue; // 19xx or 20xx
    const e = yearAt(text, i, end);
    if (e < 0) continue;
    const year = Number(text.slice(i, e));
    if (year >= 1990 && year <= 2100) out.push({ year, span: { start: i, end: e } });
    i = e;
  }
  return out;
}

function lastYearBefore(text: string, start: number, end: number): YearMention | undefined {
  const ys = yearsIn(text, start, end);
  return ys[ys.length - 1];
}

/**
 * Is the title's wording at [at, end) a quotation in prose: inside 《…》, or
 * the name of the format (《…年度报告格式》)?
 */
function quoted(text: string, lineStart: number, at: number, end: number): boolean {
  if (text.startsWith('格式', end)) return true;
  const open = text.lastIndexOf('《', at);
  return open >= lineStart && text.lastIndexOf('》', at) < open;
}

/**
 * When the title's wording runs across the ends of line `li` and the one or
 * two short lines after it, where the wording ends; otherwise -1.
 */
function wrappedTitleEnd(text: string, lines: LineIndex, li: number): number {
  const parts: Line[] = [lines.line(li)];
  for (let k = li + 1; k < lines.count && parts.length < 3; k++) {
    const l = lines.line(k);
    // Converters' Markdown leaves a blank line between the pieces.
    if (l.end === l.start && k === parts[parts.length - 1].index + 1) continue;
    if (l.end === l.start || l.end - l.start > 60 || /[。，；]/.test(l.text)) break;
    parts.push(l);
  }
  if (parts.length < 2) return -1;
  // Each line's words without markup (`**…**`, `#`), as [start, end) in the text.
  const words = parts.map((l) => {
    const s = markupPrefixEnd(text, l.start, l.end);
    return { start: s, end: markupSuffixStart(text, s, l.end) };
  });
  const joined = words.map((w) => text.slice(w.start, w.end)).join('');
  for (const w of TITLE_WORDS) {
    const i = joined.indexOf(w);
    if (i < 0 || joined.startsWith('格式', i + w.length)) continue;
    // Map the wording's end back to the text: the line where it ends.
    let offset = i + w.length;
    for (let k = 0; k < words.length; k++) {
      const length = words[k].end - words[k].start;
      if (offset <= length) return k === 0 ? -1 : words[k].start + offset; // within the first line: not wrapped
      offset -= length;
    }
  }
  return -1;
}

/**
 * The title: a line before the first part naming 政府信息公开工作年度报告, its
 * year on the same line or on the line above (`重庆市大足区人民政府` / `2021年…`).
 */
export function findTitle(text: string, lines: LineIndex, beforeLine: number): Title | undefined {
  const limit = Math.min(beforeLine, 15, lines.count);
  for (let li = 0; li < limit; li++) {
    const length = lines.ends[li] - lines.starts[li];
    if (!length) continue;
    const line = lines.line(li);
    // In prose the words are quoted, not a title: a title is a short line, or
    // stands at the beginning of a line of flat text.
    if (length > 80 && length <= FLAT_LINE) continue;
    const scanEnd = Math.min(line.end, line.start + 100);
    let at = -1;
    let word = '';
    for (const w of TITLE_WORDS) {
      const i = indexWithin(text, w, line.start, scanEnd);
      if (i >= 0 && !quoted(text, line.start, i, i + w.length)) {
        at = i;
        word = w;
        break;
      }
    }
    let end = at + word.length;
    if (at < 0) {
      // A title wrapped over two or three short lines (…2023年政府信息 / 公开工作年度报告).
      const wrapped = length <= 60 ? wrappedTitleEnd(text, lines, li) : -1;
      if (wrapped < 0) continue;
      at = line.start;
      end = wrapped;
    }
    let start = markupPrefixEnd(text, line.start, line.end);
    if (length > 80) {
      // In flat text the title follows the page's own words (当前位置：首页…).
      start = Math.max(line.start, at - 40);
      for (let k = at - 1; k > start; k--) {
        if (isSpace(text.charCodeAt(k)) || '：:。>'.includes(text[k])) {
          start = k + 1;
          break;
        }
      }
    }
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    let year = lastYearBefore(text, start, end);
    let spanStart = start;
    // The body's name often stands on its own line above (重庆市大足区人民政府),
    // sometimes with the year; a blank line may come between.
    let above = li - 1;
    if (above >= 0 && lines.ends[above] === lines.starts[above]) above--;
    const prev = length <= 80 && above >= 0 ? lines.line(above) : undefined;
    if (prev && prev.end > prev.start && prev.end - prev.start <= 40 && !/[。，；]/.test(prev.text)) {
      spanStart = prev.start;
      year ??= lastYearBefore(text, prev.start, prev.end);
    }
    // Or the year on a short line of its own below (（2025年度）).
    const below = length <= 80 && !year && li + 1 < lines.count ? lines.line(li + 1) : undefined;
    if (below && below.start > end && below.end - below.start <= 12) {
      year = lastYearBefore(text, below.start, below.end);
      if (year) end = year.span.end;
    }
    return { span: { start: spanStart, end }, text: text.slice(spanStart, end), year: year?.year, yearSpan: year?.span };
  }
  return undefined;
}

/** 统计期限自2021年1月1日起至2021年12月31日止 (or 统计时限…), across line breaks. */
export function findPeriod(text: string, searchEnd: number): Period | undefined {
  let at = text.indexOf('统计期限');
  if (at < 0) at = text.indexOf('统计时限');
  if (at < 0 || at > searchEnd) return undefined;
  const windowEnd = Math.min(text.length, at + 60);
  const years = yearsIn(text, at, windowEnd);
  if (!years.length) return undefined;
  const first = years[0];
  let end = first.span.end;
  let endYear: number | undefined;
  const until = indexWithin(text, '至', first.span.end, windowEnd);
  const untilAlt = indexWithin(text, '到', first.span.end, windowEnd);
  const sep = [until, untilAlt].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (sep !== undefined) {
    const second = years.find((y) => y.span.start > sep && y.span.start - sep < 6);
    endYear = second ? second.year : first.year;
    let close = indexWithin(text, '日', sep, windowEnd);
    if (close < 0) close = sep;
    end = close + 1;
  }
  return { span: { start: at, end }, year: first.year, yearSpan: first.span, endYear };
}
