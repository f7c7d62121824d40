/**
 * 9. Whole command lines side by side: `govreport check --format json` and
 * markdownlint-cli2 (its defaults) over the same 300 and 3,000 report files,
 * each a child process, wall time with its start (each side run once unmeasured
 * first, then alternated); GovReport with its default threads and the other way
 * (batch.ts, OTHER_JOBS) where it has `--jobs`. And
 * the rules across reports: 2,000 and 8,000 copies of one report (one body,
 * one year), whose time should grow with their number, not its square.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasJobs, OTHER_JOBS, runCheck, writeReports } from './batch';
import type { Inputs, Sample } from './inputs';
import { median } from './stats';

export interface CliRow {
  files: number;
  bytes: number;
  /** Wall times, ms (median of the runs). */
  markdownlintMs: number;
  govreportMs: number;
  /** `--jobs` OTHER_JOBS, where the command line has --jobs. */
  govreportOtherMs?: number;
  /** markdownlint-cli2's time / GovReport's. */
  vsMarkdownlint: number;
  vsMarkdownlintOther?: number;
  runs: number;
}

export interface CliResult {
  markdownlintCli2Version: string;
  jobs: boolean;
  /** The threads of the second figure. */
  otherJobs: number;
  rows: CliRow[];
  copies: { report: string; counts: [number, number]; ms: [number, number]; ratio: number };
}

const SIZES: { files: number; runs: number }[] = [
  { files: 300, runs: 3 },
  { files: 3000, runs: 1 },
];
const COPIES: [number, number] = [2000, 8000];

function cli2(): { bin: string; version: string } {
  // An ES module whose package.json is not exported: found in node_modules.
  for (const dir of module.paths) {
    const bin = join(dir, 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    if (existsSync(bin)) return { bin, version: (JSON.parse(readFileSync(join(dir, 'markdownlint-cli2', 'package.json'), 'utf8')) as { version: string }).version };
  }
  throw new Error('markdownlint-cli2 is not installed (npm ci)');
}

function runMarkdownlint(bin: string, dir: string): number {
  const t = performance.now();
  const run = spawnSync(process.execPath, [bin, '**/*.txt'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (run.error) throw run.error;
  // 0: nothing found, 1: findings; anything else is its failure.
  if (run.status !== 0 && run.status !== 1) throw new Error(`markdownlint-cli2 exited with ${run.status}: ${run.stderr.slice(0, 500)}`);
  return ms;
}

function copies(report: Sample, count: number, dir: string): void {
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 100)).padStart(3, '0'));
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(5, '0')}.report.txt`), report.text);
  }
}

export function benchCli(inputs: Inputs, log: (s: string) => void): CliResult {
  const { bin, version } = cli2();
  const jobs = hasJobs();
  const rows: CliRow[] = [];
  for (const { files, runs } of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-bench-cli-'));
    try {
      const { bytes } = writeReports(inputs, dir, files);
      const ml: number[] = [];
      const gr: number[] = [];
      const one: number[] = [];
      // Each side once unmeasured, so that neither pays alone for loading node, its own
      // files or the reports from disk.
      if (!rows.length) {
        runMarkdownlint(bin, dir);
        runCheck(dir);
      }
      const govreport = () => {
        const run = runCheck(dir);
        if (run.outputFiles !== files) throw new Error(`govreport check listed ${run.outputFiles} of ${files} files`);
        gr.push(run.ms);
        if (jobs) one.push(runCheck(dir, OTHER_JOBS).ms);
      };
      // Alternated, each first in turn, so that the machine's load falls on both alike.
      for (let r = 0; r < runs; r++) {
        if (r % 2) govreport();
        ml.push(runMarkdownlint(bin, dir));
        if (!(r % 2)) govreport();
      }
      const row: CliRow = {
        files,
        bytes,
        markdownlintMs: median(ml),
        govreportMs: median(gr),
        govreportOtherMs: jobs ? median(one) : undefined,
        vsMarkdownlint: median(ml) / median(gr),
        vsMarkdownlintOther: jobs ? median(ml) / median(one) : undefined,
        runs,
      };
      log(`  cli: ${files} files: markdownlint-cli2 ${row.markdownlintMs.toFixed(0)} ms, govreport ${row.govreportMs.toFixed(0)} ms${jobs ? ` (--jobs ${OTHER_JOBS}: ${row.govreportOtherMs!.toFixed(0)} ms)` : ''}`);
      rows.push(row);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const report = inputs.seeds[0];
  const ms = COPIES.map((count) => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-bench-copies-'));
    try {
      copies(report, count, dir);
      const run = runCheck(dir);
      if (run.outputFiles !== count) throw new Error(`govreport check listed ${run.outputFiles} of ${count} copies`);
      log(`  cli: ${count} copies of ${report.name}: ${run.ms.toFixed(0)} ms`);
      return run.ms;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }) as [number, number];
  return { markdownlintCli2Version: version, jobs, otherJobs: OTHER_JOBS, rows, copies: { report: report.name, counts: COPIES, ms, ratio: ms[1] / ms[0] } };
}
