/**
 * Builds test reports: one report's content, rendered in each of the five
 * layouts real files arrive in (as in the seeds and the corpus): one cell per
 * line, pipe rows, Markdown tables, text copied from a PDF, and flat text.
 * Tests change the content (a number, a label, a heading) to introduce one
 * defect and check that exactly its finding appears.
 */
import { PARTS } from '../../server/src/analysis/schema/parts';
import { TABLES, type Format, type RowDef } from '../../server/src/analysis/schema/tables';

export type Layout = 'cells' | 'pipe' | 'markdown' | 'pdf' | 'flat';
export const LAYOUTS: Layout[] = ['cells', 'pipe', 'markdown', 'pdf', 'flat'];
export const READABLE: Layout[] = ['cells', 'pipe', 'markdown', 'pdf'];

export interface ReportSpec {
  format: Format;
  /** Title lines; null for none. */
  title: string[] | null;
  /** The year in 统计期限; null for no period sentence. */
  periodYear: number | null;
  /** Heading text per part (1–6); null drops the part. */
  headings: Record<number, string | null>;
  /** The order parts are written in. */
  order: number[];
  /** Paragraphs per part. */
  prose: Record<number, string[]>;
  /** Cell texts per row id, in column order. */
  active: Record<string, string[]>;
  application: Record<string, string[]>;
  review: string[];
  /** Row labels to write instead of the standard one; null leaves it out. */
  labels: Record<string, string | null>;
  /** Tables to leave out. */
  omit: Set<'active' | 'application' | 'review'>;
  /** Text to put before a part's heading on its line (converter junk). */
  beforeHeading: Record<number, string>;
}

/** A consistent application table: column sums and row totals hold. */
function applicationNumbers(format: Format): Record<string, string[]> {
  const rows = TABLES[format].application.blocks[0].rows;
  // Per row: natural, business, research, nonprofit, legal, other.
  const base: Record<string, number[]> = {
    '1': [10, 2, 0, 0, 1, 0],
    '2': [1, 0, 0, 0, 0, 0],
    '3.1': [5, 1, 0, 0, 1, 0],
    '3.2': [1, 0, 0, 0, 0, 0],
    '3.3.6': [1, 0, 0, 0, 0, 0],
    '3.4.1': [2, 1, 0, 0, 0, 0],
    '3.5.1': [1, 0, 0, 0, 0, 0],
  };
  const out: Record<string, string[]> = {};
  const sum = [0, 0, 0, 0, 0, 0];
  for (const r of rows) {
    if (!r.id.startsWith('3.') || r.id === '3.7') continue;
    const v = base[r.id] ?? [0, 0, 0, 0, 0, 0];
    v.forEach((x, i) => (sum[i] += x));
    out[r.id] = [...v, v.reduce((a, b) => a + b, 0)].map(String);
  }
  const withTotal = (v: number[]) => [...v, v.reduce((a, b) => a + b, 0)].map(String);
  out['1'] = withTotal(base['1']);
  out['2'] = withTotal(base['2']);
  out['3.7'] = withTotal(sum);
  out['4'] = withTotal(base['1'].map((x, i) => x + base['2'][i] - sum[i]));
  return out;
}

export function cleanSpec(format: Format = '2021', year = 2023): ReportSpec {
  const active: Record<string, string[]> =
    format === '2021'
      ? { rules: ['0', '0', '3'], normative: ['2', '1', '15'], licensing: ['120'], penalty: ['30'], coercion: ['2'], fees: ['1.5'] }
      : {
          rules: ['0', '0', '3'],
          normative: ['2', '2', '15'],
          licensing: ['10', '0', '120'],
          otherServices: ['0', '0', '0'],
          penalty: ['5', '-1', '30'],
          coercion: ['1', '0', '2'],
          fees: ['3', '0'],
          procurement: ['2', '15.5'],
        };
  const app = applicationNumbers(format);
  return {
    format,
    title: ['某某市某某区人民政府', `${year}年政府信息公开工作年度报告`],
    periodYear: year,
    headings: Object.fromEntries(PARTS.map((p) => [p.number, `${p.numeral}、${p.title}`])),
    order: [1, 2, 3, 4, 5, 6],
    prose: {
      1: [
        `${year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。`,
        '（一）主动公开情况。通过政府网站主动公开各类政府信息。',
        `（二）依申请公开情况。${year}年共收到政府信息公开申请${app['1'][6]}件，均在法定期限内答复。`,
        '（三）政府信息管理情况。严格执行公开前审查制度。',
        '（四）政府信息公开平台建设情况。持续优化政府网站栏目。',
        '（五）监督保障情况。将政务公开纳入年度考核。',
      ],
      2: [],
      3: [],
      4: [],
      5: ['上年度报告指出的政策解读形式单一问题，已通过增加图解和问答完成整改。本年度仍存在主动公开的深度不够、信息更新不够及时等问题。下一步将加强业务培训，丰富政策解读形式。'],
      6: ['本机关未收取信息处理费。'],
    },
    active,
    application: app,
    review: ['1', '0', '1', '0', '2', '0', '1', '0', '0', '1', '0', '0', '0', '1', '1'],
    labels: {},
    omit: new Set(),
    beforeHeading: {},
  };
}

