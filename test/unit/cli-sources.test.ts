/** The command line on .docx, web pages and the formats it cannot read: places in the source, convert. */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { FIXTURES, govreport, ROOT, tempDirs } from '../support/fixtures';
import { cmsPage, officialDocx, officialLayout } from '../support/official';
import { SKIP_SHARED, sharedFile } from '../support/shared';

describe('govreport on source files', () => {
  const tempDir = tempDirs('sources');
  let dir = '';
  const file = (name: string) => join(dir, name);
  before(() => {
    dir = tempDir();
    // The Markdown fixture holds one subtotal error (自然人: （七）= 10, items = 11); as the official .docx it must say the same.
    const blocks = officialLayout(readFileSync(join(FIXTURES, 'markdown.report.txt'), 'utf8'))!;
    writeFileSync(file('report.docx'), officialDocx(blocks));
    writeFileSync(file('report.html'), cmsPage(blocks));
    writeFileSync(file('old.doc'), 'binary');
    writeFileSync(file('draft.wps'), 'binary');
    writeFileSync(file('broken.docx'), 'PK\u0003\u0004garbage');
  });

  it('names the table, row and column of each finding', () => {
    const r = govreport(ROOT, 'check', file('report.docx'));
    assert.equal(r.status, 1, r.stderr);
    const subtotal = r.stdout.split('\n').find((l) => l.includes(' error subtotal '));
    assert.equal(subtotal, `${file('report.docx')}: 表二 第 27 行 第 4 列: error subtotal （七）总计「自然人」列为 10，但（一）至（六）各项之和为 11`);
    assert.match(r.stdout, /^ {4}.*report\.docx: 表二 第 6 行 第 4 列: note: /m);
    const en = govreport(ROOT, 'check', '--locale', 'en', file('report.html'));
    assert.match(en.stdout, /report\.html: table 2, row 27, column 4: error subtotal /);
  });

  it('json: the source place beside the line and column of the canonical text', () => {
    const r = govreport(ROOT, 'check', '--format', 'json', file('report.docx'));
    const [data] = JSON.parse(r.stdout);
    const d = data.diagnostics.find((x: { code: string }) => x.code === 'subtotal');
    assert.deepEqual(d.source, { kind: 'docx', table: 2, row: 27, column: 4 });
    assert.equal(typeof d.line, 'number');
  });

  it('sarif: the file, and the cell as a logical location', () => {
    const r = govreport(ROOT, 'check', '--format', 'sarif', file('report.docx'));
    const result = JSON.parse(r.stdout).runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'subtotal');
    const loc = result.locations[0];
    assert.match(loc.physicalLocation.artifactLocation.uri, /report\.docx$/);
    assert.equal(loc.physicalLocation.region, undefined);
    assert.deepEqual(loc.logicalLocations[0], { name: '表二 第 27 行 第 4 列', fullyQualifiedName: 'table 2, row 27, column 4', kind: 'element' });
  });

  it('convert writes the canonical text, which checks the same as the source', () => {
    const out = file('report.govreport');
    const c = govreport(ROOT, 'convert', file('report.docx'), '-o', out);
    assert.equal(c.status, 0, c.stderr);
    const strip = (s: string) => s.split('\n').map((l) => l.replace(/^.*?: (?=(error|warning|info|hint|note) )|^ {4}.*?: note: /, '')).sort();
    const fromText = govreport(ROOT, 'check', out);
    const fromSource = govreport(ROOT, 'check', file('report.docx'));
    assert.equal(fromText.status, fromSource.status);
    assert.deepEqual(strip(fromText.stdout), strip(fromSource.stdout));
    assert.match(readFileSync(out, 'utf8'), /^\| （本列数据的勾稽关系/m);
    const toStdout = govreport(ROOT, 'convert', file('report.html'));
    assert.equal(toStdout.stdout, readFileSync(out, 'utf8'));
  });

  it('convert does not write over its source (the same path, or a link to it), and says so', () => {
    const before = readFileSync(file('report.docx'));
    const same = govreport(ROOT, 'convert', '-o', file('report.docx'), file('report.docx'));
    assert.equal(same.status, 2);
    assert.equal(same.stderr, `govreport: ${file('report.docx')}：就是要转换的源文件，不会覆盖它（请指定另一个输出文件）\n`);
    symlinkSync(file('report.docx'), file('link.docx'));
    const linked = govreport(ROOT, 'convert', '--locale', 'en', file('report.docx'), '-o', file('link.docx'));
    assert.equal(linked.status, 2);
    assert.match(linked.stderr, /link\.docx: is the file being converted: not overwritten/);
    assert.deepEqual(readFileSync(file('report.docx')), before);
    rmSync(file('link.docx'));
  });

  it('.doc, .wps and a damaged .docx: one plain line each, exit 2, the other files still checked', () => {
    const r = govreport(ROOT, 'check', file('old.doc'), file('draft.wps'), file('broken.docx'), file('report.docx'));
    assert.equal(r.status, 2);
    assert.match(r.stdout, /old\.doc: 错误: 不支持 Word 97-2003 文档（\.doc），请另存为 \.docx 后再检查/);
    assert.match(r.stdout, /draft\.wps: 错误: 不支持 WPS 文档/);
    assert.match(r.stdout, /broken\.docx: 错误: 文件已损坏/);
    assert.match(r.stdout, /report\.docx: 表二 第 27 行 第 4 列: error subtotal/);
    const en = govreport(ROOT, 'check', '--locale', 'en', file('old.doc'));
    assert.match(en.stdout, /old\.doc: error: Word 97-2003 documents \(\.doc\) cannot be read: save it as \.docx/);
  });

  it('a folder is searched for .docx and web pages too', () => {
    const r = govreport(ROOT, 'check', '--format', 'json', dir);
    const files = JSON.parse(r.stdout).map((x: { file: string }) => x.file.split('/').pop());
    assert.ok(files.includes('report.docx') && files.includes('report.html') && files.includes('broken.docx'), files.join(' '));
  });

  it('totals reads a web page', { skip: SKIP_SHARED }, () => {
    const r = govreport(ROOT, 'totals', sharedFile('corpus', 'shuyang-fgj-2023.html'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /合计检查 \d+ 项：\d+ 项成立，0 项不成立/);
  });
});
