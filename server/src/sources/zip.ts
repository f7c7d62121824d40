/**
 * The parts of an Office package (a zip), read with fflate within limits: a
 * zip bomb is refused from the sizes its directory declares before anything
 * is inflated, and a part that declares less than it holds is inflated into a
 * buffer of the declared size only (fflate does not grow a given buffer).
 */
import { unzipSync } from 'fflate';
import type { Text2 } from '../analysis/schema/tables';
import { SourceFailure } from './markup';

/** All the XML a report's package may inflate to. */
export const MAX_INFLATED = 100 * 1024 * 1024;
/** Deflate shrinks XML ten or twenty times; a thousand times is a bomb. */
const MAX_RATIO = 200;
const RATIO_FROM = 1024 * 1024;

export const CORRUPT_ZIP: Text2 = { zh: '文件已损坏，不是有效的 .docx（zip）文件', en: 'the file is damaged: not a valid .docx (zip) file' };
export const ZIP_BOMB: Text2 = {
  zh: '文件解压后过大（压缩炸弹？），拒绝读取',
  en: 'the file would inflate to far too much data (a zip bomb?), not read',
};

/** The package's XML parts (`.xml`, `.rels`) by name. */
export function xmlParts(bytes: Uint8Array): Map<string, Uint8Array> {
  let total = 0;
  let bomb = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.(xml|rels)$/i.test(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_INFLATED || (f.originalSize > RATIO_FROM && f.originalSize > f.size * MAX_RATIO)) bomb = true;
        return !bomb;
      },
    });
  } catch {
    throw new SourceFailure(bomb ? ZIP_BOMB : CORRUPT_ZIP);
  }
  if (bomb) throw new SourceFailure(ZIP_BOMB);
  return new Map(Object.entries(files));
}
