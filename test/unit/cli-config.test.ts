/**
 * The folder's settings (`.govreport.json`), the accepted findings
 * (`.govreport-baseline.json`), summary reports and their units, and
 * `govreport init`, as a user runs the command line in a folder of reports.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readConfig } from '../../server/src/config/settings';
import { FIXTURES, govreport, ROOT, tempDirs } from '../support/fixtures';
import { cleanSpec, nextYearSpec, render, scaledSpec } from '../support/reports';

const tempDir = tempDirs('config');

/** The codes of a text run's findings, `file code` per line, in order. */
const codes = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l && !l.startsWith(' '))
    .map((l) => `${l.split(':')[0]} ${l.split(/ (?:error|warning|info|hint) /)[1]?.split(' ')[0]}`);

/** A 2023 report of 洪泽县 and a 2024 report of 洪泽区 (the county became a district) whose 上年结转 is not 2023's 结转下年度. */
function renamedBody(dir: string): void {
  const before = cleanSpec('2021', 2023);
  before.title = ['洪泽县人民政府', '2023年政府信息公开工作年度报告'];
  const now = nextYearSpec(true);
  now.title = ['洪泽区人民政府', '2024年政府信息公开工作年度报告'];
  writeFileSync(join(dir, '2023.report.txt'), render(before, 'cells'));
  writeFileSync(join(dir, '2024.report.txt'), render(now, 'pipe'));
}

