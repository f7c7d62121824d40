/**
 * Tables in a PDF page from the rules drawn for their borders: the straight
 * segments of the page's paths (from pdfjs's operator list), merged into
 * lines; lines that cross make a table's grid, and a boundary with no rule
 * across it is a merged cell. Text items are then placed in the cells they
 * stand in, so that a label wrapped over several lines is one cell again.
 */
import { layoutGrid, type SourceCell } from './grid';
import type { Table } from './model';
import { cellText } from './render';
import { firstFrom } from './sorted';

export interface Segment2 {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface Rule {
  /** y of a horizontal rule, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}

/** Numbers of pdfjs's OPS and DrawOPS that the walk over the operator list needs. */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The straight segments of every path on the page, in page space (y up). */
export function pathSegments(fnArray: number[], argsArray: unknown[], ops: Ops): Segment2[] {
  const out: Segment2[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath) {
      const data = (args[1] as (Float32Array | null)[] | undefined)?.[0];
      if (!data) continue;
      let cx = 0;
      let cy = 0;
      let sx = 0;
      let sy = 0;
      for (let k = 0; k < data.length; ) {
        const op = data[k++];
        if (op === 0) {
          [cx, cy] = apply(ctm, data[k], data[k + 1]);
          [sx, sy] = [cx, cy];
          k += 2;
        } else if (op === 1) {
          const [x, y] = apply(ctm, data[k], data[k + 1]);
          out.push({ x1: cx, y1: cy, x2: x, y2: y });
          [cx, cy] = [x, y];
          k += 2;
        } else if (op === 2) {
          [cx, cy] = apply(ctm, data[k + 4], data[k + 5]);
          k += 6;
        } else if (op === 3) {
          [cx, cy] = apply(ctm, data[k + 2], data[k + 3]);
          k += 4;
        } else if (op === 4) {
          out.push({ x1: cx, y1: cy, x2: sx, y2: sy });
          [cx, cy] = [sx, sy];
        } else break;
      }
    }
  }
  return out;
}

/**
 * Collinear pieces (a border drawn cell by cell, a thin filled rectangle's two long sides) made one rule:
 * the rules within `tolerance` of a band's first position, in order along it, joined where they meet.
 * Sorting does the work, so a page of thousands of rules costs little more than one of dozens.
 */
function merge(rules: Rule[], tolerance: number): Rule[] {
  rules.sort((a, b) => a.at - b.at);
  const out: Rule[] = [];
  for (let i = 0; i < rules.length; ) {
    let j = i;
    while (j < rules.length && rules[j].at - rules[i].at <= tolerance) j++;
    const band = rules.slice(i, j).sort((a, b) => a.from - b.from);
    let current = { ...band[0] };
    for (let k = 1; k < band.length; k++) {
      const r = band[k];
      if (r.from <= current.to + tolerance) {
        current.to = Math.max(current.to, r.to);
        current.at = Math.min(current.at, r.at);
      } else {
        out.push(current);
        current = { ...r };
      }
    }
    out.push(current);
    i = j;
  }
  return out;
}

/** The rules (sorted by position, with their positions) within TOL of `at`. */
function near(sorted: Rule[], positions: number[], at: number): Rule[] {
  const out: Rule[] = [];
  for (let k = firstFrom(positions, at - TOL); k < sorted.length && positions[k] <= at + TOL; k++) out.push(sorted[k]);
  return out;
}

/** The index of the interval of the ascending `edges` holding `v` (-1 outside). */
function interval(edges: number[], v: number): number {
  if (v < edges[0] || v > edges[edges.length - 1]) return -1;
  return Math.max(0, Math.min(edges.length - 2, firstFrom(edges, v) - 1));
}

/**
 * Drawn pieces a page may have for its tables to be looked for: a ruled table of a report is some hundreds;
 * tens of thousands are a chart, a hatching or a hostile file, whose text is still read as lines.
 */
export const MAX_SEGMENTS = 20_000;
/** Rules left once merged: a page's tables have dozens. */
const MAX_RULES = 2_000;

const TOL = 2;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1] > TOL) out.push(v);
  return out;
}

