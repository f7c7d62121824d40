/**
 * The command line's side of source files (.docx, web pages, PDF): reading one
 * into its canonical report text, and naming a finding's place in the source
 * (`表三 第 5 行 第 2 列`) for the output formats.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Text2 } from '../analysis/schema/tables';
import type { Span } from '../analysis/text/lines';
import { describePlace, legacyFormat, placeAt, readSource, sourceKind, type SourcePlace, type SourceText } from '../sources/load';
import { pick, type Locale } from './checked';
import { readInput, type Input } from './inputs';

/** Larger than any report, even a PDF with pictures of its pages. */
const MAX_SOURCE_BYTES = 200 * 1024 * 1024;

export interface ReadFile {
  input: Input;
  /** The source the text was read from, when the file is not text. */
  source?: SourceText;
}

function readBytes(file: string): Uint8Array | { error: Text2 } {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { error: { zh: '是文件夹，不是文件', en: 'is a folder, not a file' } };
    if (stat.size > MAX_SOURCE_BYTES) return { error: { zh: '文件过大（超过 200 MB），不是一份报告', en: 'too large (over 200 MB) to be a report' } };
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: { zh: '文件不存在', en: 'no such file' } };
    if (code === 'EACCES' || code === 'EPERM') return { error: { zh: '没有读取权限', en: 'permission denied' } };
    return { error: { zh: `无法读取（${code ?? String(e)}）`, en: `cannot be read (${code ?? String(e)})` } };
  }
}

/** Reads a report file of any kind: text as before, sources through their reader. */
export async function readReportFile(file: string): Promise<ReadFile> {
  const legacy = legacyFormat(file);
  if (legacy) return { input: { file, error: legacy } };
  const kind = sourceKind(file);
  if (!kind) return { input: readInput(file) };
  const bytes = readBytes(file);
  if ('error' in bytes) return { input: { file, error: bytes.error } };
  const source = await readSource(kind, bytes);
  if ('error' in source) return { input: { file, error: source.error } };
  return { input: { file, text: source.text }, source };
}

/** The place of a span in the source, if the text came from one. */
export function sourcePlace(source: SourceText | undefined, span: Span): SourcePlace | undefined {
  return source ? placeAt(source, span.start) : undefined;
}

/** `表三 第 5 行 第 2 列` / `table 3, row 5, column 2`; empty when there is nothing to name. */
export function placeText(place: SourcePlace | undefined, locale: Locale): string {
  return place ? pick(describePlace(place), locale) : '';
}

/** The place as JSON: `{ kind, page?, table?, row?, column?, paragraph? }`. */
export function placeJson(place: SourcePlace | undefined): SourcePlace | undefined {
  if (!place) return undefined;
  const { kind, page, table, row, column, paragraph } = place;
  return { kind, page, table, row, column, paragraph };
}
