/** What jsonc-parser's error codes mean, in both languages. */
import { ParseErrorCode } from 'jsonc-parser';
import type { Text2 } from '../analysis/schema/tables';

const TEXTS: Partial<Record<ParseErrorCode, Text2>> = {
  [ParseErrorCode.InvalidSymbol]: { zh: '无效的字符', en: 'an invalid symbol' },
  [ParseErrorCode.InvalidNumberFormat]: { zh: '数字格式错误', en: 'a malformed number' },
  [ParseErrorCode.PropertyNameExpected]: { zh: '缺少带引号的键名', en: 'a quoted key expected' },
  [ParseErrorCode.ValueExpected]: { zh: '缺少值', en: 'a value expected' },
  [ParseErrorCode.ColonExpected]: { zh: '缺少冒号', en: 'a colon expected' },
  [ParseErrorCode.CommaExpected]: { zh: '缺少逗号', en: 'a comma expected' },
  [ParseErrorCode.CloseBraceExpected]: { zh: '缺少 }', en: '} expected' },
  [ParseErrorCode.CloseBracketExpected]: { zh: '缺少 ]', en: '] expected' },
  [ParseErrorCode.EndOfFileExpected]: { zh: '结尾多出内容', en: 'text after the end' },
  [ParseErrorCode.UnexpectedEndOfComment]: { zh: '注释没有结束', en: 'a comment not closed' },
  [ParseErrorCode.UnexpectedEndOfString]: { zh: '字符串没有结束', en: 'a string not closed' },
  [ParseErrorCode.UnexpectedEndOfNumber]: { zh: '数字没有结束', en: 'a number cut short' },
  [ParseErrorCode.InvalidUnicode]: { zh: '无效的 Unicode 转义', en: 'an invalid Unicode escape' },
  [ParseErrorCode.InvalidEscapeCharacter]: { zh: '无效的转义字符', en: 'an invalid escape character' },
  [ParseErrorCode.InvalidCharacter]: { zh: '字符串中有无效字符', en: 'an invalid character in a string' },
};

export function parseErrorText(code: ParseErrorCode): Text2 {
  return TEXTS[code] ?? { zh: '语法错误', en: 'a syntax error' };
}