export interface PlacedItem {
  str: string;
  /** Left, and baseline from the top. */
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PageTable {
  top: number;
  bottom: number;
  table: Table;
  /** The items inside the table (the rest of the page is lines of text). */
  items: Set<PlacedItem>;
}

/**
 * The tables drawn on a page. `segments` are in top-down page space; `items`
 * the page's text; `next` numbers the tables of the document.
 */
export function pageTables(segments: Segment2[], items: PlacedItem[], page: number, next: () => number): PageTable[] {
  if (segments.length > MAX_SEGMENTS) return [];
  const h: Rule[] = [];
  const v: Rule[] = [];
  for (const s of segments) {
    const dx = Math.abs(s.x2 - s.x1);
    const dy = Math.abs(s.y2 - s.y1);
    if (dy <= 1 && dx >= 4) h.push({ at: (s.y1 + s.y2) / 2, from: Math.min(s.x1, s.x2), to: Math.max(s.x1, s.x2) });
    else if (dx <= 1 && dy >= 4) v.push({ at: (s.x1 + s.x2) / 2, from: Math.min(s.y1, s.y2), to: Math.max(s.y1, s.y2) });
  }
  const hs = merge(h, TOL);
  const vs = merge(v, TOL);
  if (hs.length + vs.length > MAX_RULES) return [];
  // Tables: rules connected by crossings (union-find over horizontals and verticals); each
  // horizontal looks only at the verticals standing within its extent (sorted, found by bisection).
  const parent = [...hs.map((_, i) => i), ...vs.map((_, i) => hs.length + i)];
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const vOrder = vs.map((_, j) => j).sort((a, b) => vs[a].at - vs[b].at);
  const vAt = vOrder.map((j) => vs[j].at);
  hs.forEach((a, i) => {
    for (let k = firstFrom(vAt, a.from - TOL); k < vOrder.length && vAt[k] <= a.to + TOL; k++) {
      const b = vs[vOrder[k]];
      if (a.at >= b.from - TOL && a.at <= b.to + TOL) parent[find(i)] = find(hs.length + vOrder[k]);
    }
  });
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  hs.forEach((r, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(r);
    groups.set(find(i), g);
  });
  vs.forEach((r, j) => {
    const g = groups.get(find(hs.length + j)) ?? { h: [], v: [] };
    g.v.push(r);
    groups.set(find(hs.length + j), g);
  });

  const tables: PageTable[] = [];
  for (const g of [...groups.values()].sort((a, b) => Math.min(...a.h.map((r) => r.at)) - Math.min(...b.h.map((r) => r.at)))) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    // The grid's lines; the outer edges come from the rules' extent when a border is not drawn.
    const xs = cluster([...g.v.map((r) => r.at), Math.min(...g.h.map((r) => r.from)), Math.max(...g.h.map((r) => r.to))]);
    const ys = cluster([...g.h.map((r) => r.at), Math.min(...g.v.map((r) => r.from)), Math.max(...g.v.map((r) => r.to))]);
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    // One cell is a frame or a box, not a table.
    if (rows < 2 || cols < 2 || rows * cols > 20000) continue;
    // The rules standing on each grid line, looked up by the line's index.
    const gv = [...g.v].sort((a, b) => a.at - b.at);
    const gh = [...g.h].sort((a, b) => a.at - b.at);
    const gvAt = gv.map((r) => r.at);
    const ghAt = gh.map((r) => r.at);
    const onX = xs.map((x) => near(gv, gvAt, x));
    const onY = ys.map((y) => near(gh, ghAt, y));
    const vertical = (c: number, y: number) => onX[c].some((r) => r.from <= y + TOL && r.to >= y - TOL);
    const horizontal = (r: number, x: number) => onY[r].some((rule) => rule.from <= x + TOL && rule.to >= x - TOL);
    const taken: boolean[][] = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
    const cells: { r: number; c: number; rs: number; cs: number; parts: PlacedItem[] }[] = [];
    const cellAt: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (taken[r][c]) continue;
        const midY = (ys[r] + ys[r + 1]) / 2;
        let cs = 1;
        while (c + cs < cols && !vertical(c + cs, midY)) cs++;
        let rs = 1;
        const open = (rr: number) => {
          for (let k = c; k < c + cs; k++) if (horizontal(rr, (xs[k] + xs[k + 1]) / 2)) return false;
          return true;
        };
        while (r + rs < rows && open(r + rs)) rs++;
        for (let a = r; a < r + rs; a++) for (let b = c; b < c + cs; b++) (taken[a][b] = true), (cellAt[a][b] = cells.length);
        cells.push({ r, c, rs, cs, parts: [] });
      }
    }
    const top = ys[0];
    const bottom = ys[ys.length - 1];
    const inside = new Set<PlacedItem>();
    for (const it of items) {
      const cx = it.x + it.width / 2;
      const cy = it.y - it.size / 3;
      if (cx < xs[0] || cx > xs[cols] || cy < top || cy > bottom) continue;
      const c = interval(xs, cx);
      const r = interval(ys, cy);
      const cell = r >= 0 && c >= 0 ? cells[cellAt[r][c]] : undefined;
      if (!cell) continue;
      cell.parts.push(it);
      inside.add(it);
    }
    if (!inside.size) continue;
    const sourceRows: SourceCell[][] = Array.from({ length: rows }, () => []);
    for (const k of cells) {
      k.parts.sort((a, b) => (Math.abs(a.y - b.y) <= 0.35 * a.size ? a.x - b.x : a.y - b.y));
      sourceRows[k.r].push({ text: cellText(k.parts.map((p) => p.str).join('')), rowSpan: k.rs, colSpan: k.cs, column: k.c });
    }
    const table = layoutGrid('pdf', next(), sourceRows);
    for (const row of table.rows) for (const cell of row) if (cell) cell.place.page = page;
    tables.push({ top, bottom, table, items: inside });
  }
  return tables;
}
