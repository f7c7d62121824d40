/**
 * Properties over arbitrary text and over real reports mutated at random
 * (digits changed, cells and lines dropped or duplicated, rows shuffled,
 * width and line endings switched): the analysis never throws, every range
 * lies inside the text, the same text gives the same findings, and every
 * quick fix keeps its promises; fix-all is idempotent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, ARITHMETIC_CODES, fixAllEdits, type Analysis } from '../../server/src/analysis';
import { checkAllFixes } from '../support/fix-check';
import { fixtureReports, fixtureText } from '../support/fixtures';
import { cleanSpec, LAYOUTS, READABLE, render } from '../support/reports';
import { HAS_SHARED, sharedReports, sharedText } from '../support/shared';

/** Runs are reproducible; FC_SEED explores other cases. */
const SEED = Number(process.env.FC_SEED ?? 20261122);

function rangesInside(text: string, a: Analysis): void {
  for (const f of a.findings) {
    const spans = [f.span, ...(f.related ?? []).map((r) => r.span), ...(f.fixes ?? []).flatMap((x) => x.edits.map((e) => e.span))];
    for (const s of spans) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${f.code} ${JSON.stringify(s)} in ${text.length}`);
  }
}

const snapshot = (a: Analysis) => JSON.stringify(a.findings);

/** The pieces report text is made of, so that random text has a report's shape. */
const TOKENS = [
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '2023年政府信息公开工作年度报告', '统计期限自2023年1月1日',
  '第二十条第（一）项', '行政许可', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '一、本年新收政府信息公开申请数量',
  '（七）总计', '四、结转下年度继续办理', '1.属于国家秘密', '行政复议', '行政诉讼', '结果维持', '收到申请', '件', '0', '7', '12', '-3', '1.5',
  'O', '１２', '/', '—', ' | ', '|', '|---|', '\t', '\u2002', '\u3000', '\n', '\r\n', '\r', ' ', '（', '）', '[bookmark: _GoBack]', '\ufffd', '- 3 -',
];

const reportish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 300 }).map((t) => t.join(''));

/** Real reports to mutate: the project's fixtures, reports in every layout, the seeds when present. */
const BASES: string[] = [
  ...fixtureReports().map((f) => fixtureText(f)),
  ...LAYOUTS.map((l) => render(cleanSpec(), l)),
  ...(HAS_SHARED ? sharedReports('seeds').map((f) => sharedText('seeds', f)) : []),
];

type Mutation =
  | { kind: 'digit'; at: number; digit: string }
  | { kind: 'drop-line' | 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'drop-cell'; at: number }
  | { kind: 'width'; at: number }
  | { kind: 'eol'; to: '\n' | '\r\n' | '\r' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('digit' as const), at: fc.nat(), digit: fc.constantFrom('0', '1', '5', '9', '', '12', 'O', '/') }),
  fc.record({ kind: fc.constantFrom('drop-line' as const, 'duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('drop-cell' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('width' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('eol' as const), to: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const) }),
);

const FULL = '０１２３４５６７８９（）｜';
const HALF = '0123456789()|';

function mutate(text: string, m: Mutation): string {
  const lines = text.split(/\r\n|\r|\n/);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const line = (n: number) => n % Math.max(1, lines.length);
  switch (m.kind) {
    case 'digit': {
      const digits = [...text.matchAll(/\d/g)].map((x) => x.index!);
      if (!digits.length) return text;
      const i = digits[m.at % digits.length];
      return text.slice(0, i) + m.digit + text.slice(i + 1);
    }
    case 'drop-line':
      lines.splice(line(m.at), 1);
      return lines.join(eol);
    case 'duplicate-line':
      lines.splice(line(m.at), 0, lines[line(m.at)]);
      return lines.join(eol);
    case 'swap-lines': {
      const [a, b] = [line(m.a), line(m.b)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join(eol);
    }
    case 'drop-cell': {
      // A cell of a table row: a pipe cell, or a number on its own line.
      const n = line(m.at);
      lines[n] = lines[n].includes('|') ? lines[n].replace(/\|[^|]*/, '') : lines[n].replace(/\s\d+(?=\s|$)/, '');
      return lines.join(eol);
    }
    case 'width': {
      const n = line(m.at);
      const toFull = m.at % 2 === 0;
      lines[n] = [...lines[n]].map((ch) => (toFull ? (HALF.includes(ch) ? FULL[HALF.indexOf(ch)] : ch) : FULL.includes(ch) ? HALF[FULL.indexOf(ch)] : ch)).join('');
      return lines.join(eol);
    }
    case 'eol':
      return lines.join(m.to);
  }
}

const mutatedReport = fc.tuple(fc.nat({ max: BASES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([base, ms]) => ms.reduce(mutate, BASES[base]));

describe('properties', () => {
  it('arbitrary text: no exception, ranges inside, the same findings every time', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), reportish), (text) => {
        const a = analyze(text);
        assert.deepEqual(a.failures, []);
        rangesInside(text, a);
        assert.equal(snapshot(analyze(text)), snapshot(a));
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('mutated reports: no exception, ranges inside, the same findings every time', () => {
    fc.assert(
      fc.property(mutatedReport, (text) => {
        const a = analyze(text);
        assert.deepEqual(a.failures, []);
        rangesInside(text, a);
        assert.equal(snapshot(analyze(text)), snapshot(a));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('mutated reports: every fix touches only what it names, removes its finding, and a safe one brings nothing new', () => {
    fc.assert(
      fc.property(mutatedReport, (text) => {
        assert.deepEqual(checkAllFixes(text).problems, []);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('mutated reports: fix all is idempotent', () => {
    fc.assert(
      fc.property(mutatedReport, (text) => {
        const once = applyEdits(text, fixAllEdits(text, analyze));
        const twice = applyEdits(once, fixAllEdits(once, analyze));
        assert.equal(twice, once);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

/**
 * What converters do to a report's text, each at a place chosen at random:
 * none of it may create an arithmetic error the report does not have.
 */
type Perturbation =
  | { kind: 'label-own-line' | 'trailing-cells' | 'nbsp-cell' | 'hash-heading' | 'bold-heading' | 'form-feed' | 'wrapped-title' | 'invented-header' | 'cell-after-label' | 'br-in-label'; at: number }
  | { kind: 'page-footer'; at: number; footer: string };

const perturbation: fc.Arbitrary<Perturbation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom(
      'label-own-line' as const,
      'trailing-cells' as const,
      'nbsp-cell' as const,
      'hash-heading' as const,
      'bold-heading' as const,
      'form-feed' as const,
      'wrapped-title' as const,
      'invented-header' as const,
      'cell-after-label' as const,
      'br-in-label' as const,
    ),
    at: fc.nat(),
  }),
  fc.record({ kind: fc.constant('page-footer' as const), at: fc.nat(), footer: fc.constantFrom('- 3 -', '— 12 —', '第 3 页', '－ 7 －') }),
);

/** A row: a label, then two or more numbers separated by spaces or pipes. */
const LABELLED_ROW = /^(\s*\|?\s*)([^\d|\s][^|]*?[\u4e00-\u9fff）)”"])((?:\s*\|\s*|\s+)\d[\d\s|—/-]*\|?\s*)$/;
const PART_HEADING = /^[一二三四五六][、.．]/;

function perturb(text: string, p: Perturbation): string {
  const lines = text.split(/\r\n|\r|\n/);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const pick = (ok: (l: string) => boolean): number => {
    const found = lines.map((l, i) => (ok(l) ? i : -1)).filter((i) => i >= 0);
    return found.length ? found[p.at % found.length] : -1;
  };
  const done = () => lines.join(eol);
  switch (p.kind) {
    case 'label-own-line': {
      // The label stands on its own line above a row of numbers only.
      const i = pick((l) => LABELLED_ROW.test(l) && (l.match(/\d+/g) ?? []).length >= 2);
      if (i < 0) return text;
      const m = LABELLED_ROW.exec(lines[i])!;
      const pipe = lines[i].includes('|');
      lines.splice(i, 1, `${m[1]}${m[2]}${pipe && m[1].includes('|') ? ' |' : ''}`, pipe ? `${m[1].includes('|') ? '| ' : ''}${m[3].replace(/^\s*\|\s*/, '')}` : m[3].trim());
      return done();
    }
    case 'trailing-cells': {
      const i = pick((l) => /\|\s*$/.test(l) && /\d/.test(l));
      if (i < 0) return text;
      lines[i] = `${lines[i]}  |  |`;
      return done();
    }
    case 'nbsp-cell': {
      const i = pick((l) => /\|\s+\|/.test(l));
      if (i < 0) return text;
      lines[i] = lines[i].replace(/\|\s+\|/, '| &nbsp; |');
      return done();
    }
    case 'page-footer': {
      // Between two lines of a table (both hold digits), as a PDF's page break leaves it.
      const i = pick((l) => /\d/.test(l));
      if (i < 0) return text;
      lines.splice(i + 1, 0, '', p.footer, '');
      return done();
    }
    case 'hash-heading':
    case 'bold-heading': {
      const i = pick((l) => PART_HEADING.test(l) && l.length < 40 && !/\d/.test(l));
      if (i < 0) return text;
      lines[i] = p.kind === 'hash-heading' ? `${'#'.repeat(1 + (p.at % 3))} ${lines[i]}` : `**${lines[i]}**`;
      return done();
    }
    case 'form-feed': {
      const i = pick((l) => PART_HEADING.test(l));
      if (i < 0) return text;
      lines[i] = `\f${lines[i]}`;
      return done();
    }
    case 'wrapped-title': {
      const i = lines.slice(0, 8).findIndex((l) => /政府信息公开工作年度报告/.test(l) && l.length <= 60);
      if (i < 0) return text;
      const cut = lines[i].indexOf('公开工作');
      lines.splice(i, 1, lines[i].slice(0, cut), lines[i].slice(cut));
      return done();
    }
    case 'cell-after-label': {
      // One empty cell more after the label: every column would shift by one.
      const i = pick((l) => /^\s*\|?[^|\d]+\|/.test(l) && /\d/.test(l));
      if (i < 0) return text;
      lines[i] = lines[i].replace(/^(\s*\|?[^|\d]+\|)/, '$1  |');
      return done();
    }
    case 'br-in-label': {
      // A Word-pasted web page breaks a long label with <br>.
      const i = pick((l) => /[\u4e00-\u9fff]{6,}/.test(l) && /\d/.test(l) && l.includes('|'));
      if (i < 0) return text;
      lines[i] = lines[i].replace(/([\u4e00-\u9fff]{3})([\u4e00-\u9fff]{3})/, '$1<br>$2');
      return done();
    }
    case 'invented-header': {
      // An OCR tool's header row above a pipe table's first row.
      const i = pick((l) => /^\s*\|/.test(l) && /\d/.test(l));
      if (i < 0) return text;
      const cells = lines[i].split('|').length - 2;
      if (cells < 2) return text;
      const head = ['类别', ...Array.from({ length: cells - 2 }, (_, k) => `数据${k + 1}`), '总计'];
      lines.splice(i, 0, `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
      return done();
    }
  }
}

