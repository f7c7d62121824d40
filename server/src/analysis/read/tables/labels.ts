/**
 * Matching a row's label to the standard rows, after folding width, brackets
 * and spaces.
 */
import { allRows, cellKey, type BlockDef, type CellRef, type RowDef, type TableDef } from '../../schema/tables';
import { fold, isSpace, similarity } from '../../text/fold';

export interface IndexedRow {
  index: number;
  block: BlockDef;
  row: RowDef;
  /** Folded label and aliases. */
  keys: string[];
  /** The keys without their item numbers (`属于国家秘密`). */
  bare: string[];
  /** Folded groups and label together, as a PDF line may show any piece of it. */
  full: string;
  /** The row's cells by column, with their keys (made once, shared by every report). */
  cells: { ref: CellRef; key: string }[];
}

export interface LabelIndex {
  rows: IndexedRow[];
  exact: Map<string, number>;
  /** Folded group labels (`(三)不予公开`), each with the rows under it as their innermost group. */
  groups: Map<string, IndexedRow[]>;
}

const cache = new WeakMap<TableDef, LabelIndex>();

/** Numerals an item or group number is written in. */
const NUMERALS = '一二三四五六七八九十';

/**
 * `1.属于国家秘密` → `属于国家秘密`: reports renumber or drop item numbers, and
 * write them in any form (`1.` `1、` `1)` `(1)` `(一)` `一、`, folded).
 */
function withoutItemNumber(folded: string): string {
  const open = folded.charCodeAt(0) === 40; // (
  let i = open ? 1 : 0;
  const start = i;
  while (i < folded.length && ((folded.charCodeAt(i) >= 48 && folded.charCodeAt(i) <= 57) || NUMERALS.includes(folded[i]))) i++;
  if (i === start || i - start > 3) return folded;
  const close = folded[i];
  if (open) return close === ')' ? folded.slice(i + 1) : folded;
  return close === '.' || close === ',' || close === ')' ? folded.slice(i + 1) : folded;
}

export function labelIndex(def: TableDef): LabelIndex {
  let index = cache.get(def);
  if (index) return index;
  const exact = new Map<string, number>();
  const rows = allRows(def).map(({ block, row }, i) => {
    const keys = [row.label, ...(row.aliases ?? [])].filter(Boolean).map(fold);
    for (const k of keys) {
      exact.set(k, i);
      const bare = withoutItemNumber(k);
      if (bare !== k && bare.length >= 4) exact.set(bare, i);
    }
    const cells = block.columns.map((c) => {
      const ref = { row: row.id, col: c.id };
      return { ref, key: cellKey(ref) };
    });
    return { index: i, block, row, keys, bare: keys.map(withoutItemNumber), full: fold([...(row.groups ?? []), row.label].join('')), cells };
  });
  const groups = new Map<string, IndexedRow[]>();
  for (const r of rows) {
    const inner = r.row.groups?.[r.row.groups.length - 1];
    if (!inner || !r.row.label) continue;
    const key = fold(inner);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  index = { rows, exact, groups };
  cache.set(def, index);
  return index;
}

/**
 * Where a PDF line's label begins after the single characters of a vertical
 * label printed beside it (`三 2.其他…`, `本 3.危及…`).
 */
export function verticalPrefixEnd(label: string): number {
  let i = 0;
  for (;;) {
    let j = i;
    while (j < label.length && !isSpace(label.charCodeAt(j))) j++;
    let k = j;
    while (k < label.length && isSpace(label.charCodeAt(k))) k++;
    // A token of one character followed by more text is a vertical label's.
    if (j - i !== 1 || k >= label.length) return i;
    i = k;
  }
}

/** A label with its item number in another form, or none. */
function numbered(index: LabelIndex, folded: string): number | undefined {
  const bare = withoutItemNumber(folded);
  if (bare === folded) return undefined;
  // A short item (`3.其他`) is known only with its number, in the standard form.
  const digits = /\d{1,2}/.exec(folded.slice(0, folded.length - bare.length));
  return index.exact.get(bare) ?? (digits ? index.exact.get(`${digits[0]}.${bare}`) : undefined);
}

/**
 * The standard row a label names for certain: equal after folding, or ending
 * with the standard label (`（四）无法提供1.本机关不掌握…`).
 */
export function matchLabel(index: LabelIndex, label: string): number {
  const folded = fold(label);
  if (!folded) return -1;
  const hit = index.exact.get(folded) ?? numbered(index, folded);
  if (hit !== undefined) return hit;
  let best = -1;
  let bestLength = 0;
  for (const r of index.rows) {
    for (const k of r.keys) {
      if (k.length >= 4 && k.length > bestLength && folded.endsWith(k)) {
        best = r.index;
        bestLength = k.length;
      }
    }
  }
  return best;
}

/**
 * A label whose long explanatory tail is missing (`1.申请人无正当理由逾期不补正`
 * for `…逾期不补正、行政机关不再处理其政府信息公开申请`): the beginning of exactly
 * one standard label, long enough to say which.
 */
export function matchTruncated(index: LabelIndex, label: string): number {
  const folded = fold(label);
  const bare = withoutItemNumber(folded);
  if (bare.length < 6) return -1;
  let found = -1;
  for (const r of index.rows) {
    if (!r.keys.some((k) => k.startsWith(folded)) && !r.bare.some((k) => k.startsWith(bare))) continue;
    if (found >= 0 && found !== r.index) return -1; // the beginning of two labels: not certain
    found = r.index;
  }
  return found;
}

export type LabelFit = 'same' | 'fragment' | 'variant' | 'other';

/** How a label that did not match for certain relates to the row placed there. */
export function labelFit(row: IndexedRow, label: string, fragmentsAllowed: boolean): LabelFit {
  const folded = fold(label);
  if (row.keys.includes(folded)) return 'same';
  if (fragmentsAllowed && folded.length >= 2 && (row.full.includes(folded) || folded.includes(row.keys[0] ?? '\u0000'))) return 'fragment';
  const target = row.keys[0] ?? '';
  const score = Math.max(similarity(folded, target), similarity(withoutItemNumber(folded), withoutItemNumber(target)));
  return score >= 0.6 ? 'variant' : 'other';
}

/** The folded group a label names (`### (三) 不予公开`, `（六）其他处理`), if it names one. */
export function groupOf(index: LabelIndex, label: string): string | undefined {
  let i = 0;
  // A Markdown heading's marks are not part of the group's name.
  while (label.charCodeAt(i) === 35 /* # */) i++;
  const folded = fold(i ? label.slice(i) : label);
  return index.groups.has(folded) ? folded : undefined;
}

/**
 * An item whose label is certain only within its group (`其他` under
 * `（六）其他处理`, `（2）重复申请` renumbered): the one row of the group with the
 * same words, or whose words it begins, after the item numbers.
 */
export function matchInGroup(index: LabelIndex, group: string, label: string): number {
  const rows = index.groups.get(group);
  const bare = withoutItemNumber(fold(label));
  if (!rows || bare.length < 2) return -1;
  const same = rows.filter((r) => r.bare.includes(bare));
  if (same.length === 1) return same[0].index;
  if (same.length > 1 || bare.length < 4) return -1;
  const begun = rows.filter((r) => r.bare.some((k) => k.startsWith(bare)));
  return begun.length === 1 ? begun[0].index : -1;
}
