/**
 * The five seed reports: what the checker must find in each, and only that.
 * 000 has a row without its label and converter artifacts, 001 two short rows
 * and no title, 004 a （七）总计 that is not the sum of its items; 002 and 003
 * balance.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ARITHMETIC_CODES, type Finding } from '../../server/src/analysis';
import { SKIP_SHARED, sharedReports, sharedText } from '../support/shared';

function check(name: string): { text: string; findings: Finding[]; at: (f: Finding) => string; line: (f: Finding) => string } {
  const file = sharedReports('seeds').find((f) => f.startsWith(name))!;
  const text = sharedText('seeds', file);
  const a = analyze(text);
  const lines = text.split(/\r?\n/);
  return {
    text,
    findings: a.findings,
    at: (f) => text.slice(f.span.start, f.span.end),
    line: (f) => lines[a.report.lines.positionAt(f.span.start).line],
  };
}

const codes = (fs: Finding[]) => fs.map((f) => f.code).sort();
const arithmetic = (fs: Finding[]) => fs.filter((f) => ARITHMETIC_CODES.includes(f.code));

describe('seeds', { skip: SKIP_SHARED }, () => {
  it('000: the row without a label, the converter artifacts, the variant heading of part 五', () => {
    const { findings, at, line } = check('000');
    // improvement-report: its part 五 names this year's problems and next steps, not last year's (test/shared/content.test.ts).
    assert.deepEqual(codes(findings), ['conversion-artifact', 'conversion-artifact', 'improvement-report', 'section-heading', 'table-shape']);
    for (const f of findings.filter((x) => x.code === 'conversion-artifact')) assert.equal(at(f), '[bookmark: _GoBack]');
    const shape = findings.find((f) => f.code === 'table-shape')!;
    assert.match(shape.message.zh, /缺少行标签.*1\.申请人无正当理由逾期不补正/);
    assert.equal(line(shape).trim(), '0'); // the first number of the unlabelled row
    assert.deepEqual(arithmetic(findings), []);
  });

  it('001: two short rows and no title, nothing arithmetic; part 一 says nothing of 政府信息管理', () => {
    const { findings, line } = check('001');
    assert.deepEqual(codes(findings), ['missing-title', 'overview-topics', 'table-shape', 'table-shape']);
    const rows = findings.filter((f) => f.code === 'table-shape').map(line);
    assert.ok(rows[0].startsWith('四、结转下年度继续办理 |'));
    assert.match(rows[1], /^0 \| 0 \|/);
  });

  it('002 and 003: the tables balance (their parts 五 say nothing of last year’s problems)', () => {
    assert.deepEqual(codes(check('002').findings), ['improvement-report']);
    assert.deepEqual(codes(check('003').findings), ['improvement-report', 'section-heading']);
  });

  it('004: （七）总计 is not the sum of its items', () => {
    const { findings, line } = check('004');
    assert.deepEqual(codes(arithmetic(findings)), ['subtotal', 'subtotal']);
    for (const f of arithmetic(findings)) {
      assert.match(f.message.zh, /^（七）总计「(自然人|总计)」列为 2，但（一）至（六）各项之和为 0$/);
      assert.equal(line(f).trim(), '2');
      // The cells that explain it: the total, and no items, since all of them are 0.
      assert.deepEqual(f.related?.map((r) => r.span), [f.span], 'names the total alone');
    }
    assert.deepEqual(codes(findings), ['conversion-artifact', 'improvement-report', 'subtotal', 'subtotal']);
  });
});
