/**
 * What a finding is about, told from where it stands: a cell, row or table of
 * the standard tables (by the schema's ids), or else the part it stands in.
 * Edits elsewhere in the report do not change it, as a line number would
 * change; the accepted findings (the baseline) are keyed by it.
 */
import type { Report } from '../model/report';
import type { TableKind } from '../schema/tables';

export interface Subject {
  table?: TableKind;
  /** The schema's row and column ids, when the finding stands on a row or a cell. */
  row?: string;
  column?: string;
  /** The part (1–6) it stands in, outside the tables; 0 before the first part (the title, the statistics period). */
  part?: number;
}

const inside = (offset: number, span: { start: number; end: number }) => offset >= span.start && offset <= span.end;

/** The subject of a finding that starts at `offset`. */
export function subjectAt(report: Report, offset: number): Subject {
  for (const table of report.tables) {
    if (!inside(offset, table.span) && !inside(offset, table.anchor)) continue;
    for (const row of table.rows) {
      if (!inside(offset, row.span)) continue;
      const cell = row.cells.find((c) => inside(offset, c.cell) || inside(offset, c.span));
      return cell ? { table: table.kind, row: row.row.id, column: cell.column.id } : { table: table.kind, row: row.row.id };
    }
    return { table: table.kind };
  }
  let part = 0;
  for (const heading of report.parts) if (heading.span.start <= offset) part = heading.part.number;
  return { part };
}