/** A deep copy to change freely. */
export function copySpec(spec: ReportSpec): ReportSpec {
  return { ...structuredClone({ ...spec, omit: undefined }), omit: new Set(spec.omit) } as ReportSpec;
}

/** Adds `n` to one applicant column of an application row and to its 总计, so the row still balances. */
export function bump(spec: ReportSpec, row: string, n: number, col = 0): void {
  const cells = spec.application[row];
  cells[col] = String(Number(cells[col]) + n);
  cells[6] = String(Number(cells[6]) + n);
}

/**
 * The 2024 report of the body whose 2023 report is `cleanSpec('2021', 2023)`,
 * consistent on its own and with that year; `carry` plants a carry-over
 * defect (上年结转 raised, the report still balancing).
 */
export function nextYearSpec(carry = false): ReportSpec {
  const spec = copySpec(cleanSpec('2021', 2024));
  bump(spec, '1', 2);
  bump(spec, '3.1', 2);
  bump(spec, '3.7', 2);
  spec.prose[1][2] = `（二）依申请公开情况。2024年共收到政府信息公开申请${spec.application['1'][6]}件。`;
  spec.active.normative = ['2', '1', '16'];
  if (carry) {
    bump(spec, '2', 2);
    bump(spec, '4', 2);
  }
  return spec;
}

/**
 * The report of a body whose every figure is `k` times the clean report's
 * (consistent on its own): units that add up to a summary report. Its title
 * names `body`; its prose speaks of its own count of applications.
 */
export function scaledSpec(body: string, k: number, year = 2024): ReportSpec {
  const spec = copySpec(cleanSpec('2021', year));
  const times = (cells: string[]) => cells.map((c) => String(Math.round(Number(c) * k * 100) / 100));
  for (const row of Object.keys(spec.active)) spec.active[row] = times(spec.active[row]);
  for (const row of Object.keys(spec.application)) spec.application[row] = times(spec.application[row]);
  spec.review = times(spec.review);
  spec.title = [body, `${year}年政府信息公开工作年度报告`];
  spec.prose[1][2] = `（二）依申请公开情况。${year}年共收到政府信息公开申请${spec.application['1'][6]}件，均在法定期限内答复。`;
  return spec;
}

// ---------------------------------------------------------------------------
// Rendering

interface TableRow {
  /** Label cells from the outermost; '' for a merged (blank) label cell. */
  labels: string[];
  values: string[];
}

interface Block {
  caption?: string;
  header: string[][];
  rows: TableRow[];
  /** Label columns the table is drawn with. */
  labelColumns: number;
}

function labelOf(spec: ReportSpec, row: RowDef): string {
  const l = spec.labels[row.id];
  return l === undefined ? row.label : (l ?? '');
}

function activeBlocks(spec: ReportSpec): Block[] {
  return TABLES[spec.format].active.blocks.map((b) => ({
    caption: b.caption,
    header: [['信息内容', ...b.columns.map((c) => c.label)]],
    rows: b.rows.map((r) => ({ labels: [labelOf(spec, r)], values: spec.active[r.id] })),
    labelColumns: 1,
  }));
}

function applicationBlock(spec: ReportSpec): Block {
  const def = TABLES[spec.format].application;
  const rows: TableRow[] = [];
  const seenGroups = new Set<string>();
  for (const r of def.blocks[0].rows) {
    // Merged group cells show their label on the group's first row only.
    const groups = (r.groups ?? []).map((g) => {
      if (seenGroups.has(g)) return '';
      seenGroups.add(g);
      return g;
    });
    const labels = groups.length === 0 ? [labelOf(spec, r)] : [...groups, labelOf(spec, r)];
    rows.push({ labels, values: spec.application[r.id] });
  }
  return {
    header: [
      [def.caption!, '申请人情况'],
      ['', '自然人', '法人或其他组织', '总计'],
      ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
    ],
    rows,
    labelColumns: 3,
  };
}

