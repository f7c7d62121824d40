/** A count that is not a non-negative whole number, or a number in look-alike characters. */
import type { ReadCell } from '../read/tables/assemble';
import type { Text2 } from '../schema/tables';
import { eachCell } from './cells';
import { holdsWith, replaceFix } from './fixes';
import { cellName, type Rule } from './rule';

function why(cell: ReadCell): Text2 {
  const raw = cell.raw;
  switch (cell.reason) {
    case 'letter-o':
      return { zh: `「${raw}」中是字母 O，不是数字 0`, en: `"${raw}" has the letter O where the digit 0 belongs` };
    case 'full-width':
      return { zh: `「${raw}」使用了全角数字，应写作 ${cell.normalized}`, en: `"${raw}" uses full-width digits; write ${cell.normalized}` };
    case 'separator':
      return { zh: `「${raw}」含千位分隔符，应写作 ${cell.normalized}`, en: `"${raw}" has a thousands separator; write ${cell.normalized}` };
    case 'negative':
      return { zh: `「${raw}」是负数，件数不能为负`, en: `"${raw}" is negative; a count cannot be` };
    case 'decimal':
      return { zh: `「${raw}」带小数，件数应为整数`, en: `"${raw}" has decimals; a count is a whole number` };
    case 'chinese-numeral':
      return { zh: `「${raw}」是汉字数字，应写作阿拉伯数字`, en: `"${raw}" is written in Chinese numerals; use digits` };
    default:
      return { zh: `「${raw}」不是数字`, en: `"${raw}" is not a number` };
  }
}

export const nonNumericCell: Rule = {
  code: 'non-numeric-cell',
  severity: 'error',
  description: {
    zh: '件数应为非负整数（不能是字母 O、汉字数字、负数或小数）；全角数字和千位分隔符也应改为普通数字。',
    en: 'A count must be a non-negative whole number (not a letter O, Chinese numerals, negative or decimal); full-width digits and thousands separators should be plain digits.',
  },
  doc: {
    checks: 'a count that is not a non-negative whole number, or typed with look-alikes',
    zh: `
      件数应为非负整数：字母 O、汉字数字（十）、负数（-3）、小数（1.5）都不是件数；全角数字
      （１２）与千位分隔符（1,234）应改为普通数字。可能并非看上去那个数的单元格（字母 O）在改正前
      不计入合计。
    `,
    en: `
      A count is a non-negative whole number: a letter O, a Chinese numeral (十), a negative
      number (-3) or a fraction (1.5) is not a count; full-width digits (１２) and thousands
      separators (1,234) should be plain digits. A cell that may not mean what it seems
      (a letter O) is left out of the sums until it is fixed.
    `,
  },
  check(report, emit) {
    eachCell(report, (cell) => {
      if (cell.state !== 'invalid' && cell.state !== 'lookalike') return;
      const where = cellName(cell);
      const reason = why(cell);
      const excluded = cell.certain ? { zh: '', en: '' } : { zh: '；此格不参与合计检查', en: '; it is left out of the sums' };
      // A look-alike has a meaning. Writing it plainly changes no sum when
      // its value was already certain (full-width digits, separators); a
      // letter O was kept out of the sums, so that fix is safe only if
      // they hold with it.
      const fixes =
        cell.state === 'lookalike' && cell.normalized !== undefined && cell.value !== null
          ? [
              replaceFix(
                cell.span,
                cell.normalized,
                { zh: `改为 ${cell.normalized}`, en: `Write ${cell.normalized}` },
                cell.certain || holdsWith(report, cell, cell.value),
              ),
            ]
          : undefined;
      emit({
        span: cell.span,
        message: { zh: `${where.zh}：${reason.zh}${excluded.zh}`, en: `${where.en}: ${reason.en}${excluded.en}` },
        fixes,
      });
    });
  },
};
