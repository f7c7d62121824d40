/**
 * The files named on the command line: plain files, folders (searched for
 * reports) and glob patterns; each read and decoded, whatever encoding the
 * tool that saved it chose (UTF-8, UTF-16 with BOM, GBK/GB18030).
 */
import { readdirSync, statSync } from 'node:fs';
import { sep } from 'node:path';
// Loaded with require so that the bundle takes the package's CommonJS build.
import tinyglobby = require('tinyglobby');
import type { Text2 } from '../analysis/schema/tables';
import { displayPath, fromBytes, joinPath, realPath, recoverBytes } from './paths';
import { readError, readRegularFile, type FilePath } from './read-file';

export { relativeUri } from './paths';

export interface Input {
  /** The path as shown to the user. */
  file: string;
  /** The path itself, when its bytes are not UTF-8 (`file` shows them as \xNN). */
  path?: FilePath;
  text?: string;
  /** The encoding the text was decoded from, when not UTF-8. */
  encoding?: string;
  error?: Text2;
}

/** File names a folder is searched for. */
export function isReportFile(name: string): boolean {
  return /\.(txt|govreport|docx|html?|pdf)$/i.test(name);
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

const byName = (a: Buffer, b: Buffer) => Buffer.compare(a, b);

/**
 * The report files under `dir`, in name order. Symbolic links are followed;
 * a folder already walked (a link back up, two links to one folder) is not
 * walked again. Names are read as bytes so that any name can be opened. A
 * folder that cannot be listed is yielded with why, to be said, not passed over.
 */
function* walk(dir: FilePath, folders: Set<string>): Generator<FilePath | { folder: FilePath; error: Text2 }> {
  const real = realPath(dir);
  if (real === undefined || folders.has(real)) return;
  folders.add(real);
  let names: Buffer[];
  try {
    names = readdirSync(dir, { encoding: 'buffer' }).sort(byName);
  } catch (e) {
    yield { folder: dir, error: readError(e) };
    return;
  }
  for (const bytes of names) {
    const name = bytes.toString('utf8');
    if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
    const path = joinPath(dir, fromBytes(bytes));
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // A dangling link: said when its name is a report's, like a missing file.
    }
    if (isDir) yield* walk(path, folders);
    else if (isReportFile(name)) yield path;
  }
}

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
export function* expand(paths: string[]): Generator<Expanded> {
  const seen = new Set<string>();
  const folders = new Set<string>();
  const once = (path: FilePath): boolean => {
    const key = realPath(path) ?? `?${typeof path === 'string' ? path : path.toString('latin1')}`;
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
        for (const file of walk(arg, folders)) {
          found++;
          if (typeof file === 'object' && 'folder' in file) yield { kind: 'unreadable', arg: displayPath(file.folder), error: file.error };
          else if (once(file)) yield { kind: 'file', path: file, walked: true };
        }
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

/** Names that say a file is a report, whatever its text. */
export function isNamedReport(name: string): boolean {
  return /\.(govreport|report\.txt)$/i.test(name);
}

const NOT_TEXT: Text2 = { zh: '不是文本文件（内容多为二进制数据）', en: 'not a text file (it is mostly binary data)' };

/**
 * Does decoded text look like binary data? A report may hold a few stray
 * control characters (they are reported as converter artifacts); binary data
 * decodes to many of them, or to many characters that could not be decoded.
 */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || c === 0x7f) odd++;
  }
  return sample.length > 0 && odd * 20 > sample.length;
}

/** Decodes a file's bytes; reports binary files instead of garbling them. */
export function decode(bytes: Uint8Array): { text: string; encoding?: string } | { error: Text2 } {
  let decoded: { text: string; encoding?: string };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Windows tools save Chinese text as GBK; GB18030 is its superset.
      decoded = { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
    }
  }
  return looksBinary(decoded.text) ? { error: NOT_TEXT } : decoded;
}

/** Reads and decodes one file; `file` may be a path's bytes when its name is not UTF-8. */
export function readInput(path: FilePath): Input {
  const input: Input = typeof path === 'string' ? { file: path } : { file: displayPath(path), path };
  const read = readRegularFile(path);
  if ('error' in read) return { ...input, error: read.error };
  const decoded = decode(read.bytes);
  return 'error' in decoded ? { ...input, error: decoded.error } : { ...input, text: decoded.text, encoding: decoded.encoding };
}
