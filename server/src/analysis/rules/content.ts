/**
 * What the rules on the parts' content share: which reports the 2021
 * format's content requirements apply to, and a part's text as folded
 * sentences.
 */
import { partBody } from '../read/part-body';
import type { Report } from '../model/report';
import type { PartNumber } from '../schema/parts';
import { fold, isIdeograph } from '../text/fold';

/**
 * Whether the 2021 format's content requirements apply: reports for 2021 and
 * later (the fee rules, too, took effect in 2021); without a year, any
 * report not in the 2019 layout.
 */
export function contentRequired(report: Report): boolean {
  return report.year !== undefined ? report.year >= 2021 : report.format !== '2019';
}

/**
 * Words as a pattern that lets spaces or a line break stand between their
 * characters (a PDF's text wraps words), to search text as it stands.
 */
export function spacedWords(words: readonly string[]): string {
  return `(?:${words.map((w) => [...w].join('[\\s\\u200b]*')).join('|')})`;
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

/** Characters and digits in a part's folded text: what it says, without punctuation. */
export function wordCount(folded: string): number {
  let n = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (isIdeograph(c) || (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)) n++;
  }
  return n;
}

/** The heading a content finding stands on. */
export function headingOf(report: Report, n: PartNumber) {
  return report.parts.find((p) => p.part.number === n);
}
