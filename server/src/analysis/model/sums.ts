/**
 * Every equation of the format, computed over the cells as read. A sum with a
 * cell that is missing or was not read with certainty is `unknown`: it is
 * never judged.
 */
import { cellKey, type CellRef, type SumDef } from '../schema/tables';
import type { ReadCell, ReadTable } from '../read/tables/assemble';

/**
 * `unverifiable`: the sum fails only because blank cells were read as 0 —
 * writing in each blank the value its own row or column implies makes it
 * hold. The blanks are reported (empty-cell); the sum is not judged.
 */
export type SumStatus = 'ok' | 'fail' | 'unknown' | 'unverifiable';

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
  const sums: SumResult[] = table.def.sums.map((def) => {
    const left = side(table, def.left);
    const right = side(table, def.right);
    const status: SumStatus = left.value === null || right.value === null ? 'unknown' : left.value === right.value ? 'ok' : 'fail';
    return { def, table, left, right, status };
  });
  for (const sum of sums) if (sum.status === 'fail' && holdsWithBlanksFilled(sum, sums)) sum.status = 'unverifiable';
  return sums;
}

const isBlank = (c: ReadCell | undefined): boolean => c?.state === 'empty';

/**
 * The value a blank cell should hold by another equation it takes part in:
 * a blank total, the sum of its parts (their blanks read as 0); any other
 * blank, what the equation lacks when it is the equation's only blank.
 */
export function impliedValue(cell: ReadCell, sums: SumResult[], except?: SumResult): number | undefined {
  for (const other of sums) {
    if (other === except || other.status === 'unknown') continue;
    const inLeft = other.left.cells.includes(cell);
    if (!inLeft && !other.right.cells.includes(cell)) continue;
    const isTotal = inLeft && other.left.cells.length === 1;
    if (!isTotal && other.left.cells.filter(isBlank).length + other.right.cells.filter(isBlank).length !== 1) continue;
    // The blank counts 0 on its side: it should hold the difference.
    const value = inLeft ? other.right.value! - other.left.value! : other.left.value! - other.right.value!;
    if (value >= 0) return value;
  }
  return undefined;
}

/**
 * Would the failing `sum` hold with its blanks filled? Each blank takes the
 * value another equation implies (its row's or its column's); a blank total,
 * or a sum's only blank, that no other equation fills takes what this sum
 * implies. Blanks that stay unfilled count as read, 0.
 */
function holdsWithBlanksFilled(sum: SumResult, sums: SumResult[]): boolean {
  let left = sum.left.value!;
  let right = sum.right.value!;
  let blanks = 0;
  const unfilled: { onLeft: boolean }[] = [];
  for (const [cells, onLeft] of [[sum.left.cells, true], [sum.right.cells, false]] as const) {
    for (const c of cells) {
      if (!isBlank(c)) continue;
      blanks++;
      const value = impliedValue(c!, sums, sum);
      if (value === undefined) unfilled.push({ onLeft });
      else if (onLeft) left += value;
      else right += value;
    }
  }
  if (!blanks) return false;
  const totalBlank = sum.left.cells.length === 1 && isBlank(sum.left.cells[0]);
  const lone = totalBlank && unfilled.some((u) => u.onLeft) ? { onLeft: true } : unfilled.length === 1 ? unfilled[0] : undefined;
  // The blank this sum fills: it holds if what is missing is not negative.
  if (lone) return (lone.onLeft ? right - left : left - right) >= 0;
  return Math.abs(left - right) < 1e-9;
}
