/**
 * 1. Analysis per report, in process: GovReport's full analysis, markdownlint
 * (its library, default rules) on the same text, and a floor that only splits
 * the text into lines and touches every character. Median of many runs after
 * warm-up (tinybench), for each seed and for synthetic 1 MB and 10 MB reports.
 * Every side is warmed on every seed before anything is measured, and the
 * garbage is collected before each batch (node --expose-gc), so that one
 * side's garbage is not collected in another's time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Bench as BenchClass } from 'tinybench';
import type { analyze as Analyze } from '../server/src/analysis';
import { ROOT } from '../test/support/fixtures';
import { synthetic, type Inputs, type Sample } from './inputs';
import { geomean, MB, median } from './stats';

type Lint = (options: { strings: Record<string, string> }) => Record<string, unknown[]>;

export interface Measure {
  /** Median time per report, ms. */
  ms: number;
  /** MB (2^20 bytes of UTF-8) per second at the median. */
  mbps: number;
  min: number;
  max: number;
  samples: number;
}

export interface TextResult {
  name: string;
  kind: 'seed' | 'synthetic';
  bytes: number;
  lines: number;
  how?: string;
  govreport: Measure & { findings: number };
  markdownlint: Measure & { findings: number };
  floor: Measure;
  /** markdownlint's time / GovReport's. */
  vsMarkdownlint: number;
  /** GovReport's time / the floor's. */
  vsFloor: number;
}

export interface AnalysisResult {
  govreport: string;
  markdownlintVersion: string;
  tinybenchVersion: string;
  floor: string;
  texts: TextResult[];
  /** The seeds' median time (a typical report). */
  typicalMs: number;
  typicalBytes: number;
  /** Geometric means over the seeds. */
  vsMarkdownlint: number;
  vsFloor: number;
  /** GovReport's 10 MB time / its 1 MB time. */
  growth: number;
  vsMarkdownlintLarge: { '1MB': number; '10MB': number };
}

/** The floor: split the text into lines and touch every character. */
export function floor(text: string): number {
  const lines = text.split('\n');
  let acc = 0;
  for (const line of lines) for (let i = 0; i < line.length; i++) acc = (acc + line.charCodeAt(i)) | 0;
  return acc;
}

/** A full collection, when node was started with --expose-gc. */
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * The library as it ships: bundled by esbuild the way scripts/build.mjs bundles
 * dist/ (one module, no calls through CommonJS export getters as in out/).
 */
async function shippedAnalyze(): Promise<typeof Analyze> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['server/src/analysis/index.ts'],
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  const mod = { exports: {} as { analyze?: typeof Analyze } };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(mod, mod.exports, require);
  if (!mod.exports.analyze) throw new Error('the bundled library has no analyze()');
  return mod.exports.analyze;
}

/** Results kept here so that no call can be optimised away. */
let sink: unknown;

interface Plan {
  /** Minimum runs and time budget (ms) of the measured phase, and of the warm-up. */
  iterations: number;
  time: number;
  warmupIterations: number;
  warmupTime: number;
}

/** Many runs for a seed; for the large reports a fixed number, markdownlint's 10 MB run taking seconds each. */
function plan(task: 'govreport' | 'markdownlint' | 'floor', bytes: number): Plan {
  if (bytes < 256 * 1024) return { iterations: 64, time: 500, warmupIterations: 32, warmupTime: 200 };
  const ten = bytes > 5 * MB;
  if (task === 'floor') return { iterations: ten ? 30 : 200, time: 0, warmupIterations: 10, warmupTime: 0 };
  if (task === 'govreport') return { iterations: ten ? 5 : 30, time: 0, warmupIterations: ten ? 1 : 3, warmupTime: 0 };
  // markdownlint's code is warm from the smaller texts by then.
  return { iterations: ten ? 3 : 5, time: 0, warmupIterations: ten ? 0 : 1, warmupTime: 0 };
}

