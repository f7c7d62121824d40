/**
 * The fixture forms the project writes itself (test/forms), without the
 * converters: the .docx laid out like the official template (Word-numbered
 * headings, merged cells, a tracked change, a PAGE footer), Word's HTML, the
 * GBK CMS page, and the planted defect with its expected findings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unzipSync, strFromU8 } from 'fflate';
import { decode } from 'iconv-lite';
import { analyze } from '../../server/src/analysis';
import { docxBytes } from '../forms/docx';
import { cmsHtml, gbkBytes, wordHtml } from '../forms/html';
import { reportDocument, type GridCell, type TableGrid } from '../forms/model';
import { checkConverted, describeCell, passes } from '../forms/matrix';
import { plantDefect } from '../forms/planted';
import { cleanSpec, render } from '../support/reports';

const text = render(cleanSpec('2021'), 'cells');
const doc = reportDocument(text);
const grids = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.grid] : []));
const grid = (kind: TableGrid['kind']) => grids.find((g) => g.kind === kind)!;
const cellWith = (g: TableGrid, t: string): GridCell => g.rows.flat().find((c) => c.text === t)!;

describe('fixture forms: the document model', () => {
  it('has the six parts, numbered by Word, and the three tables', () => {
    const parts = doc.blocks.filter((b) => b.kind === 'part');
    assert.deepEqual(
      parts.map((p) => p.kind === 'part' && [p.number, p.numbered, p.text]),
      [
        [1, true, '总体情况'],
        [2, true, '主动公开政府信息情况'],
        [3, true, '收到和处理政府信息公开申请情况'],
        [4, true, '政府信息公开行政复议、行政诉讼情况'],
        [5, true, '存在的主要问题及改进情况'],
        [6, true, '其他需要报告的事项'],
      ],
    );
    assert.deepEqual(grids.map((g) => g.kind), ['active', 'application', 'review']);
  });

  it('merges the application table as the template does', () => {
    const g = grid('application');
    assert.deepEqual(cellWith(g, '申请人情况').colSpan, 7);
    assert.deepEqual([cellWith(g, '自然人').rowSpan, cellWith(g, '总计').rowSpan], [2, 2]);
    assert.equal(cellWith(g, '法人或其他组织').colSpan, 5);
    // 三、本年度办理结果 spans its 22 outcome rows (（一）…（七）), （三）不予公开 its 8 items.
    assert.equal(cellWith(g, '三、本年度办理结果').rowSpan, 22);
    assert.equal(cellWith(g, '（三）不予公开').rowSpan, 8);
    assert.equal(cellWith(g, '（六）其他处理').rowSpan, 3);
    assert.equal(cellWith(g, '一、本年新收政府信息公开申请数量').colSpan, 3);
    assert.equal(cellWith(g, '（七）总计').colSpan, 2);
    // Every grid row covers the 10 columns.
    const covered = Array(10).fill(0);
    for (const row of g.rows) {
      let width = covered.filter((n) => n > 0).length;
      for (const c of row) width += c.colSpan ?? 1;
      assert.equal(width, 10);
      let col = 0;
      for (const c of row) {
        while (covered[col] > 0) col++;
        for (let k = 0; k < (c.colSpan ?? 1); k++) covered[col + k] = c.rowSpan ?? 1;
        col += c.colSpan ?? 1;
      }
      for (let k = 0; k < 10; k++) covered[k] = Math.max(0, covered[k] - 1);
    }
  });

  it('carries the numbers the text has, and the review table under its header rows', () => {
    const spec = cleanSpec('2021');
    const row = grid('application').rows.find((r) => r.some((c) => c.text === '（七）总计'))!;
    assert.deepEqual(row.filter((c) => c.role === 'value').map((c) => c.text), spec.application['3.7']);
    const review = grid('review');
    assert.equal(cellWith(review, '行政复议').colSpan, 5);
    assert.equal(cellWith(review, '未经复议直接起诉').colSpan, 5);
    assert.deepEqual(review.rows[review.rows.length - 1].map((c) => c.text), spec.review);
  });

  it('keeps an unreadable (flat) table as its text', () => {
    const flat = reportDocument(render(cleanSpec('2021'), 'flat'));
    assert.equal(flat.blocks.filter((b) => b.kind === 'table').length, 0);
    assert.ok(flat.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('第二十条第（一）项信息内容')));
  });
});

describe('fixture forms: the .docx', () => {
  it('numbers headings with chineseCounting, merges cells, tracks a change, numbers pages', async () => {
    const files = unzipSync(new Uint8Array(await docxBytes(doc)));
    const xml = (name: string) => strFromU8(files[name]);
    const body = xml('word/document.xml');
    const numbering = xml('word/numbering.xml');
    assert.match(numbering, /<w:numFmt w:val="chineseCounting"\/>/);
    assert.match(numbering, /<w:lvlText w:val="%1、"\/>/);
    assert.match(numbering, /<w:lvlText w:val="（%1）"\/>/);
    assert.equal(body.match(/<w:numPr>/g)?.length, 6 + 5, 'six parts and five sub-parts numbered by Word');
    assert.ok(!body.includes('一、总体情况'), 'the numeral is Word’s, not typed');
    assert.match(body, /<w:gridSpan w:val="7"\/>/);
    assert.match(body, /<w:vMerge w:val="restart"\/>/);
    assert.match(body, /<w:vMerge w:val="continue"\/>|<w:vMerge\/>/);
    assert.match(body, /<w:ins [^>]*w:author="GovReport"/);
    assert.match(body, /<w:del [^>]*>[\s\S]*?<w:delText[^>]*>此句为修改前的表述，已删除。<\/w:delText>/);
    const footer = Object.keys(files).find((f) => /^word\/footer\d*\.xml$/.test(f))!;
    assert.match(xml(footer), /PAGE/);
  });
});

describe('fixture forms: web pages', () => {
  it('Word’s HTML has its namespaces, conditional comments, mso styles and <o:p>', () => {
    const html = wordHtml(doc);
    assert.match(html, /xmlns:o="urn:schemas-microsoft-com:office:office"/);
    assert.match(html, /<!--\[if gte mso 9\]>/);
    assert.match(html, /mso-border-alt/);
    assert.match(html, /<o:p><\/o:p>/);
    assert.match(html, /rowspan=22/);
  });

  it('the CMS page is GBK, with chrome, a metadata table and words split across spans', () => {
    const bytes = gbkBytes(cmsHtml(doc));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'not UTF-8');
    const html = decode(bytes, 'gbk');
    assert.match(html, /<meta charset="gbk">/);
    assert.ok(html.indexOf('索&nbsp;引&nbsp;号') < html.indexOf('TRS_Editor'), 'the metadata table comes before the report');
    assert.match(html, /<span>自然<\/span><span>人<\/span>/);
    assert.match(html, /rowspan=22/);
    assert.match(html, /网站地图/);
  });

  it('writes characters GBK lacks as character references', () => {
    assert.equal(decode(gbkBytes('数量\u2002𠀀'), 'gbk'), '数量&#8194;&#131072;');
  });
});

describe('fixture forms: the planted defect', () => {
  it('raises one item cell, so its row total and its column subtotal fail', () => {
    const planted = plantDefect(text)!;
    assert.equal(planted.change, '「（一）予以公开」行「自然人」列 5 → 12');
    assert.deepEqual(planted.expected.map((k) => k.slice(0, k.indexOf(':'))).sort(), ['row-total', 'subtotal']);
    const codes = analyze(planted.text).findings.filter((f) => f.severity === 'error').map((f) => f.code);
    assert.deepEqual(codes.sort(), ['row-total', 'subtotal']);
  });

  it('plants nothing where no table can be read', () => {
    assert.equal(plantDefect(render(cleanSpec('2021'), 'flat')), undefined);
  });
});

describe('converter matrix: judging a converted text', () => {
  const planted = plantDefect(text)!;

  it('passes the same text', () => {
    const r = checkConverted(text, render(cleanSpec('2021'), 'pipe'));
    assert.ok(passes(r));
    assert.equal(describeCell(r), 'same');
  });

  it('fails on an arithmetic error the text does not have', () => {
    const r = checkConverted(text, planted.text);
    assert.deepEqual(r.falseErrors, planted.expected);
    assert.ok(!passes(r));
    assert.equal(describeCell(r), '✗ 2 false errors');
  });

  it('fails on an error of another rule the text does not have', () => {
    const noTable = render({ ...cleanSpec('2021'), omit: new Set(['review']) }, 'cells');
    const r = checkConverted(text, noTable);
    assert.deepEqual(r.falseErrors.map((k) => k.slice(0, k.indexOf(':'))), ['missing-table']);
  });

  it('fails when the planted defect is lost although the table is read', () => {
    const r = checkConverted(planted.text, text, planted.expected);
    assert.deepEqual(r.missed, planted.expected);
    assert.equal(r.plantedFound, false);
    assert.ok(!passes(r));
  });

  it('lets a finding go only where the converted table cannot be read, and says so', () => {
    const flat = render(cleanSpec('2021'), 'flat');
    const r = checkConverted(planted.text, flat, planted.expected);
    assert.deepEqual(r.missed, []);
    assert.deepEqual(r.lostToUnreadable, planted.expected);
    assert.deepEqual(r.unreadable, ['active', 'application', 'review']);
    assert.ok(passes(r));
    assert.equal(describeCell(r), 'unreadable (表一 表二 表三)');
  });
});
