/**
 * The thread that reads source files (see load.ts): one file at a time, the
 * bytes in, the canonical text and its source map out. A reader's failure is
 * that file's one-line message; anything worse ends this thread, not the
 * process that started it.
 */
import { parentPort } from 'node:worker_threads';
import { readSource } from './index';
import type { SourceKind, SourceResult } from './model';

async function read(kind: SourceKind, bytes: Uint8Array): Promise<SourceResult> {
  try {
    return await readSource(kind, bytes);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { kind, error: { zh: `无法读取（${detail}）`, en: `cannot be read (${detail})` } };
  }
}

parentPort?.on('message', async ({ kind, bytes }: { kind: SourceKind; bytes: Uint8Array }) => {
  parentPort!.postMessage(await read(kind, bytes));
});
