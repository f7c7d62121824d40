/**
 * `govreport summary`, and `govreport check` over several reports (the rules
 * across reports), as a user runs them: on two years of one body's reports
 * written by the project, and on the real 洪泽区 pair when it is beside us.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SUMMARY_COLUMNS, type SummaryRow } from '../../server/src/analysis/corpus/summary';
import { summaryCsv } from '../../server/src/summary/format';
import { govreport, ROOT, tempDirs } from '../support/fixtures';
import { cleanSpec, nextYearSpec, render } from '../support/reports';
import { SKIP_SHARED, sharedText } from '../support/shared';

const tempDir = tempDirs('summary');

function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** 2023 and 2024 of one body, consistent; `carry` plants a carry-over defect in 2024. */
function years(carry = false): Record<string, string> {
  const y2023 = cleanSpec('2021', 2023);
  const y2024 = nextYearSpec(carry);
  return { '2023.report.txt': render(y2023, 'pipe'), '2024.report.txt': render(y2024, 'pdf') };
}

describe('govreport summary', () => {
  it('CSV: UTF-8 with a BOM, CRLF, one row per report with its figures', () => {
    const dir = folder(years());
    const r = govreport(ROOT, 'summary', dir);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\ufeff文件,机关,年度,格式,本年新收,上年结转,予以公开,部分公开,不予公开,无法提供,不予处理,其他处理,（七）总计,结转下年度,实质公开率,行政复议总计,行政诉讼（未经复议直接起诉）总计,行政诉讼（复议后起诉）总计,纠错率,'));
    const lines = r.stdout.slice(1).split('\r\n');
    assert.equal(lines.length, 4);
    assert.equal(lines[3], '');
    // 实质公开率 (7 + 1) / 13 = 61.5%, (9 + 1) / 15 = 66.7%; 纠错率 (0 + 1 + 0) / (2 + 1 + 1) = 25.0%.
    assert.equal(lines[1], `${join(dir, '2023.report.txt')},某某市某某区人民政府,2023,2021,13,1,7,1,1,3,1,0,13,1,61.5%,2,1,1,25.0%,2,1,15,0,0`);
    assert.equal(lines[2], `${join(dir, '2024.report.txt')},某某市某某区人民政府,2024,2021,15,1,9,1,1,3,1,0,15,1,66.7%,2,1,1,25.0%,2,1,16,0,0`);
  });

  it('CSV quotes by RFC 4180: commas, quotes and line breaks in a field', () => {
    const dir = folder({ 'a,"b".report.txt': years()['2023.report.txt'] });
    const r = govreport(ROOT, 'summary', '--locale', 'en', dir);
    const row = r.stdout.split('\r\n')[1];
    assert.ok(row.startsWith(`"${join(dir, 'a,""b"".report.txt')}",某某市某某区人民政府,2023,`), row);
    assert.ok(r.stdout.startsWith('\ufefffile,body,year,format,received,'));
  });

  it('CSV: a text a spreadsheet would take for a formula gets a leading quote (=, +, -, @, tab, CR); numbers stay numbers', () => {
    // A report titled with a formula, as a hostile sender would write it.
    const dir = folder({ 'a.report.txt': years()['2023.report.txt'].replace(/^.*\n/, "=cmd|' /C calc'!A0人民政府2023年政府信息公开工作年度报告\n") });
    const row = govreport(ROOT, 'summary', dir).stdout.split('\r\n')[1];
    assert.ok(row.includes(`,'=cmd|'/Ccalc'!A0人民政府,2023,`), row);
    // Each prefix OWASP names, in each text column; a negative number is still a number.
    const zero = Object.fromEntries(SUMMARY_COLUMNS.map((c) => [c.key, 0])) as unknown as SummaryRow;
    const prefixes = ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx'];
    const csv = summaryCsv(prefixes.map((p) => ({ ...zero, file: p, body: p, format: p, received: -3 })), 'en');
    const rows = csv.slice(1).split('\r\n').slice(1, -1);
    assert.deepEqual(rows, prefixes.map((p) => {
      const cell = /[\r]/.test(p) ? `"'${p}"` : `'${p}`;
      // The ratios are written as percentages (0 of 0 in this made-up row reads 0.0%).
      return [cell, cell, 0, cell, -3, ...SUMMARY_COLUMNS.slice(5).map((c) => (c.key.endsWith('Rate') ? '0.0%' : 0))].join(',');
    }));
  });

  it('exit 1 when a report has an error, the errors across reports counted', () => {
    const dir = folder(years(true));
    const r = govreport(ROOT, 'summary', '--format', 'json', dir);
    assert.equal(r.status, 1);
    const rows = JSON.parse(r.stdout);
    assert.deepEqual(rows.map((x: { year: number; errors: number; carriedIn: number }) => [x.year, x.errors, x.carriedIn]), [[2023, 0, 1], [2024, 2, 3]]);
    assert.equal(rows[0].reconsideration, 2);
    assert.equal(rows[0].lawsuitsDirect, 1);
    assert.equal(rows[0].lawsuitsAfter, 1);
    // The ratios as numbers of percent, one decimal.
    assert.deepEqual(rows.map((x: { disclosureRate: number; correctionRate: number }) => [x.disclosureRate, x.correctionRate]), [[61.5, 25], [66.7, 25]]);
  });

  it('markdown, and bad usage exits 2', () => {
    const dir = folder(years());
    const md = govreport(ROOT, 'summary', '--format', 'markdown', dir);
    assert.match(md.stdout, /^\| 文件 \| 机关 \| 年度 \|/);
    const lines = md.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 6);
    // 纠错率 25.0% is above the default 15%: marked, and the mark explained under the table.
    assert.match(lines[2], /\| 61\.5% \| 2 \| 1 \| 1 \| 25\.0% ⚠ \|/);
    assert.equal(lines[5], '⚠ 超出审核阈值：实质公开率 低于 40%，纠错率 高于 15%。');
    const raised = govreport(ROOT, 'summary', '--format', 'markdown', '--locale', 'en', '--disclosure-below', '65', '--correction-above', '30', dir).stdout.trimEnd().split('\n');
    assert.match(raised[2], /\| 61\.5% ⚠ \| 2 \| 1 \| 1 \| 25\.0% \|/);
    assert.match(raised[3], /\| 66\.7% \| 2 \| 1 \| 1 \| 25\.0% \|/);
    assert.equal(raised[5], "⚠ beyond the reviewer's thresholds: substantive disclosure rate below 65%, correction rate above 30%.");
    assert.equal(govreport(ROOT, 'summary', '--correction-above', 'x', dir).status, 2);
    assert.equal(govreport(ROOT, 'summary', '--disclosure-below', '101', dir).status, 2);
    assert.equal(govreport(ROOT, 'summary', '--format', 'xml', dir).status, 2);
    assert.equal(govreport(ROOT, 'summary').status, 2);
    assert.equal(govreport(ROOT, 'summary', join(dir, 'nothing-here')).status, 2);
  });
});

