/**
 * The source readers: a .docx, a web page (a real one, and pages and
 * documents built here in the official template's layout) read into the same
 * report as its text, every finding traced back to its cell.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { analyze, ARITHMETIC_CODES, type Finding } from '../../server/src/analysis';
import { readDocx } from '../../server/src/sources/docx';
import { readHtml } from '../../server/src/sources/html';
import { describePlace, placeAt, type SourceResult, type SourceText } from '../../server/src/sources/model';
import { FIXTURES } from '../support/fixtures';
import { cmsPage, officialDocx, officialLayout, wordHtml, type Plant } from '../support/official';
import { HAS_SHARED, SKIP_SHARED, sharedFile } from '../support/shared';
import { docx, NUMBERING, wp, wtbl } from '../support/sources';

function text(r: SourceResult): SourceText {
  assert.ok(!('error' in r), 'error' in r ? r.error.en : '');
  return r as SourceText;
}

const arithmetic = (fs: Finding[]) => fs.filter((f) => (ARITHMETIC_CODES as readonly string[]).includes(f.code)).map((f) => `${f.code} ${f.message.zh}`);

describe('a real web page (shuyang-fgj-2023.html)', { skip: SKIP_SHARED }, () => {
  it('reads the three tables from the body, not the CMS metadata table; blank 法人 columns are empty cells; no arithmetic error', () => {
    const source = text(readHtml(readFileSync(sharedFile('corpus', 'shuyang-fgj-2023.html'))));
    const { report, findings } = analyze(source.text);
    assert.deepEqual(report.tables.map((t) => [t.kind, t.readable, t.layout]), [
      ['active', true, 'markdown'],
      ['application', true, 'markdown'],
      ['review', true, 'markdown'],
    ]);
    assert.equal(report.title?.text, '沭阳县发展和改革局2023年政府信息公开年度报告');
    assert.ok(!source.text.includes('索引号'), 'the metadata table is left out');
    // The 125 blanks want only a 0: one finding for the table, each blank a place of its own.
    const empty = findings.filter((f) => f.code === 'empty-cell');
    assert.equal(empty.length, 1);
    assert.equal(empty[0].related?.length, 125);
    assert.deepEqual(arithmetic(findings), []);
    assert.ok(!findings.some((f) => f.severity === 'error'), findings.filter((f) => f.severity === 'error').map((f) => f.message.zh).join('\n'));
    // The first blank cell: 一、本年新收 × 商业企业, the table's fourth row and fifth column.
    assert.deepEqual(describePlace(placeAt(source, empty[0].span.start)!), { zh: '表二 第 4 行 第 5 列', en: 'table 2, row 4, column 5' });
  });
});

describe('a .docx', () => {
  it('prints the numbers Word generates, accepts tracked changes, leaves fields and comments out', () => {
    const body =
      wp('总体情况', { num: [1, 0] }) +
      wp('主动公开', { num: [1, 1] }) +
      wp('依申请公开', { num: [1, 1] }) +
      wp('主动公开政府信息情况', { num: [1, 0] }) +
      wp('第一项', { num: [1, 2] }) +
      '<w:p><w:r><w:t>共</w:t></w:r><w:del w:id="1"><w:r><w:delText>9</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>12</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:commentRangeStart w:id="0"/><w:r><w:t>。</w:t></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>' +
      '<w:p><w:r><w:t>框外</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x"><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="y"><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>';
    const source = text(readDocx(docx(body, { numbering: NUMBERING, extra: { 'word/comments.xml': '<w:comments xmlns:w="w"><w:comment w:id="0"><w:p><w:r><w:t>批注</w:t></w:r></w:p></w:comment></w:comments>' } })));
    assert.equal(source.text, '一、总体情况\n（一）主动公开\n（二）依申请公开\n二、主动公开政府信息情况\n1.第一项\n共12件。\n框外\n框内文字\n');
  });

  it('numbers headings through their paragraph style, in every format Word offers', () => {
    const styles = `<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style></w:styles>`;
    const lvl = (i: number, fmt: string, text: string) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = `<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="5">${lvl(0, 'chineseCountingThousand', '%1、')}${lvl(1, 'ideographTraditional', '%2.')}${lvl(2, 'decimalEnclosedCircle', '%3')}</w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num></w:numbering>`;
    const body = wp('甲', { style: 'H1' }) + wp('乙', { style: 'H1b' }) + wp('丙', { num: [2, 1] }) + wp('丁', { num: [2, 1] }) + wp('戊', { num: [2, 2] }) + wp('己', { style: 'H1' });
    assert.equal(text(readDocx(docx(body, { numbering, styles }))).text, '十、甲\n十一、乙\n甲.丙\n乙.丁\n①戊\n十二、己\n');
  });

  it('lays merged cells out on the grid and maps each cell back to its table, row and column', () => {
    const table = wtbl([
      ['第二十条第（一）项', { text: '', span: 3 }],
      [{ text: '规章', span: 2, vMerge: 'restart' }, '1', '2'],
      [{ text: '', span: 2, vMerge: 'continue' }, '3', '4'],
    ]);
    const source = text(readDocx(docx(wp('前言') + table)));
    // The second grid column is spanned by 规章 in every row, so it holds nothing and goes; places keep Word's grid.
    assert.equal(source.text, '前言\n\n| 第二十条第（一）项 |  |  |\n|---|---|---|\n| 规章 | 1 | 2 |\n|  | 3 | 4 |\n');
    const at = (s: string) => describePlace(placeAt(source, source.text.indexOf(s))!).en;
    assert.equal(at('4 |'), 'table 1, row 3, column 4');
    assert.equal(at('规章 |'), 'table 1, row 2, column 1');
    assert.equal(at('前言'), 'paragraph 1');
  });
});

describe('a table of one column frames text: its paragraphs are read as paragraphs', () => {
  it('in a web page', () => {
    const page = '<table><tr><td><p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>二、主动公开政府信息情况</p></td></tr></table>';
    assert.equal(text(readHtml(strToU8(page))).text, '某局2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n');
  });

  it('in a .docx', () => {
    const box = `<w:tbl><w:tr><w:tc>${wp('一、总体情况')}${wp('本年共收到申请 3 件。')}</w:tc></w:tr></w:tbl>`;
    assert.equal(text(readDocx(docx(box))).text, '一、总体情况\n本年共收到申请 3 件。\n');
  });
});

describe('bad input gets one clear line, never a crash', () => {
  const error = (r: SourceResult) => ('error' in r ? r.error : undefined);

  it('a corrupt zip', () => {
    assert.match(error(readDocx(strToU8('PK\u0003\u0004 not really a zip')))!.zh, /文件已损坏/);
    const cut = docx(wp('正文')).slice(0, 60);
    assert.match(error(readDocx(cut))!.en, /damaged/);
  });

  it('a zip bomb: refused from its declared sizes before inflating', () => {
    // 200 MB of zeros deflates to about 200 KB: over the cap and the ratio.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(200 * 1024 * 1024) }, { level: 9 });
    const before = process.memoryUsage().rss;
    assert.match(error(readDocx(bomb))!.en, /zip bomb/);
    assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024);
  });

  it('XML with a DTD and entity expansion (billion laughs)', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    const bytes = zipSync({ '_rels/.rels': strToU8('<Relationships/>'), 'word/document.xml': strToU8(lol) });
    assert.match(error(readDocx(bytes))!.zh, /DTD/);
  });

  it('a zip that is not a Word document', () => {
    assert.match(error(readDocx(zipSync({ 'a.xml': strToU8('<a/>') })))!.en, /not a Word document/);
  });

  it('deeply nested HTML and a page with no report', () => {
    const deep = `<html><body>${'<div><span>'.repeat(100000)}x${'</span></div>'.repeat(100000)}</body></html>`;
    assert.match(error(readHtml(strToU8(deep)))!.en, /nested too deeply/);
    const nested = (n: number) => `<p>一、总体情况</p><p>二、主动公开政府信息情况</p>${'<table><tr><td>'.repeat(n)}第二十条第（一）项${'</td></tr></table>'.repeat(n)}`;
    assert.match(error(readHtml(strToU8(nested(20000))))!.zh, /嵌套过深/);
    assert.match(text(readHtml(strToU8(nested(100)))).text, /^第二十条第（一）项$/m);
    assert.match(error(readHtml(strToU8('<html><body><h1>首页</h1><a>年度报告</a></body></html>')))!.zh, /没有找到年度报告/);
  });
});

/** Text reports whose tables the official layout can hold: the project's fixtures and the shared seeds. */
function reports(): { name: string; text: string }[] {
  const out = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.report.txt'))
    .map((f) => ({ name: f, text: readFileSync(join(FIXTURES, f), 'utf8') }));
  if (HAS_SHARED) {
    const seeds = sharedFile('seeds');
    for (const f of readdirSync(seeds).filter((x) => x.endsWith('.txt')).sort()) out.push({ name: `seeds/${f}`, text: readFileSync(join(seeds, f), 'utf8') });
  }
  return out;
}

