/**
 * 2. Editing: the language server over stdio, as an editor drives it. One
 * report is opened, then 200 single-character edits are sent one at a time,
 * each waiting for the diagnostics of its version before the next: the time
 * from each didChange to its publishDiagnostics, the server's debounce included.
 */
import { TestClient } from '../test/support/lsp';
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
}

const EDITS = 200;

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
    log(`  editing: ${latencies.length} edits, median ${median(latencies).toFixed(1)} ms`);
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
    };
  } finally {
    await client.stop();
  }
}
