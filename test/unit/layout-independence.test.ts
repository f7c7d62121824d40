/**
 * A report's arithmetic does not depend on the layout its tables arrive in.
 * Every fixture and shared report is written again with its tables in other
 * layouts (pasted tab rows, pipe rows, shifted Markdown, per-group pieces,
 * one cell per line, the label on its own line, space-aligned columns), each
 * rendering chosen by a fixed seed; each must give the equations' outcomes
 * and the arithmetic findings of the original, and so must the same report
 * with one number changed (a planted defect). Renderings that failed once are
 * kept under fixtures/layouts and checked as they were written.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/analysis';
import { fixtureReports, fixtureText } from '../support/fixtures';
import { arithmetic, arithmeticOf, difference, keepCase, layoutCases, type Arithmetic } from '../support/layout-cases';
import { relayout, TABLE_LAYOUTS, tablesOf, type Rendering, type TableLayout, type TableValues } from '../support/relayout';
import { sharedReports, sharedText } from '../support/shared';

/** Fixed seeds: the same renderings on every run. */
const SEEDS = [11, 23, 37, 41, 53, 67, 79, 97];
const KEEP = process.env.GOVREPORT_KEEP_LAYOUTS === '1';

interface Source {
  name: string;
  text: string;
}

function sources(): Source[] {
  return [
    ...fixtureReports().map((f) => ({ name: `fixtures/${f}`, text: fixtureText(f) })),
    ...sharedReports('seeds').map((f) => ({ name: `seeds/${f}`, text: sharedText('seeds', f) })),
    ...sharedReports('corpus').map((f) => ({ name: `corpus/${f}`, text: sharedText('corpus', f) })),
  ];
}

/** One number of the original changed: where in its text, and where among the values a renderer writes. */
interface Plant {
  label: string;
  text: string;
  change: (tables: TableValues[]) => void;
}

/** A planted defect in a table's row: its first cell one more than it was, when it was read as a certain number. */
function plant(original: Analysis, kind: 'application' | 'review', rowId: string): Plant | undefined {
  const table = original.report.tables.find((t) => t.kind === kind && t.readable && t.layout !== 'flat');
  const cell = table?.rows.find((r) => r.row.id === rowId)?.cells[0];
  if (!cell || cell.state !== 'number' || !cell.certain || cell.value === null) return undefined;
  const value = String(cell.value + 1);
  const text = original.report.text;
  return {
    label: `${kind} ${rowId} ${cell.column.id} → ${value}`,
    text: text.slice(0, cell.span.start) + value + text.slice(cell.span.end),
    change: (tables) => {
      const values = tables.find((t) => t.kind === kind)?.values.get(rowId);
      if (values) values[0] = value;
    },
  };
}

interface Run {
  renderings: number;
  failures: string[];
  byLayout: Map<TableLayout, { ran: number; failed: number }>;
  kept?: boolean;
}

function check(source: Source, expected: Arithmetic, rendering: Rendering, run: Run, planted?: Plant): void {
  run.renderings++;
  const actual = arithmetic(rendering.text);
  const diff = difference(expected, actual);
  for (const { layout } of rendering.layouts) {
    const n = run.byLayout.get(layout) ?? { ran: 0, failed: 0 };
    n.ran++;
    if (diff) n.failed++;
    run.byLayout.set(layout, n);
  }
  if (!diff) return;
  const layouts = rendering.layouts.map((l) => `${l.kind}:${l.layout}`).join(', ');
  run.failures.push(`${source.name} seed ${rendering.seed}${planted ? ` planted ${planted.label}` : ''} [${layouts}]\n    ${diff}`);
  // One kept case per report is enough to show what a reader misses there; the
  // shared reports stay beside the project, their cases said by seed.
  if (KEEP && !run.kept && source.name.startsWith('fixtures/')) {
    run.kept = true;
    const base = source.name.replace(/^.*\//, '').replace(/\.(report\.)?txt$/, '');
    keepCase({
      name: `${base}-${rendering.seed}${planted ? '-planted' : ''}`,
      text: rendering.text,
      source: source.name,
      seed: rendering.seed,
      plant: planted?.label,
      layouts: rendering.layouts,
      expected,
    });
  }
}

describe('layout independence', () => {
  const all = sources();
  const total: Run = { renderings: 0, failures: [], byLayout: new Map() };

  it('has reports whose tables can be written again', () => {
    const written = all.filter((s) => tablesOf(analyze(s.text)).length > 0);
    assert.ok(written.length >= 20, `${written.length} reports with readable tables`);
  });

  for (const source of all) {
    it(source.name, (t) => {
      const original = analyze(source.text);
      if (tablesOf(original).length === 0) {
        t.skip('no table to write again (flat text, or none read)');
        return;
      }
      const expected = arithmeticOf(original);
      const run: Run = { renderings: 0, failures: [], byLayout: total.byLayout };
      // Every layout for every table once, then random layouts and rows.
      TABLE_LAYOUTS.forEach((only, i) => check(source, expected, relayout(source.text, 1000 + i, { only, analysis: original }), run));
      for (const seed of SEEDS) check(source, expected, relayout(source.text, seed, { analysis: original }), run);
      for (const p of [plant(original, 'application', '3.1'), plant(original, 'review', 'counts')]) {
        if (!p) continue;
        const plantedExpected = arithmetic(p.text);
        // A defect the reader cannot see in the original proves nothing here.
        if (plantedExpected.findings.length <= expected.findings.length) continue;
        for (const seed of SEEDS.slice(0, 3)) check(source, plantedExpected, relayout(source.text, seed, { analysis: original, change: p.change }), run, p);
      }
      total.renderings += run.renderings;
      total.failures.push(...run.failures);
      assert.equal(run.failures.length, 0, `${run.failures.length} of ${run.renderings} renderings differ from the original:\n  ${run.failures.join('\n  ')}`);
    });
  }

  for (const c of layoutCases()) {
    it(`kept case ${c.name}`, () => {
      const diff = difference(c.expected, arithmetic(c.text));
      assert.equal(diff, '', `${c.source} seed ${c.seed} [${c.layouts.map((l) => `${l.kind}:${l.layout}`).join(', ')}]\n    ${diff}`);
    });
  }

  it('summary', () => {
    const lines = [...total.byLayout].map(([layout, n]) => `${layout}: ${n.ran - n.failed}/${n.ran}`);
    console.log(`layout independence: ${total.renderings - total.failures.length}/${total.renderings} renderings agree; per table layout ${lines.join(', ')}`);
  });
});
