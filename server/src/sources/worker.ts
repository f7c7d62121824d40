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

/** The read under way: a failure outside it (pdf.js winding down a document) is no one's. */
let current: { id: number; kind: SourceKind } | undefined;

parentPort?.on('message', async ({ id, kind, bytes }: { id: number; kind: SourceKind; bytes: Uint8Array }) => {
  current = { id, kind };
  const result = await read(kind, bytes);
  // A PDF left off part way (a budget ran out) may still have pdf.js messages in flight: that thread
  // is not used again, so that nothing of it can fail the next read.
  if (current?.id === id) parentPort!.postMessage({ id, result, retire: kind === 'pdf' && 'error' in result });
  current = undefined;
});

// An error thrown where no reader awaits it (a library's callback) fails the read under way, if
// any, with its message, instead of ending the thread; the read's own answer, if it comes, is dropped.
process.on('uncaughtException', (e) => {
  if (!current) return;
  const detail = e instanceof Error ? e.message : String(e);
  parentPort!.postMessage({ id: current.id, result: { kind: current.kind, error: { zh: `无法读取（${detail}）`, en: `cannot be read (${detail})` } } });
  current = undefined;
});
