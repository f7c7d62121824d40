/** Figures the prose states, read clause by clause. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFigures, type Figure } from '../../server/src/analysis/read/narrative';

function figures(text: string, year = 2021): string[] {
  const out: Figure[] = [];
  readFigures(text, 0, text.length, year, out);
  return out.map((f) => `${f.kind}=${f.value}`);
}

describe('narrative figures', () => {
  it('takes a figure’s meaning from the nearest keyword in its clause', () => {
    assert.deepEqual(figures('全年收到政府信息公开申请197件，处理政府信息公开申请185件，结转下年度继续办理政府信息公开申请12件。'), [
      'received=197',
      'closed=185',
      'carriedOver=12',
    ]);
  });
  it('reads what follows a figure when the words come after it', () => {
    assert.deepEqual(figures('答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复）。'), [
      'closed=805',
      'carriedIn=18',
      'carriedOver=72',
    ]);
  });
  it('reads across the line breaks of text copied from a PDF', () => {
    assert.deepEqual(figures('区政府办代表区政府受理政府\n信息公开申请 17 件，均已答复。', 2024), ['received=17']);
  });
  it('reads reconsideration, lawsuits and outcomes', () => {
    assert.deepEqual(figures('信息公开类行政复议7件，诉讼9件。予以公开及部分公开258件，不予处理158件。'), [
      'review=7',
      'litigation=9',
      'disclosedOrPartial=258',
      'notProcessed=158',
    ]);
  });
  it('reads 未收到申请 as nought', () => {
    assert.deepEqual(figures('本年度我局未收到政府信息公开申请。'), ['received=0']);
  });
  it('leaves other figures alone', () => {
    assert.deepEqual(figures('统一受理平台接入53个部门2261项事项，申请数量较去年回落12.3%。'), []);
    assert.deepEqual(figures('培训共计15人次，其中结果维持 72 件。'), []);
    assert.deepEqual(figures('2020年受理政府信息公开申请30件。'), [], 'another year’s figure');
  });
});
