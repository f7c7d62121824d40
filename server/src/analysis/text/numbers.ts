/**
 * Reading one table cell as a number, the way a reviewer would: padding is
 * ignored, a remark in brackets after the number is kept apart, and the
 * look-alikes people type (letter O, full-width digits, thousands separators)
 * are recognised so that they can be reported and fixed.
 */
import { isSpace } from './fold';
import type { Span } from './lines';

/** What a column holds: whole counts, money amounts, or a signed change. */
export type ValueKind = 'count' | 'amount' | 'signed';

export type CellState =
  /** A plain number of the column's kind. */
  | 'number'
  /** Blank, or a placeholder such as `/` or `—`: read as 0 for the sums. */
  | 'empty'
  /** A number written with look-alike characters; `value` holds what it means. */
  | 'lookalike'
  /** Not a number of the column's kind (十, -3 or 1.5 in a count, text). */
  | 'invalid';

export interface CellValue {
  state: CellState;
  /** The number, when the state is `number` or `lookalike`. */
  value: number | null;
  /** Whether the value may take part in a sum. */
  certain: boolean;
  /** The number itself inside the cell (or the whole trimmed cell). */
  span: Span;
  /** The plain-digit spelling of a look-alike, for the fix. */
  normalized?: string;
  /** Why a cell is a look-alike or invalid, for the message. */
  reason?: 'letter-o' | 'full-width' | 'separator' | 'negative' | 'decimal' | 'chinese-numeral' | 'text';
}

const PLACEHOLDERS = new Set(['/', '／', '—', '——', '-', '－', '–', '无']);
const CHINESE_NUMERALS = /^[零〇一二三四五六七八九十百千万两]+$/;

/** Reads `text.slice(start, end)` as a cell of the given kind. */
export function readCell(text: string, start: number, end: number, kind: ValueKind): CellValue {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  // Most cells are plain digits: read them without the general path (and
  // without a string; twelve digits stay exact in a double).
  let plain = end > start && end - start <= 12;
  let plainValue = 0;
  for (let k = start; plain && k < end; k++) {
    const c = text.charCodeAt(k);
    plain = c >= 48 && c <= 57;
    plainValue = plainValue * 10 + c - 48;
  }
  if (plain) return { state: 'number', value: plainValue, certain: true, span: { start, end } };
  const raw = text.slice(start, end);
  if (raw.length === 0 || PLACEHOLDERS.has(raw)) {
    return { state: 'empty', value: 0, certain: true, span: { start, end } };
  }
  // The number is the leading run of number-like characters; a remark in
  // brackets or a unit may follow (`211184（含…）`, `251000元`).
  let i = 0;
  let normalized = '';
  let reason: CellValue['reason'];
  for (; i < raw.length; i++) {
    const ch = raw[i];
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) normalized += ch;
    else if (c >= 0xff10 && c <= 0xff19) { normalized += String.fromCharCode(c - 0xfee0); reason ??= 'full-width'; }
    else if ((ch === 'O' || ch === 'o' || ch === 'Ｏ' || ch === '〇') && !/[A-Za-z]/.test(raw[i + 1] ?? '')) { normalized += '0'; reason = 'letter-o'; }
    else if (ch === '.' || ch === '．') normalized += '.';
    else if ((ch === ',' || ch === '，') && i > 0 && /^[0-9０-９]{3}(?![0-9０-９])/.test(raw.slice(i + 1, i + 5))) { reason ??= 'separator'; }
    else if ((ch === '-' || ch === '－' || ch === '−') && i === 0) normalized += '-';
    else break;
  }
  const numberEnd = start + i;
  const rest = raw.slice(i);
  const restOk = rest.length === 0 || /^\s*[（(【\[]/.test(rest) || /^\s*(万元|元|件|条|个|次|项|万)\s*$/.test(rest) || /^\s*(万元|元)?\s*[（(]/.test(rest);
  const digits = normalized.replace(/[-.]/g, '');
  if (!digits.length || !restOk || !/^-?\d+(\.\d+)?$/.test(normalized)) {
    if (CHINESE_NUMERALS.test(raw)) {
      return { state: 'invalid', value: null, certain: false, span: { start, end }, reason: 'chinese-numeral' };
    }
    return { state: 'invalid', value: null, certain: false, span: { start, end }, reason: 'text' };
  }
  const value = Number(normalized);
  const span = { start, end: numberEnd };
  if (value < 0 && kind !== 'signed') {
    return { state: 'invalid', value, certain: false, span, reason: 'negative' };
  }
  if (!Number.isInteger(value) && kind !== 'amount') {
    return { state: 'invalid', value, certain: false, span, reason: 'decimal' };
  }
  if (reason) {
    // A letter O may have been meant as something else: it is reported, and
    // kept out of the sums until it is fixed.
    return { state: 'lookalike', value, certain: reason !== 'letter-o', span, normalized, reason };
  }
  return { state: 'number', value, certain: true, span };
}

/**
 * Does the cell text look like a value rather than a label? `chineseNumerals`
 * admits 十, 三… as (invalid) values where they cannot be parts of labels.
 */
export function looksLikeValue(raw: string, chineseNumerals = true): boolean {
  return looksLikeValueAt(raw, 0, raw.length, chineseNumerals);
}

/** Placeholders are at most this long: a longer cell is tested without a string. */
const PLACEHOLDER_LENGTH = Math.max(...[...PLACEHOLDERS].map((p) => p.length));
const CHINESE_NUMERAL_CODES = new Set([...'零〇一二三四五六七八九十百千万两'].map((c) => c.charCodeAt(0)));

/** `looksLikeValue` of `text[start, end)`, read in place (asked of every cell of a table). */
export function looksLikeValueAt(text: string, start: number, end: number, chineseNumerals = true): boolean {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) return true;
  const n = e - s;
  if (n <= PLACEHOLDER_LENGTH && PLACEHOLDERS.has(text.slice(s, e))) return true;
  const c = text.charCodeAt(s);
  if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) {
    // `1.属于国家秘密`, `4. 保护第三方…`, `10、…` are labels that start with an item number.
    let k = s + 1;
    if (k < e && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    const sep = k < e ? text.charCodeAt(k) : NaN;
    if (sep !== 46 && sep !== 0x3001 && sep !== 0xff0e) return true;
    k++;
    while (k < e && isSpace(text.charCodeAt(k))) k++;
    return !(k < e && text.charCodeAt(k) > 0x2e80);
  }
  if (n === 1 && (c === 79 || c === 111 || c === 0xff2f || c === 0x3007)) return true; // O o Ｏ 〇
  if (c === 45 || c === 0xff0d) {
    for (let k = s; k < e; k++) if (text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) return true;
  }
  if (!chineseNumerals || n > 3) return false;
  for (let k = s; k < e; k++) if (!CHINESE_NUMERAL_CODES.has(text.charCodeAt(k))) return false;
  return true;
}
