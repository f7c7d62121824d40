/**
 * Applying fixes to a text: one fix, or every safe fix at once ("fix all").
 * A fix is only taken as safe once the text it makes has been analysed again
 * and shows no finding that was not there before. Costs stay near linear in
 * the text and the number of fixes, whatever the document's size.
 */
import type { Finding, Fix, TextEdit } from '../rules/rule';

type Span = TextEdit['span'];

const byStart = (a: TextEdit, b: TextEdit) => a.span.start - b.span.start || a.span.end - b.span.end;

/** Applies non-overlapping edits (in any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (!edits.length) return text;
  const sorted = [...edits].sort(byStart);
  const pieces: string[] = [];
  let at = 0;
  for (const e of sorted) {
    pieces.push(text.slice(at, e.span.start), e.newText);
    at = Math.max(at, e.span.end);
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

const touches = (a: Span, b: Span) => (a.start < b.end && b.start < a.end) || a.start === b.start;

/**
 * Of `fixes` (in order of precedence), those that can be made together: a fix
 * is skipped when one of its edits touches the text of a fix taken before it.
 */
function compatible(fixes: readonly Fix[]): Fix[] {
  // The pairs of edits that touch, found in one sweep over the edits by position.
  const edits = fixes.flatMap((fix, i) => fix.edits.map((e) => ({ span: e.span, fix: i })));
  edits.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const clashes: number[][] = fixes.map(() => []);
  let open: typeof edits = [];
  for (const e of edits) {
    open = open.filter((o) => o.span.end > e.span.start || o.span.start === e.span.start);
    for (const o of open) {
      if (o.fix !== e.fix && touches(o.span, e.span)) {
        clashes[e.fix].push(o.fix);
        clashes[o.fix].push(e.fix);
      }
    }
    open.push(e);
  }
  const taken = new Set<number>();
  for (let i = 0; i < fixes.length; i++) if (!clashes[i].some((j) => taken.has(j))) taken.add(i);
  return fixes.filter((_, i) => taken.has(i));
}

/** The first safe fix of each finding, in text order. */
const safeFixes = (findings: readonly Finding[]): Fix[] => findings.flatMap((f) => (f.fixes ?? []).filter((x) => x.safe).slice(0, 1));

/**
 * The edits of every safe fix of `findings`, skipping any that would touch the
 * text of one already taken, so that they can be applied together.
 */
export function safeEdits(findings: readonly Finding[]): TextEdit[] {
  return compatible(safeFixes(findings))
    .flatMap((f) => f.edits)
    .sort(byStart);
}

/**
 * The findings of the text after `edits` that were not there before: neither
 * at the same place (moved back over the edits) nor in the same words (a
 * finding may move, or change its numbers, and stay the same finding).
 */
export function newFindings(before: readonly Finding[], edits: readonly TextEdit[], after: readonly Finding[]): Finding[] {
  const sorted = [...edits].sort(byStart);
  const places = new Set(before.map((f) => `${f.code}@${f.span.start}`));
  const words = new Set(before.map((f) => `${f.code}:${f.message.zh}`));
  // `after` is in text order: its positions are moved back in one pass over the edits.
  const fresh: Finding[] = [];
  let i = 0;
  let delta = 0; // the shift the edits before sorted[i] made
  for (const f of after) {
    const at = f.span.start;
    while (i < sorted.length && at >= sorted[i].span.start + delta + sorted[i].newText.length) {
      delta += sorted[i].newText.length - (sorted[i].span.end - sorted[i].span.start);
      i++;
    }
    // On inserted text, a finding is at the place the text went in.
    const was = i < sorted.length && at >= sorted[i].span.start + delta ? sorted[i].span.start : at - delta;
    if (!places.has(`${f.code}@${was}`) && !words.has(`${f.code}:${f.message.zh}`)) fresh.push(f);
  }
  return fresh;
}

export type Analyse = (text: string) => { findings: Finding[] };

/** Does `fix` keep its promise of safety: the text it makes shows nothing new? */
export function verifyFix(text: string, before: readonly Finding[], fix: Fix, analyze: Analyse): boolean {
  return !newFindings(before, fix.edits, analyze(applyEdits(text, fix.edits)).findings).length;
}

