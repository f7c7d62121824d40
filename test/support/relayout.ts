/**
 * Writes a read report's tables again in another layout, as the other sources
 * of the same report would: pasted rows (tabs), pipe rows, Markdown whose
 * merged cells shift some rows, per-group pieces under headings, one cell per
 * line, the label on its own line, space-aligned columns. The numbers are the
 * ones the reader took from the original; the labels, captions and headers
 * come from the schema. A seeded generator picks a layout per table and a
 * variant per row, so a failing rendering can be written again from its seed.
 */
import { analyze, type Analysis } from '../../server/src/analysis';
import type { ReadTable } from '../../server/src/analysis/read/tables/assemble';
import type { BlockDef, RowDef, TableKind } from '../../server/src/analysis/schema/tables';

export type TableLayout = 'tabs' | 'pipe' | 'markdown' | 'pieces' | 'cells' | 'label-line' | 'spaces';
export const TABLE_LAYOUTS: TableLayout[] = ['tabs', 'pipe', 'markdown', 'pieces', 'cells', 'label-line', 'spaces'];
/**
 * Layouts that can say a cell is blank: the others write only the numbers
 * there are. Pipe rows cannot end with a blank cell: Word's pipe rows end with
 * empty cells that are no part of the table.
 */
const KEEPS_BLANKS: TableLayout[] = ['tabs', 'pipe', 'markdown', 'pieces', 'cells'];
const KEEPS_LAST_BLANK: TableLayout[] = ['tabs', 'markdown', 'pieces', 'cells'];

/** A small seeded generator (mulberry32): the same seed, the same rendering. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (random: Random, p: number): boolean => random() < p;

/** A row to write: its schema definition and its cells as read ('' for a blank). */
interface Row {
  def: RowDef;
  values: string[];
}

interface Block {
  def: BlockDef;
  rows: Row[];
}

/** One table of the original: where it stands and what was read in it. */
export interface TableValues {
  kind: TableKind;
  table: ReadTable;
  /** Per row id, the cells in column order ('' for a blank cell). */
  values: Map<string, string[]>;
}

/** The tables of the original a renderer can write again: read, and not glued into a line of flat text. */
export function tablesOf(analysis: Analysis): TableValues[] {
  const out: TableValues[] = [];
  for (const table of analysis.report.tables) {
    if (!table.readable || table.layout === 'flat') continue;
    const values = new Map<string, string[]>();
    for (const row of table.rows) {
      if (row.cells.length === 0 || values.has(row.row.id)) continue;
      values.set(
        row.row.id,
        row.cells.map((c) => (c.state === 'empty' ? '' : analysis.report.text.slice(c.span.start, c.span.end))),
      );
    }
    if (values.size) out.push({ kind: table.kind, table, values });
  }
  return out;
}

export interface Rendering {
  seed: number;
  text: string;
  /** The layout each table was written in, in the order they stand. */
  layouts: { kind: TableKind; layout: TableLayout }[];
  /** Each table's lines in the original, [start, end), and what replaced them (an editor's edit). */
  edits: { kind: TableKind; start: number; end: number; text: string }[];
}

/**
 * The report's text with each of its tables written again in a layout chosen
 * by `seed`; `only` forces one layout for every table. `change` may alter the
 * values before they are written (a planted defect).
 */
export function relayout(
  text: string,
  seed: number,
  options: { only?: TableLayout; kinds?: TableKind[]; change?: (tables: TableValues[]) => void; analysis?: Analysis } = {},
): Rendering {
  const analysis = options.analysis ?? analyze(text);
  const tables = tablesOf(analysis).filter((t) => !options.kinds || options.kinds.includes(t.kind));
  options.change?.(tables);
  const random = generator(seed);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = analysis.report.lines;
  const layouts: Rendering['layouts'] = [];
  const edits: Rendering['edits'] = [];
  let out = '';
  let at = 0;
  for (const t of tables) {
    // Whole lines: from the line of the table's anchor to the end of its last row's line.
    const start = lines.lines[lines.positionAt(t.table.span.start).line].start;
    const endLine = lines.lines[lines.positionAt(Math.max(t.table.span.start, t.table.span.end - 1)).line];
    if (start < at) continue;
    const blocks = blocksOf(t);
    const rows = blocks.flatMap((b) => b.rows);
    const allowed = rows.some((r) => r.values[r.values.length - 1] === '')
      ? KEEPS_LAST_BLANK
      : rows.some((r) => r.values.includes(''))
        ? KEEPS_BLANKS
        : TABLE_LAYOUTS;
    const layout = options.only && allowed.includes(options.only) ? options.only : pick(random, allowed);
    layouts.push({ kind: t.kind, layout });
    const written = writeTable(t.kind, blocks, layout, random).join(eol);
    edits.push({ kind: t.kind, start, end: endLine.end, text: written });
    out += text.slice(at, start) + written;
    at = endLine.end;
  }
  return { seed, text: out + text.slice(at), layouts, edits };
}

