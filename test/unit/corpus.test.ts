/**
 * The rules across reports, on reports the project writes: one body's reports
 * for two years, consistent with each other, then with one defect planted
 * (each report still balancing on its own).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applySettings, digest, ReportIndex, type CrossFinding } from '../../server/src/analysis';
import { bodyOf, CROSS_RULES, jaccard, sameBody, sketch, type CrossRule } from '../../server/src/analysis/corpus';
import type { Range } from '../../server/src/analysis';
import { LineIndex } from '../../server/src/analysis/text/lines';
import { bump, cleanSpec, copySpec, READABLE, render, type Layout, type ReportSpec } from '../support/reports';

/** A 2023 report and the same body's 2024 report that follows from it. */
function pair(): { y2023: ReportSpec; y2024: ReportSpec } {
  const y2023 = cleanSpec('2021', 2023);
  const y2024 = copySpec(cleanSpec('2021', 2024));
  // Another year, other figures: two more applications, both disclosed.
  bump(y2024, '1', 2);
  bump(y2024, '3.1', 2);
  bump(y2024, '3.7', 2);
  y2024.prose[1][2] = `（二）依申请公开情况。2024年共收到政府信息公开申请${y2024.application['1'][6]}件，均在法定期限内答复。`;
  // 15 in force + 2 issued − 1 repealed.
  y2024.active.normative = ['2', '1', '16'];
  y2024.title = ['某某区人民政府', '2024年政府信息公开工作年度报告'];
  return { y2023, y2024 };
}

interface Checked {
  findings: CrossFinding[];
  texts: Map<string, string>;
}

function check(reports: Record<string, string>): Checked {
  const index = new ReportIndex();
  const texts = new Map(Object.entries(reports));
  for (const [file, text] of texts) index.set(digest(file, analyze(text)));
  return { findings: index.findings(), texts };
}

