/** How findings name the table cells involved in them (related locations). */
import type { Report } from '../model/report';
import type { ReadCell } from '../read/tables/assemble';
import { cellName, formatNumber, type Related } from './rule';

/**
 * Every cell read in the report's tables, table by table, row by row (loops,
 * not a generator: a generator makes an object per cell).
 */
export function eachCell(report: Report, visit: (cell: ReadCell) => void): void {
  for (const table of report.tables) for (const row of table.rows) for (const cell of row.cells) visit(cell);
}

/** `「（一）予以公开」行「自然人」列：258`, at the cell. */
export function cellNote(cell: ReadCell): Related {
  const name = cellName(cell);
  const value = cell.state === 'empty' ? { zh: '空', en: 'blank' } : { zh: formatNumber(cell.value), en: formatNumber(cell.value) };
  return { span: cell.span, message: { zh: `${name.zh}：${value.zh}`, en: `${name.en}: ${value.en}` } };
}

/**
 * The cells worth naming: all of a few; of many (the twenty-two items of a
 * subtotal) those that are not nought, and the first and last, so that the
 * whole range can be found.
 */
export function involved(cells: (ReadCell | undefined)[]): ReadCell[] {
  const present = cells.filter((c): c is ReadCell => c !== undefined);
  if (present.length <= 7) return present;
  return present.filter((c, i) => i === 0 || i === present.length - 1 || c.value !== 0);
}

/**
 * The cells that explain a failing sum: the total a reviewer would correct,
 * and every other cell that is not nought (a nought adds nothing, and seven
 * lines of them hide the sums in the editor's hover). Blank cells are counted
 * in the message instead.
 */
export function explaining(cells: (ReadCell | undefined)[], total: ReadCell): ReadCell[] {
  return cells.filter((c): c is ReadCell => c !== undefined && (c === total || (c.state !== 'empty' && c.value !== 0)));
}
