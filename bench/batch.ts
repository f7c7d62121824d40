/**
 * 3. Batch: the command line over 1,000 report files in a temporary folder,
 * `govreport check --format json <folder>` run as a child process; wall time of
 * the whole command (process start included) and reports per second; with
 * the default threads and the other way (OTHER_JOBS), where the command line
 * has `--jobs`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/support/fixtures';
import { cleanSpec, LAYOUTS, render } from '../test/support/reports';
import type { Inputs } from './inputs';
import { median } from './stats';

export interface BatchResult {
  files: number;
  /** What the files are, for the output. */
  how: string;
  bytes: number;
  /** Wall time of each run, ms; the median is reported. */
  runsMs: number[];
  ms: number;
  reportsPerSecond: number;
  /** The same with `--jobs` OTHER_JOBS, where the command line checks on several threads. */
  other?: { jobs: number; runsMs: number[]; ms: number };
  /** Files in the JSON output (must be all of them). */
  outputFiles: number;
  exitCode: number | null;
}

const FILES = 1000;
const RUNS = 3;

/** A variant of a report as people save them: as it is, with Windows line ends, or with a mistyped count. */
function variant(text: string, i: number): string {
  switch (i % 3) {
    case 1:
      return text.replace(/\r?\n/g, '\r\n');
    case 2: {
      // Change the last digit of the 5th standalone number (a table cell in most reports).
      let n = 0;
      return text.replace(/(?<=^|[\s|])\d+(?=\s|\||$)/gm, (m) => (++n === 5 ? m.slice(0, -1) + String((Number(m.at(-1)) + 1) % 10) : m));
    }
    default:
      return text;
  }
}

/** Writes `files` reports into `dir`, in subfolders of 100. */
export function writeReports(inputs: Inputs, dir: string, files = FILES): { bytes: number; how: string } {
  const pool: { name: string; data: string | Buffer }[] = [
    ...inputs.all.map((s) => ({ name: s.name, data: s.text })),
    ...[2021, 2022, 2023, 2024].flatMap((year) => LAYOUTS.map((layout) => ({ name: `rendered-${year}-${layout}`, data: render(cleanSpec('2021', year), layout) }))),
    ...inputs.raw.map((r) => ({ name: r.name, data: r.bytes })),
  ];
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const base = pool[i % pool.length];
    const round = Math.floor(i / pool.length);
    const data = typeof base.data === 'string' ? variant(base.data, round) : base.data;
    const sub = join(dir, `batch-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    const ext = i % 2 ? '.report.txt' : '.txt';
    const file = join(sub, `${String(i).padStart(4, '0')}-${base.name.replace(/[^\w.-]+/g, '_').replace(/\.(report\.)?txt$/, '')}${ext}`);
    writeFileSync(file, data);
    bytes += Buffer.byteLength(data);
  }
  const how =
    `${files} files cycling through ${pool.length} reports (${inputs.all.length} real and fixture reports, ` +
    `${LAYOUTS.length} layouts × 4 years rendered from the schema, ${inputs.raw.length} in GBK), ` +
    'each as saved, with CRLF line ends, or with one count changed';
  return { bytes, how };
}

/**
 * The threads of the second run: one where the default is every core (three
 * cores and more), every core where the default is one thread (two cores or
 * fewer), so that both figures are shown.
 */
export const OTHER_JOBS = availableParallelism() > 2 ? 1 : 2;

/** Whether the command line checks on several threads (`--jobs N`): its help says so. */
export function hasJobs(): boolean {
  const help = spawnSync(process.execPath, [join(ROOT, 'bin', 'govreport.js'), 'check', '--help'], { cwd: ROOT, encoding: 'utf8' });
  return /--jobs\b/.test(help.stdout + help.stderr);
}

/** One `govreport check --format json` over `dir`: wall time and the files in its output. */
export function runCheck(dir: string, jobs?: number): { ms: number; outputFiles: number; exitCode: number | null } {
  const t = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'govreport.js'), 'check', '--format', 'json', ...(jobs ? ['--jobs', String(jobs)] : []), dir], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t;
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1) throw new Error(`govreport check exited with ${run.status}: ${run.stderr.slice(0, 500)}`);
  // One entry per file, its findings across reports inside it.
  return { ms, outputFiles: (JSON.parse(run.stdout) as { file: string }[]).length, exitCode: run.status };
}

export function benchBatch(inputs: Inputs, log: (s: string) => void): BatchResult {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-bench-'));
  try {
    const { bytes, how } = writeReports(inputs, dir);
    const jobs = hasJobs();
    const runsMs: number[] = [];
    const otherMs: number[] = [];
    let outputFiles = 0;
    let exitCode: number | null = null;
    // Once unmeasured: the first run would pay alone for loading node and the reports from disk.
    runCheck(dir);
    for (let r = 0; r < RUNS; r++) {
      const run = runCheck(dir);
      runsMs.push(run.ms);
      outputFiles = run.outputFiles;
      exitCode = run.exitCode;
      log(`  batch: run ${r + 1}: ${run.ms.toFixed(0)} ms, ${outputFiles} files in the output`);
      if (jobs) {
        const other = runCheck(dir, OTHER_JOBS);
        otherMs.push(other.ms);
        log(`  batch: run ${r + 1} with --jobs ${OTHER_JOBS}: ${other.ms.toFixed(0)} ms`);
      }
    }
    const ms = median(runsMs);
    return { files: FILES, how, bytes, runsMs, ms, reportsPerSecond: FILES / (ms / 1000), outputFiles, exitCode, other: jobs ? { jobs: OTHER_JOBS, runsMs: otherMs, ms: median(otherMs) } : undefined };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
