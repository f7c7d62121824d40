/**
 * The benchmarks' output: tables for people, the targets with whether each is
 * met, and the one-line summary printed last.
 */
import type { ActionsResult } from './actions';
import type { AnalysisResult } from './analysis';
import type { BatchResult } from './batch';
import type { CliResult } from './cli';
import type { EditingResult } from './editing';
import type { FolderResult } from './folder';
import type { FootprintResult } from './footprint';
import type { ReviewResult } from './review';
import type { SourcesResult } from './sources';

export interface Results {
  analysis?: AnalysisResult;
  editing?: EditingResult;
  batch?: BatchResult;
  cli?: CliResult;
  footprint?: FootprintResult;
  folder?: FolderResult;
  review?: ReviewResult;
  actions?: ActionsResult;
  sources?: SourcesResult;
}

export interface Target {
  name: string;
  target: string;
  measured: string;
  value: number;
  met: boolean;
}

export function ms(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  if (v < 1) return v.toFixed(3);
  if (v < 10) return v.toFixed(2);
  if (v < 100) return v.toFixed(1);
  return Math.round(v).toLocaleString('en-US');
}

export function times(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return `${v >= 100 ? Math.round(v).toLocaleString('en-US') : v >= 10 ? v.toFixed(1) : v.toFixed(2)}×`;
}

const num = (v: number, digits = 1): string => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');

export function size(bytes: number | undefined): string {
  if (bytes === undefined) return '–';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Characters a terminal shows two columns wide (CJK), for alignment. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** A plain-text table; columns after the first are right-aligned. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(widths[i] - width(c));
        return i === 0 ? c + pad : pad + c;
      })
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function targets(r: Results): Target[] {
  const out: Target[] = [];
  const a = r.analysis;
  if (a) {
    out.push(
      { name: `typical report (${size(a.typicalBytes)}) analysed`, target: '≤ 0.1 ms', measured: `${ms(a.typicalMs)} ms`, value: a.typicalMs, met: a.typicalMs <= 0.1 },
      { name: 'faster than markdownlint (seeds)', target: '≥ 100×', measured: times(a.vsMarkdownlint), value: a.vsMarkdownlint, met: a.vsMarkdownlint >= 100 },
      { name: 'within the floor (seeds)', target: '≤ 5×', measured: times(a.vsFloor), value: a.vsFloor, met: a.vsFloor <= 5 },
      { name: 'linear in size (10 MB / 1 MB time)', target: '≤ 11×', measured: times(a.growth), value: a.growth, met: a.growth <= 11 },
    );
  }
  if (r.editing) {
    const e = r.editing;
    out.push({ name: 'edit to diagnostics p95 (debounce included)', target: '≤ 60 ms', measured: `${ms(e.p95)} ms`, value: e.p95, met: e.p95 <= 60 });
    if (e.rssAfterMB !== undefined) out.push({ name: `server resident after ${e.edits.toLocaleString('en-US')} edits`, target: '≤ 80 MB', measured: `${num(e.rssAfterMB)} MB`, value: e.rssAfterMB, met: e.rssAfterMB <= 80 });
  }
  if (r.batch) {
    const b = r.batch;
    out.push({
      name: `${b.files.toLocaleString('en-US')} reports through the CLI`,
      target: '≤ 1.5 s',
      measured: `${num(b.ms / 1000, 2)} s`,
      value: b.ms / 1000,
      met: b.ms <= 1500 && b.outputFiles === b.files,
    });
  }
  if (r.batch?.other) {
    const b = r.batch;
    out.push({ name: `${b.files.toLocaleString('en-US')} reports through the CLI, --jobs ${b.other!.jobs}`, target: '≤ 1.5 s', measured: `${num(b.other!.ms / 1000, 2)} s`, value: b.other!.ms / 1000, met: b.other!.ms <= 1500 });
  }
  if (r.cli) {
    for (const row of r.cli.rows.filter((x) => x.files === 300)) {
      out.push({ name: `CLI vs markdownlint-cli2, ${row.files} files`, target: '≥ 20×', measured: times(row.vsMarkdownlint), value: row.vsMarkdownlint, met: row.vsMarkdownlint >= 20 });
      if (row.vsMarkdownlintOther !== undefined) out.push({ name: `CLI vs markdownlint-cli2, ${row.files} files, --jobs ${r.cli.otherJobs}`, target: '≥ 20×', measured: times(row.vsMarkdownlintOther), value: row.vsMarkdownlintOther, met: row.vsMarkdownlintOther >= 20 });
    }
    const c = r.cli.copies;
    out.push({ name: `${c.counts[1].toLocaleString('en-US')} copies of one report / ${c.counts[0].toLocaleString('en-US')}`, target: '≤ 4.5×', measured: times(c.ratio), value: c.ratio, met: c.ratio <= 4.5 });
  }
  for (const run of r.folder?.runs ?? []) {
    const files = r.folder!.files;
    out.push({
      name: `${files.toLocaleString('en-US')} reports: ${run.command}`,
      target: '≥ 1,000 reports/s',
      measured: `${Math.round(run.reportsPerSecond).toLocaleString('en-US')} reports/s, peak ${num(run.peakRssMB)} MB`,
      value: run.reportsPerSecond,
      met: run.reportsPerSecond >= 1000 && run.outputReports === files,
    });
  }
  if (r.review) {
    const v = r.review;
    out.push({ name: `edit to diagnostics p95 during a ${v.reports.toLocaleString('en-US')}-report workspace review`, target: '≤ 60 ms', measured: `${ms(v.p95)} ms (${v.editsDuringScan} edits)`, value: v.p95, met: v.p95 <= 60 && v.editsDuringScan > 0 });
    if (v.rssMB !== undefined) out.push({ name: `server resident after reviewing ${v.reports.toLocaleString('en-US')} reports`, target: '≤ 200 MB', measured: `${num(v.rssMB)} MB`, value: v.rssMB, met: v.rssMB <= 200 });
  }
  if (r.footprint?.rssMB !== undefined) {
    const f = r.footprint;
    out.push({ name: `server resident with ${f.reportsOpen} reports open`, target: '≤ 80 MB', measured: `${num(f.rssMB!)} MB`, value: f.rssMB!, met: f.rssMB! <= 80 });
  }
  const big = r.actions?.rows.find((x) => x.mb === 20);
  if (big?.quickFixPeakMB !== undefined) {
    const ratio = big.quickFixPeakMB / big.mb;
    out.push({ name: 'quick fix on a 20 MB report: server peak / document', target: '≤ 10×', measured: `${times(ratio)} (${num(big.quickFixPeakMB, 0)} MB)`, value: ratio, met: ratio <= 10 });
  }
  for (const s of r.sources?.inputs ?? []) {
    // Targets for a typical report: .docx ≤ 5 ms, a 100 KB web page ≤ 5 ms, a 5-page PDF ≤ 100 ms.
    const limit = s.kind === 'pdf' ? (s.pages === 5 ? 100 : undefined) : 5;
    if (limit !== undefined) out.push({ name: `reading ${s.name}`, target: `≤ ${limit} ms`, measured: `${ms(s.medianMs)} ms`, value: s.medianMs, met: s.medianMs <= limit });
  }
  return out;
}