function blocksOf(t: TableValues): Block[] {
  return t.table.def.blocks.map((def) => ({
    def,
    rows: def.rows.filter((r) => t.values.has(r.id)).map((r) => ({ def: r, values: t.values.get(r.id)! })),
  }));
}

// ---------------------------------------------------------------------------
// A table as rows of cells, the way a Word table is drawn: the merged label
// cells of a group written on its first row and left empty below it.

interface Line {
  /** Label cells from the outermost; '' for a merged cell below its first row. */
  labels: string[];
  values: string[];
  def?: RowDef;
  /** The group labels this row opens (for headings between pieces). */
  opens: string[];
}

interface Drawn {
  /** Caption and header rows, as cells. */
  header: string[][];
  lines: Line[];
  labelColumns: number;
}

function draw(kind: TableKind, block: Block, random: Random): Drawn {
  const seen = new Set<string>();
  const lines: Line[] = block.rows.map((r) => {
    const groups = r.def.groups ?? [];
    const opens = groups.filter((g) => !seen.has(g));
    opens.forEach((g) => seen.add(g));
    return { labels: [...groups.map((g) => (opens.includes(g) ? g : '')), labelOf(r.def, random)], values: r.values, def: r.def, opens };
  });
  const columns = block.def.columns;
  switch (kind) {
    case 'active':
      return { header: [[block.def.caption ?? ''], ['信息内容', ...columns.map((c) => c.label)]], lines, labelColumns: 1 };
    case 'application': {
      const organisations = columns.find((c) => c.group)!.group!.zh;
      const groupStart = columns.findIndex((c) => c.group);
      return {
        header: [
          ['申请人情况'],
          ['', ...columns.slice(0, groupStart).map((c) => c.label), organisations, columns[columns.length - 1].label],
          ['', ...columns.slice(0, groupStart).map(() => ''), ...columns.filter((c) => c.group).map((c) => c.label), ''],
        ],
        lines,
        labelColumns: 3,
      };
    }
    case 'review': {
      const groups: string[] = [];
      for (const c of columns) if (!groups.includes(c.group!.zh)) groups.push(c.group!.zh);
      return {
        header: [['行政复议', '行政诉讼'], [...columns.slice(0, 5).map((c) => c.label), '未经复议直接起诉', '复议后起诉'], columns.slice(5).map((c) => c.label)],
        lines: lines.map((l) => ({ ...l, labels: [] })),
        labelColumns: 0,
      };
    }
  }
}

/** The row's label as the format prints it, or one of the forms real reports print. */
function labelOf(row: RowDef, random: Random): string {
  const forms = [row.label, ...(row.aliases ?? [])];
  return pick(random, forms);
}

/** An item's number in another of the forms reports use: `1. 属于…`, `1、属于…`, `（1）属于…`. */
function itemForm(label: string, random: Random): string {
  const m = /^(\d+)\.(.*)$/.exec(label);
  if (!m) return label;
  return pick(random, [`${m[1]}. ${m[2]}`, `${m[1]}.${m[2]}`, `${m[1]}、${m[2]}`, `（${m[1]}）${m[2]}`]);
}

/** A group label with half-width brackets and a space, as converters write it. */
function halfWidth(label: string): string {
  return label.replace(/^（(.)）/, '($1) ');
}

function writeTable(kind: TableKind, blocks: Block[], layout: TableLayout, random: Random): string[] {
  const drawn = blocks.filter((b) => b.rows.length).map((b) => draw(kind, b, random));
  const out: string[] = [];
  drawn.forEach((d, i) => out.push(...WRITERS[layout](kind, d, random, i === 0)));
  return out;
}

type Writer = (kind: TableKind, d: Drawn, random: Random, first: boolean) => string[];

/** A label cell holding a line break, quoted as Excel writes it. */
function maybeBroken(cell: string, random: Random): string {
  if (cell.length < 10 || !chance(random, 0.3)) return cell;
  const cut = cell.indexOf('（', 2) > 0 ? cell.indexOf('（', 2) : Math.floor(cell.length / 2);
  const broken = `${cell.slice(0, cut)}\n${cell.slice(cut)}`;
  return `"${broken}"`;
}

const tabs: Writer = (_kind, d, random) => {
  const out: string[] = [];
  for (const h of d.header) out.push(h.map((c) => (c === '社会公益组织' && chance(random, 0.5) ? '"社会\n公益组织"' : c)).join('\t'));
  for (const l of d.lines) {
    // A merged label cell is empty; a row spanning the label columns is one cell.
    const labels = l.labels.map((c, i) => (i === l.labels.length - 1 ? maybeBroken(c, random) : c));
    out.push([...labels, ...l.values].join('\t'));
  }
  return out.flatMap((line) => line.split('\n'));
};

const pipe: Writer = (_kind, d, random) => {
  const out: string[] = [];
  for (const h of d.header) out.push(h.filter(Boolean).join(' | '));
  for (const l of d.lines) {
    // Pipe rows drop the empty merged cells; some keep the group on every row.
    const labels = l.labels.filter((c, i) => c !== '' || i === l.labels.length - 1);
    out.push([...labels, ...l.values].join(' | ') + (chance(random, 0.3) ? ' |' : ''));
  }
  return out;
};

