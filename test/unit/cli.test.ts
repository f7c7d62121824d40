/** The command line as a user runs it: output formats, exit status, bad input. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/fixtures';
import { SKIP_SHARED, sharedFile } from '../support/shared';

function govreport(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'govreport.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = (name: string) => join('test', 'fixtures', name);

/** A fresh folder in the system's temp folder, removed when the tests end. */
const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-'));
  temps.push(dir);
  return dir;
}
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('govreport check', () => {
  it('reads like a compiler, with the cells involved as notes', () => {
    const r = govreport('check', fixture('cells.report.txt'));
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.includes(`${fixture('cells.report.txt')}:103:2: error row-total 「（一）予以公开」行：总计为 8，但各类申请人之和为 7`), r.stdout);
    assert.ok(lines.some((l) => /^ {4}test\/fixtures\/cells\.report\.txt:\d+:\d+: note: 「（一）予以公开」行「自然人」列：5$/.test(l)));
    assert.match(r.stderr, /共检查 1 个文件：2 个错误，2 个警告，0 条提示/);
  });

  it('exits 0 when no error is found, even with warnings', () => {
    const r = govreport('check', fixture('old-format.report.txt'));
    assert.equal(r.status, 0);
    assert.match(r.stdout, /warning old-format/);
  });

  it('speaks English on request', () => {
    const r = govreport('check', '--locale', 'en', fixture('pdf.report.txt'));
    assert.match(r.stdout, /error review-total Lawsuits after reconsideration: Total is 0, but upheld \+ corrected \+ other \+ pending is 1/);
    assert.match(r.stderr, /1 file checked: 1 error, 2 warnings/);
  });

  it('json: files with 1-based diagnostics', () => {
    const r = govreport('check', '--format', 'json', fixture('pdf.report.txt'), fixture('pipe.report.txt'));
    assert.equal(r.status, 1);
    const data = JSON.parse(r.stdout);
    assert.equal(data.length, 2);
    assert.equal(data[0].file, fixture('pdf.report.txt'));
    const review = data[0].diagnostics.find((d: { code: string }) => d.code === 'review-total');
    assert.deepEqual(Object.keys(review).sort(), ['code', 'column', 'endColumn', 'endLine', 'line', 'message', 'related', 'severity']);
    // The cells involved, as the text output's note: lines.
    const text = govreport('check', fixture('pdf.report.txt')).stdout;
    assert.ok(review.related.length >= 2);
    for (const rel of review.related) {
      assert.deepEqual(Object.keys(rel).sort(), ['column', 'line', 'message']);
      assert.ok(text.includes(`${fixture('pdf.report.txt')}:${rel.line}:${rel.column}: note: ${rel.message}`), JSON.stringify(rel));
    }
    assert.deepEqual([review.line, review.column, review.endLine, review.endColumn, review.severity], [78, 29, 78, 30, 'error']);
    assert.equal(data[1].diagnostics[0].code, 'missing-title');
    assert.equal(data[1].diagnostics[0].line, 1);
  });

  it('sarif: SARIF 2.1.0 with rules and related locations', () => {
    const r = govreport('check', '--format', 'sarif', fixture('markdown.report.txt'));
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'GovReport');
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'subtotal');
    // Each rule links to its documentation, the README's section of that name.
    assert.match(rule.helpUri, /^file:\/\/.*\/README\.md#subtotal$/);
    assert.ok(existsSync(fileURLToPath(rule.helpUri.replace(/#.*/, ''))));
    assert.match(readFileSync(fileURLToPath(rule.helpUri.replace(/#.*/, '')), 'utf8'), /^### subtotal$/m);
    assert.match(rule.help.text, /（七）总计等于（一）至（六）各项之和/);
    assert.match(rule.help.markdown, /\[subtotal\]\(file:/);
    const subtotal = run.results.find((x: { ruleId: string }) => x.ruleId === 'subtotal');
    assert.equal(subtotal.level, 'error');
    assert.equal(subtotal.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/markdown.report.txt');
    assert.equal(subtotal.locations[0].physicalLocation.region.startLine, 58);
    assert.ok(subtotal.relatedLocations.length >= 2);
    assert.equal(run.results.find((x: { ruleId: string }) => x.ruleId === 'section-order').level, 'warning');
  });

  it('checks folders and glob patterns', () => {
    const folder = govreport('check', '--format', 'json', join('test', 'fixtures'));
    const files = JSON.parse(folder.stdout).map((f: { file: string }) => f.file.split('\\').join('/'));
    assert.ok(files.includes('test/fixtures/encoding/gbk.report.txt'));
    assert.ok(files.includes('test/fixtures/flat.report.txt'));
    const glob = govreport('check', '--format', 'json', 'test/fixtures/p*.report.txt');
    assert.deepEqual(JSON.parse(glob.stdout).map((f: { file: string }) => f.file), ['test/fixtures/pdf.report.txt', 'test/fixtures/pipe.report.txt']);
  });

  it('in a folder, skips text that is no report and says so; a file named is always checked', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), '会议记录：明天讨论预算。\n');
    writeFileSync(join(dir, 'todo.txt'), 'TODO\n');
    writeFileSync(join(dir, '2023年报.txt'), readFileSync(join(ROOT, 'test', 'fixtures', 'pdf.report.txt')));
    const r = govreport('check', '--format', 'json', dir);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string }) => f.file), [join(dir, '2023年报.txt')]);
    assert.match(r.stderr, /已跳过文件夹中 2 个不是报告的文件/);
    assert.equal(govreport('check', '--locale', 'en', dir).stderr.split('\n').filter((l) => /skipped/.test(l)).length, 1);
    assert.match(govreport('check', '--locale', 'en', dir).stderr, /2 files in the folders skipped/);
    // Named, or matched by a pattern, a file is checked whatever it holds.
    const named = govreport('check', join(dir, 'notes.txt'));
    assert.equal(named.status, 1);
    assert.match(named.stdout, /notes\.txt:1:1: error missing-section/);
    assert.doesNotMatch(named.stderr, /跳过/);
    const glob = govreport('check', '--format', 'json', join(dir, 'no*.txt'));
    assert.equal(JSON.parse(glob.stdout).length, 1);
  });

  it('decodes GBK instead of garbling it', () => {
    const gbk = govreport('check', '--format', 'json', fixture('encoding/gbk.report.txt'));
    const utf8 = govreport('check', '--format', 'json', fixture('pipe.report.txt'));
    assert.deepEqual(JSON.parse(gbk.stdout)[0].diagnostics, JSON.parse(utf8.stdout)[0].diagnostics);
  });

  it('reports a missing file clearly, checks the others, and exits 2', () => {
    const r = govreport('check', 'no-such-report.txt', fixture('pipe.report.txt'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no-such-report\.txt：文件、文件夹不存在/);
    assert.match(r.stdout, /pipe\.report\.txt:1:1: warning missing-title/);
    assert.doesNotMatch(r.stderr, /at .*\(.*\.js:\d+/, 'no stack trace');
  });

  it('reports a file that cannot be read, and a binary file', { skip: process.getuid?.() === 0 ? 'root reads any file' : false }, () => {
    const dir = tempDir();
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, '一、总体情况');
    chmodSync(locked, 0);
    const r = govreport('check', locked);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /没有读取权限/);
  });

  it('says a sub-folder it cannot read, checks the rest, and exits 2', (t) => {
    // Root reads any folder: the command runs as nobody then, the folders on the way opened to it.
    const root = process.getuid?.() === 0;
    const nobody = { uid: 65534, gid: 65534 };
    if (root && spawnSync(process.execPath, [join(ROOT, 'bin', 'govreport.js'), '--version'], { cwd: ROOT, ...nobody }).status !== 0) {
      t.skip('run as root where nobody cannot run the command');
      return;
    }
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'r.report.txt'), readFileSync(fixture('pipe.report.txt')));
    chmodSync(join(dir, 'a'), 0);
    const opened = [tmpdir(), dir].map((d) => [d, statSync(d).mode] as const);
    if (root) for (const [d] of opened) chmodSync(d, 0o755);
    try {
      for (const command of ['check', 'summary']) {
        const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'govreport.js'), command, '--locale', 'en', dir], { cwd: ROOT, encoding: 'utf8', ...(root ? nobody : {}) });
        assert.equal(r.status, 2, r.stderr);
        assert.equal(r.stderr.split('\n').filter((l) => l.includes(join(dir, 'a'))).join('\n'), `govreport: ${join(dir, 'a')}: permission denied`);
        assert.match(r.stdout, /r\.report\.txt/, 'the other folder is checked');
      }
    } finally {
      if (root) for (const [d, mode] of opened) chmodSync(d, mode);
    }
  });

  it('says a binary file is not a report', () => {
    const dir = tempDir();
    const binary = join(dir, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 1, 2, 0, 0]));
    const r = govreport('check', binary);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /不是文本文件/);
  });

  it('answers bad usage with exit 2 and the usage', () => {
    for (const args of [[], ['check'], ['check', '--format', 'xml', 'a.txt'], ['frobnicate'], ['check', '--locale', 'fr', 'a.txt'], ['check', '--bogus']]) {
      const r = govreport(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /用法 \/ Usage:/);
    }
    assert.equal(govreport('--help').status, 0);
  });

  it('finds what the seeds hold', { skip: SKIP_SHARED }, () => {
    const r = govreport('check', '--format', 'json', sharedFile('seeds'));
    const data: { file: string; diagnostics: { code: string }[] }[] = JSON.parse(r.stdout);
    const arithmetic = new Set(['application-balance', 'subtotal', 'row-total', 'review-total']);
    const found = Object.fromEntries(data.map((f) => [f.file.split(/[\\/]/).pop()!.slice(0, 3), f.diagnostics.map((d) => d.code)]));
    assert.deepEqual(Object.keys(found), ['000', '001', '002', '003', '004']);
    assert.deepEqual(found['004'].filter((c) => arithmetic.has(c)), ['subtotal', 'subtotal']);
    for (const seed of ['000', '001', '002', '003']) assert.deepEqual(found[seed].filter((c) => arithmetic.has(c)), [], seed);
    assert.ok(found['001'].includes('missing-title'));
    assert.equal(r.status, 1);
  });
});

