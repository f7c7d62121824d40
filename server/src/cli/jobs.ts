/**
 * Checking on every core (`--jobs N`): the files the PATHs stand for are
 * handed to worker threads (worker.ts) as they are found, and their results
 * come back in the files' order. At most a few files per thread are in
 * flight, so memory does not grow with the number of files; `--jobs 1`
 * checks in this thread. A thread that fails leaves its files to this one.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { SettingsStore } from '../config/folder';
import { findingsDigest, LineIndex } from '../analysis';
import type { FilePath, ReportFile } from '../inputs';
import type { CrossReports } from './cross';
import type { FolderChecks } from './folders';
import { pick, type Checked, type Locale } from './checked';
import { expand, namedNotReport, type Found } from './inputs';
import { MESSAGES } from './messages';
import type { Io } from './output';
import { prepare, type Prepared } from './prepare';

declare const GOVREPORT_CHECK_WORKER: string | undefined;
/** The worker's file: its bundle beside this one, or worker.js beside this file in the unbundled build. */
const WORKER_FILE = join(__dirname, typeof GOVREPORT_CHECK_WORKER === 'string' ? GOVREPORT_CHECK_WORKER : 'worker.js');

/**
 * The default number of threads: one per core, as eslint's --concurrency,
 * from three cores up. On two cores the main thread (walking the folders,
 * placing findings, writing) takes a core's share from the threads, and each
 * thread warms its own compiled code and copies its results back: measured
 * there, the default of two threads took 1.3-1.7 times as long as one over
 * 300 and 1,000 reports, and 1.7-2.3 times over 30.
 */
export const defaultJobs = (cores = availableParallelism()): number => (cores > 2 ? cores : 1);

/** Files in flight per thread: enough to keep each busy while results are written, few enough to bound memory. */
const PER_THREAD = 4;

interface Job {
  path: FilePath;
  walked: boolean;
  resolve: (p: Prepared) => void;
}

class Pool {
  private readonly workers: { worker: Worker; jobs: Map<number, Job> }[] = [];
  private next = 0;
  private broken = false;

  constructor(
    private readonly size: number,
    private readonly local: (path: FilePath, walked: boolean) => Promise<Prepared>,
  ) {}

  run(path: FilePath, walked: boolean): Promise<Prepared> {
    if (this.broken) return this.local(path, walked);
    return new Promise((resolve) => {
      // A new thread only when every thread has work: one file starts none.
      let slot = this.workers.find((w) => !w.jobs.size);
      if (!slot && this.workers.length < this.size) slot = this.start();
      slot ??= this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      const id = this.next++;
      slot.jobs.set(id, { path, walked, resolve });
      slot.worker.postMessage({ id, path, walked });
    });
  }

  private start(): { worker: Worker; jobs: Map<number, Job> } {
    // Loaded only when threads are used.
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const slot = { worker: new Worker(WORKER_FILE), jobs: new Map<number, Job>() };
    // A file the thread failed on is checked here (and fails here as it would have without threads).
    slot.worker.on('message', ({ id, prepared }: { id: number; prepared?: Prepared }) => {
      const job = slot.jobs.get(id);
      if (!job) return;
      slot.jobs.delete(id);
      if (prepared) job.resolve(restore(prepared, job.path));
      else void this.local(job.path, job.walked).then(job.resolve);
    });
    // A thread that cannot start or dies: its files, and those after, are checked here.
    const fail = () => {
      this.broken = true;
      const index = this.workers.indexOf(slot);
      if (index >= 0) this.workers.splice(index, 1);
      for (const job of slot.jobs.values()) void this.local(job.path, job.walked).then(job.resolve);
      slot.jobs.clear();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => code !== 0 && fail());
    this.workers.push(slot);
    return slot;
  }

  close(): void {
    for (const { worker } of this.workers) void worker.terminate();
    this.workers.length = 0;
  }
}

/** The path as found (a Buffer when its bytes are not UTF-8, which a thread's message turns into plain bytes). */
function restore(p: Prepared, path: FilePath): Prepared {
  if (p.input.path !== undefined) p.input.path = path;
  return p;
}

/**
 * The reports the PATHs stand for, read and analysed by `jobs` threads (1:
 * in this one), in the files' order. A PATH that stands for nothing is said
 * on stderr; a file found in a folder that is no report (notes, a readme, a
 * web page of something else) is skipped; both are counted in `found`. A file
 * named that is no report is said to be none (an error of its own, not a
 * report's findings); files named as reports (.govreport, .report.txt) are
 * always checked. A file `ignores` says to leave out is not read, named or found.
 */
export async function* preparedReports(paths: string[], locale: Locale, io: Io, found: Found, ignores: (path: FilePath) => boolean, jobs: number): AsyncGenerator<Prepared> {
  const store = new SettingsStore();
  const local = async (path: FilePath, walked: boolean): Promise<Prepared> => {
    try {
      return await prepare(path, walked, store);
    } catch (e) {
      // As a file that cannot be read: said, and the others checked.
      const detail = e instanceof Error ? e.message : String(e);
      const input: ReportFile = { file: String(path), error: { zh: `无法检查（${detail}）`, en: `cannot be checked (${detail})` } };
      return { input, findings: [], subjects: [] };
    }
  };
  const pool = jobs > 1 ? new Pool(jobs, local) : undefined;
  const window: Promise<Prepared | undefined>[] = [];
  const limit = pool ? jobs * PER_THREAD : 1;
  let first = true;
  const sort = async (p: Promise<Prepared>, walked: boolean): Promise<Prepared | undefined> => {
    const r = await p;
    if (!r.input.notReport) return r;
    if (walked) {
      found.skipped++;
      return undefined;
    }
    return { ...r, input: namedNotReport(r.input) };
  };
  try {
    for await (const e of expand(paths)) {
      if (e.kind === 'missing' || e.kind === 'no-reports') {
        found.notFound++;
        io.err(`govreport: ${pick(e.kind === 'missing' ? MESSAGES.missing(e.arg) : MESSAGES.noReports(e.arg), locale)}\n`);
      } else if (e.kind === 'unreadable') {
        found.notFound++;
        io.err(`govreport: ${e.arg}: ${pick(e.error, locale)}\n`);
      } else if (ignores(e.path)) {
        found.ignored = (found.ignored ?? 0) + 1;
      } else {
        // The first file in this thread while the threads start (a single file starts none).
        window.push(sort(pool && !first ? pool.run(e.path, e.walked) : local(e.path, e.walked), e.walked));
        first = false;
      }
      while (window.length >= limit) {
        const r = await window.shift()!;
        if (r) yield r;
      }
    }
    while (window.length) {
      const r = await window.shift()!;
      if (r) yield r;
    }
  } finally {
    pool?.close();
  }
}

/**
 * A file as checked: its folder's settings applied and the accepted findings
 * left out (in the files' order, each accepted finding taken once), its digest
 * left for the rules across reports.
 */
export function settle(p: Prepared, cross: CrossReports, folders: FolderChecks): Checked {
  const { input } = p;
  if (input.text === undefined) return { input, findings: [] };
  const lines = p.lines ?? new LineIndex(input.text);
  const subjects = new Map(p.subjects);
  const findings = folders.ownOf(input.file, p.findings, (offset) => subjects.get(offset)!);
  if (p.digest) cross.index.set({ ...p.digest, ...findingsDigest(lines, findings) });
  return { input, findings, lines, source: input.source };
}
