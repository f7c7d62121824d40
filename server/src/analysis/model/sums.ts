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

/** Blank cells counted by the last call of `side` (no object made for it). */
let sideBlanks = 0;

function side(table: ReadTable, refs: CellRef[]): SumSide {
  let k = keys.get(refs);
  if (!k) keys.set(refs, (k = refs.map(cellKey)));
  const cells = k.map((key) => table.cells.get(key));
  let value: number | null = 0;
  let blanks = 0;
  for (const c of cells) {
    if (!c || !c.certain || c.value === null) {
      value = null;
      break;
    }
    if (c.state === 'empty') blanks++;
    value += c.value;
  }
  sideBlanks = blanks;
  return { refs, cells, value };
}

/**
 * Per blank cell, the equations that say what it should hold, with that value:
 * made once per table, and only for tables with blanks.
 */
type Implied = Map<ReadCell, { sum: SumResult; value: number }[]>;
const impliedByTable = new WeakMap<ReadTable, Implied>();

export function computeSums(table: ReadTable): SumResult[] {
  if (!table.readable) return [];
  let anyBlank = false;
  const blanks: number[] = [];
  const sums: SumResult[] = table.def.sums.map((def) => {
    const left = side(table, def.left);
    const lb = sideBlanks;
    const right = side(table, def.right);
    const rb = sideBlanks;
    const status: SumStatus = left.value === null || right.value === null ? 'unknown' : left.value === right.value ? 'ok' : 'fail';
    blanks.push(lb + rb);
    if (lb + rb && status !== 'unknown') anyBlank = true;
    return { def, table, left, right, status };
  });
  if (!anyBlank) return sums;
  const implied: Implied = new Map();
  impliedByTable.set(table, implied);
  const note = (cell: ReadCell, sum: SumResult, value: number): void => {
    if (value < 0) return;
    const list = implied.get(cell);
    if (list) list.push({ sum, value });
    else implied.set(cell, [{ sum, value }]);
  };
  // First what is certain: a blank that is the only one of an equation not yet
  // known takes what the equation lacks; repeated, since one found value can
  // make another blank the last unknown of its row or column.
  const known = new Map<ReadCell, number>();
  // Per equation its blank cells, and on which side: only blanks can be known.
  const none: { cell: ReadCell; onLeft: boolean }[] = [];
  const open = sums.map((sum, i) => {
    if (!blanks[i] || sum.status === 'unknown') return none;
    const cells: { cell: ReadCell; onLeft: boolean }[] = [];
    for (const c of sum.left.cells) if (c!.state === 'empty') cells.push({ cell: c!, onLeft: true });
    for (const c of sum.right.cells) if (c!.state === 'empty') cells.push({ cell: c!, onLeft: false });
    return cells;
  });
  const lacking = (i: number, cell: ReadCell): number => {
    const sum = sums[i];
    let left = sum.left.value!;
    let right = sum.right.value!;
    let onLeft = false;
    for (const b of open[i]) {
      if (b.cell === cell) onLeft = b.onLeft;
      else if (known.has(b.cell)) {
        if (b.onLeft) left += known.get(b.cell)!;
        else right += known.get(b.cell)!;
      }
    }
    return onLeft ? right - left : left - right;
  };
  for (let round = 0, changed = true; changed && round < 4; round++) {
    changed = false;
    open.forEach((cells, i) => {
      let last: ReadCell | undefined;
      let count = 0;
      for (const b of cells) if (!known.has(b.cell)) (last = b.cell), count++;
      if (count !== 1) return;
      const value = lacking(i, last!);
      note(last!, sums[i], value);
      if (value >= 0) {
        known.set(last!, value);
        changed = true;
      }
    });
  }
  // Then a blank total still unknown: the sum of its parts, their other blanks read as 0.
  sums.forEach((sum, i) => {
    const total = open[i].length && sum.left.cells.length === 1 && isBlank(sum.left.cells[0]) ? sum.left.cells[0]! : undefined;
    if (total && !known.has(total)) note(total, sum, lacking(i, total));
  });
  for (const sum of sums) if (sum.status === 'fail' && holdsWithBlanksFilled(sum)) sum.status = 'unverifiable';
  return sums;
}

const isBlank = (c: ReadCell | undefined): boolean => c?.state === 'empty';

/**
 * The value a blank cell should hold by an equation it takes part in (other
 * than `except`): a blank total, the sum of its parts (their blanks read as
 * 0); any other blank, what the equation lacks when it is its only blank.
 */
export function impliedValue(table: ReadTable, cell: ReadCell, except?: SumResult): number | undefined {
  const list = impliedByTable.get(table)?.get(cell);
  if (!list) return undefined;
  for (const x of list) if (x.sum !== except) return x.value;
  return undefined;
}

/**
 * Would the failing `sum` hold with its blanks filled? Each blank takes the
 * value another equation implies (its row's or its column's); a blank total,
 * or a sum's only blank, that no other equation fills takes what this sum
 * implies. Blanks that stay unfilled count as read, 0.
 */
function holdsWithBlanksFilled(sum: SumResult): boolean {
  let left = sum.left.value!;
  let right = sum.right.value!;
  let blanks = 0;
  const unfilled: { onLeft: boolean }[] = [];
  for (const [cells, onLeft] of [[sum.left.cells, true], [sum.right.cells, false]] as const) {
    for (const c of cells) {
      if (!isBlank(c)) continue;
      blanks++;
      const value = impliedValue(sum.table, c!, sum);
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
