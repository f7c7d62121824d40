/**
 * A refactoring: a standard table read in another layout (one cell per line,
 * pipe rows, text copied from a PDF) rewritten as the standard Markdown table
 * of the schema, every cell's text carried over as written. Offered only when
 * nothing would be lost: every row read in full, no text in the table that is
 * not a known header or a cell, and the rewritten text read back with every
 * cell as before.
 */
import type { Report } from '../model/report';
import { readReport } from '../read/report';
import type { ReadTable } from '../read/tables/assemble';
import { isPageFooter } from '../read/tables/layouts';
import { allRows, cellKey, type TableDef, type Text2 } from '../schema/tables';
import { tableTemplate } from '../schema/templates';
import type { Span } from '../text/lines';
import type { TextEdit } from '../rules/rule';
import { alignTable } from './format';

export interface TableRewrite {
  title: Text2;
  edit: TextEdit;
}

const TITLE: Text2 = { zh: '将此表改写为标准 Markdown 表格', en: 'Rewrite this table as the standard Markdown table' };

/** Problems that lose nothing when the table is rewritten from the schema. */
const HARMLESS = new Set(['label-variant', 'missing-label']);

/** Separators, brackets and punctuation a table's layout may leave between its words (Excel quotes a cell with a line break). */
const LAYOUT_CHARS = /[\s|｜\-—:：,，、.．。()（）[\]【】·*#_=+"]/g;

/** Every header, label and caption the table may print. */
function knownWords(def: TableDef): string[] {
  const words = new Set<string>();
  if (def.caption) words.add(def.caption);
  for (const block of def.blocks) {
    if (block.caption) words.add(block.caption);
    for (const c of block.columns) [c.label, ...(c.aliases ?? []), c.group?.zh ?? ''].forEach((w) => words.add(w));
    for (const r of block.rows) [r.label, ...(r.aliases ?? []), ...(r.groups ?? [])].forEach((w) => words.add(w));
  }
  for (const line of tableTemplate(def.kind, 'markdown')) for (const cell of line.split('|')) words.add(cell.trim());
  return [...words].map((w) => w.replace(/\s+/g, '')).filter((w) => w.length > 0 && !/^[-0]+$/.test(w)).sort((a, b) => b.length - a.length);
}

/**
 * Would anything but headers, labels, cells (and a PDF's page footers, which
 * mean nothing once the table is rewritten) be lost with the text of `span`?
 * Cells are blanked out where they stand, so that a label wrapped around a
 * row's numbers (text from a PDF) reads whole again.
 */
function losesText(table: ReadTable, report: Report, text: string, span: Span): boolean {
  const chars = text.slice(span.start, span.end).split('');
  const blank = (s: Span) => {
    for (let i = Math.max(s.start, span.start); i < Math.min(s.end, span.end); i++) chars[i - span.start] = ' ';
  };
  for (const cell of table.cells.values()) blank(cell.cell);
  for (const line of report.lines.lines) if (line.start >= span.start && line.end <= span.end && isPageFooter(line.text)) blank(line);
  let rest = chars.join('').replace(/\s+/g, '');
  // Labels as written (a variant the rewrite replaces by the standard one), then the standard words.
  const written = table.rows.flatMap((r) => (r.label ? [text.slice(r.label.start, r.label.end).replace(/\s+/g, '')] : []));
  for (const w of [...written, ...knownWords(table.def)].sort((a, b) => b.length - a.length)) if (w) rest = rest.split(w).join('\u0000');
  return rest.replace(LAYOUT_CHARS, '').replace(/\u0000/g, '').length > 0;
}

/** The rewrite of the table at `at` (a cursor or selection), if one can be made safely. */
export function rewriteTableAt(report: Report, text: string, at: Span): TableRewrite | undefined {
  const { lines } = report;
  const table = report.tables.find((t) => {
    const start = lines.lines[lines.positionAt(t.anchor.start).line].start;
    return at.start <= t.span.end && at.end >= start;
  });
  if (!table) return undefined;
  // Made once per table: the editor asks on every cursor move, and the check reads the whole text again.
  let rewrite = made.get(table);
  if (rewrite === undefined) made.set(table, (rewrite = rewriteOf(table, report, text) ?? null));
  return rewrite ?? undefined;
}

/** Each table's rewrite (null: none), a table belonging to one reading of one text. */
const made = new WeakMap<ReadTable, TableRewrite | null>();

function rewriteOf(table: ReadTable, report: Report, text: string): TableRewrite | undefined {
  const { lines } = report;
  if (table.layout === 'markdown' || !table.readable || table.def.format !== '2021') return undefined;
  if (table.problems.some((p) => !HARMLESS.has(p.kind))) return undefined;
  const all = allRows(table.def);
  if (all.some(({ block, row }) => block.columns.some((c) => !table.cells.has(cellKey({ row: row.id, col: c.id }))))) return undefined;

  const first = lines.lines[lines.positionAt(table.anchor.start).line];
  const last = lines.lines[lines.positionAt(table.span.end).line];
  const span = { start: first.start, end: last.end };
  if (losesText(table, report, text, span)) return undefined;

  const rows = tableTemplate(table.kind, 'markdown', (row, column) => table.cells.get(cellKey({ row: row.id, col: column.id }))!.raw.trim().replace(/\|/g, '\\|'));
  const newText = alignTable(rows).join(lines.eol);
  const edit = { span, newText };
  return readsTheSame(table, text.slice(0, span.start) + newText + text.slice(span.end)) ? { title: TITLE, edit } : undefined;
}

/** Does the rewritten text read the table as Markdown, with every cell as before? */
function readsTheSame(before: ReadTable, text: string): boolean {
  const after = readReport(text).tables.find((t) => t.kind === before.kind);
  if (!after || after.layout !== 'markdown' || after.cells.size !== before.cells.size) return false;
  for (const [key, cell] of before.cells) {
    const now = after.cells.get(key);
    if (!now || now.raw.trim() !== cell.raw.trim() || now.value !== cell.value || now.state !== cell.state) return false;
  }
  return true;
}
