/**
 * Fixes the rules offer. A fix names exactly the text it changes; applying
 * it makes its finding disappear and changes nothing else.
 */
import { figureReadings } from '../model/figures';
import type { SumResult } from '../model/sums';
import type { Report } from '../model/report';
import type { ReadCell } from '../read/tables/assemble';
import type { Text2 } from '../schema/tables';
import type { Span } from '../text/lines';
import { cellName, formatNumber, type Fix, type TextEdit } from './rule';

/** A side's value with `cell` taken as `value`; null when another cell is unknown. */
function sideWith(cells: (ReadCell | undefined)[], cell: ReadCell, value: number): number | null {
  let total = 0;
  for (const c of cells) {
    if (c === cell) total += value;
    else if (!c || !c.certain || c.value === null) return null;
    else total += c.value;
  }
  return total;
}

/** Would every equation `cell` takes part in hold (or stay unknown) with `value` in it? */
export function holdsWith(report: Report, cell: ReadCell, value: number): boolean {
  for (const sum of report.sums) {
    if (!sum.left.cells.includes(cell) && !sum.right.cells.includes(cell)) continue;
    const left = sideWith(sum.left.cells, cell, value);
    const right = sideWith(sum.right.cells, cell, value);
    if (left !== null && right !== null && left !== right) return false;
  }
  return true;
}

/**
 * The value `cell` must hold for `sum` to hold, when it is the odd one out:
 * with that value, every equation the cell takes part in holds. Otherwise
 * (the cell agrees with another equation, or others are unknown) no single
 * cell is to blame, and undefined is returned.
 */
export function oddOneOut(report: Report, sum: SumResult, cell: ReadCell): number | undefined {
  const inLeft = sum.left.cells.includes(cell);
  const rest = sideWith(inLeft ? sum.left.cells : sum.right.cells, cell, 0);
  const other = sideWith(inLeft ? sum.right.cells : sum.left.cells, cell, 0);
  if (rest === null || other === null) return undefined;
  const v = other - rest;
  if (v < 0 || v === cell.value || !holdsWith(report, cell, v) || vouchedFor(report, cell, v)) return undefined;
  return v;
}

/**
 * Does the prose vouch for the cell as it is? A figure that agrees with the
 * table through this cell, and would not with `value`, is a second witness
 * for the current number: then the cell is not the odd one out.
 */
function vouchedFor(report: Report, cell: ReadCell, value: number): boolean {
  if (cell.value === null) return false;
  const shift = value - cell.value;
  return report.figures.some((figure) => {
    const readings = figureReadings(report, figure);
    const agrees = readings.some((r) => r.value === figure.value);
    const still = readings.some((r) => r.value + (r.cells.includes(cell) ? shift : 0) === figure.value);
    return agrees && !still;
  });
}

/**
 * The edit that writes `value` into a cell: it replaces the number (or the
 * `/` or `—` of a blank), or, in an empty cell, inserts it with the spacing
 * of its neighbours (`| |` becomes `| 0 |`, a tab-only line `\t0`).
 */
export function cellEdit(report: Report, cell: ReadCell, value: number): TextEdit {
  const n = formatNumber(value);
  if (cell.span.end > cell.span.start) return { span: cell.span, newText: n };
  const at = cell.span.start;
  const spaced = report.text[at - 1] === ' ' && report.text[at] === '|';
  return { span: { start: at, end: at }, newText: spaced ? `${n} ` : n };
}

/** Sets a cell to `value`. */
export function setCellFix(report: Report, cell: ReadCell, value: number, safe: boolean): Fix {
  const name = cellName(cell);
  const n = formatNumber(value);
  return { title: { zh: `将${name.zh}改为 ${n}`, en: `Change ${name.en} to ${n}` }, edits: [cellEdit(report, cell, value)], safe };
}

export function replaceFix(span: Span, newText: string, title: Text2, safe: boolean): Fix {
  return { title, edits: [{ span, newText }], safe };
}
