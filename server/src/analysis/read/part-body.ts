/** Where a part's own text stands, between its heading and the next one. */
import type { PartNumber } from '../schema/parts';
import type { Span } from '../text/lines';
import type { PartHeading } from './headings';

/**
 * The text of part `n` after its (first) heading, up to the next heading that
 * stands after it in the text, whichever part that is; undefined when the
 * part has no heading.
 */
export function partBody(report: { text: string; parts: readonly PartHeading[] }, n: PartNumber): Span | undefined {
  const heading = report.parts.find((p) => p.part.number === n);
  if (!heading) return undefined;
  let end = report.text.length;
  for (const p of report.parts) if (p.span.start > heading.span.end && p.span.start < end) end = p.span.start;
  return { start: heading.span.end, end };
}
