/**
 * Paths as the file system has them: a name that is not valid UTF-8 is kept as
 * its bytes (a string would turn it into U+FFFD and it could not be opened
 * again), shown with its odd bytes as \xNN and percent-encoded in URIs.
 */
import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { FilePath } from './read-file';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A name's bytes as a string when they are valid UTF-8, else the bytes. */
export function fromBytes(bytes: Buffer): FilePath {
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** A path as shown to the user: bytes that are not UTF-8 as \xNN. */
export function displayPath(path: FilePath): string {
  if (typeof path === 'string') return path;
  let out = '';
  let i = 0;
  while (i < path.length) {
    // The longest valid UTF-8 sequence at i (1 to 4 bytes), else one odd byte.
    let taken = 0;
    for (let n = Math.min(4, path.length - i); n >= 1 && !taken; n--) {
      try {
        const s = utf8.decode(path.subarray(i, i + n));
        if (s.length && !s.includes('\ufffd')) {
          out += s;
          taken = n;
        }
      } catch {
        // not a whole character
      }
    }
    if (!taken) {
      out += `\\x${path[i].toString(16).toUpperCase().padStart(2, '0')}`;
      taken = 1;
    }
    i += taken;
  }
  return out;
}

export function joinPath(dir: FilePath, name: FilePath): FilePath {
  if (typeof dir === 'string' && typeof name === 'string') return join(dir, name);
  // Bytes joined as latin1 (one char per byte), so no byte is changed.
  const bytes = (p: FilePath) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p).toString('latin1');
  return Buffer.from(join(bytes(dir), bytes(name)), 'latin1');
}

/**
 * The real path (symbolic links resolved), for telling whether two paths are
 * one file. The system's realpath first, with less work in JavaScript than
 * node's own (which looks at each part of the path in turn); node's is tried
 * too where the system's fails on a path node's can read.
 */
export function realPath(path: FilePath): string | undefined {
  for (const real of [realpathSync.native, realpathSync]) {
    try {
      return real(path, { encoding: 'buffer' }).toString('latin1');
    } catch {
      // the next way, else none
    }
  }
  return undefined;
}

/**
 * A path a glob library or the command line gave as a string that lost its
 * bytes (U+FFFD where a name was not UTF-8): the paths on disk it may stand
 * for, found by decoding each folder's entries the same lossy way.
 */
export function recoverBytes(lossy: string): Buffer[] {
  if (!lossy.includes('\ufffd')) return [];
  const parts = lossy.split(/[\\/]/);
  let candidates: Buffer[] = [Buffer.from(parts[0] === '' ? '/' : parts[0], 'utf8')];
  if (parts[0].includes('\ufffd')) candidates = matching(Buffer.from('.'), parts[0]);
  for (const part of parts.slice(1)) {
    if (part === '') continue;
    const next: Buffer[] = [];
    for (const dir of candidates) {
      if (!part.includes('\ufffd')) next.push(joinPath(dir, part) as Buffer);
      else for (const name of matching(dir, part)) next.push(joinPath(dir, name) as Buffer);
    }
    candidates = next;
  }
  return candidates;
}

function matching(dir: Buffer, lossyName: string): Buffer[] {
  try {
    return readdirSync(dir, { encoding: 'buffer' }).filter((n) => n.toString('utf8') === lossyName);
  } catch {
    return [];
  }
}
