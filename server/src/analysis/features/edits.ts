/** Applying fixes to a text: one fix, or every safe fix at once ("fix all"). */
import type { Finding, Fix, TextEdit } from '../rules/rule';

/** Applies non-overlapping edits (in any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/**
 * The edits of every safe fix, skipping any that would touch the text of one
 * already taken, so that they can be applied together.
 */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const fixes: Fix[] = findings.flatMap((f) => (f.fixes ?? []).filter((x) => x.safe).slice(0, 1));
  for (const fix of fixes) {
    const overlaps = fix.edits.some((e) =>
      taken.some((t) => e.span.start < t.span.end && t.span.start < e.span.end || (e.span.start === t.span.start && e.span.end === t.span.end)),
    );
    if (!overlaps) taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.span.start - b.span.start);
}