describe('govreport totals', () => {
  it('prints every table as read with every sum and whether it holds', () => {
    const r = govreport('totals', fixture('markdown.report.txt'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, /收到和处理政府信息公开申请情况（2021 年格式，Markdown）/);
    assert.match(r.stdout, /合计检查 39 项：37 项成立，2 项不成立，0 项无法检查/);
    assert.match(r.stdout, /✗ 「自然人」列：（七）总计 = 10，（一）至（六）各项之和 = 11/);
    assert.match(r.stdout, /✓ 「自然人」列：一 \+ 二 = 11，（七）总计 \+ 四 = 11/);
  });

  it('prints the review table as three rows by five columns, the group rows, the title on one line, the parts as 一…六 in order', () => {
    const r = govreport('totals', fixture('pdf.report.txt'));
    const lines = r.stdout.split('\n');
    assert.ok(lines.every((l) => l.length <= 160), 'no line runs on');
    assert.ok(lines.includes('标题: 某某市某某区人民政府 2023年政府信息公开工作年度报告（2023 年）'), r.stdout);
    assert.ok(lines.includes('部分: 一 ✓  二 ✓  三 ✓  四 ✓  五 ✓  六 ✓'));
    const head = lines.findIndex((l) => l.startsWith('政府信息公开行政复议、行政诉讼情况'));
    assert.deepEqual(lines[head + 1].trim().split(/\s+/), ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    assert.deepEqual(lines.slice(head + 2, head + 5).map((l) => l.trim().split(/\s+/)), [
      ['行政复议', '1', '0', '1', '0', '2'],
      ['行政诉讼（未经复议直接起诉）', '0', '1', '0', '0', '1'],
      ['行政诉讼（复议后起诉）', '0', '0', '0', '1', '0'],
    ]);
    // The group rows of the applications table, its items below them.
    const outcomes = lines.indexOf('  三、本年度办理结果');
    assert.ok(outcomes > 0);
    assert.match(lines[outcomes + 1], /^ {4}（一）予以公开 +5 +1/);
    assert.equal(lines[outcomes + 3], '    （三）不予公开');
    assert.match(lines[outcomes + 4], /^ {6}1\.属于国家秘密 +0/);
    // Part 五 after 六, said so.
    const md = govreport('totals', fixture('markdown.report.txt')).stdout;
    assert.match(md, /^部分: 一 ✓ {2}二 ✓ {2}三 ✓ {2}四 ✓ {2}五 ⚠ 在六之后 {2}六 ✓$/m);
    assert.match(govreport('totals', '--locale', 'en', fixture('markdown.report.txt')).stdout, /^Parts: 1 ✓ {2}2 ✓ {2}3 ✓ {2}4 ✓ {2}5 ⚠ after 6 {2}6 ✓$/m);
  });

  it('json: the model the totals preview shows', () => {
    const r = govreport('totals', '--format', 'json', fixture('pdf.report.txt'));
    const view = JSON.parse(r.stdout);
    assert.equal(view.year, 2023);
    assert.deepEqual(view.parts.map((p: { present: boolean }) => p.present), [true, true, true, true, true, true]);
    const review = view.tables.find((t: { kind: string }) => t.kind === 'review');
    const failing = review.sums.filter((s: { status: string }) => s.status === 'fail');
    assert.equal(failing.length, 1);
    assert.deepEqual([failing[0].left, failing[0].right], [0, 1]);
    assert.deepEqual(failing[0].range.start, { line: 77, character: 28 });
    const [block] = review.blocks;
    assert.deepEqual(block.columns.map((c: { id: string }) => c.id), ['upheld', 'corrected', 'other', 'pending', 'total']);
    assert.deepEqual(block.rows.map((row: { name: { zh: string } }) => row.name.zh), ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）']);
    assert.deepEqual(block.rows[2].cells.map((c: { value: number }) => c.value), [0, 0, 0, 1, 0]);
    // The failing total is the cell its sum points at.
    assert.deepEqual(block.rows[2].cells[4].range, failing[0].range);
  });

  it('takes exactly one file', () => {
    assert.equal(govreport('totals').status, 2);
    assert.equal(govreport('totals', 'a', 'b').status, 2);
    assert.equal(govreport('totals', 'missing.txt').status, 2);
  });
});
