/**
 * A part's prose (一, 五, 六) nearly the same as the same body's report of the
 * year before (内容雷同): the Jaccard index of the two texts' character
 * 5-grams, digits, spaces and punctuation left out, at least 0.9, both texts
 * at least 200 characters long (short standard sentences such as 本机关未收取
 * 信息处理费 are alike every year by nature). Or a table repeated unchanged:
 * every cell the same as the year before, with at least three that are not 0.
 */
import { jaccard, MIN_PROSE_LENGTH } from '../similarity';
import { baseName, type CrossRule } from './rule';

export const SIMILARITY_THRESHOLD = 0.9;
const MIN_NON_ZERO = 3;

const PART_NAMES: Record<number, { zh: string; en: string }> = {
  1: { zh: '一、总体情况', en: 'part 1 (overview)' },
  5: { zh: '五、存在的主要问题及改进情况', en: 'part 5 (problems and improvements)' },
  6: { zh: '六、其他需要报告的事项', en: 'part 6 (other matters)' },
};
const TABLE_NAMES = {
  active: { zh: '主动公开政府信息情况表', en: 'proactive disclosure table' },
  application: { zh: '收到和处理政府信息公开申请情况表', en: 'applications table' },
  review: { zh: '行政复议、行政诉讼情况表', en: 'reconsideration and lawsuits table' },
};

export const repeatedText: CrossRule = {
  code: 'repeated-text',
  severity: 'warning',
  pairs: 'previous-year',
  description: {
    zh: '第一、五、六部分的文字与本机关上年报告几乎相同（5 字片段的 Jaccard 相似度 ≥ 0.9），或表格与上年完全相同。',
    en: "Parts 1, 5 or 6 nearly the same as the body's report of the year before (Jaccard index of character 5-grams ≥ 0.9), or a table unchanged from it.",
  },
  doc: {
    checks: "across years: part 一, 五 or 六 nearly the same as last year's, or a table unchanged",
    zh: `
      内容雷同：第一、五、六部分的文字与本机关上年报告几乎相同，或某一表格与上年完全相同。
      衡量方法：去掉空格、标点和数字后（更新了数字的照抄仍是照抄），两段文字的字符 5-gram 集合的 Jaccard
      系数；两段文字都至少有 200 个这样的字符时（“本机关未收取信息处理费”这类标准短句年年相同），**≥ 0.9**
      即报告。每段文字以其最小的 128 个 5-gram 哈希（bottom-k 草图）保存：不超过 128 个不同 5-gram 时精确，
      超过时为估计（0.9 附近标准误差约 0.03）。表格的每个单元格都确定读出、与上年相同且至少三个不为 0 时，
      该表格算作雷同。
    `,
    en: `
      Repeated content: the text of part 一, 五 or 六 nearly the same as the body's report of
      last year, or a table exactly the same as last year's. The measure: the Jaccard index of
      the two texts' sets of character 5-grams, after leaving out spaces, punctuation and
      digits (a text copied with its figures updated is still copied); reported at **≥ 0.9**
      when both texts have at least 200 such characters (short standard sentences,
      本机关未收取信息处理费, are alike every year by nature). Each text is kept as a bottom-k
      sketch of its 128 smallest 5-gram hashes: exact up to 128 distinct 5-grams, an estimate
      beyond (standard error about 0.03 near 0.9). A table counts as repeated when every cell
      was read with certainty, equals last year's, and at least three are not 0.
    `,
  },
  check(later, earlier, emit) {
    const name = baseName(earlier.file);
    for (const now of later.prose) {
      const before = earlier.prose.find((p) => p.part === now.part);
      if (!before || now.sketch.length < MIN_PROSE_LENGTH || before.sketch.length < MIN_PROSE_LENGTH) continue;
      const j = jaccard(now.sketch, before.sketch);
      if (j < SIMILARITY_THRESHOLD) continue;
      const pct = Math.floor(j * 100);
      const part = PART_NAMES[now.part];
      emit({
        range: now.range,
        // Accepted once, it stays accepted however the likeness moves with small edits.
        at: { part: now.part },
        values: [earlier.year ?? 0],
        message: {
          zh: `「${part.zh}」的文字与 ${earlier.year} 年报告几乎相同（相似度 ${pct}%）`,
          en: `The text of ${part.en} is nearly the same as in the ${earlier.year} report (${pct}% alike)`,
        },
        related: [{ file: earlier.file, range: before.range, message: { zh: `${earlier.year} 年报告（${name}）的「${part.zh}」`, en: `${part.en} of the ${earlier.year} report (${name})` } }],
      });
    }
    for (const now of later.tables) {
      const before = earlier.tables.find((t) => t.kind === now.kind);
      if (!before || now.nonZero < MIN_NON_ZERO || now.values !== before.values) continue;
      const table = TABLE_NAMES[now.kind];
      emit({
        range: now.range,
        at: { table: now.kind },
        message: {
          zh: `${table.zh}与 ${earlier.year} 年报告完全相同（每个数字都未变）`,
          en: `The ${table.en} is the same as in the ${earlier.year} report, every figure unchanged`,
        },
        related: [{ file: earlier.file, range: before.range, message: { zh: `${earlier.year} 年报告（${name}）的${table.zh}`, en: `The ${table.en} of the ${earlier.year} report (${name})` } }],
      });
    }
  },
};
