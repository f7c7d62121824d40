/**
 * A text file's bytes as text, whatever encoding the tool that saved it chose
 * (UTF-8, UTF-16 with BOM, GBK/GB18030); binary data is said, not garbled.
 */
import type { Text2 } from '../analysis/schema/tables';

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

/**
 * Decodes a file's bytes; reports binary files instead of garbling them.
 * `partial`: the bytes are the start of a file, and may end inside a character.
 */
export function decode(bytes: Uint8Array, partial = false): { text: string; encoding?: string } | { error: Text2 } {
  let decoded: { text: string; encoding?: string };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  else {
    try {
      // Streaming, a character cut at the end is left out rather than taken for an error.
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial }) };
    } catch {
      // Windows tools save Chinese text as GBK; GB18030 is its superset.
      decoded = { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
    }
  }
  return looksBinary(decoded.text) ? { error: NOT_TEXT } : decoded;
}
