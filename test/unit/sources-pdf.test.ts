/**
 * The PDF reader on PDFs laid out by LibreOffice (test/fixtures/sources, made by
 * scripts/fixtures/pdf.mjs) and on hostile ones built here: the tables read from
 * their ruled cells give the text's findings; what cannot be read is said so.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, ARITHMETIC_CODES, type Finding } from '../../server/src/analysis';
import { describePlace, placeAt, type SourceResult, type SourceText } from '../../server/src/sources/model';
import { readPdf } from '../../server/src/sources/pdf';
import { FIXTURES, tempDirs } from '../support/fixtures';
import { cjkPdf, pages, pdfBytes } from '../support/pdf';

const pdf = (name: string) => readFileSync(join(FIXTURES, 'sources', name));
const arithmetic = (fs: Finding[]) => fs.filter((f) => (ARITHMETIC_CODES as readonly string[]).includes(f.code)).map((f) => `${f.code} ${f.message.zh}`);
const error = (r: SourceResult) => ('error' in r ? r.error : undefined);

function text(r: SourceResult): SourceText {
  assert.ok(!('error' in r), 'error' in r ? r.error.en : '');
  return r as SourceText;
}

/** A PDF of `count` pages with one line of Latin text each. */
function latinPdf(count: number): Uint8Array {
  const contents = Array.from({ length: count }, (_, p) => ({ data: `BT /F1 12 Tf 72 720 Td (Page ${p + 1} of a long document) Tj ET` }));
  const { tree, objects } = pages(contents, '<< /Font << /F1 3 0 R >> >>', 4);
  return pdfBytes(['<< /Type /Catalog /Pages 2 0 R >>', tree, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', ...objects]);
}

describe('a PDF laid out by LibreOffice', () => {
  it('reads its ruled tables cell by cell: the same arithmetic findings as the text, each at its page, table, row and column', async () => {
    const source = text(await readPdf(pdf('markdown.pdf')));
    const { report, findings } = analyze(source.text);
    assert.deepEqual(report.tables.map((t) => [t.kind, t.layout, t.readable]), [
      ['active', 'markdown', true],
      ['application', 'markdown', true],
      ['review', 'markdown', true],
    ]);
    const expected = arithmetic(analyze(readFileSync(join(FIXTURES, 'markdown.report.txt'), 'utf8')).findings);
    assert.deepEqual(arithmetic(findings), expected);
    const subtotal = findings.find((f) => f.code === 'subtotal')!;
    const place = placeAt(source, subtotal.span.start)!;
    // The application table runs over a page break: its second part is table 2 still, rows counted on that page.
    assert.deepEqual(place, { kind: 'pdf', page: 2, table: 2, row: 17, column: 4 });
    assert.equal(describePlace(place).zh, '第 2 页 表二 第 17 行 第 4 列');
    assert.ok(!/^\s*[-—]?\s*\d+\s*[-—]?\s*$/m.test(source.text), 'no page numbers left in the text');
  });

  it('finds the planted defect', async () => {
    const defect = arithmetic(analyze(text(await readPdf(pdf('markdown-planted.pdf'))).text).findings);
    assert.ok(defect.some((f) => f.startsWith('row-total 「（一）予以公开」行：总计为 7，但各类申请人之和为 8')), defect.join('\n'));
  });

  it('reads past a broken cross-reference table, as viewers do', async () => {
    const bytes = Buffer.from(pdf('markdown.pdf'));
    const at = bytes.lastIndexOf('startxref');
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from('startxref\n999999\n%%EOF\n')]);
    const expected = arithmetic(analyze(text(await readPdf(pdf('markdown.pdf'))).text).findings);
    assert.deepEqual(arithmetic(analyze(text(await readPdf(broken)).text).findings), expected);
  });
});

describe('a Chinese PDF in a predefined CJK font (STSong-Light, UniGB-UCS2-H, not embedded)', () => {
  const tempDir = tempDirs('cjk');
  const paragraphs = ['某县人民政府2023年政府信息公开工作年度报告', '一、总体情况', '本年度共收到政府信息公开申请十二件，全部按时答复。'];

  it('is read with pdf.js’s CMaps, not called a scan', async () => {
    assert.equal(text(await readPdf(cjkPdf(paragraphs))).text, `${paragraphs.join('\n')}\n`);
  });

  it('reads as pdftotext reads it, where poppler and its CJK data are installed', async (t) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cjk.pdf'), cjkPdf(paragraphs));
    const r = spawnSync('pdftotext', [join(dir, 'cjk.pdf'), '-'], { encoding: 'utf8' });
    if (r.error || !r.stdout.trim()) return t.skip('pdftotext, or poppler-data for Adobe-GB1, is not installed');
    assert.deepEqual(r.stdout.split('\n').filter((l) => l.trim()), paragraphs);
  });
});

describe('PDFs that cannot be checked say so in one line', () => {
  it('no text layer (a scan)', async () => {
    assert.deepEqual(error(await readPdf(pdf('no-text.pdf'))), { zh: '扫描件，没有文字层，无法检查', en: 'scanned: no text layer, cannot be checked' });
  });

  it('encrypted', async () => {
    assert.match(error(await readPdf(pdf('encrypted.pdf')))!.zh, /PDF 已加密/);
  });

  it('damaged: cut short, or not a PDF at all', async () => {
    assert.ok(error(await readPdf(pdf('markdown.pdf').subarray(0, 3000))));
    assert.match(error(await readPdf(new TextEncoder().encode('not a pdf at all')))!.en, /damaged|no text layer/);
  });

  it('500 pages: read in bounded memory, and a text that is not a Chinese report is not checked', async () => {
    const bytes = latinPdf(500);
    const before = process.memoryUsage().rss;
    const r = await readPdf(bytes);
    assert.match(error(r)!.en, /almost no Chinese text/);
    assert.ok(process.memoryUsage().rss - before < 300 * 1024 * 1024);
  });
});
