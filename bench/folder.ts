/**
 * 5. Folder scan: a province's folder in small, 10,000 text reports of 2,000
 * bodies over five years (2020 in the 2019 format), laid out in four layouts,
 * through `govreport summary` and `govreport check` with the rules across
 * reports; wall time, reports per second, and the peak resident memory of the
 * command's process (its own getrusage, so the bench's memory is not counted).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/support/fixtures';
import { cleanSpec, copySpec, READABLE, render } from '../test/support/reports';

export interface FolderRun {
  command: string;
  ms: number;
  reportsPerSecond: number;
  peakRssMB: number;
  exitCode: number | null;
  /** Rows or files in the output (must be all of them). */
  outputReports: number;
  /** Findings across reports in the output (check only). */
  crossFindings?: number;
}

export interface FolderResult {
  files: number;
  bodies: number;
  bytes: number;
  how: string;
  runs: FolderRun[];
}

const BODIES = 2000;
export const YEARS = [2020, 2021, 2022, 2023, 2024];

/** One body's report for one year, consistent with its other years; every 50th body carries a defect across years. */
export function report(body: number, k: number): string {
  const year = YEARS[k];
  const spec = copySpec(cleanSpec(year < 2021 ? '2019' : '2021', year));
  spec.title = [`甲${body}市乙${body}区人民政府`, `${year}年政府信息公开工作年度报告`];
  if (year >= 2021) spec.active.normative = ['2', '1', String(15 + k + (body % 50 === 0 && k === 4 ? 1 : 0))];
  // Other figures each year, so that no table repeats.
  for (const row of ['1', '3.1', '3.7']) {
    spec.application[row][0] = String(Number(spec.application[row][0]) + k);
    spec.application[row][6] = String(Number(spec.application[row][6]) + k);
  }
  spec.prose[1][2] = `（二）依申请公开情况。${year}年共收到政府信息公开申请${spec.application['1'][6]}件。`;
  return render(spec, READABLE[(body + k) % READABLE.length]);
}

function writeFolder(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (let b = 0; b < BODIES; b++) {
    const sub = join(dir, `city-${String(Math.floor(b / 100)).padStart(2, '0')}`);
    if (b % 100 === 0) mkdirSync(sub, { recursive: true });
    YEARS.forEach((year, k) => {
      const text = report(b, k);
      writeFileSync(join(sub, `${String(b).padStart(4, '0')}-${year}.report.txt`), text);
      files++;
      bytes += Buffer.byteLength(text);
    });
  }
  return { files, bytes };
}

/** Runs the CLI in a child that reports its own peak memory on its last stderr line. */
function run(args: string[], count: (stdout: string) => { reports: number; cross?: number }, files: number, log: (s: string) => void): FolderRun {
  const script = `const c=require(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))});c.main(${JSON.stringify(args)}).then((code)=>{process.exitCode=code;});process.on('exit',()=>process.stderr.write('\\nmaxRSS '+process.resourceUsage().maxRSS+'\\n'));`;
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`govreport ${args[0]} exited with ${r.status}: ${r.stderr.slice(0, 500)}`);
  const rss = /maxRSS (\d+)\s*$/.exec(r.stderr);
  const { reports, cross } = count(r.stdout);
  const result: FolderRun = {
    command: `govreport ${args.slice(0, -1).join(' ')} <folder>`,
    ms,
    reportsPerSecond: files / (ms / 1000),
    peakRssMB: rss ? Number(rss[1]) / 1024 : NaN,
    exitCode: r.status,
    outputReports: reports,
    crossFindings: cross,
  };
  log(`  folder: ${result.command}: ${(ms / 1000).toFixed(2)} s, ${Math.round(result.reportsPerSecond)} reports/s, peak ${result.peakRssMB.toFixed(0)} MB`);
  return result;
}

export function benchFolder(log: (s: string) => void): FolderResult {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-folder-'));
  try {
    log(`  folder: writing ${BODIES * YEARS.length} reports…`);
    const { files, bytes } = writeFolder(dir);
    const crossCodes = /"code": "(carry-over|active-count|repeated-text|duplicate-report)"/g;
    const runs = [
      run(['summary', '--format', 'csv', dir], (out) => ({ reports: out.split('\r\n').length - 2 }), files, log),
      run(['check', '--format', 'json', dir], (out) => ({ reports: (JSON.parse(out) as { file: string }[]).length, cross: out.match(crossCodes)?.length ?? 0 }), files, log),
    ];
    return {
      files,
      bodies: BODIES,
      bytes,
      how: `${BODIES.toLocaleString('en-US')} bodies × ${YEARS.length} years (${YEARS[0]} in the 2019 format), ${READABLE.length} layouts, rendered from the schema; every 50th body's last report breaks active-count`,
      runs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
