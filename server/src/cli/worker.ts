/**
 * A thread that checks files for the command line (`--jobs`): a path in, the
 * file read and analysed out (prepare.ts). Anything thrown is that file's
 * failure, sent back for the main thread to check the file itself.
 */
import { parentPort } from 'node:worker_threads';
import { SettingsStore } from '../config/folder';
import { prepare } from './prepare';

const store = new SettingsStore();

parentPort?.on('message', async ({ id, path, walked }: { id: number; path: string | Uint8Array; walked: boolean }) => {
  try {
    // A path whose bytes are not UTF-8 arrives as bytes: a Buffer again, as the readers take it.
    // The line index stays here: a class's copy would lose its methods (the main thread makes its own).
    const { lines: _, ...prepared } = await prepare(typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength), walked, store);
    // The digest's hashes are handed over, not copied.
    const buffers = new Set<ArrayBuffer>();
    for (const part of prepared.digest?.prose ?? []) buffers.add(part.sketch.hashes.buffer as ArrayBuffer);
    parentPort!.postMessage({ id, prepared }, [...buffers]);
  } catch (e) {
    parentPort!.postMessage({ id, failed: e instanceof Error ? e.message : String(e) });
  }
});
