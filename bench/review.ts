/**
 * 6. Workspace review: the language server over stdio with a workspace folder
 * of 1,000 reports (200 bodies × 5 years, closed), reviewed on request while
 * a report is being edited: the edits' didChange → publishDiagnostics during
 * the scan (p50, p95), the scan's time, and the server's resident memory once
 * every report was checked (closed reports keep only findings and digests).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../test/support/lsp';
import { report, YEARS } from './folder';
import { memoryOf } from './footprint';
import { editPlaces, type Sample } from './inputs';
import { percentile } from './stats';

export interface ReviewResult {
  reports: number;
  scanMs: number;
  reportsPerSecond: number;
  editsDuringScan: number;
  p50: number;
  p95: number;
  max: number;
  rssMB?: number;
  rssSource: string;
}

const BODIES = 200;

export async function benchReview(edited: Sample, log: (s: string) => void): Promise<ReviewResult> {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-review-'));
  const client = await TestClient.start({ workspaceFolders: [pathToFileURL(dir).href], watchFiles: true });
  try {
    for (let b = 0; b < BODIES; b++) {
      const sub = join(dir, `city-${String(Math.floor(b / 50))}`);
      if (b % 50 === 0) mkdirSync(sub, { recursive: true });
      YEARS.forEach((year, k) => writeFileSync(join(sub, `${b}-${year}.report.txt`), report(b, k)));
    }
    const reports = BODIES * YEARS.length;
    const { cells } = editPlaces(edited.text);
    const uri = 'file:///bench/review-edited.report.txt';
    await client.open(uri, edited.text);
    const latencies: number[] = [];
    let done = false;
    const t0 = performance.now();
    const scan = client.request<{ files: number }>('govreport/reviewWorkspace', null).then((r) => {
      done = true;
      return r;
    });
    for (let i = 0; !done; i++) {
      const place = cells[i % cells.length];
      const at = { line: place.line, character: place.character };
      const typed = i % 2 === 0;
      const t = performance.now();
      await client.change(uri, [typed ? { range: { start: at, end: at }, text: '1' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
      if (!done) latencies.push(performance.now() - t);
    }
    const { files } = await scan;
    const scanMs = performance.now() - t0;
    // Let the last diagnostics go out before measuring.
    await new Promise((r) => setTimeout(r, 500));
    const memory = memoryOf(client.process.pid!);
    log(`  review: ${files} reports in ${(scanMs / 1000).toFixed(2)} s, ${latencies.length} edits meanwhile, p95 ${percentile(latencies, 95).toFixed(1)} ms, RSS ${memory.rss?.toFixed(0)} MB`);
    return {
      reports,
      scanMs,
      reportsPerSecond: files / (scanMs / 1000),
      editsDuringScan: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
      rssMB: memory.rss,
      rssSource: memory.source,
    };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
