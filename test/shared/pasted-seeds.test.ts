/**
 * The seeds' application tables as users' tools write them: copied from Excel
 * or WPS (tabs, merged cells empty, a quoted line break, trailing tabs, CRLF),
 * from Word (the line break as is), from a browser (merged cells left out),
 * an OCR/LLM converter's pieces under headings with invented headers, and
 * Markdown whose merged cells shift rows. Each gives the findings of the seed
 * it came from (with the same planted defect), no table-shape, and the
 * findings written beside it; Format Document and the table rewrite keep them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits, formatTables, rewriteTableAt, type Analysis } from '../../server/src/analysis';
import { LineIndex } from '../../server/src/analysis/text/lines';
import { arithmetic, arithmeticOf } from '../support/layout-cases';
import { PASTED, pastedCases } from '../support/pasted';
import { SKIP_SHARED } from '../support/shared';

const at = (a: Analysis): string[] =>
  a.findings.map((f) => {
    const p = a.report.lines.positionAt(f.span.start);
    return `${p.line + 1}:${p.character + 1} ${f.severity} ${f.code}`;
  });

function expected(name: string): string[] {
  return readFileSync(join(PASTED, `${name}.expected`), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

const TAB_SHAPES = /^(excel|word|browser)/;

describe('seeds’ application tables as users’ tools write them', { skip: SKIP_SHARED }, () => {
  const cases = pastedCases();
  it('every shape of the issue, each seed with a planted defect and one clean', () => {
    const shapes = new Set(cases.map((c) => c.shape));
    for (const s of ['excel', 'word', 'browser', 'pieces-heading', 'pieces-bold', 'pieces-plain', 'shifted', 'shifted-two']) assert.ok(shapes.has(s), s);
    for (const s of shapes) assert.ok(cases.some((c) => c.shape === s && c.clean) && cases.filter((c) => c.shape === s && !c.clean).length >= 4, s);
  });

  for (const c of cases) {
    it(c.name, () => {
      const a = analyze(c.text);
      const application = a.report.tables.find((t) => t.kind === 'application')!;
      assert.equal(application.layout, TAB_SHAPES.test(c.shape) ? 'tabs' : 'markdown');
      // The arithmetic of the original, the planted defect and seed 004's own fault with it.
      assert.deepEqual(arithmeticOf(a), arithmetic(c.original));
      if (!c.clean) assert.ok(a.findings.some((f) => f.code === 'row-total' && f.message.zh.startsWith('「（一）予以公开」行')));
      if (c.seed.startsWith('004')) assert.equal(a.findings.filter((f) => f.code === 'subtotal').length, 2); // its own fault, in two columns
      assert.deepEqual(
        a.findings.filter((f) => f.code === 'table-shape').map((f) => f.message.zh),
        [],
      );
      assert.deepEqual(at(a), expected(c.name));
      if (c.clean) assert.ok(a.findings.filter((f) => f.severity !== 'info').length <= 3);
    });
  }

  it('Format Document leaves pasted rows as pasted and keeps every finding where it was', () => {
    for (const c of cases) {
      const edits = formatTables(new LineIndex(c.text));
      if (TAB_SHAPES.test(c.shape)) assert.deepEqual(edits, [], c.name);
      else assert.ok(edits.length > 0, c.name);
      // Aligning a pipe row moves its cells along the line, not to another line.
      const lines = (x: Analysis) => at(x).map((f) => f.replace(/:\d+ /, ' '));
      const after = analyze(applyEdits(c.text, edits));
      assert.deepEqual(lines(after), lines(analyze(c.text)), c.name);
      assert.deepEqual(arithmeticOf(after), arithmeticOf(analyze(c.text)), c.name);
    }
  });

  it('the table rewrite turns a pasted table into the standard Markdown table with the same findings', () => {
    for (const c of cases.filter((x) => TAB_SHAPES.test(x.shape))) {
      const a = analyze(c.text);
      const table = a.report.tables.find((t) => t.kind === 'application')!;
      const rewrite = rewriteTableAt(a.report, c.text, { start: table.anchor.start, end: table.anchor.start });
      assert.ok(rewrite, c.name);
      const after = applyEdits(c.text, [rewrite.edit]);
      const b = analyze(after);
      assert.equal(b.report.tables.find((t) => t.kind === 'application')!.layout, 'markdown', c.name);
      assert.deepEqual(arithmeticOf(b), arithmeticOf(a), c.name);
      const codes = (x: Analysis) => x.findings.map((f) => `${f.code} ${f.message.zh}`).sort();
      assert.deepEqual(codes(b), codes(a), c.name);
    }
  });
});
