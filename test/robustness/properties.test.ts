/**
 * Properties over arbitrary text and over real reports mutated at random
 * (digits changed, cells and lines dropped or duplicated, rows shuffled,
 * width and line endings switched): the analysis never throws, every range
 * lies inside the text, the same text gives the same findings, and every
 * quick fix keeps its promises; fix-all is idempotent.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, fixAllEdits, type Analysis } from '../../server/src/analysis';
import { readInput } from '../../server/src/cli/inputs';
import { checkAllFixes } from '../support/fix-check';
import { fixtureReports, FIXTURES } from '../support/fixtures';
import { cleanSpec, LAYOUTS, render } from '../support/reports';
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
  ...fixtureReports().map((f) => readInput(join(FIXTURES, f)).text!),
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
