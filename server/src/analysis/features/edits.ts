/** Applying fixes to a text: one fix, or every safe fix at once ("fix all"). */
import type { Finding, Fix, TextEdit } from '../rules/rule';

/** Applies non-overlapping edits (in any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

const touches = (a: TextEdit['span'], b: TextEdit['span']) => (a.start < b.end && b.start < a.end) || a.start === b.start;

/**
 * The edits of every safe fix of `findings`, skipping any that would touch the
 * text of one already taken, so that they can be applied together.
 */
export function safeEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const fixes: Fix[] = findings.flatMap((f) => (f.fixes ?? []).filter((x) => x.safe).slice(0, 1));
  for (const fix of fixes) {
    if (!fix.edits.some((e) => taken.some((t) => touches(e.span, t.span)))) taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.span.start - b.span.start);
}

/** Rounds of "fix all": a fix may become safe once others are made (a total set, then a letter O). */
const MAX_ROUNDS = 5;

/**
 * "Fix all": every safe fix, round after round until none is left, as edits
 * of the original text. A later round's edit that would touch text an earlier
 * round wrote is left for the next "fix all".
 */
export function fixAllEdits(text: string, analyze: (text: string) => { findings: Finding[] }): TextEdit[] {
  let applied: TextEdit[] = []; // in the original text's offsets, sorted
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = safeEdits(analyze(current).findings);
    const mapped: TextEdit[] = [];
    for (const e of edits) {
      const span = toOriginal(e.span, applied);
      if (span) mapped.push({ span, newText: e.newText });
    }
    if (!mapped.length) break;
    applied = [...applied, ...mapped].sort((a, b) => a.span.start - b.span.start);
    current = applyEdits(text, applied);
  }
  return applied;
}

/**
 * A span of the text after `applied` edits, as a span of the original text;
 * undefined when it touches text those edits wrote.
 */
function toOriginal(span: TextEdit['span'], applied: TextEdit[]): TextEdit['span'] | undefined {
  let delta = 0;
  for (const e of applied) {
    const start = e.span.start + delta;
    const end = start + e.newText.length;
    if (span.end < start || (span.end === start && span.start < start)) break; // before it
    if (span.start > end || (span.start === end && span.end > end)) {
      delta += e.newText.length - (e.span.end - e.span.start); // after it
      continue;
    }
    return undefined;
  }
  return { start: span.start - delta, end: span.end - delta };
}
