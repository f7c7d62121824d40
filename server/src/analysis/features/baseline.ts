/**
 * Accepted findings (a baseline): each is keyed by what it is about, not by
 * where it stands: its file, its code, its subject (the cell, row, table or
 * part) and the values it names. Editing elsewhere leaves the key as it was;
 * a finding whose values change is another finding. A key accepted `count`
 * times accepts that many findings alike (one invisible character written
 * three times in one part), as ESLint's suppressions count them.
 */
import type { Text2 } from '../schema/tables';
import type { Subject } from './subject';

export interface AcceptedFinding {
  /** The report, relative to the baseline's folder, with `/`. */
  file: string;
  code: string;
  at: Subject;
  /** The figures and quoted texts the finding names, in its order. */
  values: (number | string)[];
  count: number;
  /** What the finding said when it was accepted, for people reading the file; not compared. */
  message?: string;
}

/** The figures and the quoted texts (「…」, “…”) of a message, in order: what a finding says of its subject. */
export function valuesOf(message: Text2): (number | string)[] {
  const out: (number | string)[] = [];
  for (const m of message.zh.matchAll(/「([^」]*)」|“([^”]*)”|-?\d+(?:\.\d+)?/g)) {
    out.push(m[1] ?? m[2] ?? Number(m[0]));
  }
  return out;
}

/** An accepted finding's identity, whatever its count and message. */
export function acceptedKey(f: Pick<AcceptedFinding, 'file' | 'code' | 'at' | 'values'>): string {
  return JSON.stringify([f.file, f.code, f.at.table ?? null, f.at.row ?? null, f.at.column ?? null, f.at.part ?? null, f.values]);
}

/**
 * The accepted findings of one baseline, to take from as a report's findings
 * are gone through: each key accepts as many findings as its count.
 */
export class Accepted {
  private readonly left = new Map<string, number>();

  constructor(entries: readonly AcceptedFinding[]) {
    for (const e of entries) {
      const key = acceptedKey(e);
      this.left.set(key, (this.left.get(key) ?? 0) + e.count);
    }
  }

  /** Whether a finding of this key is accepted (and counts it taken). */
  take(key: string): boolean {
    const n = this.left.get(key);
    if (!n) return false;
    this.left.set(key, n - 1);
    return true;
  }
}

/**
 * Adds findings to a list of accepted ones: a key already there counts once
 * more. The list comes back sorted by file, code and key, so that the file it
 * is written to changes little between runs.
 */
export function addAccepted(entries: readonly AcceptedFinding[], added: readonly AcceptedFinding[]): AcceptedFinding[] {
  const byKey = new Map<string, AcceptedFinding>();
  for (const e of [...entries, ...added]) {
    const key = acceptedKey(e);
    const had = byKey.get(key);
    if (had) byKey.set(key, { ...had, count: had.count + e.count });
    else byKey.set(key, { ...e });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}
