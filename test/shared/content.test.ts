/**
 * The content rules on the shared reports: the verdict of each rule on each
 * report (why each finding is true is said beside it and in CONTRIBUTING.md), and
 * the defects planted into them: a topic's paragraph of part 一 removed, the
 * fee sentence of part 六 removed, 均已办结 added to a report that carries
 * applications over.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze, type Finding } from '../../server/src/analysis';
import { partBody } from '../../server/src/analysis/read/part-body';
import { readHtml } from '../../server/src/sources/html';
import { SKIP_SHARED, sharedFile, sharedReports, sharedText } from '../support/shared';

const CONTENT = ['overview-topics', 'fee-report', 'improvement-report', 'all-closed'];
const content = (fs: Finding[]) => fs.filter((f) => CONTENT.includes(f.code));

/** A shared report's text: the web page read as the editor reads it. */
function reportText(name: string): string {
  if (name.endsWith('.html')) {
    const r = readHtml(readFileSync(sharedFile('corpus', name)));
    assert.ok(!('error' in r));
    return r.text;
  }
  return sharedText(name.match(/^\d{3}_/) ? 'seeds' : 'corpus', name);
}

const file = (prefix: string) => [...sharedReports('seeds'), ...sharedReports('corpus'), 'shuyang-fgj-2023.html'].find((f) => f.startsWith(prefix))!;

/**
 * What each content rule says of each shared report. improvement-report notes
 * every part 五 that speaks only of this year's problems and next steps (all
 * but 001's, whose 上年度… paragraph says what was done about them); 001's part
 * 一 says nothing of 政府信息管理 (its sub-parts are 贯彻落实上级要求, 规范工作程序,
 * 网站建设, 监督保障). Reports for 2019 and 2020 are not judged by the 2021
 * format's content; all-closed stays quiet everywhere (000's 办结率均达100% is
 * the 区长信箱's, huaian's 均在法定期限内予以答复 is said of those answered).
 */
const VERDICTS: Record<string, string[]> = {
  '000': ['improvement-report'],
  '001': ['overview-topics'],
  '002': ['improvement-report'],
  '003': ['improvement-report'],
  '004': ['improvement-report'],
  'hongze-2023': ['improvement-report'],
  'hongze-2024': ['improvement-report'],
  'huaian-2024': ['improvement-report'],
  'pingtan-2019': [],
  'pingtan-2020': [],
  'pingtan-2021': ['improvement-report'],
  'pingtan-2022': ['improvement-report'],
  'pingtan-2023': ['improvement-report'],
  'pingtan-2024': ['improvement-report'],
  'pingtan-2025': ['improvement-report'],
  'shanghai-office-2019': [],
  'shuyang-fgj-2023': ['improvement-report'],
};

/** The text with the lines of part 一's sub-part `index` (its sub-heading to the next) left out. */
function withoutSubpart(text: string, index: number): string {
  const { report } = analyze(text);
  const body = partBody(report, 1)!;
  const subs = report.subparts.filter((s) => s.span.start > body.start && s.span.start < body.end);
  const k = subs.findIndex((s) => s.index === index);
  assert.ok(k >= 0, `sub-part ${index}`);
  const start = report.lines.lines[subs[k].line].start;
  const end = k + 1 < subs.length ? report.lines.lines[subs[k + 1].line].start : body.end;
  return text.slice(0, start) + text.slice(end);
}

/** The text with every sentence of part 六 that speaks of fees (处理费, 收费) left out. */
function withoutFeeSentence(text: string): string {
  const { report } = analyze(text);
  const body = partBody(report, 6)!;
  const six = text.slice(body.start, body.end).replace(/[^。\n]*(处理费|收费)[^。]*。/g, '');
  return text.slice(0, body.start) + six + text.slice(body.end);
}

