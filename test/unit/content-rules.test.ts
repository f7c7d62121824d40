/**
 * The content rules' wordings: part 一's topics in any of their wordings (a
 * property over random rewordings, sub-heading or sentence, in every layout),
 * what counts as saying whether fees were charged and how last year's
 * problems were addressed, and which claims that every application was
 * handled the tables contradict.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/analysis';
import { saysFees } from '../../server/src/analysis/rules/fee-report';
import { saysLastYear } from '../../server/src/analysis/rules/improvement-report';
import { PARTS } from '../../server/src/analysis/schema/parts';
import { fold } from '../../server/src/analysis/text/fold';
import { cleanSpec, copySpec, LAYOUTS, render } from '../support/reports';

const SEED = Number(process.env.FC_SEED ?? 20261122);
const TOPICS = PARTS[0].subparts!;
const topicFindings = (text: string) => analyze(text).findings.filter((f) => f.code === 'overview-topics');

describe('overview-topics', () => {
  it('a topic reworded with any of its wordings, as a sub-heading or in a sentence, in any layout, stays covered', () => {
    const rewording = fc.record({
      topic: fc.integer({ min: 0, max: TOPICS.length - 1 }),
      variant: fc.nat(),
      asSentence: fc.boolean(),
      numbering: fc.constantFrom('（X）', '(X)', 'X、', ''),
      suffix: fc.constantFrom('情况', '方面', '工作', ''),
      layout: fc.constantFrom(...LAYOUTS),
    });
    fc.assert(
      fc.property(rewording, ({ topic, variant, asSentence, numbering, suffix, layout }) => {
        const t = TOPICS[topic];
        const words = t.mentions[variant % t.mentions.length];
        const spec = copySpec(cleanSpec());
        // The clean report's line 2 + topic is the topic's sub-heading and paragraph, the only place it is named.
        const line = asSentence ? `本机关认真做好各项工作，本年度持续推进${words}，取得新成效。` : `${numbering.replace('X', t.numeral)}${words}${suffix}。持续推进各项工作。`;
        spec.prose[1][1 + topic] = line;
        assert.deepEqual(topicFindings(render(spec, layout)), [], `${layout}: ${line}`);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('without its paragraph, each topic is missing, and named', () => {
    for (const layout of LAYOUTS) {
      TOPICS.forEach((t, i) => {
        const spec = copySpec(cleanSpec());
        spec.prose[1].splice(1 + i, 1);
        const found = topicFindings(render(spec, layout));
        assert.equal(found.length, 1, `${layout} without ${t.title}`);
        assert.equal(found[0].message.zh.split('；')[0], `总体情况未写到“${t.topic.zh}”`);
      });
    }
  });

  it('every wording is one the folded text of a report can hold', () => {
    for (const t of TOPICS) for (const m of t.mentions) assert.equal(fold(m), m, m);
  });

  it('a report for 2020 is not judged by the 2021 format’s content', () => {
    const spec = copySpec(cleanSpec('2019', 2020));
    spec.prose[1] = spec.prose[1].slice(0, 2);
    spec.prose[6] = ['无。'];
    spec.prose[5] = ['无。'];
    assert.deepEqual(analyze(render(spec, 'markdown')).findings.map((f) => f.code), []);
  });
});

describe('fee-report: what says whether fees were charged', () => {
  const says = (s: string) => saysFees(fold(s));
  it('an amount, or none, in any words', () => {
    for (const s of [
      '全年收取政府信息公开信息处理费 0 元。',
      '全年收取政府信息公开信息处理费3940元。',
      '2021年我局未收取任何政府信息处理费。',
      '本机关未收取信息处理费。',
      '2022年，无收取信息处理费情况。',
      '依据《政府信息公开信息处理费管理办法》，2021年我局无因依申请公开产生收取信息处理费的情况。',
      '2023年度，县发展和改革局政府信息公开未发生收费情况。',
      '本年度信息处理费为零。',
    ]) {
      assert.ok(says(s), s);
    }
  });
  it('not the fee rules’ name, nor a heading on fees, nor other charges', () => {
    for (const s of ['严格落实《政府信息公开信息处理费管理办法》。', '（一）信息处理费收取情况。', '组织各单位学习信息处理费有关规定。', '无。', '本单位严格落实《政府信息公开条例》要求，完成政务公开各项工作。']) {
      assert.ok(!says(s), s);
    }
  });
});

describe('improvement-report: what says how last year’s problems were addressed', () => {
  const says = (s: string, year?: number) => saysLastYear(fold(s), year);
  it('last year named, with its problems and what was done', () => {
    assert.ok(says('上年度,我单位主动公开的意识还有待于增强;信息公开的内容更新不及时。本年度我局加大了政务公开培训力度。'));
    assert.ok(says('（一）上一年度问题整改情况。针对上一年度报告指出的问题，已全部整改到位。'));
    assert.ok(says('针对2022年度报告中指出的问题，本年度逐项落实。', 2023));
    assert.ok(says('去年存在的信息更新不及时问题已得到解决。'));
  });
  it('not this year’s problems and next year’s steps', () => {
    assert.ok(!says('2024年，全区政府信息公开工作仍存在一些不足。针对存在问题，2025年我们将切实抓好以下工作。', 2024));
    assert.ok(!says('主要存在以下几方面的问题：一是公开意识还不够强。下一步，我区将不断规范政务公开行为。', 2021));
    assert.ok(!says('2023年，我区将采取以下措施加以改进。', 2022), 'the year after is not the year before');
  });
});

describe('all-closed: which claims the table contradicts', () => {
  const withClaim = (sentence: string) => {
    const spec = copySpec(cleanSpec());
    spec.prose[1][2] = sentence;
    return analyze(render(spec, 'markdown')).findings.filter((f) => f.code === 'all-closed');
  };
  it('every application handled, in the usual words, while one is carried over', () => {
    for (const claim of ['均已办结', '全部办结', '已全部答复', '均已答复', '全部予以答复', '按时办结率100%', '办结率达100％', '答复率为100%']) {
      assert.equal(withClaim(`（二）依申请公开情况。2023年共收到政府信息公开申请13件，${claim}。`).length, 1, claim);
    }
  });
  it('not when it is denied, not about other things, not where the sentence speaks of carrying over', () => {
    for (const s of [
      '（二）依申请公开情况。2023年共收到政府信息公开申请13件，尚未全部办结。',
      '（二）依申请公开情况。2023年共收到政府信息公开申请13件，均在法定期限内答复。',
      '（二）依申请公开情况。区长信箱来信128件，办结率均达100%。',
      '（二）依申请公开情况。2023年共收到政府信息公开申请13件，办结13件，上年结转的1件申请均已办结。',
      '（二）依申请公开情况。2023年共收到政府信息公开申请13件，另有1件顺延到下年度答复，其余均已答复。',
    ]) {
      assert.deepEqual(withClaim(s), [], s);
    }
  });
  it('not when nothing is carried over', () => {
    const spec = copySpec(cleanSpec());
    // 四 taken to 0: the applicant moved to 二 (上年结转) instead, so that every column still balances.
    spec.application['4'] = spec.application['4'].map(() => '0');
    spec.application['1'][0] = String(Number(spec.application['1'][0]) - 1);
    spec.application['1'][6] = String(Number(spec.application['1'][6]) - 1);
    spec.prose[1][2] = '（二）依申请公开情况。2023年共收到政府信息公开申请12件，均已办结。';
    assert.deepEqual(analyze(render(spec, 'markdown')).findings.map((f) => f.code), []);
  });
});