describe('.govreport.json on the command line', () => {
  it('rules: a severity changed, a rule turned off', () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'cells.report.txt'), join(dir, 'cells.report.txt'));
    assert.deepEqual(codes(govreport(dir, 'check', '.').stdout), ['cells.report.txt row-total', 'cells.report.txt table-shape', 'cells.report.txt subtotal', 'cells.report.txt conversion-artifact']);
    writeFileSync(join(dir, '.govreport.json'), '// 本处的审核习惯\n{\n  "rules": { "subtotal": "warning", "conversion-artifact": "off" },\n}\n');
    const r = govreport(dir, 'check', '.');
    assert.deepEqual(codes(r.stdout), ['cells.report.txt row-total', 'cells.report.txt table-shape', 'cells.report.txt subtotal']);
    assert.match(r.stdout, /cells\.report\.txt:332:2: warning subtotal/);
    assert.match(r.stderr, /1 个错误，2 个警告/);
    assert.equal(r.status, 1);
    // A report in a folder below is governed by the same file; summary counts as check does.
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(FIXTURES, 'cells.report.txt'), join(dir, 'sub', 'x.report.txt'));
    assert.match(govreport(join(dir, 'sub'), 'check', 'x.report.txt').stdout, /warning subtotal/);
    const summary = govreport(dir, 'summary', '--format', 'json', '.');
    assert.deepEqual(JSON.parse(summary.stdout).map((r: { errors: number; warnings: number }) => [r.errors, r.warnings]), [[1, 2], [1, 2]]);
  });

  it('a bad file: one message naming the key, in Chinese or English, and the defaults; checking goes on', () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'cells.report.txt'), join(dir, 'cells.report.txt'));
    writeFileSync(join(dir, '.govreport.json'), '{\n  "rules": { "subtotal": "warn", "row-total": "off" },\n  "ignore": ["*.txt"]\n}\n');
    const r = govreport(dir, 'check', '.');
    const said = r.stderr.split('\n').filter((l) => l.includes('.govreport.json'));
    assert.deepEqual(said, [
      'govreport: .govreport.json:2:26: 「rules.subtotal」应为 off、error、warning、info、hint 之一，而不是 "warn"；此项使用默认值',
      'govreport: .govreport.json:3:3: 没有设置项「ignore」（可用：rules、locale、ignores、bodies、ratios、units），已忽略',
    ]);
    // The rest of the file stands: row-total off, subtotal at its default.
    assert.deepEqual(codes(r.stdout), ['cells.report.txt table-shape', 'cells.report.txt subtotal', 'cells.report.txt conversion-artifact']);
    assert.match(r.stdout, /error subtotal/);
    const en = govreport(dir, 'check', '--locale', 'en', '.');
    assert.match(en.stderr, /^govreport: \.govreport\.json:2:26: "rules\.subtotal" should be one of off, error, warning, info, hint, not "warn"; its default is used$/m);
    // Not JSON at all: every default, said once however many reports it governs.
    copyFileSync(join(FIXTURES, 'cells.report.txt'), join(dir, 'again.report.txt'));
    writeFileSync(join(dir, '.govreport.json'), '{ "rules": { "subtotal": "off" } ');
    const broken = govreport(dir, 'check', '.');
    assert.deepEqual(broken.stderr.split('\n').filter((l) => l.includes('.govreport.json')), ['govreport: .govreport.json:1:34: 不是有效的 JSON（缺少 }）；全部使用默认设置']);
    assert.equal(codes(broken.stdout).filter((c) => c.endsWith('subtotal')).length, 2);
    assert.equal(broken.status, 1);
  });

  it('ignores: globs relative to the file, a folder name at any depth', () => {
    const dir = tempDir();
    for (const f of ['a.report.txt', 'drafts/b.report.txt', 'x/drafts/c.report.txt', 'x/d.report.txt', 'x/e-草稿.report.txt']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      copyFileSync(join(FIXTURES, 'cells.report.txt'), join(dir, f));
    }
    writeFileSync(join(dir, '.govreport.json'), '{ "ignores": ["drafts", "*草稿*"] }');
    const r = govreport(dir, 'check', '--format', 'json', '.');
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string }) => f.file), ['a.report.txt', 'x/d.report.txt']);
    assert.match(r.stderr, /已按 \.govreport\.json 的 ignores 跳过 3 个文件/);
    // Named, an ignored file is left out too; nothing else to check is exit status 2, said so.
    const named = govreport(dir, 'check', join('x', 'drafts', 'c.report.txt'));
    assert.equal(named.status, 2);
    assert.match(named.stderr, /所有文件都被 \.govreport\.json 的 ignores 排除/);
  });

  it('bodies: an alias joins two names across years, so that carry-over compares them', () => {
    const dir = tempDir();
    renamedBody(dir);
    assert.deepEqual(codes(govreport(dir, 'check', '.').stdout), []);
    writeFileSync(join(dir, '.govreport.json'), '{ "bodies": { "洪泽区人民政府": ["洪泽县人民政府"] } }');
    const r = govreport(dir, 'check', '.');
    assert.deepEqual(codes(r.stdout), ['2024.report.txt carry-over', '2024.report.txt carry-over']);
    assert.match(r.stdout, /note: 2023 年报告（2023\.report\.txt）「四、结转下年度」行「自然人」列：1/);
    const summary = JSON.parse(govreport(dir, 'summary', '--format', 'json', '.').stdout) as { body: string; errors: number }[];
    assert.deepEqual(summary.map((s) => [s.body, s.errors]), [['洪泽县人民政府', 0], ['洪泽区人民政府', 2]]);
  });

  it('locale: the folder speaks English unless --locale says otherwise', () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'cells.report.txt'), join(dir, 'cells.report.txt'));
    writeFileSync(join(dir, '.govreport.json'), '{ "locale": "en" }');
    assert.match(govreport(dir, 'check', '.').stderr, /1 file checked: 2 errors/);
    assert.match(govreport(dir, 'check', '--locale', 'zh-CN', '.').stderr, /共检查 1 个文件/);
  });
});

