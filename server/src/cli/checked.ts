/** A checked file: its input and its findings, with 1-based positions for output. */
import { rangeOf, type Finding, type LineIndex, type LocaleTag, type Span } from '../analysis';
import type { SourceText } from '../sources/load';
import type { ReportFile } from '../inputs';

/** The command line says its language as a tag (`--locale zh-CN`). */
export type Locale = LocaleTag;
export { pick } from '../analysis';

export interface Checked {
  input: ReportFile;
  findings: Finding[];
  lines?: LineIndex;
  /** The .docx, web page or PDF the text was read from. */
  source?: SourceText;
}

export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** 1-based lines and columns (UTF-16 code units, as editors count). */
export function place(lines: LineIndex, span: Span): Place {
  const { start, end } = rangeOf(lines, span);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
