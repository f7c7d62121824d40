/**
 * The report's title and year, its statistics period, and the years its prose
 * speaks of.
 */
import { isSpace } from '../text/fold';
import { indexWithin, type Line, type Span } from '../text/lines';
import { FLAT_LINE } from './headings';

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
 * The title: a line before the first part naming 政府信息公开工作年度报告, its
 * year on the same line or on the line above (`重庆市大足区人民政府` / `2021年…`).
 */
export function findTitle(text: string, lines: Line[], beforeLine: number): Title | undefined {
  const limit = Math.min(beforeLine, 15, lines.length);
  for (let li = 0; li < limit; li++) {
    const line = lines[li];
    const length = line.end - line.start;
    if (!length) continue;
    // In prose the words are quoted, not a title: a title is a short line, or
    // stands at the beginning of a line of flat text.
    if (length > 80 && length <= FLAT_LINE) continue;
    const scanEnd = Math.min(line.end, line.start + 100);
    let at = -1;
    let word = '';
    for (const w of TITLE_WORDS) {
      const i = indexWithin(text, w, line.start, scanEnd);
      if (i >= 0) {
        at = i;
        word = w;
        break;
      }
    }
    if (at < 0) continue;
    const end = at + word.length;
    let start = line.start;
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
    if (above >= 0 && lines[above].end === lines[above].start) above--;
    const prev = length <= 80 && above >= 0 ? lines[above] : undefined;
    if (prev && prev.end > prev.start && prev.end - prev.start <= 40 && !/[。，；]/.test(prev.text)) {
      spanStart = prev.start;
      year ??= lastYearBefore(text, prev.start, prev.end);
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
