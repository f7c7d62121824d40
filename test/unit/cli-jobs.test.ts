/**
 * `--jobs`: checking in threads gives, byte for byte, what checking one file
 * after another gives (stdout, stderr, exit status, the baseline written),
 * over a folder with its settings, an accepted-findings file, reports that
 * are compared with each other, a summary report and its units, a settings
 * file with a problem, files to ignore and files that cannot be read.
 */
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultJobs } from '../../server/src/cli/jobs';
import { FIXTURES, govreport, tempDirs } from '../support/fixtures';
import { cleanSpec, nextYearSpec, render, scaledSpec } from '../support/reports';

const tempDir = tempDirs('jobs');

/** A folder of reports as a reviewer keeps one: every setting at work, some findings accepted, some not. */
function folder(): string {
  const dir = tempDir();
  const reports = join(dir, 'reports');
  mkdirSync(join(reports, 'drafts'), { recursive: true });
  for (const layout of ['cells', 'pipe', 'markdown', 'flat', 'old-format']) copyFileSync(join(FIXTURES, `${layout}.report.txt`), join(reports, `${layout}.report.txt`));
  // Two years of one body under two names (an alias), the later not carrying over the earlier.
  const before = cleanSpec('2021', 2023);
  before.title = ['洪泽县人民政府', '2023年政府信息公开工作年度报告'];
  const now = nextYearSpec(true);
  now.title = ['洪泽区人民政府', '2024年政府信息公开工作年度报告'];
  writeFileSync(join(reports, '2023.report.txt'), render(before, 'cells'));
  writeFileSync(join(reports, '2024.report.txt'), render(now, 'pipe'));
  writeFileSync(join(reports, '2024 副本.report.txt'), render(now, 'markdown'));
  // A summary report and its units, one unit's cell off.
  const unit = scaledSpec('某某市公安局', 2);
  unit.application['1'][0] = String(Number(unit.application['1'][0]) + 1);
  writeFileSync(join(reports, '某某市2024年报.txt'), render(scaledSpec('某某市人民政府', 3), 'markdown'));
  writeFileSync(join(reports, '市教育局2024.txt'), render(scaledSpec('某某市教育局', 1), 'cells'));
  writeFileSync(join(reports, '市公安局2024.txt'), render(unit, 'pipe'));
  writeFileSync(join(reports, 'drafts', 'x.report.txt'), render(before, 'flat'));
  // Files that cannot be checked, and one that is no report.
  writeFileSync(join(reports, 'broken.docx'), 'PK\u0003\u0004 not a zip at all');
  writeFileSync(join(reports, 'notes.txt'), '会议记录\n');
  for (const i of [1, 2, 3, 4, 5, 6]) copyFileSync(join(FIXTURES, 'cells.report.txt'), join(reports, `copy-${i}.report.txt`));
  writeFileSync(
    join(dir, '.govreport.json'),
    JSON.stringify({
      rules: { subtotal: 'warning', 'conversion-artifact': 'off' },
      ignores: ['drafts'],
      bodies: { 洪泽区人民政府: ['洪泽县人民政府'] },
      units: { 'reports/某某市2024年报.txt': ['reports/市教育局2024.txt', 'reports/市公安局2024.txt'] },
    }),
  );
  // A folder below with settings of its own that have a problem: said once, however many threads read them.
  mkdirSync(join(reports, 'sub'));
  writeFileSync(join(reports, 'sub', '.govreport.json'), '{ "rule": {}, "rules": { "row-total": "loud" } }');
  for (const i of [1, 2, 3]) copyFileSync(join(FIXTURES, 'pipe.report.txt'), join(reports, 'sub', `s${i}.report.txt`));
  // Accept what there is for some reports, then change one of them.
  assert.equal(govreport(dir, 'check', '--jobs', '1', '--update-baseline', 'reports/cells.report.txt', 'reports/copy-1.report.txt', 'reports/2024.report.txt').status, 0);
  writeFileSync(join(reports, 'copy-1.report.txt'), readFileSync(join(FIXTURES, 'pipe.report.txt')));
  return dir;
}

describe('check --jobs', () => {
  const dir = folder();

  for (const format of ['text', 'json', 'sarif']) {
    it(`${format}: the same output and exit status in one thread and in several`, () => {
      const one = govreport(dir, 'check', '--format', format, '--jobs', '1', 'reports', 'missing.txt');
      assert.equal(one.status, 2);
      assert.match(one.stderr, /missing\.txt/);
      assert.match(one.stdout + one.stderr, /broken\.docx.*(不是有效的 \.docx|not a valid)/);
      assert.equal(one.stderr.match(/没有设置项「rule」/g)?.length, 1, one.stderr);
      if (format === 'text') {
        assert.match(one.stdout, /carry-over/);
        assert.match(one.stdout, /unit-sum/);
        assert.match(one.stdout, /duplicate-report/);
        assert.match(one.stderr, /另有 \d+ 个已接受的问题未列出/);
      }
      for (const jobs of ['2', '3', '8']) assert.deepEqual(govreport(dir, 'check', '--format', format, '--jobs', jobs, 'reports', 'missing.txt'), one, `--jobs ${jobs}`);
      // The default: one thread per core.
      assert.deepEqual(govreport(dir, 'check', '--format', format, 'reports', 'missing.txt'), one);
    });
  }

  it('--update-baseline writes the same baseline', () => {
    const written = ['1', '3'].map((jobs) => {
      const copy = tempDir();
      cpSync(dir, copy, { recursive: true });
      const r = govreport(copy, 'check', '--jobs', jobs, '--update-baseline', 'reports');
      return { ...r, baseline: readFileSync(join(copy, '.govreport-baseline.json'), 'utf8') };
    });
    assert.match(written[0].stderr, /已写入 \.govreport-baseline\.json/);
    assert.deepEqual(written[1], written[0]);
  });

  it('summary: the same table in one thread and in several', () => {
    for (const format of ['csv', 'json', 'markdown']) {
      const one = govreport(dir, 'summary', '--format', format, '--jobs', '1', 'reports');
      assert.match(one.stdout, /洪泽区/);
      assert.deepEqual(govreport(dir, 'summary', '--format', format, '--jobs', '3', 'reports'), one, format);
    }
  });

  it('checks in one thread by default on two cores, on every core from three up', () => {
    // On two cores threads measured slower than one (README, the command line).
    assert.deepEqual([1, 2, 3, 8].map((cores) => defaultJobs(cores)), [1, 1, 3, 8]);
  });

  it('--jobs takes a whole number', () => {
    for (const bad of ['0', '-1', 'x', '1.5']) {
      const r = govreport(dir, 'check', `--jobs=${bad}`, 'reports');
      assert.equal(r.status, 2);
      assert.match(r.stderr, new RegExp(`^govreport: --jobs 应为 1 至 9999 的整数，而不是「${bad.replace('.', '\\.')}」`));
    }
    assert.match(govreport(dir, 'check', '--help', '--locale', 'en').stdout, /-j, --jobs N +threads that check files at once \(default: the number of cores, 1 on two cores or fewer/);
    assert.match(govreport(dir, 'summary', '--help').stdout, /-j, --jobs N +同时检查的线程数/);
  });
});
