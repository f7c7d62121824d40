/**
 * The reader on shapes converters give a report's text (source-formats.md):
 * each shape made from a clean rendered report must give no finding, or
 * exactly the one it carries, and never an arithmetic error it does not have.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits } from '../../server/src/analysis';
import { cleanSpec, render } from '../support/reports';

const codes = (text: string): string[] => analyze(text).findings.map((f) => f.code).sort();
const markdown = render(cleanSpec(), 'markdown');
const pipe = render(cleanSpec(), 'pipe');
const pdf = render(cleanSpec(), 'pdf');

describe('converted text', () => {
  it('the clean renders have no finding (the cases below start from them)', () => {
    for (const t of [markdown, pipe, pdf]) assert.deepEqual(codes(t), []);
  });

  it('Markdown headings: ATX, setext, bold, HTML remnants', () => {
    const atx = markdown.replace(/^([一二三四五六]、.*)$/gm, '## $1');
    assert.deepEqual(codes(atx), []);
    const setext = markdown.replace(/^([一二三四五六]、[^|\n]*)$/gm, (h) => `${h}\n${'-'.repeat(h.length)}`);
    assert.deepEqual(codes(setext), []);
    const bold = markdown.replace(/^([一二三四五六]、.*)$/gm, '**$1**');
    assert.deepEqual(codes(bold), []);
    const html = markdown
      .replace(/^([一二三四五六]、.*)$/gm, '<p>$1</p>')
      .replace(/\|  \|/, '| &nbsp; |')
      .replace('（二）部分公开（区分处理的', '（二）部分公开<br>（区分处理的')
      .replace('| 4.保护第三方合法权益 |', '| 4.保护第三方<br/>合法权益 |');
    assert.deepEqual(codes(html), []);
  });

  it('a title wrapped over lines, or its year on a line of its own, is one title', () => {
    const wrapped = markdown.replace('2023年政府信息公开工作年度报告', '2023年政府信息\n公开工作年度报告');
    assert.deepEqual(codes(wrapped), []);
    assert.equal(analyze(wrapped).report.title?.year, 2023);
    const yearAlone = markdown.replace('2023年政府信息公开工作年度报告', '2023 年\n政府信息公开工作年度报告');
    assert.equal(analyze(yearAlone).report.title?.year, 2023);
  });

  it('a prose line quoting the format\'s name is not a title', () => {
    const quoted = markdown.replace(/^某某市某某区人民政府\n2023年政府信息公开工作年度报告\n/, '按照《政府信息公开工作年度报告格式》编写如下。\n');
    assert.ok(quoted !== markdown);
    assert.equal(analyze(quoted).report.title, undefined);
    assert.deepEqual(codes(quoted), ['missing-title']);
  });

  it('a sub-heading of part 一 numbered like a part is read by its words: a hint, never a missing or doubled part', () => {
    const inside = markdown.replace('（一）主动公开情况。', '三、主动公开工作情况\n');
    assert.notEqual(inside, markdown);
    const a = analyze(inside);
    assert.deepEqual(a.findings.map((f) => f.code), ['section-heading']);
    assert.match(a.findings[0].message.zh, /第一部分的小标题.*（一）/);
    assert.deepEqual(applyEdits(inside, a.findings[0].fixes![0].edits).includes('（一）主动公开工作情况'), true);
    // The only heading of its part, numbered wrongly: still that part.
    const only = markdown.replace('二、主动公开政府信息情况', '三、主动公开工作情况');
    assert.ok(!codes(only).includes('missing-section'), codes(only).join());
  });

  it('a label on its own line above its numbers, in pipe rows and Markdown', () => {
    const own = pipe.replace(/^(一、本年新收政府信息公开申请数量) \| /m, '$1\n| ');
    assert.notEqual(own, pipe);
    assert.deepEqual(codes(own), []);
    const md = markdown.replace(/^\| (二、上年结转政府信息公开申请数量) \|  \|  \| /m, '| $1 |  |  |  |  |  |  |  |  |  |\n|  |  |  | ');
    assert.notEqual(md, markdown);
    assert.deepEqual(codes(md), []);
  });

  it('item numbers with a space or other punctuation, and labels without their long tail', () => {
    const items = markdown
      .replace('| 1.属于国家秘密 |', '| 1. 属于国家秘密 |')
      .replace('| 2.其他法律行政法规禁止公开 |', '| 2、其他法律行政法规禁止公开 |')
      .replace('| 3.危及“三安全一稳定” |', '| 3．危及“三安全一稳定” |')
      .replace('| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 |', '| 1.申请人无正当理由逾期不补正 |');
    assert.deepEqual(codes(items), []);
  });

  it('one extra cell per row never shifts a number; an unsure row is table-shape, never a sum', () => {
    // Every row of the application table with an empty cell after its label: 9 cells where the rule has 8.
    const shifted = markdown.replace(/^(\| [一二四]、[^|]*\|)/gm, '$1  |');
    assert.notEqual(shifted, markdown);
    assert.ok(codes(shifted).every((c) => c === 'table-shape'), codes(shifted).join());
    // A blank total and a padding cell at both ends: which is which is not certain.
    const unsure = markdown.replace(/^(\| 三、本年度办理结果 \| （一）予以公开 \|  \|) 5 \| 1 \| 0 \| 0 \| 1 \| 0 \| 7 \|$/m, '$1  | 5 | 1 | 0 | 0 | 1 | 0 |  |');
    assert.notEqual(unsure, markdown);
    assert.deepEqual(codes(unsure), ['table-shape']);
  });

  it('a table whose first line starts a new PDF page (a form feed before it) is still found', () => {
    const paged = pdf.replace(/^(\s*)(行政复议)/m, '$1\f$2');
    assert.notEqual(paged, pdf);
    assert.deepEqual(codes(paged), []);
    const review = analyze(paged).report.tables.find((t) => t.kind === 'review');
    assert.equal(review?.readable, true);
  });

  it('a part that has its table\'s words but no table that can be read: a warning, never the missing-table error', () => {
    // The header no longer opens the table (a caption glued before it).
    const unread = pdf.replace(/^行政复议 行政诉讼$/m, '表4 行政复议情况与行政诉讼情况');
    assert.notEqual(unread, pdf);
    const found = analyze(unread).findings.filter((f) => f.code === 'missing-table');
    assert.deepEqual(found.map((f) => f.severity), ['warning']);
    assert.match(found[0].message.zh, /有表格的用语.*结果维持/);
    assert.equal(found[0].fixes, undefined);
    // Prose alone saying there were none: the table is missing, an error.
    const none = pdf.replace(/^行政复议 行政诉讼\n[^]*?\n\n(?=五、)/m, '本年度未发生政府信息公开行政复议、行政诉讼。\n\n');
    assert.notEqual(none, pdf);
    assert.deepEqual(analyze(none).findings.map((f) => `${f.severity} ${f.code}`), ['error missing-table']);
  });

  it('no part heading recognised while the tables are there: a warning; with no table either, the error', () => {
    const unnamed = pdf.replace(/^[一二三四五六]、(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)$/gm, '第$1部分');
    assert.notEqual(unnamed, pdf);
    const a = analyze(unnamed);
    assert.equal(a.report.parts.length, 0);
    assert.ok(a.report.tables.length > 0);
    assert.deepEqual(a.findings.filter((f) => f.code === 'missing-section').map((f) => f.severity), ['warning']);
    const prose = '某某市某某区人民政府\n2023年政府信息公开工作年度报告\n本机关认真推进政务公开工作。\n';
    assert.deepEqual(analyze(prose).findings.filter((f) => f.code === 'missing-section').map((f) => f.severity), ['error']);
  });

  it('headings as converters give Word-numbered ones: a list number of the part\'s value, or none; a typo only where its part is missing', () => {
    const TITLE = /^([一二三四五六])、(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)$/gm;
    const n = (numeral: string): number => '一二三四五六'.indexOf(numeral) + 1;
    const listed = pdf.replace(TITLE, (_, num: string, words: string) => ` ${n(num)}. ${words}`);
    assert.deepEqual(analyze(listed).report.parts.map((p) => p.part.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual([...new Set(codes(listed))], ['section-heading']);
    // A list number that is not the part's own: not a heading.
    const wrong = listed.replace(' 2. 主动公开政府信息情况', ' 3. 主动公开政府信息情况');
    assert.ok(codes(wrong).includes('missing-section'));
    const typo = '政府信息公开行政法复议、行政诉讼情况';
    for (const t of [
      pdf.replace(TITLE, '$2').replace('政府信息公开行政复议、行政诉讼情况', typo),
      listed.replace('政府信息公开行政复议、行政诉讼情况', typo),
    ]) {
      assert.ok(t.includes(typo));
      assert.deepEqual(analyze(t).report.parts.map((p) => p.part.number), [1, 2, 3, 4, 5, 6]);
      assert.ok(!codes(t).includes('missing-section'), codes(t).join());
    }
    // The same close wording where part 四 has its heading already: prose, not a second part.
    const twice = pdf.replace('五、存在的主要问题及改进情况\n', `五、存在的主要问题及改进情况\n${typo}\n`);
    assert.deepEqual(analyze(twice).report.parts.map((p) => p.part.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(codes(twice), []);
  });
});
