/**
 * The seeds' application tables as users' tools write them
 * (test/fixtures/pasted, see its README), each put into its seed in place of
 * the seed's own table. The seeds live beside the project (../shared), so the
 * cases are only made where they are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis';
import { FIXTURES } from './fixtures';
import { HAS_SHARED, sharedReports, sharedText } from './shared';

export const PASTED = join(FIXTURES, 'pasted');

export interface PastedCase {
  /** `002.excel`, `002-clean.word`: the seed, clean or not, and the shape. */
  name: string;
  shape: string;
  seed: string;
  /** No planted defect: the seed's own numbers. */
  clean: boolean;
  /** The seed with its application table replaced. */
  text: string;
  /** The seed as it is (clean) or with the same defect planted in its own table. */
  original: string;
}

/** Each table file with its seed, where the seeds are. */
export function pastedCases(): PastedCase[] {
  if (!HAS_SHARED) return [];
  const seeds = sharedReports('seeds');
  return readdirSync(PASTED)
    .filter((f) => f.endsWith('.table.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.table.txt'.length);
      const seedFile = seeds.find((s) => s.startsWith(name.slice(0, 3)))!;
      const seedText = sharedText('seeds', seedFile);
      const clean = name.slice(3).startsWith('-clean');
      return {
        name,
        shape: name.slice(name.indexOf('.') + 1),
        seed: seedFile,
        clean,
        text: splice(seedText, readFileSync(join(PASTED, f), 'utf8')),
        original: clean ? seedText : planted(seedText),
      };
    });
}

/**
 * The report with the lines of its application table (from its anchor's line
 * to its last row's) replaced by `table`. A table copied on Windows (CRLF)
 * goes into a report written there: the whole text gets CRLF.
 */
export function splice(report: string, table: string): string {
  const { start, end } = applicationLines(report);
  const text = report.slice(0, start) + table.replace(/\r?\n$/, '') + report.slice(end);
  return table.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text;
}

/** Where the report's application table stands: its whole lines, without the last line break. */
export function applicationLines(report: string): { start: number; end: number } {
  const a = analyze(report);
  const t = a.report.tables.find((x) => x.kind === 'application')!;
  const { lines } = a.report;
  return { start: lines.lines[lines.positionAt(t.span.start).line].start, end: lines.lines[lines.positionAt(t.span.end - 1).line].end };
}

/** A table file's text, as the editor gets it when it is pasted (the copied text's last line break dropped). */
export function pastedTable(name: string): string {
  return readFileSync(join(PASTED, `${name}.table.txt`), 'utf8').replace(/\r?\n$/, '');
}

/** The defect planted in every table file that is not clean: （一）予以公开's 总计 one more than the seed's. */
export function planted(report: string): string {
  const a = analyze(report);
  const row = a.report.tables.find((x) => x.kind === 'application')!.rows.find((r) => r.row.id === '3.1')!;
  const total = row.cells.find((c) => c.column.label === '总计')!;
  return report.slice(0, total.span.start) + String(total.value! + 1) + report.slice(total.span.end);
}
