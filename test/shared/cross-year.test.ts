/**
 * The real 洪泽区 reports for 2023 and 2024: the rules across reports are quiet
 * on them; with a carry-over and an active-count defect planted in 2024 (the
 * report still balancing on its own) both are found on the 2024 report.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, digest, ReportIndex } from '../../server/src/analysis';
import { LineIndex } from '../../server/src/analysis/text/lines';
import { SKIP_SHARED, sharedText } from '../support/shared';

const A = 'hongze-2023-pdftext.txt';
const B = 'hongze-2024-pdftext.txt';

/** 上年结转 2 and 结转下年度 2 (95 + 2 = 95 + 2), and 9 rather than 8 normative documents in force. */
function plant(text: string): string {
  const out = text
    .replace(/^二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0$/m, '二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2')
    .replace(/^四、结转下年度继续办理 0 0 0 0 0 0 0$/m, '四、结转下年度继续办理 2 0 0 0 0 0 2')
    .replace(/^行政规范性文件 3 0 8$/m, '行政规范性文件 3 0 9');
  assert.notEqual(out, text);
  return out;
}

describe('across years: 洪泽区 2023 and 2024', { skip: SKIP_SHARED }, () => {
  it('the two real reports are one body, and the rules across them are quiet', () => {
    const index = new ReportIndex();
    const a = digest(A, analyze(sharedText('corpus', A)));
    const b = digest(B, analyze(sharedText('corpus', B)));
    assert.equal(a.body?.key, b.body?.key);
    assert.deepEqual([a.year, b.year], [2023, 2024]);
    index.set(a);
    index.set(b);
    assert.deepEqual(index.findings().map((f) => `${f.code}: ${f.message.zh}`), []);
  });

  it('a planted carry-over and active-count defect are both found on the 2024 report', () => {
    const text = plant(sharedText('corpus', B));
    const alone = (t: string) => analyze(t).findings.map((f) => f.code);
    assert.deepEqual(alone(text), alone(sharedText('corpus', B)));
    const index = new ReportIndex();
    index.set(digest(A, analyze(sharedText('corpus', A))));
    index.set(digest(B, analyze(text)));
    const found = index.findings();
    assert.deepEqual(found.map((f) => `${f.file} ${f.code}`), [`${B} active-count`, `${B} carry-over`, `${B} carry-over`]);
    const lines = new LineIndex(text);
    const cell = (f: (typeof found)[number]) => text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end));
    assert.deepEqual(found.map(cell), ['9', '2', '2']);
    assert.ok(found.every((f) => f.related[0].file === A));
  });
});
