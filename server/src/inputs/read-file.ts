/**
 * Reading a file named as a report, safely: only regular files (a FIFO would
 * block for ever, /dev/zero never ends), never more than READ_LIMIT bytes.
 */
import { close, closeSync, constants, fstat, fstatSync, open, openSync, read, readSync, stat, statSync, type Stats } from 'node:fs';
import type { Text2 } from '../analysis/schema/tables';

/** A path as the file system knows it: a Buffer when the name is not valid UTF-8. */
export type FilePath = string | Buffer;

/** No report comes near this; a file past it is not a report (or not one to check whole). */
export const READ_LIMIT = 100 * 1024 * 1024;

const MB = 1024 * 1024;

/** Why a file that is not a regular file is not read. */
function notRegular(stat: Stats): Text2 | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return { zh: '是文件夹，不是文件', en: 'is a folder, not a file' };
  if (stat.isFIFO()) return { zh: '是命名管道（FIFO），不是普通文件，未读取', en: 'is a named pipe (FIFO), not a regular file; not read' };
  if (stat.isSocket()) return { zh: '是套接字，不是普通文件，未读取', en: 'is a socket, not a regular file; not read' };
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return { zh: '是设备文件，不是普通文件，未读取', en: 'is a device, not a regular file; not read' };
  return { zh: '不是普通文件，未读取', en: 'is not a regular file; not read' };
}

export const tooLarge = (bytes: number): Text2 => ({
  zh: `文件过大（${Math.ceil(bytes / MB)} MB，上限 ${READ_LIMIT / MB} MB），未检查`,
  en: `too large (${Math.ceil(bytes / MB)} MB, the limit is ${READ_LIMIT / MB} MB); not checked`,
});

export function readError(e: unknown): Text2 {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { zh: '文件不存在', en: 'no such file' };
  if (code === 'ELOOP') return { zh: '符号链接循环，无法读取', en: 'a loop of symbolic links; cannot be read' };
  if (code === 'EACCES' || code === 'EPERM') return { zh: '没有读取权限', en: 'permission denied' };
  return { zh: `无法读取（${code ?? String(e)}）`, en: `cannot be read (${code ?? String(e)})` };
}

/** The file system calls a read makes, as the reader wants to wait for them. */
export interface FileCalls {
  stat(path: FilePath): Promise<Stats>;
  open(path: FilePath, flags: number): Promise<number>;
  fstat(fd: number): Promise<Stats>;
  read(fd: number, buffer: Buffer, offset: number, length: number): Promise<number>;
  close(fd: number): Promise<void>;
}

const done = <T>(resolve: (v: T) => void, reject: (e: unknown) => void) => (e: unknown, v: T) => (e ? reject(e) : resolve(v));

/** Waiting for the disk in the background, so that the language server goes on serving meanwhile. */
export const IN_BACKGROUND: FileCalls = {
  stat: (path) => new Promise((resolve, reject) => stat(path, done(resolve, reject))),
  open: (path, flags) => new Promise((resolve, reject) => open(path, flags, done(resolve, reject))),
  fstat: (fd) => new Promise((resolve, reject) => fstat(fd, done(resolve, reject))),
  read: (fd, buffer, offset, length) => new Promise((resolve, reject) => read(fd, buffer, offset, length, null, done(resolve, reject))),
  close: (fd) => new Promise((resolve, reject) => close(fd, done(resolve, reject))),
};

/** In line, for the command line, which reads one file at a time: a trip to the thread pool per call would cost a folder's check a tenth of its time. */
export const IN_LINE: FileCalls = {
  stat: async (path) => statSync(path),
  open: async (path, flags) => openSync(path, flags),
  fstat: async (fd) => fstatSync(fd),
  read: async (fd, buffer, offset, length) => readSync(fd, buffer, offset, length, null),
  close: async (fd) => closeSync(fd),
};

/**
 * The bytes of a regular file, at most READ_LIMIT of them; with `head`, only
 * its first `head` bytes (whatever its size). The type is looked at before
 * opening (opening a FIFO waits for a writer) and again on the open file (it
 * may have been swapped since); O_NONBLOCK keeps even that open from waiting.
 */
export async function readRegularFile(path: FilePath, head?: number, calls: FileCalls = IN_BACKGROUND): Promise<{ bytes: Buffer } | { error: Text2 }> {
  let fd: number;
  try {
    const odd = notRegular(await calls.stat(path));
    if (odd) return { error: odd };
    fd = await calls.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { error: readError(e) };
  }
  try {
    const stats = await calls.fstat(fd);
    const odd = notRegular(stats);
    if (odd) return { error: odd };
    const limit = head ?? READ_LIMIT;
    if (head === undefined && stats.size > READ_LIMIT) return { error: tooLarge(stats.size) };
    // The size may be stale (a growing file) or zero (files under /proc): read to the end, up to the limit.
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(stats.size, 64 * 1024), limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = await calls.read(fd, buffer, length, buffer.length - length);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) {
      if (head === undefined) return { error: tooLarge(length) };
      length = head;
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (e) {
    return { error: readError(e) };
  } finally {
    await calls.close(fd).catch(() => undefined);
  }
}
