/**
 * Hover: on a number, the sums it takes part in (failing ones first), each
 * with its value and whether it holds, then its row and column; on a row label or a heading, what the
 * standard format says belongs there. A table's heading, and the cells a
 * ratio is computed from, also show the reviewer's ratio (实质公开率, 纠错率).
 */
import { describeSum, shown } from '../model/describe';
import { describeRatio, ratiosOf, type RatioKey } from '../model/ratios';
import { figuresOf } from '../model/totals';
import type { SumResult } from '../model/sums';
import type { Report } from '../model/report';
import type { ReadCell, ReadTable } from '../read/tables/assemble';
import { standardHeading } from '../schema/parts';
import type { TableKind, Text2 } from '../schema/tables';
import type { Span } from '../text/lines';
import { escapeMarkdown } from '../text/markdown';

export interface Hover {
  span: Span;
  /** Markdown. */
  contents: Text2;
}

function sumLine(s: SumResult): Text2 {
  return describeSum({ status: s.status, along: s.def.along, leftName: s.def.leftName, rightName: s.def.rightName, left: s.left.value, right: s.right.value });
}

function join(parts: Text2[]): Text2 {
  return { zh: parts.map((p) => p.zh).join('\n\n'), en: parts.map((p) => p.en).join('\n\n') };
}

/** The ratio a table gives: 实质公开率 from the applications table, 纠错率 from the review table. */
const TABLE_RATIO: Partial<Record<TableKind, RatioKey>> = { application: 'disclosureRate', review: 'correctionRate' };

/** Whether a cell is one a ratio is computed from (the 总计 of （一）（二）（七）; 结果纠正 and 总计 of the review table). */
function feedsRatio(kind: TableKind, cell: ReadCell): boolean {
  if (kind === 'application') return cell.column.id === 'total' && ['3.1', '3.2', '3.7'].includes(cell.row.id);
  return kind === 'review' && /\.(corrected|total)$/.test(cell.column.id);
}

function ratioLine(report: Report, kind: TableKind): Text2[] {
  const key = TABLE_RATIO[kind];
  return key ? [describeRatio(key, ratiosOf(figuresOf(report))[key])] : [];
}

function cellHover(report: Report, table: ReadTable, cell: ReadCell): Hover {
  const value =
    cell.state === 'empty'
      ? { zh: '空（按 0 计算）', en: 'blank (read as 0)' }
      : cell.value === null || !cell.certain
        ? { zh: `「${escapeMarkdown(cell.raw)}」（不是可用于合计的数字）`, en: `"${escapeMarkdown(cell.raw)}" (not a number the sums can use)` }
        : { zh: shown(cell.value), en: shown(cell.value) };
  const row = cell.row.label ? { zh: `**${cell.row.name.zh}** · ${cell.column.name.zh}`, en: `**${cell.row.name.en}** · ${cell.column.name.en}` } : { zh: `**${cell.column.name.zh}**`, en: `**${cell.column.name.en}**` };
  const sums = report.sums.filter((s) => s.left.cells.includes(cell) || s.right.cells.includes(cell));
  // The sums first, failing ones on top: the editor shows the diagnostic
  // above this, and what is below the fold of a small hover goes unseen.
  const ordered = [...sums.filter((s) => s.status === 'fail'), ...sums.filter((s) => s.status !== 'fail')].map(sumLine);
  return {
    span: cell.span,
    contents: join([
      ...(ordered.length ? [join(ordered)] : []),
      ...(feedsRatio(table.kind, cell) ? ratioLine(report, table.kind) : []),
      { zh: `${row.zh}：${value.zh}`, en: `${row.en}: ${value.en}` },
    ]),
  };
}

/** Is `offset` on `span` (an empty span counts at its place)? */
const on = (span: Span, offset: number) => offset >= span.start && (offset < span.end || (span.start === span.end && offset === span.start));

export function hoverAt(report: Report, offset: number): Hover | undefined {
  for (const table of report.tables) {
    if (offset < table.anchor.start || offset > table.span.end) continue;
    for (const row of table.rows) {
      for (const cell of row.cells) if (on(cell.span, offset)) return cellHover(report, table, cell);
      if (row.label && on(row.label, offset)) {
        const note = row.row.note ?? { zh: '', en: '' };
        const sums = report.sums.filter((s) => s.def.rule === 'row-total' && s.left.cells[0]?.row === row.row).map(sumLine);
        return {
          span: row.label,
          contents: join([
            // The label as the format prints it; in English, the row's name (the Chinese is under the cursor).
            { zh: `**${row.row.label}**`, en: `**${row.row.name.en}**` },
            ...(note.zh ? [note] : []),
            ...(row.placement === 'neighbours' ? [{ zh: '（按上下行位置确定）', en: '(placed by its neighbours)' }] : []),
            ...sums,
          ]),
        };
      }
    }
    if (on(table.anchor, offset)) {
      const sums = report.sums.filter((s) => s.table === table);
      const bad = sums.filter((s) => s.status === 'fail');
      return {
        span: table.anchor,
        contents: join([
          { zh: `**${table.def.name.zh}**（${table.def.format} 年格式）`, en: `**${table.def.name.en}** (${table.def.format} format)` },
          table.readable
            ? withUnverifiable(sums, { zh: `合计检查 ${sums.length} 项，${bad.length} 项不成立`, en: `${sums.length} sums checked, ${bad.length} failing` })
            : { zh: '单元格粘连在一起，无法读取', en: 'Its cells run together; it cannot be read' },
          ...(table.readable ? ratioLine(report, table.kind) : []),
          ...bad.slice(0, 5).map(sumLine),
          ...sums.filter((s) => s.status === 'unverifiable').slice(0, 3).map(sumLine),
        ]),
      };
    }
  }
  const heading = report.parts.find((h) => on(h.span, offset));
  if (heading) {
    const standard = standardHeading(heading.part);
    return {
      span: heading.span,
      contents: join([
        { zh: `**${heading.part.name.zh}**`, en: `**${heading.part.name.en}**` },
        heading.part.note,
        ...(heading.text !== standard ? [{ zh: `标准写法：${standard}`, en: `Standard wording: "${standard}"` }] : []),
      ]),
    };
  }
  return undefined;
}

/** The count of sums not verifiable for blank cells, added to a table's summary. */
function withUnverifiable(sums: SumResult[], text: Text2): Text2 {
  const n = sums.filter((s) => s.status === 'unverifiable').length;
  return n ? { zh: `${text.zh}，${n} 项因空白单元格无法核实`, en: `${text.en}, ${n} not verifiable for blank cells` } : text;
}
