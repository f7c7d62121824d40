/**
 * A table's rows of cells, with their spans, laid out on its grid: each cell's
 * text in its first grid cell, the grid cells it covers left blank. Spans are
 * clipped to the table (as browsers do), so that a hostile `rowspan=65534
 * colspan=1000` cannot make the grid huge.
 */
import type { Cell, SourceKind, Table } from './model';

export interface SourceCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** The grid column the cell stands in, when the source says (Word does); else the next free one. */
  column?: number;
}

/** More columns than any report table has by far; a wider table is cut. */
const MAX_COLUMNS = 64;

export function layoutGrid(kind: SourceKind, number: number, rows: SourceCell[][]): Table {
  const grid: (Cell | null)[][] = rows.map(() => []);
  const filled: boolean[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      if (cell.column !== undefined) c = Math.max(c, cell.column);
      while (filled[r][c]) c++;
      if (c >= MAX_COLUMNS) break;
      const colSpan = Math.max(1, Math.min(cell.colSpan || 1, MAX_COLUMNS - c));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan || 1, rows.length - r));
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          filled[r + dr][c + dc] = true;
          grid[r + dr][c + dc] = dr === 0 && dc === 0 ? { text: cell.text, place: { kind, table: number, row: r + 1, column: c + 1 } } : null;
        }
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (const row of grid) for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
  return { type: 'table', rows: grid, number };
}
