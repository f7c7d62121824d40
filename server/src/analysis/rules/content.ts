/**
 * What the rules on the parts' content share: which reports the 2021
 * format's content requirements apply to, and a part's text as folded
 * sentences.
 */
import { partBody } from '../read/part-body';
import type { Report } from '../read/report';
import type { PartNumber } from '../schema/parts';
import { fold } from '../text/fold';

/**
 * Whether the 2021 format's content requirements apply: reports for 2021 and
 * later (the fee rules, too, took effect in 2021); without a year, any
 * report not in the 2019 layout.
 */
export function contentRequired(report: Report): boolean {
  return report.year !== undefined ? report.year >= 2021 : report.format !== '2019';
}

/** A part's text folded (spaces and line breaks dropped), or undefined when the part has no heading. */
export function foldedPart(report: Report, n: PartNumber): string | undefined {
  const body = partBody(report, n);
  return body ? fold(report.text.slice(body.start, body.end)) : undefined;
}

/** Folded text's sentences (a folded `；` is `;`). */
export function sentences(folded: string): string[] {
  return folded.split(/[。;!?]/).filter((s) => s.length > 0);
}

/** Letters and digits in a part's text: what it says, without spaces and punctuation. */
export function wordCount(folded: string): number {
  return folded.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/** The heading a content finding stands on. */
export function headingOf(report: Report, n: PartNumber) {
  return report.parts.find((p) => p.part.number === n);
}
