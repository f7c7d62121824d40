/**
 * Reading a whole report: one pass over its lines for artifacts and headings,
 * then the tables, the title and period, and the figures of the prose.
 */
import { valueColumns, type Format } from '../schema/tables';
import { LineIndex, type Span } from '../text/lines';
import { findArtifacts, lineArtifact, type Artifact } from './artifacts';
import { closeHeadingAt, FLAT_LINE, headingAtLineStart, inlineHeadings, misnumberedSubheadings, subHeadingAt, type PartHeading, type SubHeading } from './headings';
import { findPeriod, findTitle, yearsIn, type Period, type Title, type YearMention } from './meta';
import { readFigures, type Figure } from './narrative';
import { assembleTable, type ReadTable } from './tables/assemble';
import { isRule, readRows } from './tables/layouts';
import { locateTables } from './tables/locate';

/** A report as read: its parts, tables and prose (its sums are the model's: model/report.ts). */
export interface ReadReport {
  text: string;
  lines: LineIndex;
  title?: Title;
  period?: Period;
  /** The year the report is for: its title's, else its period's. */
  year?: number;
  /** Years named in the prose of parts 一 to 四. */
  bodyYears: YearMention[];
  /** Part headings in the order they stand. */
  parts: PartHeading[];
  subparts: SubHeading[];
  /** The standard tables found, in the order they stand. */
  tables: ReadTable[];
  figures: Figure[];
  /** The prose of the intro and parts 一 to 四 (the tables left out), in runs of lines. */
  prose: Span[];
  artifacts: Artifact[];
  /** The format the tables follow, when any table could tell. */
  format?: Format;
}

export function readReport(text: string): ReadReport {
  const lines = new LineIndex(text);
  const artifacts = findArtifacts(text);
  const parts: PartHeading[] = [];
  const subparts: SubHeading[] = [];
  const headingLines = new Set<number>();
  const lineArtifacts: Artifact[] = [];
  const close: PartHeading[] = [];
  // The lines as offsets in typed arrays: no object or string per line.
  const { starts, ends } = lines;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = ends[i];
    if (end - start > FLAT_LINE) {
      const found = inlineHeadings(text, start, end, i);
      parts.push(...found);
      continue;
    }
    const junk = lineArtifact(text, lines, i, isRule);
    if (junk) {
      lineArtifacts.push(junk);
      continue;
    }
    const heading = headingAtLineStart(text, start, end, i);
    if (heading) {
      parts.push(heading);
      headingLines.add(i);
      continue;
    }
    const current = parts[parts.length - 1];
    if (current?.part.number === 1) {
      const sub = subHeadingAt(text, start, end, i);
      if (sub) {
        subparts.push(sub);
        continue;
      }
    }
    const near = closeHeadingAt(text, start, end, i);
    if (near) close.push(near);
  }
  for (const h of close) {
    // Only where its part has no heading and it stands between the parts before and after it.
    if (parts.some((p) => p.part === h.part)) continue;
    const at = parts.findIndex((p) => p.span.start > h.span.start);
    const before = at < 0 ? parts[parts.length - 1] : parts[at - 1];
    const after = at < 0 ? undefined : parts[at];
    if ((before && before.part.number >= h.part.number) || (after && after.part.number <= h.part.number)) continue;
    parts.splice(at < 0 ? parts.length : at, 0, h);
    headingLines.add(h.line);
  }

  if (lineArtifacts.length) {
    artifacts.push(...lineArtifacts);
    artifacts.sort((a, b) => a.span.start - b.span.start);
  }
  subparts.push(...misnumberedSubheadings(text, parts));
  if (subparts.length > 1) subparts.sort((a, b) => a.span.start - b.span.start);

  const regions = locateTables(text, lines, headingLines);
  const tables: ReadTable[] = [];
  let activeFormat: Format | undefined;
  for (const region of regions) {
    const rows = readRows(region.layout, text, lines, region.firstLine, region.endLine, valueColumns(region.kind));
    const table = assembleTable(region.kind, text, region.layout, region.anchor, rows, text.slice(lines.starts[region.firstLine], lines.ends[region.endLine - 1]), activeFormat);
    if (region.kind === 'active') activeFormat = table.def.format;
    tables.push(table);
  }
  const format = tables.find((t) => t.kind === 'active' && t.readable)?.def.format ?? tables.find((t) => t.readable)?.def.format;

  const firstHeading = parts[0];
  const title = findTitle(text, lines, firstHeading ? firstHeading.line + (firstHeading.inline ? 1 : 0) : lines.count);
  const partTwo = parts.find((p) => p.part.number >= 2);
  const period = findPeriod(text, partTwo ? partTwo.span.start : text.length);
  const year = title?.year ?? period?.year;

  // The prose of the intro and parts 一 to 四, without the tables, read in
  // runs of lines: text copied from a PDF wraps sentences across lines.
  const tableLines = new Uint8Array(lines.count);
  for (const r of regions) if (r.layout !== 'flat') tableLines.fill(1, r.firstLine, r.endLine);
  const proseEnd = parts.find((p) => p.part.number >= 5)?.span.start ?? text.length;
  const bodyStart = parts.find((p) => p.part.number === 1)?.span.end ?? firstHeading?.span.end ?? 0;
  const figures: Figure[] = [];
  const bodyYears: YearMention[] = [];
  const prose: Span[] = [];
  let runStart = -1;
  const flush = (end: number): void => {
    if (runStart < 0) return;
    prose.push({ start: runStart, end });
    readFigures(text, runStart, end, year, figures);
    const from = Math.max(runStart, bodyStart);
    if (from < end) yearsIn(text, from, end, bodyYears);
    runStart = -1;
  };
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    if (start >= proseEnd) break;
    if (tableLines[i]) flush(start);
    else if (runStart < 0) runStart = start;
  }
  flush(Math.min(proseEnd, text.length));

  return {
    text,
    lines,
    title,
    period,
    year,
    bodyYears,
    parts,
    subparts,
    tables,
    figures,
    prose,
    artifacts,
    format,
  };
}

