/**
 * The command line's side of source files (.docx, web pages, PDF): naming a
 * finding's place in the source (`表三 第 5 行 第 2 列`) for the output formats.
 */
import type { Span } from '../analysis';
import { describePlace, placeAt, type SourcePlace, type SourceText } from '../sources/load';
import { pick, type Locale } from './checked';

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
