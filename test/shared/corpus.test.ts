/**
 * The corpus: each defect its INDEX lists is found; the clean control has no
 * arithmetic finding; flat reports get table-shape and nothing arithmetic.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ARITHMETIC_CODES, type Finding } from '../../server/src/analysis';
import { SKIP_SHARED, sharedReports, sharedText } from '../support/shared';

function run(file: string) {
  const text = sharedText('corpus', file);
  const a = analyze(text);
  return { a, text, at: (f: Finding) => text.slice(f.span.start, f.span.end) };
}

const of = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);
const arithmetic = (fs: Finding[]) => fs.filter((f) => ARITHMETIC_CODES.includes(f.code));

describe('corpus', { skip: SKIP_SHARED }, () => {
  it('hongze-2023: the review table totals of 0, and the label typo', () => {
    const { a, at } = run('hongze-2023-pdftext.txt');
    const review = arithmetic(a.findings);
    assert.deepEqual(review.map((f) => f.code), ['review-total', 'review-total']);
    assert.match(review[0].message.zh, /^行政复议：总计为 0，但.*之和为 11$/);
    assert.match(review[1].message.zh, /^行政诉讼（复议后起诉）：总计为 0，但.*之和为 5$/);
    assert.ok(of(a.findings, 'table-shape').some((f) => at(f) === '2.其他法律行政止公开'));
  });

  it('hongze-2024: the prose says 17 applications, the table 95', () => {
    const { a, at } = run('hongze-2024-pdftext.txt');
    const n = of(a.findings, 'narrative-mismatch');
    assert.equal(n.length, 1);
    assert.equal(at(n[0]), '17');
    assert.match(n[0].message.zh, /95/);
    assert.deepEqual(arithmetic(a.findings), []);
  });

  it('huaian-2024: the clean control has no finding but the note that part 五 says nothing of last year’s problems', () => {
    const { a } = run('huaian-2024-pdftext.txt');
    assert.deepEqual(a.findings.map((f) => `${f.code}: ${f.message.zh}`), ['improvement-report: 第五部分未说明上年度存在问题的整改（改进）情况']);
    // and it was really read: every sum was checked and holds
    assert.ok(a.report.sums.length > 40);
    assert.ok(a.report.sums.every((s) => s.status === 'ok'));
  });

  for (const file of sharedReports('corpus').filter((f) => f.includes('-flat'))) {
    it(`${file}: flat tables are unreadable, nothing arithmetic`, () => {
      const { a } = run(file);
      assert.deepEqual(arithmetic(a.findings), []);
      assert.equal(of(a.findings, 'table-shape').length, 3);
      assert.ok(of(a.findings, 'table-shape').every((f) => /粘连/.test(f.message.zh)));
      assert.deepEqual(of(a.findings, 'missing-section'), [], 'the six parts are found inside the flat text');
      assert.deepEqual(of(a.findings, 'missing-table'), []);
    });
  }

  it('shanghai-office-2019: old format recognised, blank 总计 cells, natural-person-only figures', () => {
    const { a, at } = run('shanghai-office-2019-markdown.txt');
    assert.equal(a.report.format, '2019');
    assert.ok(a.report.tables.every((t) => t.def.format === '2019' && t.readable));
    assert.deepEqual(of(a.findings, 'old-format'), [], 'a 2019 report may use the 2019 format');
    // Each blank 总计 is said: on its own, or as a place of the finding that says the blanks wanting only a 0 once.
    const said = of(a.findings, 'empty-cell').flatMap((f) => [f.message.zh, ...(f.related ?? []).map((r) => r.message.zh)]);
    const blankTotals = said.filter((m) => /「总计」列为空/.test(m));
    assert.ok(blankTotals.length >= 19);
    assert.ok(blankTotals.some((m) => /应为 272/.test(m)));
    assert.deepEqual(of(a.findings, 'narrative-mismatch').map(at), ['258', '265']);
    // （七）总计 805 against items whose 总计 cells are all blank: the blanks are
    // reported, the column's sum is not verifiable, never an error.
    assert.deepEqual(a.findings.filter((f) => f.severity === 'error'), []);
    const total = a.report.sums.find((s) => s.def.rule === 'subtotal' && s.left.cells[0]?.value === 805);
    assert.equal(total?.status, 'unverifiable');
  });
});
