/** A checked file: its input and its findings, with 1-based positions for output. */
import type { Finding, LineIndex, LocaleTag, Span } from '../analysis';
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
  const s = lines.positionAt(span.start);
  const e = lines.positionAt(span.end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}
