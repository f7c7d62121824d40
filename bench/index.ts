/**
 * `npm run bench`: how fast checking is, measured in one run on one machine,
 * against markdownlint and against a floor. Prints a table and writes
 * bench/results.json. No pass or fail: the targets are reported, not enforced.
 *
 *   node --expose-gc out/bench/index.js [analysis] [editing] [batch] [footprint] [folder] [review] [actions] [sources] [cli] [--no-production]
 *
 * (--expose-gc lets the in-process measures collect garbage between batches.)
 * Names narrow the run to those parts; --no-production skips the minified build
 * (which rewrites dist/ and then builds it again the normal way).
 */
import { writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/support/fixtures';
import { benchActions } from './actions';
import { benchAnalysis } from './analysis';
import { benchBatch } from './batch';
import { benchCli } from './cli';
import { benchEditing } from './editing';
import { benchFolder } from './folder';
import { benchFootprint } from './footprint';
import { loadInputs } from './inputs';
import { benchReview } from './review';
import { benchSources } from './sources';
import { render, summaryLine, targets, type Results } from './report';

const PARTS = ['analysis', 'editing', 'batch', 'cli', 'footprint', 'folder', 'review', 'actions', 'sources'] as const;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--no-production' && !(PARTS as readonly string[]).includes(a));
  if (unknown.length) {
    process.stderr.write(`bench: unknown argument ${unknown.join(' ')}\nusage: node out/bench/index.js [${PARTS.join('] [')}] [--no-production]\n`);
    process.exitCode = 2;
    return;
  }
  const chosen = args.filter((a) => !a.startsWith('--'));
  const run = (part: (typeof PARTS)[number]) => !chosen.length || chosen.includes(part);
  const log = (s: string) => process.stderr.write(`${s}\n`);

  const started = new Date();
  const cpu = cpus();
  const machine = {
    date: started.toISOString(),
    node: process.version,
    cpu: { model: cpu[0]?.model.trim() ?? 'unknown', cores: cpu.length },
    platform: platform(),
    arch: arch(),
    memoryMB: Math.round(totalmem() / 1024 / 1024),
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
  const inputs = loadInputs();
  log(`GovReport benchmarks: ${inputs.note}`);

  const t0 = performance.now();
  const results: Results = {};
  if (run('analysis')) results.analysis = await benchAnalysis(inputs, log);
  // The report edited: the first seed (a real report, one cell per line) or fixture.
  if (run('editing')) results.editing = await benchEditing(inputs.seeds[0], log);
  if (run('batch')) results.batch = benchBatch(inputs, log);
  if (run('cli')) results.cli = benchCli(inputs, log);
  if (run('folder')) results.folder = benchFolder(log);
  if (run('review')) results.review = await benchReview(inputs.seeds[0], log);
  // A report with fixable cells, grown large: the project's fixture, always there.
  if (run('actions')) results.actions = await benchActions(inputs.all.find((s) => s.name === 'cells.report.txt')!, log);
  if (run('sources')) results.sources = await benchSources(log);
  if (run('footprint')) results.footprint = await benchFootprint(inputs, { production: !args.includes('--no-production') }, log);
  const seconds = (performance.now() - t0) / 1000;

  const header = [
    `GovReport benchmarks · ${machine.date} · node ${machine.node} · ${machine.cpu.model} × ${machine.cpu.cores} · ${machine.platform} ${machine.arch} · load ${machine.loadAverageAtStart.join(' ')}`,
    `reports: ${inputs.note}`,
  ];
  const summary = summaryLine(results);
  writeFileSync(
    join(ROOT, 'bench', 'results.json'),
    `${JSON.stringify({ ...machine, seconds: Math.round(seconds), inputs: { source: inputs.source, note: inputs.note }, ...results, targets: targets(results), summary }, null, 2)}\n`,
  );
  log(`  (${seconds.toFixed(0)} s; results in bench/results.json)`);
  process.stdout.write(`${render(results, header)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