/** The last line: the ratios and headline numbers at a glance. */
export function summaryLine(r: Results): string {
  const parts: string[] = [];
  if (r.analysis) {
    const a = r.analysis;
    parts.push(`GovReport vs markdownlint: ${times(a.vsMarkdownlint)} faster`, `vs floor: ${times(a.vsFloor)}`, `10 MB/1 MB: ${times(a.growth)}`);
  }
  if (r.editing) parts.push(`edit p95 ${ms(r.editing.p95)} ms`);
  if (r.batch) parts.push(`${r.batch.files.toLocaleString('en-US')} reports ${num(r.batch.ms / 1000, 2)} s`);
  for (const row of r.cli?.rows ?? []) parts.push(`CLI vs markdownlint-cli2 (${row.files}) ${times(row.vsMarkdownlint)}`);
  for (const run of r.folder?.runs ?? []) parts.push(`${run.command.split(' ')[1]} ${Math.round(run.reportsPerSecond).toLocaleString('en-US')} reports/s`);
  if (r.footprint?.rssMB !== undefined) parts.push(`RSS ${Math.round(r.footprint.rssMB)} MB`);
  return parts.join(' · ');
}

export function render(r: Results, header: string[]): string {
  const out: string[] = [...header, ''];
  const a = r.analysis;
  if (a) {
    out.push(`1. Analysis per report, in process: median of runs after warm-up (tinybench ${a.tinybenchVersion}); markdownlint ${a.markdownlintVersion}, default rules`);
    out.push(
      table(
        ['report', 'size', 'GovReport ms', 'MB/s', 'markdownlint ms', 'MB/s', 'floor ms', 'MB/s', 'ml/GovReport', 'GovReport/floor', 'findings G/ml'],
        a.texts.map((t) => [
          t.name,
          size(t.bytes),
          ms(t.govreport.ms),
          num(t.govreport.mbps),
          ms(t.markdownlint.ms),
          num(t.markdownlint.mbps),
          ms(t.floor.ms),
          num(t.floor.mbps, 0),
          times(t.vsMarkdownlint),
          times(t.vsFloor),
          `${t.govreport.findings}/${t.markdownlint.findings}`,
        ]),
      ),
    );
    out.push(`   runs per measurement: ${a.texts.map((t) => `${t.name.slice(0, 15)} ${t.govreport.samples}/${t.markdownlint.samples}/${t.floor.samples}`).join(', ')} (GovReport/markdownlint/floor)`);
    for (const t of a.texts.filter((x) => x.how)) out.push(`   ${t.name}: ${t.how}`);
    out.push(`   GovReport: ${a.govreport}; floor: ${a.floor}`);
    out.push(
      `   typical report (seeds' median, ${size(a.typicalBytes)}): ${ms(a.typicalMs)} ms; vs markdownlint ${times(a.vsMarkdownlint)}, vs floor ${times(a.vsFloor)} (geometric means over the seeds); ` +
        `10 MB / 1 MB: ${times(a.growth)}; vs markdownlint at 1 MB ${times(a.vsMarkdownlintLarge['1MB'])}, at 10 MB ${times(a.vsMarkdownlintLarge['10MB'])}`,
    );
    out.push('');
  }
  const e = r.editing;
  if (e) {
    out.push(`2. Editing over stdio (node dist/server.js --stdio): ${e.edits} single-character edits to ${e.report}, each waiting for its diagnostics`);
    out.push(table(['didChange → publishDiagnostics', 'p50', 'p95', 'max', 'min'], [['ms (debounce included)', ms(e.p50), ms(e.p95), ms(e.max), ms(e.min)]]));
    out.push(`   edits: ${e.how}; ${e.distinctCounts} different diagnostic counts seen`);
    out.push(`   didOpen → first diagnostics: ${ms(e.openMs)} ms`);
    if (e.rssAfterMB !== undefined) out.push(`   server resident: ${num(e.rssOpenMB ?? NaN)} MB after opening, ${num(e.rssAfterMB)} MB after the ${e.edits} edits (peak ${num(e.peakMB ?? NaN)} MB)`);
    out.push('');
  }
  const b = r.batch;
  if (b) {
    out.push(`3. Batch: node bin/govreport.js check --format json <folder>, one process, wall time (process start included), median of ${b.runsMs.length} runs`);
    out.push(
      table(
        ['files', 'total size', 'wall s', 'reports/s', 'runs (s)', `--jobs ${b.other?.jobs ?? 1} s`, 'files in output', 'exit'],
        [
          [
            b.files.toLocaleString('en-US'),
            size(b.bytes),
            num(b.ms / 1000, 2),
            Math.round(b.reportsPerSecond).toLocaleString('en-US'),
            b.runsMs.map((x) => num(x / 1000, 2)).join(' / '),
            b.other ? num(b.other.ms / 1000, 2) : 'no --jobs',
            String(b.outputFiles),
            String(b.exitCode),
          ],
        ],
      ),
    );
    out.push(`   files: ${b.how}`);
    out.push('');
  }
  const l = r.cli;
  if (l) {
    out.push(`9. Whole command lines: govreport check --format json and markdownlint-cli2 ${l.markdownlintCli2Version} (default rules) over the same files, wall time (process start included)`);
    out.push(
      table(
        ['files', 'size', 'markdownlint-cli2 s', 'GovReport s', `GovReport --jobs ${l.otherJobs} s`, 'ml/GovReport', `ml/GovReport --jobs ${l.otherJobs}`, 'runs'],
        l.rows.map((x) => [
          x.files.toLocaleString('en-US'),
          size(x.bytes),
          num(x.markdownlintMs / 1000, 2),
          num(x.govreportMs / 1000, 2),
          x.govreportOtherMs === undefined ? 'no --jobs' : num(x.govreportOtherMs / 1000, 2),
          times(x.vsMarkdownlint),
          x.vsMarkdownlintOther === undefined ? '–' : times(x.vsMarkdownlintOther),
          String(x.runs),
        ]),
      ),
    );
    const c = l.copies;
    out.push(`   copies of one report (${c.report}, one body and year): ${c.counts[0].toLocaleString('en-US')} in ${num(c.ms[0] / 1000, 2)} s, ${c.counts[1].toLocaleString('en-US')} in ${num(c.ms[1] / 1000, 2)} s: ${times(c.ratio)}`);
    out.push('');
  }
  const v = r.review;
  if (v) {
    out.push(`6. Workspace review over stdio: ${v.reports.toLocaleString('en-US')} closed reports reviewed while a report is edited (a digit typed and deleted, each waiting for its diagnostics)`);
    out.push(
      table(
        ['reports', 'scan s', 'reports/s', 'edits during scan', 'p50 ms', 'p95 ms', 'max ms', 'RSS after MB'],
        [[String(v.reports), num(v.scanMs / 1000, 2), Math.round(v.reportsPerSecond).toLocaleString('en-US'), String(v.editsDuringScan), ms(v.p50), ms(v.p95), ms(v.max), v.rssMB === undefined ? '–' : num(v.rssMB)]],
      ),
    );
    out.push(`   memory from ${v.rssSource}`);
    out.push('');
  }
  const d = r.folder;
  if (d) {
    out.push(`5. Folder scan: ${d.files.toLocaleString('en-US')} reports (${size(d.bytes)}), one process, wall time (process start included), peak resident memory of the process`);
    out.push(
      table(
        ['command', 'wall s', 'reports/s', 'peak MB', 'reports in output', 'across reports', 'exit'],
        d.runs.map((x) => [x.command, num(x.ms / 1000, 2), Math.round(x.reportsPerSecond).toLocaleString('en-US'), num(x.peakRssMB), String(x.outputReports), x.crossFindings === undefined ? '–' : String(x.crossFindings), String(x.exitCode)]),
      ),
    );
    out.push(`   files: ${d.how}`);
    out.push('');
  }
  const f = r.footprint;
  if (f) {
    out.push('4. Footprint');
    out.push(
      `   server memory: ${f.rssMB === undefined ? 'not measured' : `${num(f.rssMB)} MB resident with ${f.reportsOpen} reports open`}` +
        `${f.rssIdleMB === undefined ? '' : ` (${num(f.rssIdleMB)} MB after start, none open)`}${f.peakRssMB === undefined ? '' : `, peak ${num(f.peakRssMB)} MB`}; from ${f.rssSource}`,
    );
    out.push(
      table(
        ['bundle', 'as built', 'production (minified)', 'gzip'],
        f.bundles.map((x) => [x.file, size(x.bytes), size(x.productionBytes), size(x.productionGzipBytes)]),
      ),
    );
    if (f.productionBuild !== 'measured') out.push(`   production build: ${f.productionBuild}`);
    out.push(`   server start (spawn → initialize response): ${ms(f.serverStartMs)} ms median of ${f.serverStartRuns.length} (${f.serverStartRuns.map(ms).join(', ')})`);
    out.push(
      `   client bundle load (require dist/client.js, stub vscode, fresh node): ${f.clientLoadMs === undefined ? 'could not be measured' : `${ms(f.clientLoadMs)} ms median of ${f.clientLoadRuns.length}`}`,
    );
    out.push(`   extension activation in VS Code: ${f.activation}`);
    out.push('');
  }
  const c = r.actions;
  if (c) {
    out.push(`7. Quick fixes on large documents over stdio: ${c.report} written again and again; a quick-fix request on one cell (the first, then the median of 4 more), a hover there, an explicit fix-all`);
    out.push(
      table(
        ['size', 'quick fix ms (first)', 'quick fix ms (next)', 'hover ms', 'fix all ms', 'fix-all edits', 'peak RSS open', 'peak RSS quick fix', 'server peak RSS'],
        c.rows.map((x) => [
          `${x.mb} MB`,
          ms(x.firstQuickFixMs),
          ms(x.quickFixMs),
          ms(x.hoverMs),
          ms(x.fixAllMs),
          String(x.fixAllEdits),
          x.openPeakMB === undefined ? '–' : `${num(x.openPeakMB, 0)} MB`,
          x.quickFixPeakMB === undefined ? '–' : `${num(x.quickFixPeakMB, 0)} MB`,
          x.rssMB === undefined ? '–' : `${num(x.rssMB, 0)} MB`,
        ]),
      ),
    );
    out.push('');
  }
  const s = r.sources;
  if (s) {
    out.push('8. Source readers: bytes to report text through readSource (the reading thread, round trip included), median after warm-up (first read: the thread started, readers and libraries loaded on the way)');
    out.push(
      table(
        ['input', 'size', 'median ms', 'p95 ms', 'first read ms', 'runs'],
        s.inputs.map((x) => [x.name, size(x.bytes), ms(x.medianMs), ms(x.p95Ms), ms(x.firstMs), String(x.runs)]),
      ),
    );
    out.push(`   peak resident memory of the benchmark process while reading: ${num(s.peakRssMB)} MB (${num(s.startRssMB)} MB before the first read)`);
    out.push('');
  }
  const t = targets(r);
  if (t.length) {
    out.push('Targets');
    out.push(table(['target', 'wanted', 'measured', 'met'], t.map((x) => [x.name, x.target, x.measured, x.met ? 'yes' : 'NO'])));
    out.push('');
  }
  out.push(summaryLine(r));
  return out.join('\n');
}
