/** Folding: each part from its heading to its end, each table from its anchor to its last row. */
import type { Report } from '../model/report';

export interface Fold {
  startLine: number;
  endLine: number;
}

export function foldingRanges(report: Report): Fold[] {
  const { lines, parts, tables } = report;
  const folds: Fold[] = [];
  const lastLineBefore = (line: number) => {
    let l = line - 1;
    while (l > 0 && lines.lines[l].end === lines.lines[l].start) l--;
    return l;
  };
  parts.forEach((h, i) => {
    if (h.inline) return;
    const next = parts.slice(i + 1).find((p) => !p.inline);
    const end = lastLineBefore(next ? next.line : lines.lines.length);
    if (end > h.line) folds.push({ startLine: h.line, endLine: end });
  });
  for (const t of tables) {
    const start = lines.positionAt(t.anchor.start).line;
    const end = lines.positionAt(t.span.end).line;
    if (t.readable && end > start) folds.push({ startLine: start, endLine: end });
  }
  return folds.sort((a, b) => a.startLine - b.startLine);
}
