/**
 * What a layout must not change: the arithmetic a report's tables give. Each
 * equation of the schema is keyed by its table, rule and line (column, row
 * or group), with its outcome; the arithmetic findings by code and message.
 * Rendering the same numbers in another layout must give the same of both.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, ARITHMETIC_CODES, type Analysis } from '../../server/src/analysis';
import { FIXTURES } from './fixtures';
import type { Rendering } from './relayout';

export interface Arithmetic {
  /** `kind rule along` → ok / fail / unknown / unverifiable. */
  sums: Record<string, string>;
  /** `code message` of each arithmetic finding, sorted. */
  findings: string[];
}

export function arithmeticOf(analysis: Analysis): Arithmetic {
  const sums: Record<string, string> = {};
  for (const s of analysis.report.sums) sums[`${s.table.kind} ${s.def.rule} ${s.def.along.zh}`] = s.status;
  const findings = analysis.findings
    .filter((f) => ARITHMETIC_CODES.includes(f.code))
    .map((f) => `${f.code} ${f.message.zh}`)
    .sort();
  return { sums, findings };
}

/** How two readings differ, in a few lines a reader can act on; '' when they agree. */
export function difference(expected: Arithmetic, actual: Arithmetic): string {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(expected.sums), ...Object.keys(actual.sums)])) {
    if (expected.sums[key] !== actual.sums[key]) out.push(`${key}: ${expected.sums[key] ?? 'not read'} → ${actual.sums[key] ?? 'not read'}`);
  }
  const missing = expected.findings.filter((f) => !actual.findings.includes(f));
  const extra = actual.findings.filter((f) => !expected.findings.includes(f));
  for (const f of missing) out.push(`missing: ${f}`);
  for (const f of extra) out.push(`extra: ${f}`);
  if (out.length > 6) return [...out.slice(0, 6), `… ${out.length - 6} more`].join('\n    ');
  return out.join('\n    ');
}

/** The arithmetic of a text, read afresh. */
export function arithmetic(text: string): Arithmetic {
  return arithmeticOf(analyze(text));
}

// ---------------------------------------------------------------------------
// Renderings that once failed, kept with what they must give.

export const LAYOUT_CASES = join(FIXTURES, 'layouts');

export interface LayoutCase {
  name: string;
  text: string;
  /** Where it came from: the report, the seed, the planted change and the layouts. */
  source: string;
  seed: number;
  plant?: string;
  layouts: Rendering['layouts'];
  expected: Arithmetic;
}

/** The kept cases: `<name>.txt` (the rendering) and `<name>.json` (what it must give). */
export function layoutCases(): LayoutCase[] {
  if (!existsSync(LAYOUT_CASES)) return [];
  return readdirSync(LAYOUT_CASES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.json'.length);
      const meta = JSON.parse(readFileSync(join(LAYOUT_CASES, f), 'utf8')) as Omit<LayoutCase, 'name' | 'text'>;
      return { ...meta, name, text: readFileSync(join(LAYOUT_CASES, `${name}.txt`), 'utf8') };
    });
}

/** Keeps a failing rendering as a case (when the run is asked to, by GOVREPORT_KEEP_LAYOUTS=1). */
export function keepCase(c: LayoutCase): void {
  mkdirSync(LAYOUT_CASES, { recursive: true });
  writeFileSync(join(LAYOUT_CASES, `${c.name}.txt`), c.text);
  const { name: _name, text: _text, ...meta } = c;
  writeFileSync(join(LAYOUT_CASES, `${c.name}.json`), JSON.stringify(meta, null, 2) + '\n');
}