async function measure(Bench: typeof BenchClass, name: string, bytes: number, task: 'govreport' | 'markdownlint' | 'floor', fn: () => void): Promise<Measure> {
  const p = plan(task, bytes);
  collect();
  const bench = new Bench({ name, ...p, warmup: p.warmupIterations > 0, throws: true });
  bench.add(task, fn, { async: false });
  const [t] = bench.runSync();
  const r = t.result;
  if (r.state !== 'completed') throw new Error(`${name} ${task}: ${r.state}`);
  const ms = r.latency.p50;
  return { ms, mbps: bytes / MB / (ms / 1000), min: r.latency.min, max: r.latency.max, samples: r.latency.samplesCount };
}

export async function benchAnalysis(inputs: Inputs, log: (s: string) => void): Promise<AnalysisResult> {
  const { Bench } = await import('tinybench');
  const { lint } = (await import('markdownlint/sync')) as unknown as { lint: Lint };
  const analyze = await shippedAnalyze();
  const base = inputs.seeds[0];
  const texts: { sample: Sample; kind: 'seed' | 'synthetic'; how?: string }[] = [
    ...inputs.seeds.map((sample) => ({ sample, kind: 'seed' as const })),
    ...[1, 10].map((mb) => {
      const s = synthetic(base, mb * MB, `synthetic ${mb} MB`);
      return { sample: s, kind: 'synthetic' as const, how: s.how };
    }),
  ];
  // Every side warmed on every seed first: the first text measured is not the one that pays for the JIT.
  for (let round = 0; round < 20; round++) {
    for (const { text } of inputs.seeds) {
      sink = analyze(text);
      sink = lint({ strings: { report: text } });
      sink = floor(text);
    }
  }
  const results: TextResult[] = [];
  for (const { sample, kind, how } of texts) {
    const { text, bytes } = sample;
    log(`  analysis: ${sample.name} (${(bytes / 1024).toFixed(1)} KB)`);
    const findings = analyze(text).findings.length;
    const mlFindings = lint({ strings: { report: text } }).report.length;
    const govreport = await measure(Bench, sample.name, bytes, 'govreport', () => {
      sink = analyze(text);
    });
    const markdownlint = await measure(Bench, sample.name, bytes, 'markdownlint', () => {
      sink = lint({ strings: { report: text } });
    });
    const fl = await measure(Bench, sample.name, bytes, 'floor', () => {
      sink = floor(text);
    });
    results.push({
      name: sample.name,
      kind,
      bytes,
      lines: text.split('\n').length,
      how,
      govreport: { ...govreport, findings },
      markdownlint: { ...markdownlint, findings: mlFindings },
      floor: fl,
      vsMarkdownlint: markdownlint.ms / govreport.ms,
      vsFloor: govreport.ms / fl.ms,
    });
  }
  void sink;
  const seeds = results.filter((r) => r.kind === 'seed');
  const [one, ten] = results.filter((r) => r.kind === 'synthetic');
  return {
    govreport: 'analyze(text) from server/src/analysis, bundled by esbuild as dist/ is',
    markdownlintVersion: packageVersion('markdownlint'),
    tinybenchVersion: packageVersion('tinybench'),
    floor: "text.split('\\n'), then every character of every line read once (charCodeAt)",
    texts: results,
    typicalMs: median(seeds.map((r) => r.govreport.ms)),
    typicalBytes: median(seeds.map((r) => r.bytes)),
    vsMarkdownlint: geomean(seeds.map((r) => r.vsMarkdownlint)),
    vsFloor: geomean(seeds.map((r) => r.vsFloor)),
    growth: ten.govreport.ms / one.govreport.ms,
    vsMarkdownlintLarge: { '1MB': one.vsMarkdownlint, '10MB': ten.vsMarkdownlint },
  };
}

function packageVersion(name: string): string {
  // Both packages are ESM-only, their package.json not exported: read it from node_modules.
  for (const dir of module.paths) {
    try {
      return (JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // not in this node_modules
    }
  }
  return 'unknown';
}
