/**
 * The reviewer's ratios of the shared reports, against the values worked out
 * by hand from their tables (the README lists the sums): the same in the
 * report model (hovers, preview, `totals`) and in the summary row (CSV, JSON,
 * Markdown, the overview), since both take them from one function.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze, digest, reportView } from '../../server/src/analysis';
import { summaryRow } from '../../server/src/analysis/corpus/summary';
import { readHtml } from '../../server/src/sources/html';
import { SKIP_SHARED, sharedFile, sharedReports, sharedText } from '../support/shared';

/** [实质公开率, 纠错率] in percent; null where the divisor is 0 or the table cannot be read. */
const BY_HAND: Record<string, [number | null, number | null]> = {
  '000': [96.8, 45.5], // (179 + 0) / 185; (0 + 10 + 0) / (4 + 18 + 0)
  '001': [null, null], // （七）总计 0; the review table's row is short
  '002': [66.7, null], // (2 + 0) / 3; no reconsideration, no lawsuit
  '003': [100, null], // 9 / 9
  '004': [0, null], // (0 + 0) / 2
  'hongze-2023': [19, null], // (0 + 4) / 21; its review totals say 0
  'hongze-2024': [62.1, 16.7], // (50 + 9) / 95; (1 + 0 + 0) / (2 + 1 + 3)
  'huaian-2024': [59.5, 17.4], // (1362 + 454) / 3050; (64 + 4 + 1) / (351 + 26 + 20)
  'shanghai-office-2019': [34.2, 0], // (272 + 3) / 805, blank 总计 cells are their rows' sums; 0 / (7 + 9 + 0)
  'shuyang-fgj-2023': [100, 0], // 26 / 26; 0 / (1 + 0 + 0)
  'pingtan-2019': [null, null], // flat tables cannot be read
  'pingtan-2025': [null, null],
};

function text(prefix: string): string {
  if (prefix.startsWith('shuyang')) {
    const r = readHtml(readFileSync(sharedFile('corpus', 'shuyang-fgj-2023.html')));
    assert.ok(!('error' in r));
    return r.text;
  }
  const seed = sharedReports('seeds').find((f) => f.startsWith(prefix));
  return seed ? sharedText('seeds', seed) : sharedText('corpus', sharedReports('corpus').find((f) => f.startsWith(prefix))!);
}

describe('the reviewer’s ratios of the shared reports', { skip: SKIP_SHARED }, () => {
  for (const [prefix, [disclosure, correction]] of Object.entries(BY_HAND)) {
    it(`${prefix}: 实质公开率 ${disclosure ?? '—'}, 纠错率 ${correction ?? '—'}`, () => {
      const a = analyze(text(prefix));
      const { ratios } = reportView(a);
      assert.deepEqual([ratios.disclosureRate.value, ratios.correctionRate.value], [disclosure, correction]);
      const row = summaryRow(digest(prefix, a));
      assert.deepEqual([row.disclosureRate, row.correctionRate], [disclosure, correction]);
    });
  }

  it('huaian-2024: each ratio with the figures it was computed from', () => {
    const { ratios } = reportView(analyze(text('huaian-2024')));
    assert.deepEqual(ratios.disclosureRate, { value: 59.5, numerator: 1816, denominator: 3050 });
    assert.deepEqual(ratios.correctionRate, { value: 17.4, numerator: 69, denominator: 397 });
  });
});