describe('the content rules on the shared reports', { skip: SKIP_SHARED }, () => {
  for (const [prefix, expected] of Object.entries(VERDICTS)) {
    it(`${prefix}: ${expected.join(', ') || 'nothing'}`, () => {
      const a = analyze(reportText(file(prefix)));
      assert.deepEqual(content(a.findings).map((f) => f.code), expected);
      for (const f of content(a.findings)) assert.notEqual(f.severity, 'error');
    });
  }

  it('001 names the one topic its part 一 leaves out', () => {
    const [f] = content(analyze(reportText(file('001'))).findings);
    assert.match(f.message.zh, /^总体情况未写到“政府信息管理”；/);
    assert.match(f.message.en, /^The overview does not cover information management;/);
  });

  it('a topic’s paragraph removed from part 一 is found, named by the topic', () => {
    const cases: [string, number, string][] = [
      ['004', 1, '主动公开'],
      ['004', 2, '依申请公开'],
      ['004', 3, '政府信息管理'],
      ['004', 4, '政府信息公开平台建设'],
      ['004', 5, '监督保障（工作考核、社会评议和责任追究）'],
      ['hongze-2023', 4, '政府信息公开平台建设'],
      ['hongze-2024', 3, '政府信息管理'],
      ['huaian-2024', 5, '监督保障（工作考核、社会评议和责任追究）'],
      ['000', 2, '依申请公开'],
      ['002', 5, '监督保障（工作考核、社会评议和责任追究）'],
      ['shuyang-fgj-2023', 4, '政府信息公开平台建设'],
    ];
    for (const [prefix, index, topic] of cases) {
      const found = analyze(withoutSubpart(reportText(file(prefix)), index)).findings.filter((f) => f.code === 'overview-topics');
      assert.equal(found.length, 1, `${prefix} without sub-part ${index}`);
      assert.equal(found[0].message.zh.split('；')[0], `总体情况未写到“${topic}”`, prefix);
    }
  });

  it('a topic another sentence of part 一 names stays covered when its paragraph goes', () => {
    // 003 opens part 一 with 加大政府信息主动公开力度，规范政府信息依申请公开，加强政府信息管理，推动公开平台建设，强化监督保障.
    for (const index of [1, 2, 3, 5]) {
      assert.deepEqual(analyze(withoutSubpart(reportText(file('003')), index)).findings.filter((f) => f.code === 'overview-topics'), [], `003 without ${index}`);
    }
    // hongze-2024 speaks of 推进公开平台建设 in its opening paragraph.
    assert.deepEqual(analyze(withoutSubpart(reportText(file('hongze-2024')), 4)).findings.filter((f) => f.code === 'overview-topics'), []);
  });

  it('the fee sentence removed from part 六 is found, in every report for 2021 or later', () => {
    const before2021 = ['pingtan-2019', 'pingtan-2020', 'shanghai-office-2019'];
    for (const prefix of Object.keys(VERDICTS)) {
      const cut = analyze(withoutFeeSentence(reportText(file(prefix)))).findings.filter((f) => f.code === 'fee-report');
      if (!before2021.includes(prefix)) {
        assert.equal(cut.length, 1, prefix);
        assert.match(cut[0].message.zh, /^第六部分未说明本年度是否收取信息处理费/);
      } else assert.deepEqual(cut, [], `${prefix}: fees were not reported before 2021`);
    }
  });

  it('均已办结 added to a report that carries applications over is found, the carried-over cell related', () => {
    const cases: [string, string, string, string][] = [
      // 000 carries 12 over to 2022.
      ['000', '确保程序规范、内容准确。', '确保程序规范、内容准确，受理的申请均已办结。', '12'],
      // huaian carries 103 over to 2025 (its text wraps lines as a PDF's does).
      ['huaian-2024', '提高答复的及时性\n和针对性。', '提高答复的及时性\n和针对性，收到的申请均已\n办结。', '103'],
    ];
    for (const [prefix, from, to, carried] of cases) {
      const text = reportText(file(prefix));
      assert.ok(text.includes(from), prefix);
      const planted = text.replace(from, to);
      const found = analyze(planted).findings.filter((f) => f.code === 'all-closed');
      assert.equal(found.length, 1, prefix);
      assert.equal(planted.slice(found[0].span.start, found[0].span.end).replace(/\s/g, ''), '均已办结');
      assert.match(found[0].message.zh, new RegExp(`「四、结转下年度继续办理」总计为 ${carried}，`));
      assert.ok(found[0].related?.some((r) => r.message.zh.endsWith(`：${carried}`)), prefix);
    }
  });
});
