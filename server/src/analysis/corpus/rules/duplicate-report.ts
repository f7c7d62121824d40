/** Two reports of one body for one year: a copy, or one of them mislabelled. */
import { baseName, type CrossRule } from './rule';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const duplicateReport: CrossRule = {
  code: 'duplicate-report',
  severity: 'info',
  pairs: 'same-year',
  description: {
    zh: '同一机关同一年度有两份报告。',
    en: 'Two reports of one body for one year.',
  },
  doc: {
    checks: 'two reports of one body for one year',
    zh: `
      同一机关同一年度有两份报告（重复提交，或其中一份年份写错）。在文件名排序靠后的报告上报告，
      并指向另一份。
    `,
    en: `
      One body has two reports for one year (submitted twice, or one of them names the wrong
      year). Reported on the report whose file name sorts later, pointing to the other.
    `,
  },
  check(later, earlier, emit) {
    const name = later.body?.name ?? '';
    emit({
      range: later.titleRange ?? START,
      at: { part: 0 },
      message: {
        zh: `${name} ${later.year} 年已有另一份报告：${baseName(earlier.file)}`,
        en: `There is another ${later.year} report of ${name}: ${baseName(earlier.file)}`,
      },
      related: [{ file: earlier.file, range: earlier.titleRange ?? START, message: { zh: '同年度的另一份报告', en: 'The other report for the same year' } }],
    });
  },
};