describe('accepted findings (.govreport-baseline.json)', () => {
  it('round trip: update, a clean run, an edit above keeps them, a changed value is new', () => {
    const dir = tempDir();
    const report = join(dir, 'reports', 'cells.report.txt');
    mkdirSync(join(dir, 'reports'));
    copyFileSync(join(FIXTURES, 'cells.report.txt'), report);
    writeFileSync(join(dir, '.govreport.json'), '{}');
    const update = govreport(dir, 'check', '--update-baseline', 'reports');
    assert.equal(update.status, 0);
    assert.equal(update.stdout, '');
    assert.match(update.stderr, /已写入 \.govreport-baseline\.json：本次接受 4 个问题（共 4 个）/);
    const baseline = JSON.parse(readFileSync(join(dir, '.govreport-baseline.json'), 'utf8'));
    const rowTotal = baseline.accepted.find((e: { code: string }) => e.code === 'row-total');
    assert.deepEqual(rowTotal, {
      file: 'reports/cells.report.txt',
      code: 'row-total',
      at: { table: 'application', row: '3.1', column: 'total' },
      values: ['（一）予以公开', 8, 7],
      count: 1,
      message: '「（一）予以公开」行：总计为 8，但各类申请人之和为 7',
    });

    const clean = govreport(dir, 'check', 'reports');
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, '');
    assert.match(clean.stderr, /共检查 1 个文件：0 个错误，0 个警告，0 条提示；另有 4 个已接受的问题未列出/);
    const json = govreport(dir, 'check', '--format', 'json', 'reports');
    assert.deepEqual(JSON.parse(json.stdout)[0].diagnostics, []);
    assert.match(json.stderr, /另有 4 个已接受的问题未列出（\.govreport-baseline\.json）/);

    // Lines written above every finding move them all; they stay accepted.
    const text = readFileSync(report, 'utf8');
    writeFileSync(report, `（审核意见：已核对）\r\n\r\n${text}`);
    const edited = govreport(dir, 'check', 'reports');
    assert.equal(edited.status, 0, edited.stdout);
    assert.equal(edited.stdout, '');

    // The total changed: the row-total and the subtotal it feeds are other findings now.
    writeFileSync(report, text.replace('\t0\r\n\t1\r\n\t0\r\n\t8\r\n', '\t0\r\n\t1\r\n\t0\r\n\t9\r\n'));
    const changed = govreport(dir, 'check', 'reports');
    assert.equal(changed.status, 1);
    assert.deepEqual(codes(changed.stdout), ['reports/cells.report.txt row-total', 'reports/cells.report.txt subtotal']);
    assert.match(changed.stdout, /总计为 9，但各类申请人之和为 7/);
    assert.match(changed.stderr, /另有 2 个已接受的问题未列出/);

    // Updating again accepts them and drops what is gone; another file's entries are kept.
    writeFileSync(join(dir, 'other.report.txt'), text);
    govreport(dir, 'check', '--update-baseline', 'other.report.txt');
    govreport(dir, 'check', '--update-baseline', 'reports');
    const again = JSON.parse(readFileSync(join(dir, '.govreport-baseline.json'), 'utf8')).accepted as { file: string; values: unknown[]; code: string }[];
    assert.deepEqual(again.filter((e) => e.code === 'row-total').map((e) => [e.file, e.values]), [['other.report.txt', ['（一）予以公开', 8, 7]], ['reports/cells.report.txt', ['（一）予以公开', 9, 7]]]);
    assert.equal(govreport(dir, 'check', '.').status, 0);
  });

  it('a finding across reports is accepted as the others are', () => {
    const dir = tempDir();
    renamedBody(dir);
    writeFileSync(join(dir, '.govreport.json'), '{ "bodies": { "洪泽区人民政府": ["洪泽县人民政府"] } }');
    assert.equal(govreport(dir, 'check', '--update-baseline', '.').status, 0);
    const r = govreport(dir, 'check', '.');
    assert.equal(r.status, 0);
    assert.match(r.stderr, /另有 2 个已接受的问题未列出/);
  });

  it('a baseline that cannot be read is said, not written over', () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'cells.report.txt'), join(dir, 'cells.report.txt'));
    writeFileSync(join(dir, '.govreport-baseline.json'), '{ "accepted": [ oops');
    const r = govreport(dir, 'check', '.');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /govreport: \.govreport-baseline\.json: 不是有效的 JSON，已忽略/);
    const update = govreport(dir, 'check', '--update-baseline', '.');
    assert.equal(update.status, 2);
    assert.match(update.stderr, /不是有效的 JSON；为免丢失其内容，未写入/);
    assert.equal(readFileSync(join(dir, '.govreport-baseline.json'), 'utf8'), '{ "accepted": [ oops');
  });
});

