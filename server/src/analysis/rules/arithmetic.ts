/**
 * What the four arithmetic rules share: each reports the equations of its kind
 * that do not hold, at the cell a reviewer would correct first, naming the
 * cells involved.
 */
import type { Report } from '../read/report';
import type { ReadCell } from '../read/tables/assemble';
import type { SumResult } from '../model/sums';
import type { ArithmeticCode, Text2 } from '../schema/tables';
import { cellName, formatNumber, type FindingInit, type Related } from './rule';

function related(cell: ReadCell): Related {
  const name = cellName(cell);
  const value = cell.state === 'empty' ? { zh: '空', en: 'blank' } : { zh: formatNumber(cell.value), en: formatNumber(cell.value) };
  return { span: cell.span, message: { zh: `${name.zh}：${value.zh}`, en: `${name.en}: ${value.en}` } };
}

/**
 * The cells worth naming: every cell of a short side; of a long side (the
 * twenty-two items of a subtotal) those that are not nought, and its first and
 * last, so that the whole range can be found.
 */
function involved(cells: (ReadCell | undefined)[]): ReadCell[] {
  const present = cells.filter((c): c is ReadCell => c !== undefined);
  if (present.length <= 7) return present;
  return present.filter((c, i) => i === 0 || i === present.length - 1 || c.value !== 0);
}

export function reportFailedSums(
  report: Report,
  rule: ArithmeticCode,
  emit: (f: FindingInit) => void,
  at: (sum: SumResult) => ReadCell,
  message: (sum: SumResult, left: string, right: string) => Text2,
): void {
  for (const sum of report.sums) {
    if (sum.def.rule !== rule || sum.status !== 'fail') continue;
    const target = at(sum);
    // A blank total is reported once, by empty-cell, with the value it should hold.
    if (rule !== 'application-balance' && target.state === 'empty') continue;
    const cells = [...involved(sum.left.cells), ...involved(sum.right.cells)];
    const text = message(sum, formatNumber(sum.left.value), formatNumber(sum.right.value));
    // Blank cells count as 0; say so, since they may be the real cause.
    const blanks = [...sum.left.cells, ...sum.right.cells].filter((c) => c?.state === 'empty').length;
    if (blanks) {
      text.zh += `（其中 ${blanks} 格为空，按 0 计）`;
      text.en += ` (${blanks} blank ${blanks === 1 ? 'cell' : 'cells'} read as 0)`;
    }
    emit({ span: target.span, message: text, related: cells.map(related) });
  }
}