/** Rounds of "fix all": a fix may become safe once others are made (a total set, then a letter O). */
const MAX_ROUNDS = 5;

const fixKey = (edits: readonly TextEdit[]) => edits.map((e) => `${e.span.start}:${e.span.end}:${e.newText}`).join('|');

/**
 * "Fix all": every safe fix, round after round until none is left, as edits
 * of the original text. Each round's fixes are verified together (one more
 * analysis); when they bring a new finding, the fixes to blame are found by
 * halving and left out. A later round's edit that would touch text an earlier
 * round wrote is left for the next "fix all".
 */
export function fixAllEdits(text: string, analyze: Analyse): TextEdit[] {
  let applied: TextEdit[] = []; // in the original text's offsets, sorted
  let current = text;
  let before = analyze(text).findings;
  const rejected = new Set<string>(); // fixes found unsafe, by their edits in the original text
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const candidates: { fix: Fix; original: TextEdit[] }[] = [];
    for (const fix of compatible(safeFixes(before))) {
      const original = toOriginal(fix.edits, applied);
      if (original && !rejected.has(fixKey(original))) candidates.push({ fix, original });
    }
    if (!candidates.length) break;
    // Verify the round; leave out what brings a new finding.
    const test = (group: typeof candidates) => {
      const edits = group.flatMap((c) => c.fix.edits);
      const trial = applyEdits(current, edits);
      const after = analyze(trial).findings;
      return { trial, after, clean: !newFindings(before, edits, after).length };
    };
    let accepted = candidates;
    let result = test(accepted);
    while (!result.clean && accepted.length) {
      const culprits = blame(accepted, (g) => test(g).clean);
      for (const c of culprits) rejected.add(fixKey(c.original));
      accepted = accepted.filter((c) => !culprits.includes(c));
      result = test(accepted);
    }
    if (!accepted.length) break;
    applied = [...applied, ...accepted.flatMap((c) => c.original)].sort(byStart);
    current = result.trial;
    before = result.after;
  }
  return applied;
}

/**
 * Of a group that fails `clean` together, the members to blame: found by
 * halving (few analyses when few are to blame). When each half is clean alone
 * but not together, the later half is blamed.
 */
function blame<T>(group: T[], clean: (g: T[]) => boolean): T[] {
  if (group.length <= 1) return group;
  const half = group.length >> 1;
  const first = group.slice(0, half);
  const second = group.slice(half);
  const badFirst = clean(first) ? [] : blame(first, clean);
  const badSecond = clean(second) ? [] : blame(second, clean);
  return badFirst.length || badSecond.length ? [...badFirst, ...badSecond] : second;
}

/**
 * Edits of the text after `applied` edits, as edits of the original text;
 * undefined when one touches text those edits wrote.
 */
function toOriginal(edits: readonly TextEdit[], applied: readonly TextEdit[]): TextEdit[] | undefined {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const span = spanToOriginal(e.span, applied);
    if (!span) return undefined;
    out.push({ span, newText: e.newText });
  }
  return out;
}

function spanToOriginal(span: Span, applied: readonly TextEdit[]): Span | undefined {
  // The applied edits wholly before the span, found by halving (they are sorted and do not overlap).
  let lo = 0;
  let hi = applied.length;
  let delta = 0;
  if (applied.length) {
    const deltas = deltasOf(applied);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const end = applied[mid].span.start + deltas[mid] + applied[mid].newText.length;
      if (end < span.start) lo = mid + 1;
      else hi = mid;
    }
    delta = lo ? deltas[lo - 1] + applied[lo - 1].newText.length - (applied[lo - 1].span.end - applied[lo - 1].span.start) : 0;
  }
  for (let k = lo; k < applied.length; k++) {
    const e = applied[k];
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

/** For each applied edit, the shift of the text before it (cached per list). */
const deltaCache = new WeakMap<readonly TextEdit[], number[]>();
function deltasOf(applied: readonly TextEdit[]): number[] {
  let deltas = deltaCache.get(applied);
  if (!deltas) {
    deltas = [];
    let d = 0;
    for (const e of applied) {
      deltas.push(d);
      d += e.newText.length - (e.span.end - e.span.start);
    }
    deltaCache.set(applied, deltas);
  }
  return deltas;
}

