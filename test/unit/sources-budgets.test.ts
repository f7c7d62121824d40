/**
 * The readers' budgets, in process: what a file declares is not trusted
 * (a zip's entry count and sizes), costs stay linear where hostile files made
 * them quadratic (open fields, merged cells, a page full of part headings,
 * rules on a PDF page), generated labels stay short, and a page's declared
 * charset is taken as browsers take it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../server/src/sources/docx';
import { decodeHtml, readHtml } from '../../server/src/sources/html';
import type { SourceResult, SourceText } from '../../server/src/sources/model';
import { pageTables, type Segment2 } from '../../server/src/sources/pdf-tables';
import { emptyParagraphs, hugeLabels, lyingSizes, manySignals, openFields, vMergeRow, zip64Count } from '../support/hostile';
import { docx, wp, wtbl } from '../support/sources';

const error = (r: SourceResult) => ('error' in r ? r.error : undefined);
function text(r: SourceResult): SourceText {
  assert.ok(!('error' in r), 'error' in r ? r.error.en : '');
  return r as SourceText;
}
/** Seconds `f` takes: a generous bound tells linear from quadratic (minutes), not a benchmark. */
function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const out = f();
  return [out, (performance.now() - t) / 1000];
}

describe('a .docx package: counts and sizes as read, not as declared', () => {
  it('a zip64 end record declaring four billion entries: damaged, at once', () => {
    const bytes = zip64Count();
    const [r, s] = timed(() => readDocx(bytes));
    assert.match(error(r)!.zh, /文件已损坏/);
    assert.ok(s < 1, `${s} s`);
  });

  it('more than 10,000 entries: refused', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 10_000; i++) files[`media/${i}.png`] = new Uint8Array(1);
    files['word/document.xml'] = strToU8('<w:document><w:body/></w:document>');
    assert.match(error(readDocx(zipSync(files)))!.en, /too many parts \(over 10000\)/);
  });

  it('parts inflating to far more than they declare: stopped at the declared size, not inflated whole', () => {
    const bytes = lyingSizes(20, 64 * 2 ** 20);
    const before = process.memoryUsage().rss;
    const [r, s] = timed(() => readDocx(bytes));
    assert.match(error(r)!.en, /zip bomb/);
    assert.ok(s < 2, `${s} s`);
    assert.ok(process.memoryUsage().rss - before < 64 * 2 ** 20);
  });

  it('a part that declares its size right is read (stored or deflated)', () => {
    const stored = zipSync({ '_rels/.rels': strToU8('<Relationships/>'), 'word/document.xml': strToU8(`<w:document><w:body>${wp('一、总体情况')}</w:body></w:document>`) }, { level: 0 });
    assert.equal(text(readDocx(stored)).text, '一、总体情况\n');
  });
});

