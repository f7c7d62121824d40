/** The text primitives: lines and positions, folding, reading one cell. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fold, similarity } from '../../server/src/analysis/text/fold';
import { LineIndex } from '../../server/src/analysis/text/lines';
import { looksLikeValue, readCell } from '../../server/src/analysis/text/numbers';

describe('LineIndex', () => {
  it('ends lines at LF, CRLF and lone CR alike', () => {
    const idx = new LineIndex('a\nbb\r\nccc\rd');
    assert.deepEqual(idx.lines.map((l) => l.text), ['a', 'bb', 'ccc', 'd']);
    assert.deepEqual(idx.positionAt(3), { line: 1, character: 1 });
    assert.deepEqual(idx.positionAt(6), { line: 2, character: 0 });
    assert.equal(idx.offsetAt({ line: 3, character: 0 }), 10);
    assert.equal(idx.eol, '\n');
    assert.equal(new LineIndex('x\r\ny').eol, '\r\n');
  });
  it('keeps positions inside the text', () => {
    const idx = new LineIndex('ab\ncd');
    assert.deepEqual(idx.positionAt(99), { line: 1, character: 2 });
    assert.equal(idx.offsetAt({ line: 9, character: 9 }), 5);
    assert.equal(idx.offsetAt({ line: 0, character: 9 }), 2);
  });
});

describe('fold', () => {
  it('ignores width, bracket style, list punctuation and spaces', () => {
    assert.equal(fold('（二）部分公开'), fold('(二) 部分公开'));
    assert.equal(fold('1、本机关不掌握'), fold('1.本机关不掌握'));
    assert.equal(fold('第二十条　第（一）项'), fold('第二十条第(一)项'));
    assert.equal(fold('ＡＢｃ\u2002'), 'abc');
  });
  it('measures how close two labels are', () => {
    assert.ok(similarity(fold('2.其他法律行政止公开'), fold('2.其他法律行政法规禁止公开')) > 0.7);
    assert.ok(similarity(fold('行政许可'), fold('行政事业性收费')) < 0.5);
  });
});

describe('readCell', () => {
  const read = (s: string, kind: 'count' | 'amount' | 'signed' = 'count') => readCell(s, 0, s.length, kind);
  it('reads plain numbers, padded with en or ideographic spaces', () => {
    assert.deepEqual(read('\u2002\u200212'), { state: 'number', value: 12, certain: true, span: { start: 2, end: 4 } });
    assert.equal(read('0\u3000').value, 0);
  });
  it('keeps a remark apart from the number', () => {
    const c = read('211184（含交通行政处罚实施数量209995）');
    assert.equal(c.value, 211184);
    assert.deepEqual(c.span, { start: 0, end: 6 });
    assert.equal(read('251000元', 'amount').value, 251000);
  });
  it('reads blanks and placeholders as empty (0)', () => {
    for (const s of ['', '  ', '/', '—', '-', '无']) assert.equal(read(s).state, 'empty', JSON.stringify(s));
  });
  it('recognises look-alikes and what they mean', () => {
    assert.deepEqual([read('O').state, read('O').value, read('O').certain], ['lookalike', 0, false]);
    assert.deepEqual([read('１２').state, read('１２').value, read('１２').normalized], ['lookalike', 12, '12']);
    assert.deepEqual([read('1,234').state, read('1,234').value, read('1,234').normalized], ['lookalike', 1234, '1234']);
  });
  it('rejects what is not a count', () => {
    assert.equal(read('-3').reason, 'negative');
    assert.equal(read('1.5').reason, 'decimal');
    assert.equal(read('十').reason, 'chinese-numeral');
    assert.equal(read('若干').reason, 'text');
    assert.equal(read('-3', 'signed').state, 'number');
    assert.equal(read('221.67', 'amount').value, 221.67);
  });
  it('tells values from labels', () => {
    assert.ok(looksLikeValue('12'));
    assert.ok(looksLikeValue(''));
    assert.ok(!looksLikeValue('1.属于国家秘密'));
    // Item numbers in the forms converters write: a space after the dot, two digits, 、.
    assert.ok(!looksLikeValue('4. 保护第三方合法权益'));
    assert.ok(!looksLikeValue('10、其他'));
    assert.ok(looksLikeValue('1.5'));
    assert.ok(looksLikeValue('4. 5'));
    assert.ok(!looksLikeValue('规章'));
    assert.ok(looksLikeValue('十'));
    assert.ok(!looksLikeValue('三', false));
  });
});