function at(texts: Map<string, string>, file: string, range: Range): string {
  const text = texts.get(file)!;
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

const codes = (fs: CrossFinding[]) => fs.map((f) => `${f.file} ${f.code}`);

describe('bodies', () => {
  it('a body with or without its province and city is one body', () => {
    const a = bodyOf('淮安市洪泽区人民政府\n2024 年政府信息公开工作年度报告')!;
    const b = bodyOf('洪泽区人民政府\n2023 年政府信息公开工作年度报告')!;
    const c = bodyOf('江苏省淮安市洪泽区人民政府2022年度政府信息公开工作年度报告')!;
    assert.equal(a.key, '洪泽区人民政府');
    assert.ok(sameBody(a, b) && sameBody(a, c) && sameBody(b, c));
    assert.equal(bodyOf('洪泽区政府2023年政府信息公开工作年度报告')!.key, '洪泽区人民政府');
    const yearFirst = bodyOf('2023年度淮安市洪泽区政府信息公开工作年度报告')!;
    assert.equal(yearFirst.key, '洪泽区人民政府');
    assert.ok(sameBody(yearFirst, a));
    assert.equal(bodyOf('2024年淮安市政府信息公开工作年度报告')!.key, '淮安市人民政府');
  });

  it('keeps apart what is not one body', () => {
    const city = bodyOf('淮安市人民政府2024年政府信息公开工作年度报告')!;
    const district = bodyOf('淮安市洪泽区人民政府2024年政府信息公开工作年度报告')!;
    assert.equal(city.key, '淮安市人民政府');
    assert.ok(!sameBody(city, district));
    // Two cities' districts of the same name.
    assert.ok(!sameBody(bodyOf('北京市朝阳区人民政府2023年政府信息公开工作年度报告')!, bodyOf('长春市朝阳区人民政府2023年政府信息公开工作年度报告')!));
    assert.ok(!sameBody(bodyOf('淮安市洪泽区人民政府2024年政府信息公开工作年度报告')!, bodyOf('淮安市洪泽区人民政府办公室2024年政府信息公开工作年度报告')!));
    assert.equal(bodyOf('淮安市市场监督管理局2024年政府信息公开工作年度报告')!.key, '淮安市市场监督管理局');
    assert.equal(bodyOf('2024年政府信息公开工作年度报告'), undefined);
  });
});

describe('similarity', () => {
  it('is exact for short texts, and ignores digits, spaces and punctuation', () => {
    const a = sketch('本机关在2023年加强了政务公开工作，提升了公开质量。');
    const b = sketch('本机关在 2024 年加强了政务公开工作、提升了公开质量');
    assert.equal(jaccard(a, b), 1);
    assert.equal(jaccard(a, sketch('完全不同的一段文字内容在这里出现')), 0);
  });

  it('estimates long texts closely', () => {
    const chars = '政府信息公开工作年度报告主动公开依申请办理平台建设监督保障制度规范培训考核栏目优化';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const words = Array.from({ length: 4000 }, () => chars[next() % chars.length]).join('');
    const changed = words.slice(0, 3600) + Array.from({ length: 400 }, () => chars[next() % chars.length]).join('');
    const j = jaccard(sketch(words), sketch(changed));
    assert.ok(j > 0.7 && j < 0.95, String(j));
    assert.equal(jaccard(sketch(words), sketch(words)), 1);
  });

  it('keeps the k smallest distinct shingle hashes, as sorting them all would', () => {
    const chars = '政府信息公开工作年度报告';
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const text = Array.from({ length: 20_000 }, () => chars[next() % chars.length]).join('');
    // Every shingle's hash, from one-shingle texts (each a sketch of its one hash).
    const all = new Set<number>();
    for (let i = 0; i + 5 <= text.length; i++) all.add(sketch(text.slice(i, i + 5)).hashes[0]);
    assert.deepEqual([...sketch(text).hashes], [...all].sort((a, b) => a - b).slice(0, 128));
  });

  it('sketches a text of fifty million repeated letters (a hostile numbering label) in fixed memory', () => {
    const before = process.memoryUsage();
    const s = sketch('a'.repeat(50_000_000));
    const after = process.memoryUsage();
    assert.equal(s.hashes.length, 1);
    assert.equal(s.length, 50_000_000);
    assert.ok(after.arrayBuffers - before.arrayBuffers < 1024 * 1024, 'no buffer the size of the text');
  });
});

describe('rules across reports', () => {
  for (const layout of READABLE) {
    describe(layout, () => {
      const reports = (y2023: ReportSpec, y2024: ReportSpec) => ({ 'a/2023.txt': render(y2023, layout as Layout), 'b/2024.txt': render(y2024, layout as Layout) });

      it('two consistent years: each clean, nothing across them', () => {
        const { y2023, y2024 } = pair();
        const r = reports(y2023, y2024);
        for (const text of Object.values(r)) assert.deepEqual(analyze(text).findings.map((f) => f.code), []);
        assert.deepEqual(codes(check(r).findings), []);
      });

      it('carry-over: 上年结转 that is not last year’s 结转下年度, each report balancing', () => {
        const { y2023, y2024 } = pair();
        bump(y2024, '2', 2);
        bump(y2024, '4', 2);
        const r = reports(y2023, y2024);
        assert.deepEqual(analyze(r['b/2024.txt']).findings.map((f) => f.code), []);
        const { findings, texts } = check(r);
        assert.deepEqual(codes(findings), ['b/2024.txt carry-over', 'b/2024.txt carry-over']);
        const [natural, total] = findings;
        assert.equal(natural.severity, 'error');
        assert.equal(at(texts, 'b/2024.txt', natural.range), '3');
        assert.equal(at(texts, 'b/2024.txt', total.range), '3');
        assert.equal(natural.message.zh, '「自然人」列：上年结转为 3，但 2023 年报告的结转下年度为 1');
        assert.match(natural.message.en, /^Column "Natural persons": carried over from last year is 3, but the 2023 report carried 1 over/);
        assert.equal(natural.related[0].file, 'a/2023.txt');
        assert.equal(at(texts, 'a/2023.txt', natural.related[0].range), '1');
        assert.match(natural.related[0].message.zh, /「四、结转下年度」行「自然人」列：1/);
      });

      it('active-count: 现行有效 that does not follow from last year’s', () => {
        const { y2023, y2024 } = pair();
        y2024.active.normative = ['2', '1', '17'];
        const { findings, texts } = check(reports(y2023, y2024));
        assert.deepEqual(codes(findings), ['b/2024.txt active-count']);
        assert.equal(findings[0].severity, 'warning');
        assert.equal(at(texts, 'b/2024.txt', findings[0].range), '17');
        assert.equal(findings[0].message.zh, '「行政规范性文件」现行有效件数为 17，但上年现行有效 15 + 本年制发 2 − 本年废止 1 = 16');
        assert.equal(at(texts, 'a/2023.txt', findings[0].related[0].range), '15');
      });

      it('repeated-text: a part copied from last year, a table unchanged', () => {
        const { y2023, y2024 } = pair();
        const problems = '一是主动公开的深度和广度还需进一步拓展，部分部门公开内容不够全面、更新不够及时，政策解读形式较为单一，与群众的期待仍有差距。二是依申请公开办理的规范化水平有待提升，个别答复文书说理不够充分。三是政府网站栏目建设仍需优化，信息检索不够便捷，互动功能有待加强。四是基层政务公开标准化规范化建设推进不够平衡，部分乡镇街道公开目录编制不够完善。下一步，我们将加强业务培训，完善工作机制，强化监督考核，推动政务公开工作提质增效，切实保障人民群众的知情权、参与权、表达权和监督权。';
        y2023.prose[5] = [problems.replace('下一步', '2024年')];
        y2024.prose[5] = [problems.replace('下一步', '2025年')];
        y2024.application = structuredClone(y2023.application);
        y2024.prose[1][2] = y2023.prose[1][2].replace('2023', '2024');
        const { findings, texts } = check(reports(y2023, y2024));
        assert.deepEqual(codes(findings).sort(), ['b/2024.txt repeated-text', 'b/2024.txt repeated-text']);
        const prose = findings.find((f) => f.message.zh.includes('五、'))!;
        assert.equal(at(texts, 'b/2024.txt', prose.range), '五、存在的主要问题及改进情况');
        assert.match(prose.message.zh, /与 2023 年报告几乎相同（相似度 100%）/);
        const table = findings.find((f) => f.message.zh.includes('申请情况表'))!;
        assert.match(table.message.zh, /完全相同/);
        assert.equal(table.related[0].file, 'a/2023.txt');
      });
    });
  }

  it('a short part alike every year (本机关未收取信息处理费) is no copy', () => {
    const { y2023, y2024 } = pair();
    assert.deepEqual(y2023.prose[6], y2024.prose[6]);
    assert.deepEqual(codes(check({ '2023.txt': render(y2023, 'cells'), '2024.txt': render(y2024, 'cells') }).findings), []);
  });

  it('flat text: tables not read, nothing compared', () => {
    const { y2023, y2024 } = pair();
    bump(y2024, '2', 2);
    bump(y2024, '4', 2);
    y2024.active.normative = ['2', '1', '17'];
    assert.deepEqual(codes(check({ '2023.txt': render(y2023, 'flat'), '2024.txt': render(y2024, 'flat') }).findings), []);
  });

  it('no previous year, another body, or a cell not read with certainty: nothing compared', () => {
    const { y2023, y2024 } = pair();
    bump(y2024, '2', 2);
    bump(y2024, '4', 2);
    const y2022 = copySpec(y2023);
    y2022.title = ['某某市某某区人民政府', '2022年政府信息公开工作年度报告'];
    y2022.periodYear = 2022;
    y2022.prose[1] = y2023.prose[1].map((p) => p.replaceAll('2023', '2022'));
    assert.deepEqual(codes(check({ '2022.txt': render(y2022, 'cells'), '2024.txt': render(y2024, 'cells') }).findings), []);
    const other = copySpec(y2024);
    other.title = ['另一市某某区人民政府', '2024年政府信息公开工作年度报告'];
    assert.deepEqual(codes(check({ '2023.txt': render(y2023, 'cells'), '2024.txt': render(other, 'cells') }).findings), []);
    const lookalike = copySpec(y2024);
    lookalike.application['2'][0] = '３'; // full-width: read, but not with certainty
    assert.deepEqual(codes(check({ '2023.txt': render(y2023, 'cells'), '2024.txt': render(lookalike, 'cells') }).findings), ['2024.txt carry-over']);
  });

  it('a report whose title and period name different years is not placed in any year', () => {
    const { y2023, y2024 } = pair();
    bump(y2024, '2', 2);
    bump(y2024, '4', 2);
    y2024.periodYear = 2023;
    assert.deepEqual(codes(check({ '2023.txt': render(y2023, 'cells'), '2024.txt': render(y2024, 'cells') }).findings), []);
  });

  it('active-count only in the 2021 format on both sides', () => {
    const y2020 = cleanSpec('2019', 2020);
    const { y2024: y2021 } = pair();
    y2021.title = ['某某区人民政府', '2021年政府信息公开工作年度报告'];
    y2021.periodYear = 2021;
    y2021.prose[1] = y2021.prose[1].map((p) => p.replaceAll('2024', '2021'));
    y2021.active.normative = ['2', '1', '99'];
    assert.deepEqual(codes(check({ '2020.txt': render(y2020, 'cells'), '2021.txt': render(y2021, 'cells') }).findings), []);
  });

  it('duplicate-report: two reports of one body for one year, on the later file', () => {
    const { y2024 } = pair();
    const text = render(y2024, 'cells');
    const { findings, texts } = check({ 'x/b.txt': text, 'x/a.txt': text });
    assert.deepEqual(codes(findings), ['x/b.txt duplicate-report']);
    assert.equal(findings[0].severity, 'info');
    assert.equal(findings[0].related[0].file, 'x/a.txt');
    assert.match(at(texts, 'x/b.txt', findings[0].range), /2024年政府信息公开工作年度报告$/);
  });

  it('settings turn a rule off or change its severity', () => {
    const { y2023, y2024 } = pair();
    bump(y2024, '2', 2);
    bump(y2024, '4', 2);
    const { findings } = check({ '2023.txt': render(y2023, 'cells'), '2024.txt': render(y2024, 'cells') });
    assert.deepEqual(applySettings(findings, { 'carry-over': 'off' }), []);
    assert.deepEqual(applySettings(findings, { 'carry-over': 'warning' }).map((f) => f.severity), ['warning', 'warning']);
  });

  it('the index follows changes: a report replaced or removed', () => {
    const { y2023, y2024 } = pair();
    const index = new ReportIndex();
    index.set(digest('2023.txt', analyze(render(y2023, 'cells'))));
    const bad = copySpec(y2024);
    bump(bad, '2', 2);
    bump(bad, '4', 2);
    index.set(digest('2024.txt', analyze(render(bad, 'cells'))));
    assert.deepEqual(index.related('2024.txt').sort(), ['2023.txt', '2024.txt']);
    assert.equal(index.findingsFor('2024.txt').length, 2);
    index.set(digest('2024.txt', analyze(render(y2024, 'cells'))));
    assert.equal(index.findingsFor('2024.txt').length, 0);
    index.set(digest('2024.txt', analyze(render(bad, 'cells'))));
    assert.deepEqual(index.related('2023.txt').sort(), ['2023.txt', '2024.txt']);
    index.remove('2023.txt');
    assert.deepEqual(index.related('2023.txt'), []);
    assert.equal(index.findingsFor('2024.txt').length, 0);
  });

  it('many reports of one body and year: each meets the first of them in file order, as a scan of all of them would', () => {
    // One body written three ways (城甲 and 城乙 contradict each other, the bare name matches both), in two years.
    const titles = ['某某区人民政府', '城甲市某某区人民政府', '城乙市某某区人民政府'];
    const texts = new Map<string, ReturnType<typeof analyze>>();
    for (const year of [2023, 2024]) {
      for (const title of titles) {
        const spec = copySpec(cleanSpec('2021', year));
        spec.title = [title, `${year}年政府信息公开工作年度报告`];
        texts.set(`${year} ${title}`, analyze(render(spec, 'cells')));
      }
    }
    // Added out of file order; some replaced, some removed (the first of a group among them).
    const files: { file: string; year: number; title: string }[] = [];
    for (let i = 0; i < 60; i++) files.push({ file: `r/${String((i * 37) % 60).padStart(2, '0')}.txt`, year: i % 4 ? 2024 : 2023, title: titles[(i * 7) % 3] });
    const index = new ReportIndex();
    for (const f of files) index.set(digest(f.file, texts.get(`${f.year} ${f.title}`)!));
    const removed = new Set(['r/00.txt', 'r/01.txt', 'r/37.txt']);
    for (const file of removed) index.remove(file);
    const kept = files.filter((f) => !removed.has(f.file));
    // What a scan of every report gives: the first other report of a body that is the same, in the year asked.
    const body = (f: (typeof files)[number]) => bodyOf(`${f.title}${f.year}年政府信息公开工作年度报告`)!;
    const firstOf = (d: (typeof files)[number], year: number, before: boolean) =>
      kept
        .filter((o) => o.file !== d.file && o.year === year && sameBody(body(o), body(d)) && (!before || o.file < d.file))
        .sort((a, b) => (a.file < b.file ? -1 : 1))[0]?.file;
    const expected: string[] = [];
    for (const d of [...kept].sort((a, b) => (a.file < b.file ? -1 : 1))) {
      const twin = firstOf(d, d.year, true);
      if (twin) expected.push(`${d.file} duplicate-report ${twin}`);
      const previous = firstOf(d, d.year - 1, false);
      if (previous) expected.push(`${d.file} previous ${previous}`);
    }
    // Which report each meets as its previous year's: a rule that says so.
    const previousYear: CrossRule = {
      code: 'previous' as CrossRule['code'],
      severity: 'info',
      pairs: 'previous-year',
      description: { zh: '', en: '' },
      doc: { checks: '', zh: '', en: '' },
      check(later, earlier, emit) {
        emit({ range: later.titleRange!, at: { part: 0 }, message: { zh: '', en: '' }, related: [{ file: earlier.file, range: earlier.titleRange!, message: { zh: '', en: '' } }] });
      },
    };
    const duplicate = CROSS_RULES.filter((r) => r.code === 'duplicate-report');
    const seen = index.findings([...duplicate, previousYear]).map((f) => `${f.file} ${f.code} ${f.related[0].file}`);
    assert.deepEqual(seen.sort(), expected.sort());
    assert.ok(expected.some((e) => e.includes('duplicate-report')) && expected.some((e) => e.includes('previous')));
  });
});
