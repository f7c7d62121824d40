/**
 * The accepted findings' file, `.govreport-baseline.json`: written by
 * `govreport check --update-baseline` and by the editor's "Accept this
 * finding", read by both. Plain JSON, one entry per accepted finding, sorted,
 * so that a change to it reads well in a diff. A file that cannot be read is
 * said once and taken as empty: checking goes on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, sep, dirname } from 'node:path';
import { addAccepted, type AcceptedFinding } from '../analysis/features/baseline';
import type { Subject } from '../analysis/features/subject';
import type { Text2 } from '../analysis/schema/tables';

export const BASELINE_FILE = '.govreport-baseline.json';
const VERSION = 1;

export interface Baseline {
  path: string;
  /** The accepted findings by the file they stand in. */
  byFile: Map<string, AcceptedFinding[]>;
  /** What could not be read of it (the whole file, or some entries). */
  problem?: Text2;
}

/** A baseline's problem, said when it is read: what is taken instead. */
export function readingProblem(b: Baseline): Text2 | undefined {
  return b.problem && { zh: `${b.problem.zh}，已忽略`, en: `${b.problem.en}; ignored` };
}

const SUBJECT_KEYS = new Set(['table', 'row', 'column', 'part']);

function isSubject(v: unknown): v is Subject {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.entries(v).every(([k, x]) => SUBJECT_KEYS.has(k) && (typeof x === 'string' || typeof x === 'number'));
}

function isEntry(v: unknown): v is AcceptedFinding {
  const e = v as AcceptedFinding;
  return (
    !!e &&
    typeof e.file === 'string' &&
    typeof e.code === 'string' &&
    isSubject(e.at) &&
    Array.isArray(e.values) &&
    e.values.every((x) => typeof x === 'string' || typeof x === 'number') &&
    Number.isInteger(e.count) &&
    e.count > 0
  );
}

/** Reads a baseline file; a missing file is an empty baseline. */
export function readBaseline(path: string): Baseline {
  const byFile = new Map<string, AcceptedFinding[]>();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, byFile };
    return { path, byFile, problem: { zh: `无法读取（${code ?? String(e)}）`, en: `cannot be read (${code ?? String(e)})` } };
  }
  let data: { accepted?: unknown };
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return { path, byFile, problem: { zh: '不是有效的 JSON', en: 'not valid JSON' } };
  }
  const list = Array.isArray(data?.accepted) ? data.accepted : undefined;
  if (!list) return { path, byFile, problem: { zh: '缺少「accepted」数组', en: 'no "accepted" array' } };
  let bad = 0;
  for (const e of list) {
    if (!isEntry(e)) {
      bad++;
      continue;
    }
    const entries = byFile.get(e.file);
    if (entries) entries.push(e);
    else byFile.set(e.file, [e]);
  }
  return bad ? { path, byFile, problem: { zh: `有 ${bad} 项格式不对`, en: `${bad} ${bad === 1 ? 'entry is' : 'entries are'} malformed` } } : { path, byFile };
}

/** The text of a baseline file holding `entries`. */
export function baselineText(entries: readonly AcceptedFinding[]): string {
  return `${JSON.stringify({ version: VERSION, accepted: addAccepted([], entries) }, null, 2)}\n`;
}

/** Why a baseline is not written over: it holds what could not be read, and would be lost. */
const unreadable = (b: Baseline): Text2 | undefined =>
  b.problem && { zh: `${b.problem.zh}；为免丢失其内容，未写入`, en: `${b.problem.en}; not written over, so as not to lose what it holds` };

/**
 * Writes a baseline: the entries of `files` (those just checked) replaced by
 * `entries`, the others' kept. Returns the number of findings it accepts, or
 * why it was not written.
 */
export function writeBaseline(path: string, files: ReadonlySet<string>, entries: readonly AcceptedFinding[]): { accepted: number } | { error: Text2 } {
  const old = readBaseline(path);
  const error = unreadable(old);
  if (error) return { error };
  const kept = [...old.byFile.entries()].filter(([file]) => !files.has(file)).flatMap(([, list]) => list);
  const all = addAccepted(kept, entries);
  try {
    writeFileSync(path, baselineText(all));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { error: { zh: `无法写入（${code}）`, en: `cannot be written (${code})` } };
  }
  return { accepted: all.reduce((n, e) => n + e.count, 0) };
}

/** Adds one accepted finding to a baseline file (the editor's "Accept this finding"); undefined, or why it was not written. */
export function acceptInBaseline(path: string, entry: AcceptedFinding): Text2 | undefined {
  const old = readBaseline(path);
  const error = unreadable(old);
  if (error) return error;
  try {
    writeFileSync(path, baselineText(addAccepted([...old.byFile.values()].flat(), [entry])));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { zh: `无法写入（${code}）`, en: `cannot be written (${code})` };
  }
  return undefined;
}

/** A report's name in a baseline: its path relative to the baseline's folder, with `/`. */
export function baselineName(baseline: string, path: string): string {
  return relative(dirname(baseline), path).split(sep).join('/');
}

/** The baselines read so far, by path, until told that one changed. */
export class Baselines {
  private readonly read = new Map<string, Baseline>();

  get(path: string): Baseline {
    let b = this.read.get(path);
    if (!b) this.read.set(path, (b = readBaseline(path)));
    return b;
  }

  clear(): void {
    this.read.clear();
  }
}
