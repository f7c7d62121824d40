/**
 * Folding for comparing labels and headings as reviewers read them: full- and
 * half-width forms, bracket styles, list punctuation and spacing do not matter.
 */

/** Whitespace of every width, including the U+2002/U+3000 padding Word leaves. */
export function isSpace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f
  );
}

const PUNCT: Record<number, string> = {
  0xff08: '(', 0xff09: ')', 0x3014: '(', 0x3015: ')', 0x3010: '(', 0x3011: ')', 0x5b: '(', 0x5d: ')',
  0x3001: '.', 0xff0e: '.', 0x2e: '.', 0xff0c: ',', 0xff1a: ':', 0xff1b: ';',
  0x201c: '"', 0x201d: '"', 0x300c: '"', 0x300d: '"', 0x2018: "'", 0x2019: "'",
  0x2014: '-', 0x2013: '-', 0xff0d: '-', 0x2015: '-',
};

/**
 * What each UTF-16 unit folds to: 0 for itself (most units: a zeroed table
 * costs nothing to make, where filling 65,536 entries cost every process and
 * every --jobs thread ~10 ms at start), another unit, or DROP for spaces and
 * line breaks. A table keeps folding to one lookup a unit.
 */
const DROP = 0xffff;
const FOLD = (() => {
  const table = new Uint16Array(0x10000);
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  // Capitals, half- and full-width, to small letters.
  for (let c = 65; c <= 90; c++) table[c] = c + 32;
  for (let c = 0xff21; c <= 0xff3a; c++) table[c] = c - 0xfee0 + 32;
  // (A unit PUNCT maps to itself, the full stop, stays 0.)
  for (const [c, p] of Object.entries(PUNCT)) table[Number(c)] = p.charCodeAt(0) === Number(c) ? 0 : p.charCodeAt(0);
  for (const c of [32, 9, 10, 13, 0xa0, 0x3000, 0xfeff, 0x202f, 0x205f]) table[c] = DROP;
  for (let c = 0x2000; c <= 0x200b; c++) table[c] = DROP;
  return table;
})();

/** One buffer for every call: folding runs for many short labels per report. */
let buffer = new Uint16Array(256);

/** Folds `text` for comparison: drops spaces, unifies widths and punctuation. */
export function fold(text: string): string {
  const n = text.length;
  let i = 0;
  // Most text needs no change up to some point (often to its end).
  while (i < n && FOLD[text.charCodeAt(i)] === 0) i++;
  if (i === n) return text;
  if (buffer.length < n) buffer = new Uint16Array(n);
  const out = buffer;
  let k = 0;
  for (let j = 0; j < i; j++) out[k++] = text.charCodeAt(j);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const f = FOLD[c];
    if (f === 0) out[k++] = c;
    else if (f !== DROP) out[k++] = f;
  }
  return k <= 4096 ? String.fromCharCode.apply(null, out.subarray(0, k) as unknown as number[]) : new TextDecoder('utf-16le').decode(out.subarray(0, k));
}

/** Is `c` a CJK ideograph (the characters labels are written in)? */
export function isIdeograph(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** Trims every kind of space from both ends; returns the kept span. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/**
 * Similarity of two folded strings in [0, 1]: the longest common subsequence
 * over the longer length. Labels are short; inputs are capped so the quadratic
 * cost stays bounded on hostile text.
 */
export function similarity(a: string, b: string): number {
  const cap = 120;
  if (a.length > cap) a = a.slice(0, cap);
  if (b.length > cap) b = b.slice(0, cap);
  if (!a.length || !b.length) return 0;
  let prev = new Uint8Array(b.length + 1);
  let cur = new Uint8Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] / Math.max(a.length, b.length);
}
