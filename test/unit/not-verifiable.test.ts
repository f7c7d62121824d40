/**
 * A sum that fails only because blank cells were read as 0 is "not
 * verifiable": no arithmetic error, each blank reported with the value its row
 * implies, and the sum shown as such in the hover, the CodeLens and
 * `govreport totals`, in both languages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ARITHMETIC_CODES, hoverAt, reportView, tableLenses } from '../../server/src/analysis';
import { describeSum } from '../../server/src/analysis/model/describe';
import { formatTotals } from '../../server/src/cli/totals';
import { cleanSpec, copySpec, render, type ReportSpec } from '../support/reports';

/** Every item's 总计 left blank, as in reports published as web pages. */
function blankItemTotals(): ReportSpec {
  const spec = copySpec(cleanSpec());
  for (const id of Object.keys(spec.application)) if (id.startsWith('3.') && id !== '3.7') spec.application[id][6] = '';
  return spec;
}

describe('not verifiable: blanks alone break a sum', () => {
  const text = render(blankItemTotals(), 'markdown');
  const a = analyze(text);

  it('raises no arithmetic error; the blanks say what they should hold', () => {
    assert.deepEqual(a.findings.filter((f) => (ARITHMETIC_CODES as readonly string[]).includes(f.code)), []);
    const blanks = a.findings.filter((f) => f.code === 'empty-cell');
    // The 5 blank totals whose row implies a number, once; the 16 that want only a 0, once; each blank a place of its finding.
    assert.equal(blanks.length, 2);
    assert.equal(blanks.reduce((n, f) => n + (f.related?.length ?? 1), 0), 21);
    const totals = blanks.find((f) => /5 个合计单元格为空/.test(f.message.zh))!;
    assert.match(totals.message.en, /^5 total cells of the table .* each should hold its sum/);
    assert.ok(totals.related!.some((r) => /应为 7$/.test(r.message.zh) && /should be 7$/.test(r.message.en)), totals.related!.map((r) => r.message.zh).join('\n'));
    // One fix writes each total's sum, and only those cells.
    const [fix] = totals.fixes!;
    assert.deepEqual(fix.edits.map((e) => e.newText.trim()).sort(), ['1', '1', '1', '3', '7']);
  });

  it('marks not verifiable the 总计 column\'s subtotal and the rows whose blank total is not 0, and only them', () => {
    const sums = a.report.sums.filter((s) => s.status === 'unverifiable');
    assert.deepEqual(
      sums.map((s) => `${s.def.rule} ${s.def.along.en}`),
      ['subtotal column "Total"', 'row-total row "(1) Disclosed"', 'row-total row "(2) Partly disclosed"', 'row-total row "(3) Not disclosed: 6. process information"', 'row-total row "(4) Cannot provide: 1. not held"', 'row-total row "(5) Not processed: 1. petitions and complaints"'],
    );
    assert.deepEqual(a.report.sums.filter((s) => s.status === 'fail'), []);
    const line = describeSum({ ...sums[0], along: sums[0].def.along, leftName: sums[0].def.leftName, rightName: sums[0].def.rightName, left: sums[0].left.value, right: sums[0].right.value });
    assert.match(line.zh, /^\? .*无法核实/);
    assert.match(line.en, /^\? .*not verifiable/);
  });

  it('says so in the CodeLens, the table hover and govreport totals', () => {
    const lens = tableLenses(a.report).find((l) => text.slice(l.span.start, l.span.end).includes('本列数据'))!;
    assert.match(lens.title.zh, /6 项因空白单元格无法核实.* \?$/);
    assert.match(lens.title.en, /6 not verifiable for blank cells.* \?$/);
    assert.equal(lens.ok, false);
    const table = a.report.tables.find((t) => t.kind === 'application')!;
    const hover = hoverAt(a.report, table.anchor.start)!;
    assert.match(hover.contents.zh, /6 项因空白单元格无法核实/);
    assert.match(hover.contents.en, /not verifiable/);
    const view = reportView(a);
    assert.match(formatTotals('r.txt', view, 'zh-CN'), /6 项因空白单元格无法核实[\s\S]*\? 「总计」列.*无法核实/);
    assert.match(formatTotals('r.txt', view, 'en'), /6 not verifiable \(blank cells\)/);
  });

  it('still fails a sum that blanks cannot explain', () => {
    const spec = blankItemTotals();
    spec.application['3.7'][6] = '14'; // items imply 13
    const b = analyze(render(spec, 'markdown'));
    assert.deepEqual(b.findings.filter((f) => f.code === 'subtotal').map((f) => f.message.en), ['(7) Total in column "Total" is 14, but items (1) to (6) sum to 0 (21 blank cells read as 0)']);
  });
});
