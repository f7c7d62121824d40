/**
 * What the tables say about each figure of the prose: the readings a figure
 * may have (收到 may mean 新收, or 新收 + 上年结转), each with its value and
 * the cells it comes from. Only cells read with certainty are used.
 */
import type { Figure, FigureKind } from '../read/narrative';
import type { Report } from '../model/report';
import type { ReadCell, ReadTable } from '../read/tables/assemble';
import { cellKey, type Text2 } from '../schema/tables';

export interface Reading {
  value: number;
  cells: ReadCell[];
  name: Text2;
}

const UNNAMED: Text2 = { zh: '', en: '' };

/** The total of the given cells, when every one was read with certainty. */
export function total(table: ReadTable | undefined, row: string, cols: string[], name: Text2 = UNNAMED): Reading | undefined {
  if (!table) return undefined;
  const cells: ReadCell[] = [];
  let value = 0;
  for (const col of cols) {
    const cell = table.cells.get(cellKey({ row, col }));
    if (!cell || !cell.certain || cell.value === null) return undefined;
    cells.push(cell);
    value += cell.value;
  }
  return { value, cells, name };
}

const APPLICANT_COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'other'];

/**
 * A row's total in the applications table. Where the 总计 cell was left blank
 * (a common omission on sub-item rows), the applicant columns say it.
 */
export function rowTotal(table: ReadTable | undefined, row: string, name: Text2 = UNNAMED): Reading | undefined {
  const cell = table?.cells.get(cellKey({ row, col: 'total' }));
  if (cell?.state === 'empty') return total(table, row, APPLICANT_COLUMNS, name);
  return total(table, row, ['total'], name);
}

/** The total of a row and its items (（三）不予公开: 1. to 8.), each read as `rowTotal` reads it. */
export function rowsTotal(table: ReadTable | undefined, prefix: string, name: Text2 = UNNAMED): Reading | undefined {
  if (!table) return undefined;
  const rows = table.def.blocks[0].rows.filter((r) => r.id === prefix || r.id.startsWith(`${prefix}.`));
  const parts = rows.map((r) => rowTotal(table, r.id, name));
  if (!parts.length || parts.some((p) => !p)) return undefined;
  return { value: parts.reduce((s, p) => s + p!.value, 0), cells: parts.flatMap((p) => p!.cells), name };
}

function add(name: Text2, ...readings: (Reading | undefined)[]): Reading | undefined {
  if (readings.some((r) => !r)) return undefined;
  return { value: readings.reduce((s, r) => s + r!.value, 0), cells: readings.flatMap((r) => r!.cells), name };
}

/** Every reading of a figure the tables allow; the first is the plain one. */
function readings(kind: FigureKind, app: ReadTable | undefined, review: ReadTable | undefined): (Reading | undefined)[] {
  const row = (id: string, zh: string, en: string) => rowTotal(app, id, { zh: `「${zh}」总计`, en: `row "${en}", Total` });
  const review1 = (group: string, zh: string, en: string) => total(review, 'counts', [`${group}.total`], { zh: `${zh}总计`, en: `${en} total` });
  switch (kind) {
    case 'received': {
      const fresh = row('1', '一、本年新收', '1. New this year');
      const carried = row('2', '二、上年结转', '2. Carried over');
      return [fresh, add({ zh: '「一、本年新收」与「二、上年结转」总计之和', en: 'rows 1 and 2 together' }, fresh, carried)];
    }
    case 'closed':
      return [row('3.7', '（七）总计', '(7) Total')];
    case 'carriedIn':
      return [row('2', '二、上年结转', '2. Carried over from last year')];
    case 'carriedOver':
      return [row('4', '四、结转下年度继续办理', '4. Carried over to next year')];
    case 'disclosed':
      return [row('3.1', '（一）予以公开', '(1) Disclosed')];
    case 'partial':
      return [row('3.2', '（二）部分公开', '(2) Partly disclosed')];
    case 'disclosedOrPartial':
      return [add({ zh: '「（一）予以公开」与「（二）部分公开」总计之和', en: 'rows (1) and (2) together' }, row('3.1', '', ''), row('3.2', '', ''))];
    case 'withheld':
      return [rowsTotal(app, '3.3', { zh: '「（三）不予公开」各项总计之和', en: 'the items of (3) Not disclosed' })];
    case 'unable':
      return [rowsTotal(app, '3.4', { zh: '「（四）无法提供」各项总计之和', en: 'the items of (4) Cannot be provided' })];
    case 'notProcessed':
      return [rowsTotal(app, '3.5', { zh: '「（五）不予处理」各项总计之和', en: 'the items of (5) Not processed' })];
    case 'otherwise':
      return [rowsTotal(app, '3.6', { zh: '「（六）其他处理」总计', en: 'the items of (6) Otherwise handled' })];
    case 'review':
      return [review1('review', '行政复议', 'Reconsideration')];
    case 'litigation': {
      const direct = review1('direct', '未经复议直接起诉', 'Lawsuits without reconsideration');
      const after = review1('after', '复议后起诉', 'Lawsuits after reconsideration');
      return [add({ zh: '行政诉讼两组总计之和', en: 'the two lawsuit totals together' }, direct, after), direct, after];
    }
  }
}


/** Every reading of a kind of figure the report's tables allow; the first is the plain one. */
export function readingsOf(report: Report, kind: FigureKind): Reading[] {
  const app = report.tables.find((t) => t.kind === 'application' && t.readable);
  const review = report.tables.find((t) => t.kind === 'review' && t.readable);
  return readings(kind, app, review).filter((r): r is Reading => r !== undefined);
}

/** Every reading of `figure` the report's tables allow; the first is the plain one. */
export function figureReadings(report: Report, figure: Figure): Reading[] {
  return readingsOf(report, figure.kind);
}
