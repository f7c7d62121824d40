/**
 * The source readers as the server and the command line reach them: loaded on
 * first use, so that starting up and checking text never pay for the parsers
 * (the bundles keep them in a file of their own, dist/sources.js). Which names
 * are sources is said in inputs/names.ts.
 */
import type { SourceKind, SourceResult } from './model';

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
