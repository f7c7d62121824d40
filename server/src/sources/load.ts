/**
 * The source readers as the server and the command line reach them (which
 * names are sources is said in inputs/names.ts). Every source is
 * read in a worker thread (worker.ts; dist/sources.js in the bundles) under a
 * deadline and a heap limit: a hostile file that gets past the readers' own
 * budgets costs that file one line ("stopped reading"), never the process, and
 * the caller's thread (the server's, which answers the editor) parses nothing.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Text2 } from '../analysis/schema/tables';
import type { SourceKind, SourceResult } from './model';

// ---------------------------------------------------------------------------
// Limits

export interface ReadLimits {
  /** How long one file may take to read, seconds. */
  seconds: number;
  /** The reading thread's heap, MB. */
  memoryMB: number;
}

/** An honest report reads in well under a second and a few dozen MB; these are far beyond. */
export const DEFAULT_LIMITS: ReadLimits = { seconds: 10, memoryMB: 512 };

const positive = (s: string | undefined): number | undefined => {
  const n = Number(s);
  return s && Number.isFinite(n) && n > 0 ? n : undefined;
};

/** The defaults, or what GOVREPORT_READ_TIMEOUT (seconds) and GOVREPORT_READ_MEMORY (MB) say. */
function limitsFromEnvironment(): ReadLimits {
  return {
    seconds: positive(process.env.GOVREPORT_READ_TIMEOUT) ?? DEFAULT_LIMITS.seconds,
    memoryMB: Math.max(16, Math.round(positive(process.env.GOVREPORT_READ_MEMORY) ?? DEFAULT_LIMITS.memoryMB)),
  };
}

let limits: ReadLimits | undefined;

/** Sets the limits for the reads that start from now on (a worker with another heap limit is started anew). */
export function setReadLimits(next: Partial<ReadLimits>): void {
  const current = limits ?? limitsFromEnvironment();
  const updated = { seconds: positive(String(next.seconds)) ?? current.seconds, memoryMB: Math.max(16, Math.round(positive(String(next.memoryMB)) ?? current.memoryMB)) };
  if (updated.memoryMB !== current.memoryMB) pool.retire();
  limits = updated;
}

const stopped = (why: Text2): Text2 => ({ zh: `文件过大或结构异常，已停止读取（${why.zh}）`, en: `the file is too large or abnormally structured: reading it was stopped (${why.en})` });

// ---------------------------------------------------------------------------
// The workers

declare const GOVREPORT_SOURCES_WORKER: string | undefined;
/** The worker's file: its bundle beside this one, or worker.js beside this file in the unbundled build. */
const WORKER_FILE = join(__dirname, typeof GOVREPORT_SOURCES_WORKER === 'string' ? GOVREPORT_SOURCES_WORKER : 'worker.js');
/** Reads at once: the server may be asked for several; each worker holds its own heap. */
const MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));
const MB = 1024 * 1024;
/** The young generation as the main thread has it: a smaller one makes pdf.js collect several times as often. */
const YOUNG_MB = 48;
/** How often a read's memory is looked at, ms: decoding grows by a few dozen MB in that time at most. */
const WATCH_MS = 25;
/** An idle worker is kept this long for the next read (readers and pdf.js loaded), then ended. */
const IDLE_MS = 30_000;

interface Idle {
  worker: Worker;
  memoryMB: number;
  /** Takes it off the idle list. */
  drop: () => void;
}

class ReaderPool {
  private idle: Idle[] = [];
  private running = 0;
  private waiting: (() => void)[] = [];
  private reads = 0;

  async read(kind: SourceKind, bytes: Uint8Array): Promise<SourceResult> {
    if (this.running >= MAX_WORKERS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await this.run(kind, bytes);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Ends the idle workers (their heap limit is no longer the one asked for). */
  retire(): void {
    for (const { worker, drop } of [...this.idle]) {
      drop();
      void worker.terminate();
    }
  }

  private take(memoryMB: number): Worker {
    const i = this.idle.findIndex((w) => w.memoryMB === memoryMB);
    if (i >= 0) {
      const { worker, drop } = this.idle[i];
      drop();
      worker.off('exit', drop);
      worker.ref();
      return worker;
    }
    // Loaded with the first source read: checking text reports alone never loads it (a tenth of the command line's start-up).
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    return new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: memoryMB, maxYoungGenerationSizeMb: YOUNG_MB } });
  }

  private park(worker: Worker, memoryMB: number): void {
    // Unreferenced: an idle worker keeps no process alive (the command line exits when done).
    worker.unref();
    const drop = () => {
      this.idle = this.idle.filter((w) => w.worker !== worker);
      clearTimeout(timer);
    };
    const timer = setTimeout(() => {
      drop();
      void worker.terminate();
    }, IDLE_MS);
    timer.unref();
    // A worker that ends while idle (its thread failed after answering) is not handed out again.
    worker.once('exit', drop);
    this.idle.push({ worker, memoryMB, drop });
  }

  private run(kind: SourceKind, bytes: Uint8Array): Promise<SourceResult> {
    const { seconds, memoryMB } = (limits ??= limitsFromEnvironment());
    const id = ++this.reads;
    let worker: Worker;
    try {
      worker = this.take(memoryMB);
    } catch (e) {
      return Promise.resolve({ kind, error: { zh: `无法读取（${(e as Error).message}）`, en: `cannot be read (${(e as Error).message})` } });
    }
    return new Promise<SourceResult>((resolve) => {
      let done = false;
      const finish = (result: SourceResult, alive: boolean): void => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        clearInterval(watch);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (alive) this.park(worker, memoryMB);
        else void worker.terminate();
        resolve(result);
      };
      const onMessage = (answer: { id: number; result: SourceResult; retire?: boolean }) => {
        if (answer.id === id) finish(answer.result, !answer.retire);
      };
      const onError = (e: Error & { code?: string }) =>
        finish({ kind, error: stopped(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { zh: `内存超过 ${memoryMB} MB`, en: `over ${memoryMB} MB of memory` } : { zh: `读取时出错：${e.message}`, en: `it failed: ${e.message}` }) }, false);
      const onExit = () => finish({ kind, error: stopped({ zh: '读取进程意外退出', en: 'the reader ended unexpectedly' }) }, false);
      const deadline = setTimeout(() => finish({ kind, error: stopped({ zh: `用时超过 ${seconds} 秒`, en: `it took over ${seconds} s` }) }, false), seconds * 1000);
      // The heap limit does not count the buffers that inflating and decoding fill: the process's
      // resident memory is watched too, and the read stopped once it has grown by the limit.
      const start = process.memoryUsage.rss();
      const watch = setInterval(() => {
        if (process.memoryUsage.rss() - start > memoryMB * MB) finish({ kind, error: stopped({ zh: `内存超过 ${memoryMB} MB`, en: `over ${memoryMB} MB of memory` }) }, false);
      }, WATCH_MS);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      // A copy of just these bytes, handed over: the caller's buffer (maybe a slice of a shared pool) stays as it is.
      const copy = new Uint8Array(bytes);
      worker.postMessage({ id, kind, bytes: copy }, [copy.buffer]);
    });
  }
}

const pool = new ReaderPool();

/** Reads a source file's bytes into canonical report text, in a worker thread within the limits. */
export function readSource(kind: SourceKind, bytes: Uint8Array): Promise<SourceResult> {
  return pool.read(kind, bytes);
}

export type { SourceKind, SourceResult, SourceText, SourcePlace, SourceError } from './model';
export { placeAt, describePlace } from './model';