/** A report's arithmetic errors, by rule and message. */
function arithmeticErrors(text: string): string[] {
  return analyze(text)
    .findings.filter((f) => (ARITHMETIC_CODES as readonly string[]).includes(f.code))
    .map((f) => `${f.code}: ${f.message.en}`)
    .sort();
}

/** Reports whose tables can be read: the project's renders, fixtures and the shared reports. */
const READABLE_BASES: string[] = [
  ...fixtureReports().map((f) => fixtureText(f)),
  ...READABLE.map((l) => render(cleanSpec(), l)),
  ...READABLE.map((l) => render(cleanSpec('2019', 2020), l)),
  ...(HAS_SHARED ? [...sharedReports('seeds').map((f) => sharedText('seeds', f)), ...sharedReports('corpus').map((f) => sharedText('corpus', f))] : []),
];
const BEFORE = READABLE_BASES.map(arithmeticErrors);

describe('converter perturbations', () => {
  it('each applies to the project\'s reports (so that the property below tests something)', () => {
    const kinds = ['label-own-line', 'trailing-cells', 'nbsp-cell', 'hash-heading', 'bold-heading', 'form-feed', 'wrapped-title', 'invented-header', 'cell-after-label', 'br-in-label', 'page-footer'] as const;
    for (const kind of kinds) {
      const p = { kind, at: 3, footer: '- 3 -' } as Perturbation;
      const changed = READABLE_BASES.filter((t) => perturb(t, p) !== t).length;
      assert.ok(changed >= 2, `${kind} changed ${changed} reports`);
    }
    // A label moved above its numbers, in PDF text, as a converter leaves it.
    const pdf = render(cleanSpec(), 'pdf');
    const moved = perturb(pdf, { kind: 'label-own-line', at: 0 });
    assert.match(moved, /\n[^\d\n]*[\u4e00-\u9fff]\n[\d ]+\n/);
  });

  it('never create an arithmetic error', () => {
    fc.assert(
      fc.property(fc.nat({ max: READABLE_BASES.length - 1 }), fc.array(perturbation, { minLength: 1, maxLength: 4 }), (base, ps) => {
        const text = ps.reduce(perturb, READABLE_BASES[base]);
        const before = new Set(BEFORE[base]);
        assert.deepEqual(arithmeticErrors(text).filter((e) => !before.has(e)), [], `perturbations ${JSON.stringify(ps)}`);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});
