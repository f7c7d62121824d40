/**
 * Searching a folder for report files: in name order, through symbolic links,
 * each folder once (a link back up, or two links to one folder, is not walked
 * again), hidden entries, .git and node_modules left out. Lazy and iterative:
 * a folder of any size or depth is walked as its files are read, with one
 * folder's names in memory at a time per level.
 */
import { readdir as readdirCb, stat as statCb, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Text2 } from '../analysis/schema/tables';
import { isReportName } from './names';
import { fromBytes, joinPath, realPath } from './paths';
import { readError, type FilePath } from './read-file';

const SKIP_DIRS = new Set(['node_modules', '.git']);

// The callback forms, not node:fs/promises, whose loading is a few per cent of the command line's start-up.
const readdir = (dir: FilePath): Promise<Dirent<Buffer>[]> =>
  new Promise((resolve, reject) => readdirCb(dir, { encoding: 'buffer', withFileTypes: true }, (e, entries) => (e ? reject(e) : resolve(entries))));
const stat = (path: FilePath): Promise<Stats> => new Promise((resolve, reject) => statCb(path, (e, s) => (e ? reject(e) : resolve(s))));

const byName = (a: Dirent<Buffer>, b: Dirent<Buffer>) => Buffer.compare(a.name, b.name);

interface Level {
  dir: FilePath;
  /** Its real path (as realPath gives it). */
  real: string;
  entries: Dirent<Buffer>[];
  next: number;
}

/**
 * The files under `root` whose names a folder is searched for (isReportName),
 * whatever their type: a FIFO or a dangling link so named is yielded, and the
 * read says why it is not a report. `folders` holds the real paths of the
 * folders walked so far, so that several walks can share it. A folder that
 * cannot be listed is told to `unreadable`, if given, and has nothing to check.
 * `known`, if given, is told the real path of each file that is no link before
 * it is yielded: its folder's, which the walk has, and its name (the command
 * line tells one file reached twice so, without asking the system per file).
 */
export async function* walkReports(
  root: FilePath,
  folders: Set<string> = new Set(),
  cancelled: () => boolean = () => false,
  unreadable?: (folder: FilePath, error: Text2) => void,
  known?: (path: FilePath, real: string) => void,
): AsyncGenerator<FilePath> {
  const levels: Level[] = [];
  const enter = async (dir: FilePath): Promise<void> => {
    const real = realPath(dir);
    if (real === undefined || folders.has(real)) return;
    folders.add(real);
    try {
      // Names as bytes, so that any name can be opened again.
      const entries = (await readdir(dir)).sort(byName);
      levels.push({ dir, real, entries, next: 0 });
    } catch (e) {
      unreadable?.(dir, readError(e));
    }
  };
  await enter(root);
  while (levels.length && !cancelled()) {
    const level = levels[levels.length - 1];
    if (level.next === level.entries.length) {
      levels.pop();
      continue;
    }
    const entry = level.entries[level.next++];
    const name = entry.name.toString('utf8');
    if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
    const path = joinPath(level.dir, fromBytes(entry.name));
    let isDir = entry.isDirectory();
    const link = entry.isSymbolicLink();
    if (link) {
      try {
        isDir = (await stat(path)).isDirectory();
      } catch {
        // A dangling link: yielded when its name is a report's, like a missing file.
      }
    }
    if (isDir) await enter(path);
    else if (isReportName(name)) {
      if (!link) known?.(path, join(level.real, entry.name.toString('latin1')));
      yield path;
    }
  }
}
