/**
 * Every rule, in every layout: a clean report with one defect introduced must
 * give exactly that defect's findings, at the text that carries it. Tables in
 * flat text cannot be read, so there they give `table-shape` and never
 * arithmetic.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, RULE_CODES, type RuleCode } from '../../server/src/analysis';
import { cleanSpec, copySpec, LAYOUTS, render, type Layout, type ReportSpec } from '../support/reports';

interface Expected {
  code: RuleCode;
  /** The text the finding's range covers, when it should be checked. */
  text?: string;
}

interface Case {
  name: string;
  change: (spec: ReportSpec, layout: Layout) => void;
  /** The findings expected in a layout, beyond those of the clean report. */
  expect: (layout: Layout) => Expected[];
  base?: () => ReportSpec;
}

const tablesRead = (layout: Layout) => layout !== 'flat';
const whenRead = (layout: Layout, e: Expected[]) => (tablesRead(layout) ? e : []);
/** What a report gives in any case: in flat text, each table it holds is unreadable. */
function baseline(spec: ReportSpec, layout: Layout): Expected[] {
  return layout === 'flat' ? Array.from({ length: 3 - spec.omit.size }, () => ({ code: 'table-shape' as const })) : [];
}

const CASES: Case[] = [
  {
    name: 'application-balance: 四 does not close the column',
    change: (s) => {
      s.application['4'][0] = '2';
      s.application['4'][6] = '2';
    },
    expect: (l) => whenRead(l, [{ code: 'application-balance', text: '2' }, { code: 'application-balance', text: '2' }]),
  },
  {
    name: 'subtotal: an item changed, （七）总计 not',
    change: (s) => {
      s.application['3.1'][0] = '4';
      s.application['3.1'][6] = '6';
    },
    expect: (l) => whenRead(l, [{ code: 'subtotal', text: '10' }, { code: 'subtotal', text: '13' }]),
  },
  {
    name: 'row-total: a count moved between rows, the totals not',
    change: (s) => {
      s.application['3.1'][0] = '6';
      s.application['3.2'][0] = '0';
    },
    expect: (l) => whenRead(l, [{ code: 'row-total', text: '7' }, { code: 'row-total', text: '1' }]),
  },
  {
    name: 'review-total: a group total off by one',
    change: (s) => {
      s.review[4] = '3';
    },
    expect: (l) => whenRead(l, [{ code: 'review-total', text: '3' }]),
  },
  {
    name: 'non-numeric-cell: letter O for 0',
    change: (s) => {
      s.application['3.3.1'][2] = 'O';
    },
    expect: (l) => whenRead(l, [{ code: 'non-numeric-cell', text: 'O' }]),
  },
  {
    name: 'non-numeric-cell: a negative count',
    change: (s) => {
      s.application['3.3.2'][2] = '-3';
    },
    expect: (l) => whenRead(l, [{ code: 'non-numeric-cell', text: '-3' }]),
  },
  {
    name: 'non-numeric-cell: a decimal count',
    change: (s) => {
      s.review[1] = '1.5';
    },
    expect: (l) => whenRead(l, [{ code: 'non-numeric-cell', text: '1.5' }]),
  },
  {
    name: 'non-numeric-cell: full-width digits',
    change: (s) => {
      s.application['1'][1] = '２';
    },
    expect: (l) => whenRead(l, [{ code: 'non-numeric-cell', text: '２' }]),
  },
  {
    name: 'non-numeric-cell: a thousands separator',
    change: (s) => {
      s.active.licensing[0] = '1,200';
    },
    expect: (l) => whenRead(l, [{ code: 'non-numeric-cell', text: '1,200' }]),
  },
  {
    name: 'empty-cell: a blank or a dash where 0 belongs',
    // Spaces carry no blank cell in PDF text: there a dash stands for it.
    change: (s, l) => {
      s.application['3.3.1'][2] = l === 'pdf' ? '—' : '';
    },
    expect: (l) => whenRead(l, [{ code: 'empty-cell', text: l === 'pdf' ? '—' : '' }]),
  },
  {
    name: 'empty-cell, no arithmetic: every item\'s 总计 left blank, （七）总计 filled',
    // The column's sum fails only because the blanks read as 0: each blank is
    // reported with what its row implies; the sum is not verifiable, not wrong.
    change: (s, l) => {
      for (const id of Object.keys(s.application)) if (id.startsWith('3.') && id !== '3.7') s.application[id][6] = l === 'pdf' ? '—' : '';
    },
    // In pipe rows a blank last cell cannot be told from Word's padding: those rows are not placed.
    // Elsewhere the 5 blank totals whose row implies a number are said once; the 16 that want only a 0, once.
    expect: (l) =>
      whenRead(l, l === 'pipe' ? Array.from({ length: 21 }, () => ({ code: 'table-shape' as const })) : Array.from({ length: 2 }, () => ({ code: 'empty-cell' as const }))),
  },
  {
    name: 'table-shape: a row one cell short',
    change: (s) => {
      s.application['2'].splice(3, 1);
    },
    expect: (l) => whenRead(l, [{ code: 'table-shape' }]),
  },
  {
    name: 'table-shape: a label with a typo',
    change: (s) => {
      s.labels['3.3.2'] = '2.其他法律行政止公开';
    },
    expect: (l) => whenRead(l, [{ code: 'table-shape', text: '2.其他法律行政止公开' }]),
  },
  {
    name: 'missing-table: part 三 without its table',
    change: (s) => s.omit.add('application'),
    expect: () => [{ code: 'missing-table', text: '三、收到和处理政府信息公开申请情况' }],
  },
  {
    name: 'missing-section: part 五 left out',
    change: (s) => {
      s.headings[5] = null;
    },
    expect: () => [{ code: 'missing-section' }],
  },
  {
    name: 'section-order: parts 五 and 六 swapped',
    change: (s) => {
      s.order = [1, 2, 3, 4, 6, 5];
    },
    expect: () => [{ code: 'section-order', text: '五、存在的主要问题及改进情况' }],
  },
  {
    name: 'section-heading: a variant wording',
    change: (s) => {
      s.headings[4] = '四、因政府信息公开申请行政复议、提起行政诉讼的情况';
    },
    expect: () => [{ code: 'section-heading', text: '四、因政府信息公开申请行政复议、提起行政诉讼的情况' }],
  },
  {
    name: 'missing-title: no title',
    change: (s) => {
      s.title = null;
    },
    expect: () => [{ code: 'missing-title' }],
  },
  {
    name: 'year-mismatch: the period is for another year',
    change: (s) => {
      s.periodYear = 2022;
    },
    expect: () => [{ code: 'year-mismatch', text: '2022' }],
  },
  {
    name: 'narrative-mismatch: the prose counts other applications',
    change: (s) => {
      s.prose[1][2] = '（二）依申请公开情况。2023年共收到政府信息公开申请99件，均在法定期限内答复。';
    },
    expect: (l) => whenRead(l, [{ code: 'narrative-mismatch', text: '99' }]),
  },
  {
    name: 'old-format: a 2023 report in the 2019 layout',
    base: () => cleanSpec('2019', 2023),
    change: () => {},
    expect: (l) => whenRead(l, [{ code: 'old-format' }, { code: 'old-format' }]),
  },
  {
    name: 'conversion-artifact: a bookmark before a heading',
    change: (s) => {
      s.beforeHeading[6] = '[bookmark: _GoBack]';
    },
    expect: () => [{ code: 'conversion-artifact', text: '[bookmark: _GoBack]' }],
  },
  {
    name: 'overview-topics: part 一 without its paragraphs on platforms and oversight',
    change: (s) => {
      s.prose[1] = s.prose[1].slice(0, 4);
    },
    expect: () => [{ code: 'overview-topics', text: '一、总体情况' }],
  },
  {
    name: 'fee-report: part 六 names the fee rules but not whether fees were charged',
    change: (s) => {
      s.prose[6] = ['本机关严格执行《政府信息公开信息处理费管理办法》。'];
    },
    expect: () => [{ code: 'fee-report', text: '六、其他需要报告的事项' }],
  },
  {
    name: 'improvement-report: part 五 of one line',
    change: (s) => {
      s.prose[5] = ['主动公开的深度还需加强。'];
    },
    expect: () => [{ code: 'improvement-report', text: '五、存在的主要问题及改进情况' }],
  },
  {
    name: 'all-closed: the prose says every application was closed, the table carries one over',
    change: (s) => {
      s.prose[1][2] = `（二）依申请公开情况。2023年共收到政府信息公开申请${s.application['1'][6]}件，均已办结。`;
    },
    expect: (l) => whenRead(l, [{ code: 'all-closed', text: '均已办结' }]),
  },
];

