/**
 * The command line's side of source files (.docx, web pages, PDF): reading one
 * into its canonical report text, and naming a finding's place in the source
 * (`表三 第 5 行 第 2 列`) for the output formats.
 */
import type { Span } from '../analysis/text/lines';
import { describePlace, legacyFormat, placeAt, readSource, sourceKind, type SourcePlace, type SourceText } from '../sources/load';
import { pick, type Locale } from './checked';
import { readInput, type Input } from './inputs';
import { displayPath } from './paths';
import { readRegularFile, type FilePath } from './read-file';

export interface ReadFile {
  input: Input;
  /** The source the text was read from, when the file is not text. */
  source?: SourceText;
  /** A source that holds no report at all (see SourceError). */
  notReport?: boolean;
}

/** Reads a report file of any kind: text as before, sources through their reader (regular files only, as text). */
export async function readReportFile(path: FilePath): Promise<ReadFile> {
  const named: Input = typeof path === 'string' ? { file: path } : { file: displayPath(path), path };
  const legacy = legacyFormat(named.file);
  if (legacy) return { input: { ...named, error: legacy } };
  const kind = sourceKind(named.file);
  if (!kind) return { input: readInput(path) };
  const read = readRegularFile(path);
  if ('error' in read) return { input: { ...named, error: read.error } };
  const source = await readSource(kind, read.bytes);
  if ('error' in source) return { input: { ...named, error: source.error }, notReport: source.notReport };
  return { input: { ...named, text: source.text }, source };
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
