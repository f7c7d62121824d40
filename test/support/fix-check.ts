/**
 * What every quick fix must do, checked on a text: change only the text it
 * names, make its finding disappear, and (if safe) bring no new finding.
 */
import { analyze, applyEdits, type Finding, type Fix, type TextEdit } from '../../server/src/analysis';

/** A finding is its rule and its place (its wording may change, e.g. once a blank is filled). */
const key = (f: Finding) => `${f.code}@${f.span.start}`;

/** A finding's key, its position moved back over the edits so that it compares with the text before. */
function keyBefore(f: Finding, edits: TextEdit[]): string {
  let start = f.span.start;
  let shift = 0;
  for (const e of edits) {
    const delta = e.newText.length - (e.span.end - e.span.start);
    if (f.span.start >= e.span.start + shift + Math.max(0, delta)) start -= delta;
    shift += delta;
  }
  return `${f.code}@${start}`;
}

/** Problems with one fix of one finding; empty when it behaves. */
export function fixProblems(text: string, before: Finding[], finding: Finding, fix: Fix): string[] {
  const problems: string[] = [];
  const after = applyEdits(text, fix.edits);
  if (after === text) return [`"${fix.title.zh}" changes nothing`];
  // Only the named text changes: the text between the edits is as before.
  const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
  let from = 0;
  let at = 0;
  for (const e of [...edits, { span: { start: text.length, end: text.length }, newText: '' }]) {
    const kept = text.slice(from, e.span.start);
    if (after.slice(at, at + kept.length) !== kept || after.slice(at + kept.length, at + kept.length + e.newText.length) !== e.newText) {
      problems.push(`"${fix.title.zh}" changes text it does not name`);
      break;
    }
    at += kept.length + e.newText.length;
    from = e.span.end;
  }
  const found = analyze(after).findings;
  const now = found.map((f) => keyBefore(f, edits));
  const count = (keys: string[], k: string) => keys.filter((x) => x === k).length;
  if (count(now, key(finding)) >= count(before.map(key), key(finding))) problems.push(`"${fix.title.zh}" leaves its finding: ${finding.message.zh}`);
  if (fix.safe) {
    // New: neither at a place nor in words that were there before (a finding
    // may move onto inserted text, or change its wording, and stay the same).
    const places = new Set(before.map(key));
    const words = new Set(before.map((f) => `${f.code}:${f.message.zh}`));
    for (const [i, f] of found.entries()) {
      if (!places.has(now[i]) && !words.has(`${f.code}:${f.message.zh}`)) problems.push(`the safe fix "${fix.title.zh}" brings a new finding: ${f.code} ${f.message.zh}`);
    }
  }
  return problems;
}

/** Checks every fix of every finding of `text`; returns the problems and how many fixes were checked. */
export function checkAllFixes(text: string): { problems: string[]; checked: number } {
  const before = analyze(text).findings;
  const problems: string[] = [];
  let checked = 0;
  for (const finding of before) {
    for (const fix of finding.fixes ?? []) {
      problems.push(...fixProblems(text, before, finding, fix));
      checked++;
    }
  }
  return { problems, checked };
}
