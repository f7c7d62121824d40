/**
 * The files named on the command line: plain files, folders (searched for
 * reports, see inputs/walk.ts) and glob patterns.
 */
import { statSync } from 'node:fs';
import { sep } from 'node:path';
// Loaded with require so that the bundle takes the package's CommonJS build.
import tinyglobby = require('tinyglobby');
import type { Text2 } from '../analysis';
import { displayPath, IN_LINE, readReport, realPath, recoverBytes, walkReports, type FilePath, type ReportFile } from '../inputs';
import { pick, type Locale } from './checked';
import { MESSAGES } from './messages';
import type { Io } from './output';

/** What a command-line PATH stands for: files to check, or why there are none. */
export type Expanded =
  /** `walked`: found by walking a folder, not named (by path or pattern): only such files may be skipped as not reports. */
  | { kind: 'file'; path: FilePath; walked: boolean }
  | { kind: 'missing'; arg: string }
  | { kind: 'no-reports'; arg: string }
  /** A folder met in a walk that could not be listed. */
  | { kind: 'unreadable'; arg: string; error: Text2 };

/**
 * Expands the command line's PATHs into files, in the user's order, lazily
 * (a folder of many thousand reports is walked as it is checked). Each file
 * comes once, however many links or patterns lead to it.
 */
export async function* expand(paths: string[]): AsyncGenerator<Expanded> {
  const seen = new Set<string>();
  const folders = new Set<string>();
  // The real path of the file the walk yields next, when the walk knows it (no link).
  let known: { path: FilePath; real: string } | undefined;
  const once = (path: FilePath): boolean => {
    const key = (known?.path === path ? known.real : realPath(path)) ?? `?${typeof path === 'string' ? path : path.toString('latin1')}`;
    known = undefined;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const p of paths) {
    // An argument whose bytes were not UTF-8 arrives with U+FFFD in it.
    const [arg, ...others] = exists(p) ? [p] : recoverBytes(p);
    if (arg !== undefined && !others.length) {
      if (isDirectory(arg)) {
        if (folders.has(realPath(arg) ?? '')) continue; // walked already
        let found = 0;
        // Folders in it that cannot be listed are said where the walk meets them, not passed over.
        const unlisted: Expanded[] = [];
        const unreadable = (folder: FilePath, error: Text2) => {
          found++;
          unlisted.push({ kind: 'unreadable', arg: displayPath(folder), error });
        };
        const tell = (path: FilePath, real: string) => (known = { path, real });
        for await (const file of walkReports(arg, folders, undefined, unreadable, tell)) {
          yield* unlisted.splice(0);
          found++;
          if (once(file)) yield { kind: 'file', path: file, walked: true };
        }
        yield* unlisted.splice(0);
        if (!found) yield { kind: 'no-reports', arg: p };
      } else if (once(arg)) yield { kind: 'file', path: arg, walked: false };
    } else if (tinyglobby.isDynamicPattern(p)) {
      const matched = tinyglobby.globSync(p, { onlyFiles: true, expandDirectories: false }).sort();
      if (!matched.length) yield { kind: 'missing', arg: p };
      for (const m of matched) {
        const native = m.split('/').join(sep);
        for (const file of exists(native) ? [native] : recoverBytes(native)) if (once(file)) yield { kind: 'file', path: file, walked: false };
      }
    } else {
      yield { kind: 'missing', arg: p };
    }
  }
}

/** How a run's PATHs fared besides the reports read. */
export interface Found {
  /** PATHs that stand for no file, or folders with no report file in them. */
  notFound: number;
  /** Files found in folders and left alone, being no reports. */
  skipped: number;
  /** Files the folder's settings (`ignores`) leave out, named or found. */
  ignored?: number;
}

/** A file named that is no report reads as an error saying so, not as a report's findings. */
export function namedNotReport(file: ReportFile): ReportFile {
  return file.notReport ? { ...file, text: undefined, source: undefined, error: file.error ?? MESSAGES.notReport } : file;
}

/** One file named on the command line, read as a report (or as the error that it is none). */
export async function readNamed(path: FilePath): Promise<ReportFile> {
  return namedNotReport(await readReport(path, false, IN_LINE));
}

/**
 * Says what was skipped, and that there was no report at all when every file
 * found was skipped; true when a PATH came to nothing (exit status 2). Said
 * before the line that sums up the run, which comes last.
 */
export function sayFound(found: Found, read: number, locale: Locale, io: Io): boolean {
  if (found.skipped) io.err(`${pick(MESSAGES.skipped(found.skipped), locale)}\n`);
  if (found.ignored) io.err(`${pick(MESSAGES.ignored(found.ignored), locale)}\n`);
  const none = found.skipped + (found.ignored ?? 0) > 0 && read === 0;
  if (none) io.err(`govreport: ${pick(found.skipped ? MESSAGES.allSkipped : MESSAGES.allIgnored, locale)}\n`);
  return found.notFound > 0 || none;
}

function exists(path: FilePath): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: FilePath): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
