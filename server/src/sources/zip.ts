/**
 * The XML parts of an Office package (a zip), read within budgets that count
 * what is actually there, never what the package declares: entries are counted
 * as their headers are read (an end record may claim four billion), and each
 * part is inflated by zlib only up to the size its directory entry declares and
 * the package's budget (a stream may hold far more than it claims). The
 * directory is read here because fflate's unzipSync trusts both counts; what
 * inflating takes is zlib's.
 */
import { inflateRawSync } from 'node:zlib';
import type { Text2 } from '../analysis/schema/tables';
import { SourceFailure } from './markup';

/** All the XML a report's package may inflate to. */
export const MAX_INFLATED = 100 * 1024 * 1024;
/** A .docx has a few dozen parts; with images and embedded fonts, some hundreds. */
export const MAX_ENTRIES = 10_000;
/** Deflate shrinks XML ten or twenty times; a thousand times is a bomb. */
const MAX_RATIO = 200;
const RATIO_FROM = 1024 * 1024;

export const CORRUPT_ZIP: Text2 = { zh: '文件已损坏，不是有效的 .docx（zip）文件', en: 'the file is damaged: not a valid .docx (zip) file' };
export const ZIP_BOMB: Text2 = {
  zh: '文件解压后过大（压缩炸弹？），拒绝读取',
  en: 'the file would inflate to far too much data (a zip bomb?), not read',
};
const TOO_MANY_ENTRIES: Text2 = { zh: `文件包含的部件过多（超过 ${MAX_ENTRIES} 个），不是正常的 .docx，拒绝读取`, en: `the file holds too many parts (over ${MAX_ENTRIES}) for a .docx, not read` };

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
const u64 = (b: Uint8Array, i: number): number => u32(b, i) + u32(b, i + 4) * 0x100000000;
const has = (b: Uint8Array, at: number, length: number): boolean => at >= 0 && at + length <= b.length;

const fail = (text: Text2): never => {
  throw new SourceFailure(text);
};

/** The central directory's place and declared entry count, from the end record (zip64 too). */
function directory(b: Uint8Array): { offset: number; count: number } {
  for (let e = b.length - 22; e >= 0 && e >= b.length - 22 - 0xffff; e--) {
    if (u32(b, e) !== 0x06054b50) continue;
    let count = u16(b, e + 10);
    let offset = u32(b, e + 16);
    if (e >= 20 && u32(b, e - 20) === 0x07064b50) {
      const z = u64(b, e - 12);
      if (has(b, z, 56) && u32(b, z) === 0x06064b50) {
        count = u64(b, z + 32);
        offset = u64(b, z + 48);
      }
    }
    return { offset, count };
  }
  return fail(CORRUPT_ZIP);
}

/** The package's XML parts (`.xml`, `.rels`) by name. */
export function xmlParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  const names = new TextDecoder('utf-8');
  const { offset, count } = directory(bytes);
  let inflated = 0;
  for (let i = 0, p = offset; i < count; i++) {
    if (i >= MAX_ENTRIES) fail(TOO_MANY_ENTRIES);
    if (!has(bytes, p, 46) || u32(bytes, p) !== 0x02014b50) fail(CORRUPT_ZIP);
    const method = u16(bytes, p + 10);
    let size = u32(bytes, p + 20);
    let originalSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    let local = u32(bytes, p + 42);
    if (!has(bytes, p + 46, nameLength + extraLength)) fail(CORRUPT_ZIP);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // Zip64: the sizes and offset that do not fit 32 bits are in the extra field, in this order.
    for (let x = p + 46 + nameLength, end = x + extraLength; x + 4 <= end; x += 4 + u16(bytes, x + 2)) {
      if (u16(bytes, x) !== 1) continue;
      let at = x + 4;
      if (originalSize === 0xffffffff) (originalSize = u64(bytes, at)), (at += 8);
      if (size === 0xffffffff) (size = u64(bytes, at)), (at += 8);
      if (local === 0xffffffff) local = u64(bytes, at);
      break;
    }
    p += 46 + nameLength + extraLength + u16(bytes, p + 32);
    if (!/\.(xml|rels)$/i.test(name)) continue;
    if (inflated + originalSize > MAX_INFLATED || (originalSize > RATIO_FROM && originalSize > size * MAX_RATIO)) fail(ZIP_BOMB);
    if (!has(bytes, local, 30) || u32(bytes, local) !== 0x04034b50) fail(CORRUPT_ZIP);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (!has(bytes, start, size)) fail(CORRUPT_ZIP);
    const data = bytes.subarray(start, start + size);
    let part: Uint8Array;
    if (method === 0) part = data;
    else if (method === 8) {
      try {
        // One byte more than declared: a stream that holds more is stopped there, not inflated whole.
        part = inflateRawSync(data, { maxOutputLength: originalSize + 1 });
      } catch (e) {
        return fail((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? ZIP_BOMB : CORRUPT_ZIP);
      }
    } else return fail(CORRUPT_ZIP);
    if (part.length > originalSize) fail(ZIP_BOMB);
    inflated += part.length;
    parts.set(name, part);
  }
  return parts;
}