describe('govreport check across reports', () => {
  it('text: the carry-over error on the later report, the earlier cell as a note', () => {
    const dir = folder(years(true));
    const r = govreport(ROOT, 'check', dir);
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const at = lines.findIndex((l) => l.includes('error carry-over'));
    assert.ok(at >= 0, r.stdout);
    assert.match(lines[at], /2024\.report\.txt:\d+:\d+: error carry-over 「自然人」列：上年结转为 3，但 2023 年报告的结转下年度为 1$/);
    assert.match(lines[at + 1], /^ {4}.*2023\.report\.txt:\d+:\d+: note: 2023 年报告（2023\.report\.txt）「四、结转下年度」行「自然人」列：1$/);
    assert.match(r.stderr, /共检查 2 个文件：2 个错误/);
  });

  it('json and sarif: related places in the other file', () => {
    const dir = folder(years(true));
    const json = JSON.parse(govreport(ROOT, 'check', '--format', 'json', dir).stdout);
    // One entry per file: the findings across reports inside the later file's, after its own.
    assert.deepEqual(json.map((e: { file: string }) => e.file), [join(dir, '2023.report.txt'), join(dir, '2024.report.txt')]);
    const later = json[1];
    assert.deepEqual(later.diagnostics.map((d: { code: string }) => d.code).slice(-2), ['carry-over', 'carry-over']);
    const carry = later.diagnostics.find((d: { code: string }) => d.code === 'carry-over');
    assert.equal(carry.related[0].file, join(dir, '2023.report.txt'));
    const sarif = JSON.parse(govreport(ROOT, 'check', '--format', 'sarif', dir).stdout).runs[0];
    assert.ok(sarif.tool.driver.rules.some((r: { id: string }) => r.id === 'carry-over'));
    const result = sarif.results.find((x: { ruleId: string }) => x.ruleId === 'carry-over');
    assert.equal(result.level, 'error');
    assert.match(result.relatedLocations[0].physicalLocation.artifactLocation.uri, /2023\.report\.txt$/);
  });

  it('consistent years: exit 0 and nothing across them', () => {
    const r = govreport(ROOT, 'check', folder(years()));
    assert.equal(r.status, 0, r.stdout);
    assert.equal(r.stdout, '');
  });
});

describe('the real 洪泽区 pair', { skip: SKIP_SHARED }, () => {
  const planted = () =>
    sharedText('corpus', 'hongze-2024-pdftext.txt')
      .replace(/^二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0$/m, '二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2')
      .replace(/^四、结转下年度继续办理 0 0 0 0 0 0 0$/m, '四、结转下年度继续办理 2 0 0 0 0 0 2')
      .replace(/^行政规范性文件 3 0 8$/m, '行政规范性文件 3 0 9');

  it('summary: the right figures, and check finds the planted defects on 2024', () => {
    const dir = folder({ 'hongze-2023.txt': sharedText('corpus', 'hongze-2023-pdftext.txt'), 'hongze-2024.txt': planted() });
    const rows = JSON.parse(govreport(ROOT, 'summary', '--format', 'json', dir).stdout);
    assert.deepEqual(
      rows.map((r: Record<string, unknown>) => [r.body, r.year, r.received, r.carriedIn, r.closed, r.carriedOut, r.normativeIssued, r.normativeRepealed, r.normativeInForce]),
      [
        ['洪泽区人民政府', 2023, 21, 0, 21, 0, 0, 5, 5],
        ['淮安市洪泽区人民政府', 2024, 95, 2, 95, 2, 3, 0, 9],
      ],
    );
    const check = govreport(ROOT, 'check', dir);
    assert.match(check.stdout, /hongze-2024\.txt:44:13: warning active-count /);
    assert.match(check.stdout, /hongze-2024\.txt:67:18: error carry-over /);
    assert.doesNotMatch(check.stdout, /hongze-2023\.txt:\d+:\d+: \w+ (carry-over|active-count|repeated-text|duplicate-report)/);
  });
});