describe('Word XML: linear where it was quadratic, labels bounded', () => {
  it('90,000 fields opened and never closed hide what follows, read in linear time', () => {
    const bytes = openFields(90_000);
    const [r, s] = timed(() => readDocx(bytes));
    assert.ok(!('error' in r) ? !/一/.test(r.text) : true, 'the fields’ instructions are not text');
    assert.ok(s < 10, `${s} s`);
  });

  it('two rows of 60,000 vertically merged cells: read in linear time', () => {
    const bytes = vMergeRow(60_000);
    const [r, s] = timed(() => readDocx(bytes));
    assert.ok(!('error' in r), 'read');
    assert.ok(s < 10, `${s} s`);
  });

  it('a row of 5,000 cells: cut at the grid’s 64 columns before reading them', () => {
    const r = readDocx(docx(wtbl([Array.from({ length: 5000 }, (_, i) => String(i)), Array.from({ length: 5000 }, () => '0')])));
    assert.deepEqual(text(r).text.split('\n')[0].split(' '), Array.from({ length: 64 }, (_, i) => String(i)));
  });

  it('letters from 26,000,000 on: the number, not a million letters; a long level text cut', () => {
    assert.match(text(readDocx(hugeLabels(3))).text, /^26000000\.总体情况\n26000001\.总体情况\n/);
    const numbering = `<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="27"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="${'x'.repeat(10_000)}%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    assert.equal(text(readDocx(docx(wp('正文', { num: [1, 0] }), { numbering }))).text, `${'x'.repeat(64)} 正文\n`);
    const aa = numbering.replace(/x{10000}/, '');
    assert.equal(text(readDocx(docx(wp('正文', { num: [1, 0] }), { numbering: aa }))).text, 'aa 正文\n');
  });

  it('more than 500,000 elements: refused before parsing', () => {
    const bytes = emptyParagraphs(4);
    const [r, s] = timed(() => readDocx(bytes));
    assert.match(error(r)!.zh, /元素过多/);
    assert.ok(s < 5, `${s} s`);
  });
});

describe('web pages', () => {
  it('a page of 60,000 elements each a part heading: its body found in near-linear time', () => {
    const bytes = manySignals(60_000);
    const [r, s] = timed(() => readHtml(bytes));
    assert.match(text(r).text, /^一、总体情况\n二、主动公开政府信息情况\n/);
    assert.ok(s < 20, `${s} s`);
  });

  it('more than 500,000 elements: refused', () => {
    assert.match(error(readHtml(strToU8(`<p>一、总体情况</p>${'<b>1</b>'.repeat(600_000)}`)))!.en, /too many elements/);
  });

  it('<meta charset=utf-16le> in an 8-bit page is read as UTF-8, as browsers do', () => {
    const page = '<html><head><meta charset="utf-16le"></head><body><p>一、总体情况</p></body></html>';
    assert.equal(decodeHtml(strToU8(page)), page);
    const gbk = new Uint8Array([...strToU8('<meta http-equiv="Content-Type" content="text/html; charset=UTF-16"><p>'), 0xc4, 0xea, 0xb6, 0xc8]);
    assert.match(decodeHtml(gbk), /<p>年度$/, 'not UTF-8 either: the Chinese sites’ other charset');
    // A page that is UTF-16 says so with its byte-order mark.
    assert.equal(decodeHtml(new Uint8Array([0xff, 0xfe, ...Buffer.from('<p>年</p>', 'utf16le')])), '<p>年</p>');
  });
});

describe('PDF tables', () => {
  /** A ruled grid; `cellByCell` draws each border cell by cell, as word processors do. */
  const grid = (rows: number, cols: number, cellByCell = false): Segment2[] => {
    const out: Segment2[] = [];
    const h = (y: number, x1: number, x2: number) => out.push({ x1, y1: y, x2, y2: y });
    const v = (x: number, y1: number, y2: number) => out.push({ x1: x, y1, x2: x, y2 });
    for (let r = 0; r <= rows; r++) {
      if (cellByCell) for (let c = 0; c < cols; c++) h(100 + r * 20, 50 + c * 40, 90 + c * 40);
      else h(100 + r * 20, 50, 50 + cols * 40);
    }
    for (let c = 0; c <= cols; c++) {
      if (cellByCell) for (let r = 0; r < rows; r++) v(50 + c * 40, 100 + r * 20, 120 + r * 20);
      else v(50 + c * 40, 100, 100 + rows * 20);
    }
    return out;
  };
  const items = (rows: number, cols: number) =>
    Array.from({ length: rows * cols }, (_, i) => ({ str: String(i), x: 60 + (i % cols) * 40, y: 115 + Math.floor(i / cols) * 20, width: 10, size: 10 }));

  it('a grid of 500 rows drawn cell by cell (8,500 pieces): one table, its cells in place', () => {
    const [segments, texts] = [grid(500, 8, true), items(500, 8)];
    const [tables, s] = timed(() => pageTables(segments, texts, 1, () => 1));
    assert.equal(tables.length, 1);
    assert.equal(tables[0].table.rows.length, 500);
    assert.equal(tables[0].table.rows[499][7]?.text, '3999');
    assert.ok(s < 5, `${s} s`);
  });

  it('8,000 rules that never meet: no table, at once; over 20,000 pieces are not looked at', () => {
    const rules: Segment2[] = [];
    for (let i = 0; i < 4000; i++) {
      rules.push({ x1: (i % 100) * 6, y1: Math.floor(i / 100) * 3, x2: (i % 100) * 6 + 5, y2: Math.floor(i / 100) * 3 });
      rules.push({ x1: (i % 100) * 6 + 3 + 0.01 * i, y1: 400 + Math.floor(i / 100) * 3, x2: (i % 100) * 6 + 3 + 0.01 * i, y2: 405 + Math.floor(i / 100) * 3 });
    }
    const [tables, s] = timed(() => pageTables(rules, items(3, 3), 1, () => 1));
    assert.deepEqual(tables, []);
    assert.ok(s < 1, `${s} s`);
    assert.deepEqual(pageTables([...grid(3, 3), ...Array.from({ length: 20_000 }, () => rules[0])], items(3, 3), 1, () => 1), []);
  });
});
