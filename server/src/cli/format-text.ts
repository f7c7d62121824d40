/** Compiler-style output: `file:line:col: error subtotal message`, notes below. */
import type { CrossFinding, Severity } from '../analysis';
import { pick, place, type Checked, type Locale } from './checked';
import { MESSAGES } from './messages';
import { placeText, sourcePlace } from './sources';
import { paint, severityWord, type Paint } from './terminal';

const PLAIN = paint(false);

/** A finding's line: `place: severity code message`, the place and code in their colours. */
export function findingLine(at: string, severity: string, code: string, message: string, color: Paint): string {
  return `${color('bold', at)} ${severityWord(color, severity)} ${color('dim', code)} ${message}`;
}

/** A note's line, under its finding: `    place: note: message`. */
export function noteLine(at: string, message: string, color: Paint): string {
  return `    ${at} ${color('cyan', 'note:')} ${message}`;
}

/**
 * One file's lines (its findings and their notes, or why it could not be
 * checked). A note names a place the finding does not: one at the finding's
 * own place (the total it is about) would only repeat it.
 */
export function formatTextFile(r: Checked, locale: Locale, color: Paint = PLAIN): string {
  if (r.input.error) return `${color('bold', `${r.input.file}:`)} ${color(['red', 'bold'], pick(MESSAGES.error, locale))}: ${pick(r.input.error, locale)}\n`;
  // A source's findings name its table, row and column (or paragraph, page), not lines of text.
  const at = (span: Parameters<typeof place>[1]): string => {
    if (!r.source) {
      const p = place(r.lines!, span);
      return `${r.input.file}:${p.line}:${p.column}:`;
    }
    const where = placeText(sourcePlace(r.source, span), locale);
    return `${r.input.file}:${where ? ` ${where}:` : ''}`;
  };
  const out: string[] = [];
  for (const f of r.findings) {
    const own = at(f.span);
    out.push(findingLine(own, f.severity, f.code, pick(f.message, locale), color));
    for (const rel of f.related ?? []) {
      const where = at(rel.span);
      if (where !== own) out.push(noteLine(where, pick(rel.message, locale), color));
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** `✓ file`: a file checked without findings, for --verbose. */
export function checkedLine(r: Checked, color: Paint = PLAIN): string {
  return `${color('green', '✓')} ${r.input.file}\n`;
}

/** What a run found, counted as the files go by (they are not kept). */
export class Tally {
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  files = 0;
  unreadable = 0;

  add(r: Checked): void {
    if (r.input.error) this.unreadable++;
    else this.files++;
    for (const f of r.findings) this.counts[f.severity]++;
  }

  /** Findings across reports, counted once every file has been read. */
  addCross(findings: readonly CrossFinding[]): void {
    for (const f of findings) this.counts[f.severity]++;
  }
}

/** One line that sums up a run, for the terminal (with the findings left out as accepted): red when an error was found, green when nothing was. */
export function summary(tally: Tally, locale: Locale, color: Paint = PLAIN, accepted = 0): string {
  const { counts, files, unreadable } = tally;
  const line = pick(MESSAGES.summary(files, counts.error, counts.warning, counts.info + counts.hint, unreadable, accepted), locale);
  if (counts.error || unreadable) return color(['red', 'bold'], line);
  return color(counts.warning ? ['yellow', 'bold'] : ['green', 'bold'], line);
}
