/**
 * What the four arithmetic rules share: each reports the equations of its kind
 * that do not hold, at the cell a reviewer would correct first, naming the
 * cells that explain the failure.
 */
import type { Report } from '../model/report';
import type { ReadCell } from '../read/tables/assemble';
import type { SumResult } from '../model/sums';
import type { ArithmeticCode, Text2 } from '../schema/tables';
import { cellNote, explaining } from './cells';
import { oddOneOut, setCellFix } from './fixes';
import { formatNumber, type FindingInit } from './rule';

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
    const cells = explaining([...sum.left.cells, ...sum.right.cells], target);
    const text = message(sum, formatNumber(sum.left.value), formatNumber(sum.right.value));
    // Blank cells count as 0; say so, since they may be the real cause.
    const blanks = [...sum.left.cells, ...sum.right.cells].filter((c) => c?.state === 'empty').length;
    if (blanks) {
      text.zh += `（其中 ${blanks} 格为空，按 0 计）`;
      text.en += ` (${blanks} blank ${blanks === 1 ? 'cell' : 'cells'} read as 0)`;
    }
    // Setting the total is offered only when it is the odd one out.
    const value = rule === 'application-balance' ? undefined : oddOneOut(report, sum, target);
    emit({
      span: target.span,
      message: text,
      related: cells.map(cellNote),
      fixes: value === undefined ? undefined : [setCellFix(report, target, value, true)],
    });
  }
}
