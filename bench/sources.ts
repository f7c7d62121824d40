/**
 * 5. Source readers: reading a .docx, a web page and a PDF into the report's
 * text through readSource, as the command line and the server do (in the
 * reading thread, the round trip to it included), after warm-up (the thread
 * started, the readers and pdfjs loaded), and the process's peak resident
 * memory while doing it (the thread's included). Inputs: the project's own .docx of
 * a report in the official layout, the real Shuyang page (about 110 KB, when
 * ../shared is beside the project) or the project's CMS page, and the PDFs
 * LibreOffice laid out (test/fixtures/sources).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource } from '../server/src/sources/load';
import type { SourceKind } from '../server/src/sources/model';
import { FIXTURES } from '../test/support/fixtures';
import { cmsPage, officialDocx, officialLayout } from '../test/support/official';
import { HAS_SHARED, sharedFile } from '../test/support/shared';
import { percentile, median } from './stats';

export interface SourceBench {
  name: string;
  kind: SourceKind;
  bytes: number;
  /** Pages, for a PDF. */
  pages?: number;
  runs: number;
  /** Reading time after warm-up, ms. */
  medianMs: number;
  p95Ms: number;
  /** The first read in this process, readers and libraries loaded on the way, ms. */
  firstMs: number;
}

export interface SourcesResult {
  inputs: SourceBench[];
  /** The process's peak resident memory over all the reading, MB (VmHWM on Linux, else sampled RSS). */
  peakRssMB: number;
  /** Resident memory before the first read, MB. */
  startRssMB: number;
}

const MIN_RUNS = 20;
const MIN_MS = 1000;

function peakRss(): number {
  if (process.platform === 'linux') {
    const m = /^VmHWM:\s*(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  }
  return process.memoryUsage().rss / 1024 / 1024;
}

export async function benchSources(log: (s: string) => void): Promise<SourcesResult> {
  const markdown = readFileSync(join(FIXTURES, 'markdown.report.txt'), 'utf8');
  const inputs: { name: string; kind: SourceKind; bytes: Uint8Array; pages?: number }[] = [
    { name: '.docx (official layout, merged cells)', kind: 'docx', bytes: officialDocx(officialLayout(markdown)!) },
    HAS_SHARED
      ? { name: 'web page (shuyang-fgj-2023.html)', kind: 'html', bytes: readFileSync(sharedFile('corpus', 'shuyang-fgj-2023.html')) }
      : { name: 'web page (CMS page, GBK)', kind: 'html', bytes: cmsPage(officialLayout(markdown)!) },
    { name: 'PDF, 2 pages (LibreOffice)', kind: 'pdf', bytes: readFileSync(join(FIXTURES, 'sources', 'markdown.pdf')), pages: 2 },
    { name: 'PDF, 5 pages (LibreOffice)', kind: 'pdf', bytes: readFileSync(join(FIXTURES, 'sources', 'long.pdf')), pages: 5 },
  ];
  const startRssMB = process.memoryUsage().rss / 1024 / 1024;
  const out: SourceBench[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    const first = await readSource(input.kind, input.bytes);
    const firstMs = performance.now() - t0;
    if ('error' in first) throw new Error(`${input.name}: ${first.error.en}`);
    for (let i = 0; i < 3; i++) await readSource(input.kind, input.bytes);
    const samples: number[] = [];
    const until = performance.now() + MIN_MS;
    while (samples.length < MIN_RUNS || performance.now() < until) {
      const s = performance.now();
      await readSource(input.kind, input.bytes);
      samples.push(performance.now() - s);
      if (samples.length >= 2000) break;
    }
    const r: SourceBench = { name: input.name, kind: input.kind, bytes: input.bytes.length, pages: input.pages, runs: samples.length, medianMs: median(samples), p95Ms: percentile(samples, 95), firstMs };
    log(`  sources: ${r.name}: ${r.medianMs.toFixed(2)} ms (first ${r.firstMs.toFixed(0)} ms)`);
    out.push(r);
  }
  return { inputs: out, peakRssMB: peakRss(), startRssMB };
}