describe('unit-sum: a summary report is the sum of its units', () => {
  /** A city's report, the sum of three units' (one named by its body), in three layouts. */
  function city(dir: string): void {
    writeFileSync(join(dir, '某某市2024年报.txt'), render(scaledSpec('某某市人民政府', 6), 'markdown'));
    writeFileSync(join(dir, '市教育局2024.txt'), render(scaledSpec('某某市教育局', 1), 'cells'));
    writeFileSync(join(dir, '市公安局2024.txt'), render(scaledSpec('某某市公安局', 2), 'pipe'));
    mkdirSync(join(dir, '民政'));
    writeFileSync(join(dir, '民政', '2024.txt'), render(scaledSpec('某某市民政局', 3), 'markdown'));
    writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ units: { '某某市2024年报.txt': ['市教育局2024.txt', '市公安局2024.txt', '某某市民政局'] } }));
  }

  it('the sum holds: nothing to say; one cell changed: one finding, the units’ cells as notes', () => {
    const dir = tempDir();
    city(dir);
    const clean = govreport(dir, 'check', '.');
    assert.equal(clean.status, 0, clean.stdout);
    assert.equal(clean.stdout, '');
    // 表一 现行有效 of the city raised (its own table has no sum to break).
    const file = join(dir, '某某市2024年报.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(\| 行政规范性文件 \| 12 \| 6 \|) 90 \|/, '$1 91 |'));
    const r = govreport(dir, 'check', '.');
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.map((l) => l.replace(/:\d+:\d+:/, ':')), [
      '某某市2024年报.txt: error unit-sum 「行政规范性文件」行「现行有效件数」列为 91，但 3 个下级单位之和为 90',
      '    市教育局2024.txt: note: 市教育局2024.txt：15',
      '    市公安局2024.txt: note: 市公安局2024.txt：30',
      '    民政/2024.txt: note: 2024.txt：45',
    ]);
  });

  it('a unit with no report for the year is said once, and nothing is summed', () => {
    const dir = tempDir();
    city(dir);
    rmSync(join(dir, '市公安局2024.txt'));
    writeFileSync(join(dir, '某某市2024年报.txt'), render(scaledSpec('某某市人民政府', 7), 'markdown'));
    const r = govreport(dir, 'check', '.');
    assert.deepEqual(r.stdout.trimEnd().split('\n'), ['某某市2024年报.txt:1:1: error unit-sum 下级单位「市公安局2024.txt」没有 2024 年的报告，未核对本报告与下级单位之和']);
    const off = tempDir();
    city(off);
    writeFileSync(join(off, '.govreport.json'), JSON.stringify({ rules: { 'unit-sum': 'off' }, units: { '某某市2024年报.txt': ['市教育局2024.txt', '没有这个局'] } }));
    assert.equal(govreport(off, 'check', '.').stdout, '');
  });
});

describe('govreport init', () => {
  it('writes a commented .govreport.json with the defaults, read back without a problem; never over an existing one', () => {
    const dir = tempDir();
    const r = govreport(dir, 'init');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '已写入 .govreport.json\n');
    const text = readFileSync(join(dir, '.govreport.json'), 'utf8');
    assert.match(text, /^\/\/ GovReport 的文件夹设置/);
    assert.match(text, /\/\/ "subtotal": +"error",/);
    const { config, problems } = readConfig(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { rules: {}, ignores: [], bodies: {}, ratios: {}, units: {} });
    // A rule's line uncommented takes effect as it stands (its trailing comma included).
    const edited = text.replace('// "subtotal":            "error",', '"subtotal": "off",');
    assert.deepEqual(readConfig(edited).config.rules, { subtotal: 'off' });
    const again = govreport(dir, 'init');
    assert.equal(again.status, 2);
    assert.match(again.stderr, /\.govreport\.json 已存在，未覆盖/);
    assert.equal(readFileSync(join(dir, '.govreport.json'), 'utf8'), text);
    const en = tempDir();
    assert.equal(govreport(ROOT, 'init', '--locale', 'en', en).status, 0);
    assert.match(readFileSync(join(en, '.govreport.json'), 'utf8'), /^\/\/ GovReport's folder settings/);
    assert.equal(govreport(en, 'init', 'no-such-folder').status, 2);
  });
});