/** One more application handled as 予以公开 by a natural person, in the table's body only. */
const plant: Plant = (kind, row, col, raw) => (kind === 'application' && row === '3.1' && col === 'natural' ? String(Number(raw || 0) + 1) : raw);

describe('every report in every form gives the same arithmetic findings as its text', () => {
  const forms = { docx: (b: Parameters<typeof officialDocx>[0]) => readDocx(officialDocx(b)), 'cms page (GBK)': (b: Parameters<typeof cmsPage>[0]) => readHtml(cmsPage(b)), 'word html': (b: Parameters<typeof wordHtml>[0]) => readHtml(wordHtml(b)) };
  let compared = 0;
  for (const { name, text: reportText } of reports()) {
    const blocks = officialLayout(reportText);
    if (!blocks) continue;
    compared++;
    const planted = officialLayout(reportText, plant)!;
    for (const [form, read] of Object.entries(forms)) {
      it(`${name} as ${form}`, () => {
        // The text the layout was built from, read again as the official layout, is the reference.
        const expected = arithmetic(analyze(reportText).findings);
        const source = text(read(blocks));
        assert.deepEqual(arithmetic(analyze(source.text).findings), expected, source.text);
        const defect = arithmetic(analyze(text(read(planted)).text).findings);
        assert.ok(defect.some((f) => /^subtotal .*「自然人」列/.test(f)), `the planted defect is found: ${defect.join('\n')}`);
        assert.ok(defect.some((f) => f.startsWith('row-total 「（一）予以公开」行')), defect.join('\n'));
      });
    }
  }
  it('compares some reports', () => assert.ok(compared >= 2, `${compared} compared`));
});
