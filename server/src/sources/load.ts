/**
 * What the server and the command line need to know about source files before
 * reading one: which names are sources, and the reader itself, loaded on first
 * use so that starting up and checking text never pay for the parsers (the
 * bundles keep it in a file of its own, dist/sources.js).
 */
import type { Text2 } from '../analysis/schema/tables';
import type { SourceKind, SourceResult } from './model';

/** The source kind a file name says, if any. */
export function sourceKind(name: string): SourceKind | undefined {
  const m = /\.(docx|html?|xhtml|pdf)$/i.exec(name);
  if (!m) return undefined;
  const ext = m[1].toLowerCase();
  return ext === 'docx' ? 'docx' : ext === 'pdf' ? 'pdf' : 'html';
}

/** Formats GovReport cannot read, with what to do instead. */
export function legacyFormat(name: string): Text2 | undefined {
  if (/\.doc$/i.test(name)) return { zh: '不支持 Word 97-2003 文档（.doc），请另存为 .docx 后再检查', en: 'Word 97-2003 documents (.doc) cannot be read: save it as .docx and check that' };
  if (/\.wps$/i.test(name)) return { zh: '不支持 WPS 文档（.wps），请另存为 .docx 后再检查', en: 'WPS documents (.wps) cannot be read: save it as .docx and check that' };
  return undefined;
}

let readers: Promise<typeof import('./index.js')> | undefined;

/** Reads a source file's bytes into canonical report text (loading the readers once). */
export async function readSource(kind: SourceKind, bytes: Uint8Array): Promise<SourceResult> {
  // './index.js': also what node resolves in the unbundled test build (out/).
  readers ??= import('./index.js');
  const { readSource: read } = await readers;
  try {
    return await read(kind, bytes);
  } catch (e) {
    // A reader's own failure is this file's problem, not the caller's.
    const detail = e instanceof Error ? e.message : String(e);
    return { kind, error: { zh: `无法读取（${detail}）`, en: `cannot be read (${detail})` } };
  }
}

export type { SourceKind, SourceResult, SourceText, SourcePlace, SourceError } from './model';
export { placeAt, describePlace } from './model';
