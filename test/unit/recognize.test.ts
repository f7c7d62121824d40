/** Which texts are reports, for the command line walking a folder. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { looksLikeReport } from '../../server/src/analysis';
import { decode } from '../../server/src/inputs';
import { FIXTURES, fixtureReports } from '../support/fixtures';
import { SKIP_SHARED, sharedReports, sharedText } from '../support/shared';

describe('looksLikeReport', () => {
  it('knows every fixture report, GBK ones once decoded', () => {
    for (const name of fixtureReports()) {
      const decoded = decode(readFileSync(join(FIXTURES, name)));
      assert.ok('text' in decoded && looksLikeReport(decoded.text), name);
    }
  });

  it('knows every shared seed and corpus report', { skip: SKIP_SHARED }, () => {
    for (const folder of ['seeds', 'corpus'] as const) {
      for (const name of sharedReports(folder)) assert.ok(looksLikeReport(sharedText(folder, name)), `${folder}/${name}`);
    }
  });

  it('knows a report by its title alone, or by its part headings alone', () => {
    assert.ok(looksLikeReport('某某县人民政府2024年政府信息公开工作年度报告\n'));
    assert.ok(looksLikeReport('某 某 局 2024 年 政 府 信 息 公 开\n工 作 年 度 报 告'));
    assert.ok(looksLikeReport('一、总体情况\n……\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n'));
  });

  it('leaves other text alone', () => {
    for (const text of ['', '会议记录：明天讨论预算。', 'TODO: 总体情况 写完；其他事项待定', 'README\n\nSome notes on the reports folder.', '基本情况\n其他事项\n']) {
      assert.equal(looksLikeReport(text), false, text);
    }
  });

  it('leaves alone a text in another language that names a report (a readme)', () => {
    const readme = `# GovReport\n\nChecks China's annual reports\n(政府信息公开工作年度报告) while they are written.\n${'Some more words on how to use it. '.repeat(20)}\n一、总体情况\n二、主动公开政府信息情况\n`;
    assert.equal(looksLikeReport(readme), false);
    // A report quoting a few Latin words (a file format, a web address) is still one.
    assert.ok(looksLikeReport('某县2024年政府信息公开工作年度报告\n本报告电子版可在 https://www.example.gov.cn 下载（PDF 格式）。\n'));
  });

  it('reads only the start of a long text', () => {
    assert.equal(looksLikeReport(`${'记录。'.repeat(5000)}某县2024年政府信息公开工作年度报告`), false);
  });
});