function codes(list: { code: string }[]): string[] {
  return list.map((f) => f.code).sort();
}

describe('every rule in every layout', () => {
  it('covers every rule code', () => {
    const covered = new Set(CASES.flatMap((c) => LAYOUTS.flatMap((l) => c.expect(l).map((e) => e.code))));
    assert.deepEqual([...RULE_CODES].filter((c) => !covered.has(c)), []);
  });

  for (const layout of LAYOUTS) {
    describe(layout, () => {
      for (const format of ['2021', '2019'] as const) {
        it(`a clean ${format} report has ${layout === 'flat' ? 'only unreadable tables' : 'no finding'}`, () => {
          const spec = cleanSpec(format, format === '2021' ? 2023 : 2019);
          for (const eol of ['\n', '\r\n']) {
            const { findings } = analyze(render(spec, layout, eol));
            assert.deepEqual(codes(findings), codes(baseline(spec, layout)));
          }
        });
      }
      for (const c of CASES) {
        it(c.name, () => {
          const spec = copySpec(c.base?.() ?? cleanSpec());
          c.change(spec, layout);
          for (const eol of ['\n', '\r\n']) {
            const text = render(spec, layout, eol);
            const { findings } = analyze(text);
            const expected = [...c.expect(layout), ...baseline(spec, layout)];
            assert.deepEqual(
              codes(findings),
              codes(expected),
              findings.map((f) => `${f.code}: ${f.message.zh}`).join('\n'),
            );
            for (const e of expected) {
              if (e.text === undefined) continue;
              const at = findings.filter((f) => f.code === e.code).map((f) => text.slice(f.span.start, f.span.end));
              assert.ok(at.includes(e.text), `${e.code} should cover «${e.text}», covers ${JSON.stringify(at)}`);
            }
          }
        });
      }
    });
  }
});
