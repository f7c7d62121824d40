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
export const MAX_COLUMNS = 64;

export function layoutGrid(kind: SourceKind, number: number, rows: SourceCell[][]): Table {
  const grid: (Cell | null)[][] = rows.map(() => []);
  /** Which source cell covers each grid cell (its index in reading order). */
  const owner: number[][] = rows.map(() => []);
  let id = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      if (cell.column !== undefined) c = Math.max(c, cell.column);
      while (owner[r][c] !== undefined) c++;
      if (c >= MAX_COLUMNS) break;
      const colSpan = Math.max(1, Math.min(cell.colSpan || 1, MAX_COLUMNS - c));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan || 1, rows.length - r));
      id++;
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          owner[r + dr][c + dc] = id;
          grid[r + dr][c + dc] = dr === 0 && dc === 0 ? { text: cell.text, place: { kind, table: number, row: r + 1, column: c + 1 } } : null;
        }
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (const row of grid) for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
  // A column that every row's cell spans together with a neighbour (a sliver the editor's
  // grid left between two cell edges) holds nothing of its own: dropped, with a cell that
  // began in it beginning in the next, it no longer shifts the values by one.
  let w = width;
  for (let c = 0; c < w; ) {
    // In every row, the cell over this column also covers the one before or the one after.
    const sliver = w > 1 && owner.every((o) => (c > 0 && o[c] === o[c - 1]) || (c + 1 < w && o[c] === o[c + 1]));
    if (!sliver) {
      c++;
      continue;
    }
    grid.forEach((row, r) => {
      if (row[c] && owner[r][c] === owner[r][c + 1]) row[c + 1] = row[c];
      row.splice(c, 1);
      owner[r].splice(c, 1);
    });
    w--;
  }
  const out = grid;
  return { type: 'table', rows: out, number };
}
