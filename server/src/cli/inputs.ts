/**
 * The files named on the command line: plain files, folders (searched for
 * reports) and glob patterns; each read and decoded, whatever encoding the
 * tool that saved it chose (UTF-8, UTF-16 with BOM, GBK/GB18030).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
// Loaded with require so that the bundle takes the package's CommonJS build.
import tinyglobby = require('tinyglobby');
import type { Text2 } from '../analysis/schema/tables';

export interface Input {
  /** The path as shown to the user. */
  file: string;
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

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else if (e.isFile() && isReportFile(e.name)) out.push(path);
  }
}

/** Expands the command line's PATHs into files, keeping the user's order. */
export function expandPaths(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (f: string): void => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(p, found);
      found.forEach(add);
    } else if (stat) {
      add(p);
    } else if (tinyglobby.isDynamicPattern(p)) {
      const matched = tinyglobby.globSync(p, { onlyFiles: true, expandDirectories: false }).sort();
      if (!matched.length) missing.push(p);
      matched.forEach((m) => add(m.split('/').join(sep)));
    } else {
      missing.push(p);
    }
  }
  return { files, missing };
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

export function readInput(file: string): Input {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { file, error: { zh: '是文件夹，不是文件', en: 'is a folder, not a file' } };
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const error =
      code === 'ENOENT'
        ? { zh: '文件不存在', en: 'no such file' }
        : code === 'EACCES' || code === 'EPERM'
          ? { zh: '没有读取权限', en: 'permission denied' }
          : { zh: `无法读取（${code ?? String(e)}）`, en: `cannot be read (${code ?? String(e)})` };
    return { file, error };
  }
  const decoded = decode(bytes);
  return 'error' in decoded ? { file, error: decoded.error } : { file, text: decoded.text, encoding: decoded.encoding };
}

/** A path relative to the working folder, with forward slashes (for SARIF). */
export function relativeUri(file: string): string {
  const rel = relative(process.cwd(), file) || file;
  return encodeURI(rel.split(sep).join('/'));
}
