/**
 * 2. Editing: the language server over stdio, as an editor drives it. One
 * report is opened, then 1,000 single-character edits are sent one at a time,
 * each waiting for the diagnostics of its version before the next: the time
 * from each didChange to its publishDiagnostics, the server's debounce included;
 * and the server's resident memory after opening and after the edits.
 */
import { TestClient } from '../test/support/lsp';
import { memoryOf } from './footprint';
import { editPlaces, type Place, type Sample } from './inputs';
import { median, percentile } from './stats';

export interface EditingResult {
  report: string;
  edits: number;
  /** How the edits were chosen, for the output. */
  how: string;
  p50: number;
  p95: number;
  max: number;
  min: number;
  /** Time from spawning the server to its initialize response, ms. */
  startMs: number;
  /** Time from didOpen to the first diagnostics, ms. */
  openMs: number;
  /** How many different diagnostic counts the edits produced (the server did re-check). */
  distinctCounts: number;
  /** The server's resident memory once the report is open, after the edits, and its peak, MB (where the OS tells it). */
  rssOpenMB?: number;
  rssAfterMB?: number;
  peakMB?: number;
}

const EDITS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchEditing(report: Sample, log: (s: string) => void): Promise<EditingResult> {
  const { cells, prose } = editPlaces(report.text);
  if (!cells.length && !prose.length) throw new Error(`${report.name}: no place to edit`);
  // 100 pairs: type a character, then delete it (the text is back as it was after each pair).
  const pairs: { place: Place; char: string }[] = [];
  for (let i = 0; pairs.length < EDITS / 2; i++) {
    const useCell = cells.length && (i % 2 === 0 || !prose.length);
    const place = useCell ? cells[(i >> 1) % cells.length] : prose[(i >> 1) % prose.length];
    pairs.push({ place, char: useCell ? String((i >> 1) % 10) : '的' });
  }
  const uri = 'file:///bench/editing.report.txt';
  const t0 = performance.now();
  const client = await TestClient.start();
  const startMs = performance.now() - t0;
  try {
    const t1 = performance.now();
    await client.open(uri, report.text);
    const openMs = performance.now() - t1;
    await sleep(300);
    const opened = memoryOf(client.process.pid!);
    const latencies: number[] = [];
    const counts = new Set<number>();
    const timed = async (changes: Parameters<TestClient['change']>[1]): Promise<void> => {
      const t = performance.now();
      const published = await client.change(uri, changes);
      latencies.push(performance.now() - t);
      counts.add(published.diagnostics.length);
    };
    for (const { place, char } of pairs) {
      const at = { line: place.line, character: place.character };
      await timed([{ range: { start: at, end: at }, text: char }]);
      await timed([{ range: { start: at, end: { line: at.line, character: at.character + char.length } }, text: '' }]);
    }
    // The heap as it stays once the edits stop (a collection's headroom included, as the user sees it).
    await sleep(1000);
    const after = memoryOf(client.process.pid!);
    log(`  editing: ${latencies.length} edits, median ${median(latencies).toFixed(1)} ms, server ${after.rss?.toFixed(1)} MB`);
    const cellPairs = pairs.filter((p) => p.place.kind === 'cell').length;
    return {
      report: report.name,
      edits: latencies.length,
      how: `${cellPairs} digits typed after a number in the application table and deleted again, ${pairs.length - cellPairs} characters typed in prose and deleted again`,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
      min: Math.min(...latencies),
      startMs,
      openMs,
      distinctCounts: counts.size,
      rssOpenMB: opened.rss,
      rssAfterMB: after.rss,
      peakMB: after.peak,
    };
  } finally {
    await client.stop();
  }
}