const markdown: Writer = (_kind, d, random, first) => {
  const width = d.labelColumns + (d.lines[0]?.values.length ?? 0);
  const pad = (cells: string[]): string[] => [...cells, ...Array(Math.max(0, width - cells.length)).fill('')];
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const out: string[] = [];
  d.header.forEach((h, i) => {
    out.push(line(pad(h)));
    if (i === 0 && first) out.push(`|${'---|'.repeat(width)}`);
  });
  for (const l of d.lines) {
    const labels = [...l.labels, ...Array(Math.max(0, d.labelColumns - l.labels.length)).fill('')];
    // Merged cells shift a row: its label cells one fewer or one more than its
    // neighbours'. Not a row with a blank cell: where its numbers stand could
    // then be told by neither count nor column, by a person or by the reader.
    const r = l.values.includes('') ? 1 : random();
    if (d.labelColumns > 1 && r < 0.25) {
      const blank = labels.lastIndexOf('');
      if (blank >= 0) labels.splice(blank, 1);
    } else if (d.labelColumns > 0 && r < 0.4) labels.splice(labels.length - 1, 0, '');
    out.push(line([...labels, ...l.values]));
  }
  return out;
};

const HEADINGS = [(s: string) => `### ${s}`, (s: string) => `**${s}**`, (s: string) => s];

const pieces: Writer = (kind, d, random) => {
  const heading = pick(random, HEADINGS);
  const out: string[] = [];
  // An invented header: a label column and one per number (the last one 总计 in the application table).
  const data = (n: number): string[] => Array.from({ length: n }, (_, i) => (i === n - 1 && kind === 'application' ? '总计' : `数据${i + 1}`));
  const table = (rows: string[][]): void => {
    const header = [pick(random, ['类别', '项目', '']), ...data(rows[0].length - 1)];
    out.push(`| ${header.join(' | ')} |`, `|${'---|'.repeat(header.length)}`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
  };
  if (kind === 'review') {
    out.push(heading('行政复议、行政诉讼情况'), '');
    const l = d.lines[0];
    out.push(`| ${data(l.values.length).join(' | ')} |`, `|${'---|'.repeat(l.values.length)}`, `| ${l.values.join(' | ')} |`, '');
    return out;
  }
  if (kind === 'active') out.push(heading(d.header[0][0]), '');
  // A piece per group (or per row outside a group), under the group's heading.
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length) table(rows);
    rows = [];
  };
  for (const l of d.lines) {
    const own = l.labels[l.labels.length - 1];
    if (kind === 'application') {
      const inner = l.def?.groups?.[l.def.groups.length - 1];
      if (l.opens.length || !inner || (l.def?.groups?.length ?? 0) < 2) flush();
      for (const g of l.opens) {
        out.push(heading(chance(random, 0.5) ? halfWidth(g) : g), '');
      }
      if (!inner || (l.def?.groups?.length ?? 0) < 2) {
        // A row of its own: its heading is its label.
        if (!l.opens.length && chance(random, 0.5)) out.push(heading(chance(random, 0.5) ? halfWidth(own) : own), '');
        rows.push([chance(random, 0.5) ? halfWidth(own) : own, ...l.values]);
        flush();
      } else rows.push([itemForm(own, random), ...l.values]);
    } else rows.push([own, ...l.values]);
  }
  flush();
  return out;
};

const cells: Writer = (_kind, d) => {
  const out: string[] = [];
  for (const h of d.header) out.push(...h.map((c) => `\t${c}`), '');
  for (const l of d.lines) out.push(...[...l.labels, ...l.values].map((c) => `\t${c}`), '');
  return out;
};

const labelLine: Writer = (_kind, d, random) => {
  const out: string[] = [];
  for (const h of d.header) out.push(h.filter(Boolean).join(' '));
  for (const l of d.lines) {
    const labels = l.labels.filter(Boolean);
    if (labels.length) out.push(chance(random, 0.5) ? labels.join(' ') : labels[labels.length - 1]);
    out.push(l.values.join(pick(random, [' ', '  ', '\u3000'])));
  }
  return out;
};

/** Display width: CJK characters take two columns. */
const widthOf = (s: string): number => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
const padEnd = (s: string, w: number): string => s + ' '.repeat(Math.max(1, w - widthOf(s)));

const spaces: Writer = (_kind, d) => {
  const labelWidth = Math.max(0, ...d.lines.map((l) => widthOf(l.labels.filter(Boolean).join(' ')))) + 2;
  const out: string[] = [];
  for (const h of d.header) out.push(h.filter(Boolean).join('  '));
  for (const l of d.lines) {
    const label = l.labels.filter(Boolean).join(' ');
    out.push((labelWidth > 2 ? padEnd(label, labelWidth) : '') + l.values.map((v) => v.padStart(6)).join('  ').trimStart());
  }
  return out;
};

const WRITERS: Record<TableLayout, Writer> = { tabs, pipe, markdown, pieces, cells, 'label-line': labelLine, spaces };
