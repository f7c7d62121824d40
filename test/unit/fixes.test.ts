/**
 * Quick fixes on the project's fixtures and on reports built for each fix:
 * a fix changes only the text it names, its finding disappears, a safe fix
 * brings no new finding, and "fix all" applied twice changes nothing more.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, fixAllEdits, tableTemplate } from '../../server/src/analysis';
import { checkAllFixes } from '../support/fix-check';
import { fixtureReports, fixtureText } from '../support/fixtures';
import { cleanSpec, copySpec, render } from '../support/reports';

describe('quick fixes', () => {
  for (const report of fixtureReports()) {
    it(`each fix on ${report} removes its finding`, () => {
      const text = fixtureText(report);
      const { problems } = checkAllFixes(text);
      assert.deepEqual(problems, []);
    });
    it(`fix all on ${report} is idempotent`, () => {
      const text = fixtureText(report);
      const once = applyEdits(text, fixAllEdits(text, analyze));
      const twice = applyEdits(once, fixAllEdits(once, analyze));
      assert.equal(twice, once);
      assert.ok(analyze(once).findings.every((f) => !(f.fixes ?? []).some((x) => x.safe)), 'no safe fix is left');
    });
  }

  it('sets a total that is the odd one out, and only then', () => {
    const spec = copySpec(cleanSpec());
    spec.application['3.1'][6] = '8';
    const text = render(spec, 'cells');
    const findings = analyze(text).findings;
    const rowTotal = findings.find((f) => f.code === 'row-total')!;
    assert.equal(rowTotal.fixes?.length, 1);
    assert.equal(rowTotal.fixes![0].edits[0].newText, '7');
    const fixed = analyze(applyEdits(text, rowTotal.fixes![0].edits)).findings;
    assert.deepEqual(fixed, [], 'the one change mends the row and the 总计 column');
    // The 总计 column's subtotal is not offered: （七）总计 agrees with its row.
    assert.equal(findings.find((f) => f.code === 'subtotal')!.fixes, undefined);
  });

  it('fills a blank total with its computed value, other blanks with 0', () => {
    const spec = copySpec(cleanSpec());
    spec.application['3.1'][6] = '';
    spec.application['3.3.1'][2] = '';
    const text = render(spec, 'markdown');
    const blanks = analyze(text).findings.filter((f) => f.code === 'empty-cell');
    assert.deepEqual(blanks.map((f) => f.fixes![0].edits[0].newText.trim()).sort(), ['0', '7']);
    assert.deepEqual(analyze(applyEdits(text, fixAllEdits(text, analyze))).findings, []);
  });

  it('says many blanks that want a 0 once per table, each a place of its own, and fills them all', () => {
    for (const layout of ['markdown', 'cells'] as const) {
      const spec = copySpec(cleanSpec());
      // Rows (三)7 and 8 are all zeros: their applicant cells left blank, as reports leave them.
      for (const id of ['3.3.7', '3.3.8']) for (let i = 0; i < 6; i++) spec.application[id][i] = '';
      const text = render(spec, layout);
      const blanks = analyze(text).findings.filter((f) => f.code === 'empty-cell');
      assert.equal(blanks.length, 1, layout);
      assert.match(blanks[0].message.zh, /表有 12 个应填数字的单元格为空/);
      assert.equal(blanks[0].related?.length, 12);
      assert.equal(blanks[0].fixes?.[0].edits.length, 12);
      assert.deepEqual(analyze(applyEdits(text, blanks[0].fixes![0].edits)).findings, [], layout);
    }
  });

  it('writes look-alikes as plain digits', () => {
    const spec = copySpec(cleanSpec());
    spec.application['1'][1] = '２';
    spec.active.licensing[0] = '1,200';
    spec.application['3.3.1'][2] = 'O';
    const text = render(spec, 'pipe');
    const once = applyEdits(text, fixAllEdits(text, analyze));
    assert.deepEqual(analyze(once).findings, []);
    assert.match(once, /行政许可 \| 1200 \|/);
  });

  it('inserts a missing part heading and a missing table that then check clean, but for the new part’s words', () => {
    for (const layout of ['markdown', 'pipe', 'cells'] as const) {
      const spec = copySpec(cleanSpec());
      spec.omit.add('review');
      spec.headings[5] = null;
      const text = render(spec, layout);
      const findings = analyze(text).findings;
      assert.deepEqual(findings.map((f) => f.code).sort(), ['missing-section', 'missing-table']);
      const edits = findings.flatMap((f) => f.fixes![0].edits);
      // The heading comes without text: what part 五 says is the writer's to add.
      assert.deepEqual(analyze(applyEdits(text, edits)).findings.map((f) => f.code), ['improvement-report'], layout);
    }
  });

  it('renders the standard tables so that they read back clean', () => {
    for (const style of ['markdown', 'pipe'] as const) {
      const spec = copySpec(cleanSpec());
      spec.omit = new Set(['active', 'application', 'review']);
      const base = render(spec, 'cells');
      const withTables = base
        .replace('三、收到和处理政府信息公开申请情况\n', `三、收到和处理政府信息公开申请情况\n${tableTemplate('application', style).join('\n')}\n`)
        .replace('二、主动公开政府信息情况\n', `二、主动公开政府信息情况\n${tableTemplate('active', style).join('\n')}\n`)
        .replace('四、政府信息公开行政复议、行政诉讼情况\n', `四、政府信息公开行政复议、行政诉讼情况\n${tableTemplate('review', style).join('\n')}\n`);
      const a = analyze(withTables);
      // The prose still says 13 applications; the empty template says 0.
      assert.deepEqual(a.findings.map((f) => f.code), ['narrative-mismatch'], style);
      assert.deepEqual(a.report.tables.map((t) => [t.kind, t.rows.length, t.problems.length]), [['active', 6, 0], ['application', 25, 0], ['review', 1, 0]], style);
    }
  });
});
