/**
 * 现行有效件数 follows from last year's: last year's in force + issued this
 * year − repealed this year (规章, 行政规范性文件), in the 2021 format on both
 * sides. A warning: documents also lapse without being repealed.
 */
import type { CellDigest } from '../digest';
import { baseName, type CrossRule } from './rule';

const ROWS = [
  { id: 'rules', zh: '规章', en: 'Rules' },
  { id: 'normative', zh: '行政规范性文件', en: 'Normative documents' },
];

export const activeCount: CrossRule = {
  code: 'active-count',
  severity: 'warning',
  pairs: 'previous-year',
  description: {
    zh: '规章、行政规范性文件的现行有效件数应等于上年现行有效件数加本年制发件数减本年废止件数。',
    en: "Rules and normative documents in force equal last year's in force plus those issued this year minus those repealed.",
  },
  doc: {
    checks: "across years: 现行有效件数 (规章, 行政规范性文件) ≠ last year's + 本年制发 − 本年废止",
    zh: `
      主动公开情况表中，规章、行政规范性文件的现行有效件数应等于上年现行有效件数 + 本年制发件数 −
      本年废止件数。只比较两年都采用 2021 年格式的报告。这是警告而不是错误：文件也会到期失效而不经废止。
    `,
    en: `
      In the proactive disclosure table, the number in force (现行有效件数) of rules (规章) and
      normative documents (行政规范性文件) equals last year's number in force + those made this
      year − those repealed this year. Only reports in the 2021 format in both years are
      compared. A warning, not an error: documents also lapse at the end of their term
      without being repealed.
    `,
  },
  check(later, earlier, emit) {
    if (later.activeFormat !== '2021' || earlier.activeFormat !== '2021') return;
    for (const row of ROWS) {
      const cell = (d: typeof later, col: string): CellDigest | undefined => d.active[`${row.id}|${col}`];
      const now = cell(later, 'inForce');
      const issued = cell(later, 'issued');
      const repealed = cell(later, 'repealed');
      const before = cell(earlier, 'inForce');
      if (!now || !issued || !repealed || !before) continue;
      const expected = before.value + issued.value - repealed.value;
      if (expected === now.value) continue;
      emit({
        range: now.range,
        at: { table: 'active', row: row.id, column: 'inForce' },
        message: {
          zh: `「${row.zh}」现行有效件数为 ${now.value}，但上年现行有效 ${before.value} + 本年制发 ${issued.value} − 本年废止 ${repealed.value} = ${expected}`,
          en: `${row.en} in force: ${now.value}, but last year's ${before.value} + issued ${issued.value} − repealed ${repealed.value} = ${expected}`,
        },
        related: [
          {
            file: earlier.file,
            range: before.range,
            message: { zh: `${earlier.year} 年报告（${baseName(earlier.file)}）「${row.zh}」现行有效件数：${before.value}`, en: `The ${earlier.year} report (${baseName(earlier.file)}), ${row.en} in force: ${before.value}` },
          },
          { file: later.file, range: issued.range, message: { zh: `本年制发件数：${issued.value}`, en: `Issued this year: ${issued.value}` } },
          { file: later.file, range: repealed.range, message: { zh: `本年废止件数：${repealed.value}`, en: `Repealed this year: ${repealed.value}` } },
        ],
      });
    }
  },
};
