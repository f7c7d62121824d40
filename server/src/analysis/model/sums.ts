/**
 * Every equation of the format, computed over the cells as read. A sum with a
 * cell that is missing or was not read with certainty is `unknown`: it is
 * never judged.
 */
import { cellKey, type CellRef, type SumDef } from '../schema/tables';
import type { ReadCell, ReadTable } from '../read/tables/assemble';

export type SumStatus = 'ok' | 'fail' | 'unknown';

export interface SumSide {
  refs: CellRef[];
  /** The cells as read; undefined where a cell is missing. */
  cells: (ReadCell | undefined)[];
  value: number | null;
}

export interface SumResult {
  def: SumDef;
  table: ReadTable;
  left: SumSide;
  right: SumSide;
  status: SumStatus;
}

/** Cell keys of each side, computed once per equation of the schema. */
const keys = new WeakMap<CellRef[], string[]>();

function side(table: ReadTable, refs: CellRef[]): SumSide {
  let k = keys.get(refs);
  if (!k) keys.set(refs, (k = refs.map(cellKey)));
  const cells = k.map((key) => table.cells.get(key));
  let value: number | null = 0;
  for (const c of cells) {
    if (!c || !c.certain || c.value === null) {
      value = null;
      break;
    }
    value += c.value;
  }
  return { refs, cells, value };
}

export function computeSums(table: ReadTable): SumResult[] {
  if (!table.readable) return [];
  return table.def.sums.map((def) => {
    const left = side(table, def.left);
    const right = side(table, def.right);
    const status: SumStatus = left.value === null || right.value === null ? 'unknown' : left.value === right.value ? 'ok' : 'fail';
    return { def, table, left, right, status };
  });
}
