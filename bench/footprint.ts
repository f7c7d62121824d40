/**
 * 4. Footprint: the server's resident memory with 50 reports open; the sizes of
 * the bundles (as built, and minified by the production build); and the start-up
 * times that can be measured outside VS Code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../test/support/fixtures';
import { TestClient } from '../test/support/lsp';
import type { Inputs } from './inputs';
import { median } from './stats';

export interface Bundle {
  file: string;
  bytes: number;
  /** Minified by `scripts/build.mjs --production`. */
  productionBytes?: number;
  productionGzipBytes?: number;
}

export interface FootprintResult {
  reportsOpen: number;
  /** Resident set size of the server (VmRSS), MB; after start, and with the reports open. */
  rssIdleMB?: number;
  rssMB?: number;
  /** The server's peak resident size (VmHWM), where the OS tells it. */
  peakRssMB?: number;
  rssSource: string;
  bundles: Bundle[];
  productionBuild: 'measured' | 'skipped' | string;
  /** Spawning `node dist/server.js --stdio` to its initialize response, ms (median of runs). */
  serverStartMs: number;
  serverStartRuns: number[];
  /** Requiring dist/client.js with a stub `vscode` module, in a fresh node, ms (median). */
  clientLoadMs?: number;
  clientLoadRuns: number[];
  activation: string;
}

const OPEN = 50;
// dist/sources.js and dist/pdfjs.mjs load only when a .docx, web page or PDF is read.
const BUNDLES = ['dist/server.js', 'dist/client.js', 'dist/cli.js', 'dist/webview/preview.js', 'dist/sources.js', 'dist/pdfjs.mjs'];

/** The resident memory of a process, in MB. */
export function memoryOf(pid: number): { rss?: number; peak?: number; source: string } {
  if (process.platform === 'linux') {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number | undefined => {
      const m = new RegExp(`^${key}:\\s*(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) / 1024 : undefined;
    };
    return { rss: kb('VmRSS'), peak: kb('VmHWM'), source: '/proc/<pid>/status VmRSS (VmHWM for the peak)' };
  }
  if (process.platform !== 'win32') {
    const ps = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
    const kb = Number(ps.stdout.trim());
    return Number.isFinite(kb) && kb > 0 ? { rss: kb / 1024, source: 'ps -o rss' } : { source: 'ps -o rss (failed)' };
  }
  return { source: 'not measured on Windows' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function memoryWithReports(inputs: Inputs, log: (s: string) => void): Promise<Pick<FootprintResult, 'rssIdleMB' | 'rssMB' | 'peakRssMB' | 'rssSource' | 'reportsOpen'>> {
  const client = await TestClient.start();
  try {
    const pid = client.process.pid!;
    await sleep(300);
    const idle = memoryOf(pid);
    for (let i = 0; i < OPEN; i++) {
      const s = inputs.all[i % inputs.all.length];
      await client.open(`file:///bench/open/${String(i).padStart(2, '0')}-${encodeURIComponent(s.name)}`, s.text);
    }
    await sleep(1000);
    const open = memoryOf(pid);
    log(`  footprint: ${OPEN} reports open, RSS ${open.rss?.toFixed(1)} MB`);
    return { reportsOpen: OPEN, rssIdleMB: idle.rss, rssMB: open.rss, peakRssMB: open.peak, rssSource: open.source };
  } finally {
    await client.stop();
  }
}

async function serverStart(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const client = await TestClient.start();
    times.push(performance.now() - t);
    await client.stop();
  }
  return times;
}

/**
 * What VS Code does before it calls activate(): loading the client bundle.
 * Done in a fresh node each time, with a stub for the `vscode` module.
 */
const CLIENT_LOAD = `
const Module = require('node:module');
const handler = {
  get: (t, k) => (k === 'prototype' ? t.prototype : k === 'then' ? undefined : k === Symbol.toPrimitive ? () => '' : stub()),
  apply: () => stub(),
  construct: () => stub(),
};
function stub() { return new Proxy(function () {}, handler); }
const vscode = stub();
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const t = performance.now();
const m = require(process.argv[1]);
const ms = performance.now() - t;
if (typeof m.activate !== 'function') throw new Error('no activate()');
process.stdout.write(String(ms));
`;

function clientLoad(runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', CLIENT_LOAD, join(ROOT, 'dist', 'client.js')], { encoding: 'utf8' });
    const ms = Number(r.stdout);
    if (r.status !== 0 || !Number.isFinite(ms)) return [];
    times.push(ms);
  }
  return times;
}

function sizes(production: boolean, log: (s: string) => void): { bundles: Bundle[]; productionBuild: string } {
  const bundles: Bundle[] = BUNDLES.filter((f) => existsSync(join(ROOT, f))).map((file) => ({ file, bytes: statSync(join(ROOT, file)).size }));
  if (!production) return { bundles, productionBuild: 'skipped' };
  log('  footprint: production build (minified), then the normal build again');
  const build = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  let productionBuild = 'measured';
  try {
    const prod = build(['--production']);
    if (prod.status !== 0) {
      productionBuild = `failed: ${prod.stderr.trim().slice(0, 200)}`;
    } else {
      for (const b of bundles) {
        const data = readFileSync(join(ROOT, b.file));
        b.productionBytes = data.length;
        b.productionGzipBytes = gzipSync(data, { level: 9 }).length;
      }
    }
  } finally {
    // Leave dist/ as the normal build makes it.
    const normal = build([]);
    if (normal.status !== 0) throw new Error(`rebuilding dist/ failed: ${normal.stderr}`);
  }
  return { bundles, productionBuild };
}

export async function benchFootprint(inputs: Inputs, options: { production: boolean }, log: (s: string) => void): Promise<FootprintResult> {
  const memory = await memoryWithReports(inputs, log);
  const serverStartRuns = await serverStart(5);
  const clientLoadRuns = clientLoad(5);
  const { bundles, productionBuild } = sizes(options.production, log);
  return {
    ...memory,
    bundles,
    productionBuild,
    serverStartMs: median(serverStartRuns),
    serverStartRuns,
    clientLoadMs: clientLoadRuns.length ? median(clientLoadRuns) : undefined,
    clientLoadRuns,
    activation:
      'not measured inside VS Code; measured instead: the server process from spawn to its initialize response (what activate() waits for), ' +
      'and loading dist/client.js in a fresh node with a stub vscode module (what VS Code does before calling activate())',
  };
}
