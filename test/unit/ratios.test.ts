/** The reviewer's ratios from a report's figures: rounding, empty cases, thresholds, and how they read. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_THRESHOLDS, describeRatio, isOutlier, ratiosOf } from '../../server/src/analysis/model/ratios';
import type { Figures } from '../../server/src/analysis/model/totals';

const NONE: Figures = {
  received: null, carriedIn: null, disclosed: null, partly: null, withheld: null, unable: null, notProcessed: null, otherwise: null,
  closed: null, carriedOut: null, reconsideration: null, lawsuitsDirect: null, lawsuitsAfter: null, corrected: null,
  normativeIssued: null, normativeRepealed: null, normativeInForce: null,
};
const figures = (f: Partial<Figures>): Figures => ({ ...NONE, ...f });

describe('the reviewer’s ratios', () => {
  it('percentages with one decimal, rounded half up', () => {
    const r = ratiosOf(figures({ disclosed: 1, partly: 0, closed: 8, corrected: 1, reconsideration: 3, lawsuitsDirect: 3, lawsuitsAfter: 2 }));
    assert.equal(r.disclosureRate.value, 12.5);
    assert.equal(r.correctionRate.value, 12.5);
    assert.equal(ratiosOf(figures({ disclosed: 2, partly: 0, closed: 3 })).disclosureRate.value, 66.7);
    assert.equal(ratiosOf(figures({ disclosed: 1, partly: 0, closed: 3 })).disclosureRate.value, 33.3);
    assert.equal(ratiosOf(figures({ disclosed: 1, partly: 0, closed: 16 })).disclosureRate.value, 6.3);
  });

  it('empty where the divisor is 0 or a figure is unknown', () => {
    const zero = ratiosOf(figures({ disclosed: 0, partly: 0, closed: 0, corrected: 0, reconsideration: 0, lawsuitsDirect: 0, lawsuitsAfter: 0 }));
    assert.deepEqual([zero.disclosureRate.value, zero.correctionRate.value], [null, null]);
    const unknown = ratiosOf(figures({ disclosed: 5, partly: null, closed: 10, corrected: 1, reconsideration: 4, lawsuitsDirect: null, lawsuitsAfter: 0 }));
    assert.deepEqual([unknown.disclosureRate.value, unknown.correctionRate.value], [null, null]);
  });

  it('outliers beyond the thresholds, as shown (one decimal); none for an empty ratio', () => {
    assert.ok(isOutlier('disclosureRate', 39.9, DEFAULT_THRESHOLDS));
    assert.ok(!isOutlier('disclosureRate', 40, DEFAULT_THRESHOLDS));
    assert.ok(isOutlier('correctionRate', 15.1, DEFAULT_THRESHOLDS));
    assert.ok(!isOutlier('correctionRate', 15, DEFAULT_THRESHOLDS));
    assert.ok(!isOutlier('disclosureRate', null, DEFAULT_THRESHOLDS));
    assert.ok(isOutlier('disclosureRate', 55, { disclosureBelow: 60, correctionAbove: 15 }));
  });

  it('reads with the figures it was computed from, or why it is empty', () => {
    const r = ratiosOf(figures({ disclosed: 1362, partly: 454, closed: 3050, corrected: 69, reconsideration: 351, lawsuitsDirect: 26, lawsuitsAfter: 20 }));
    assert.deepEqual(describeRatio('disclosureRate', r.disclosureRate), {
      zh: '实质公开率 59.5%（予以公开与部分公开 1816 ÷ （七）总计 3050）',
      en: 'Substantive disclosure rate 59.5% (disclosed and partly disclosed 1816 ÷ total handled 3050)',
    });
    assert.equal(describeRatio('correctionRate', r.correctionRate).zh, '纠错率 17.4%（结果纠正 69 ÷ 复议和诉讼总计 397）');
    const zero = ratiosOf(figures({ corrected: 0, reconsideration: 0, lawsuitsDirect: 0, lawsuitsAfter: 0 }));
    assert.deepEqual(describeRatio('correctionRate', zero.correctionRate), { zh: '纠错率：无（复议和诉讼总计为 0）', en: 'Correction rate: none (reconsideration and lawsuits in all is 0)' });
    assert.equal(describeRatio('disclosureRate', zero.disclosureRate).zh, '实质公开率：无（表中数字未能确定）');
  });
});