function reviewBlock(spec: ReportSpec): Block {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return {
    header: [['行政复议', '行政诉讼'], [...results, '未经复议直接起诉', '复议后起诉'], [...results, ...results]],
    rows: [{ labels: [], values: spec.review }],
    labelColumns: 0,
  };
}

function renderCells(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.caption) out.push(`\t${b.caption}`, '');
    for (const h of b.header) out.push(...h.map((c) => `\t${c}`), '');
    for (const r of b.rows) {
      const labels = r.labels.length ? r.labels : b.labelColumns ? [''] : [];
      // Word pads numbers with en spaces; keep one such cell in every row.
      out.push(...labels.map((c) => `\t${c}`), ...r.values.map((v, i) => `\t${i === 1 ? `\u2002\u2002${v}` : v}`), '');
    }
  }
  return out;
}

function renderPipes(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.caption) out.push(`${b.caption} | |||`);
    for (const h of b.header) out.push(`${h.join(' | ')} | ||`);
    for (const r of b.rows) {
      const labels = r.labels.filter((l, i) => l !== '' || i === r.labels.length - 1);
      out.push(`${[...labels, ...r.values].join(' | ')} | ||`);
    }
  }
  return out;
}

function renderMarkdown(blocks: Block[], width: number): string[] {
  const out: string[] = [];
  const pad = (cells: string[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill('')];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  blocks.forEach((b, i) => {
    const first = b.caption ? [b.caption] : b.header[0];
    out.push(line(pad(first)));
    if (i === 0) out.push(`|${'---|'.repeat(width)}`);
    for (const h of b.caption ? b.header : b.header.slice(1)) out.push(line(pad(h)));
    for (const r of b.rows) {
      const labels = [...r.labels, ...Array(Math.max(0, b.labelColumns - r.labels.length)).fill('')];
      // Rows of a narrower block are padded; a row with a cell missing is not.
      const full = labels.length + r.values.length;
      out.push(line(b.caption && full < width ? pad([...labels, ...r.values]) : [...labels, ...r.values]));
    }
  });
  return out;
}

/** Labels longer than this wrap onto the next line, as PDF text does. */
const PDF_WRAP = 16;

function renderPdf(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.caption) out.push(b.caption);
    for (const h of b.header) out.push(h.filter(Boolean).join(' '));
    b.rows.forEach((r, i) => {
      const label = r.labels.filter(Boolean).join(' ');
      const values = r.values.join(' ');
      if (label.length > PDF_WRAP) {
        // The label wraps; its numbers stand between its two halves.
        out.push(label.slice(0, PDF_WRAP), values, label.slice(PDF_WRAP));
      } else out.push(label ? `${label} ${values}` : values);
      if (i === 8) out.push('- 3 -');
    });
  }
  return out;
}

function renderFlat(blocks: Block[]): string {
  return blocks
    .map((b) => [b.caption ?? '', ...b.header.map((h) => h.join('')), ...b.rows.map((r) => r.labels.join('') + r.values.join(''))].join(''))
    .join('');
}

function renderTable(layout: Layout, blocks: Block[], width: number): string[] {
  switch (layout) {
    case 'cells':
      return renderCells(blocks);
    case 'pipe':
      return renderPipes(blocks);
    case 'markdown':
      return renderMarkdown(blocks, width);
    case 'pdf':
      return renderPdf(blocks);
    case 'flat':
      return [renderFlat(blocks)];
  }
}

/** The report's text in `layout`, with `eol` line breaks. */
export function render(spec: ReportSpec, layout: Layout, eol = '\n'): string {
  const lines: string[] = [];
  if (spec.title) lines.push(...spec.title, '');
  const y = spec.periodYear;
  lines.push(
    `本报告根据《中华人民共和国政府信息公开条例》编制。${y === null ? '' : `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`}`,
  );
  for (const n of spec.order) {
    const heading = spec.headings[n];
    if (heading === null || heading === undefined) continue;
    lines.push(`${spec.beforeHeading[n] ?? ''}${heading}`);
    lines.push(...(spec.prose[n] ?? []));
    if (n === 2 && !spec.omit.has('active')) lines.push(...renderTable(layout, activeBlocks(spec), 4));
    if (n === 3 && !spec.omit.has('application')) lines.push(...renderTable(layout, [applicationBlock(spec)], 10));
    if (n === 4 && !spec.omit.has('review')) lines.push(...renderTable(layout, [reviewBlock(spec)], 15));
    if (layout !== 'flat') lines.push('');
  }
  // Flat text: a web page's text, everything on one line.
  return layout === 'flat' ? lines.filter(Boolean).join(' ') + eol : lines.join(eol) + eol;
}
