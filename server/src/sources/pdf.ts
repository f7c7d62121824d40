/**
 * A PDF as a report, read with pdfjs-dist: the text items of each page with
 * their positions, lines rebuilt by baseline, the cells of a line kept apart
 * by the gaps between them (as the text reader's PDF layout expects), page
 * headers, footers and numbers removed. A PDF without a text layer (a scan),
 * whose fonts give no usable text, or that is encrypted, is said to be so,
 * never checked as if it had been read.
 */
import { dirname, join, sep } from 'node:path';
import type { Text2 } from '../analysis/schema/tables';
import type { Block, SourceResult } from './model';
import { pageTables, pathSegments, type Ops, type PageTable, type Segment2 } from './pdf-tables';
import { opening, render } from './render';

const SCANNED: Text2 = { zh: '扫描件，没有文字层，无法检查', en: 'scanned: no text layer, cannot be checked' };
const GARBLED: Text2 = {
  zh: 'PDF 的字体没有可用的文字映射（ToUnicode），取出的文字是乱码，无法检查',
  en: 'the PDF’s fonts have no usable text mapping (ToUnicode): its text comes out garbled and cannot be checked',
};
const NOT_CHINESE: Text2 = {
  zh: 'PDF 中几乎没有中文文字：不是年度报告，或字体没有可用的文字映射',
  en: 'the PDF holds almost no Chinese text: not an annual report, or its fonts have no usable text mapping',
};
const ENCRYPTED: Text2 = { zh: 'PDF 已加密（需要密码），无法读取', en: 'the PDF is encrypted (it needs a password) and cannot be read' };
const DAMAGED: Text2 = { zh: 'PDF 文件已损坏，无法读取', en: 'the PDF is damaged and cannot be read' };
const TOO_MANY_PAGES = (n: number): Text2 => ({ zh: `PDF 有 ${n} 页，远超一份年度报告，未读取`, en: `the PDF has ${n} pages, far more than an annual report: not read` });
const OLD_NODE: Text2 = { zh: '读取 PDF 需要 Node.js 20.16 或更高版本', en: 'reading PDF needs Node.js 20.16 or later' };

const TOO_COMPLEX: Text2 = {
  zh: 'PDF 的页面内容过于复杂（绘图指令或文字远超一份报告），已停止读取',
  en: 'the PDF’s pages are far too complex (more drawing or text than any report), reading was stopped',
};

/** A report runs to a few dozen pages; a thousand is something else, and costs minutes. */
export const MAX_PAGES = 1000;
/** Text items over all pages: a report's page has some hundreds. */
export const MAX_ITEMS = 500_000;
/** Drawing operators over all pages: a report's page has some thousands. */
export const MAX_OPERATORS = 2_000_000;
/** Straight segments drawn over all pages: a page of ruled tables has some hundreds. */
export const MAX_DRAWN = 200_000;
/** A report's page reads in a few dozen milliseconds; one that takes this long is something else. */
const PAGE_MS = 3000;

declare const GOVREPORT_CMAPS: string | undefined;
/**
 * pdf.js's CMaps (the predefined CJK encodings such as UniGB-UCS2-H, which
 * Chinese PDFs name without embedding a font): shipped beside the bundle
 * (dist/cmaps/), read from the package in the unbundled build.
 */
const CMAPS = `${typeof GOVREPORT_CMAPS === 'string' ? join(__dirname, GOVREPORT_CMAPS) : join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps')}${sep}`;

/** The top and bottom of a page, where running heads and page numbers stand. */
const MARGIN = 0.08;

interface Item {
  str: string;
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  size: number;
}

interface PdfLine {
  page: number;
  /** The table this line's place is taken by (its first line stands for it), if any. */
  table?: PageTable;
  y: number;
  items: Item[];
  /** Where on the page: top or bottom margin, else body. */
  zone: 'top' | 'bottom' | 'body';
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

async function loadPdfJs(): Promise<PdfJs> {
  // pdfjs-dist is an ES module; in the bundle it is a file of its own (dist/pdfjs.mjs).
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').finally(nodePush);
  return pdfjs;
}

/**
 * The legacy build's core-js (in pdf.mjs, and again in its worker module, loaded with the
 * first document) replaces Array.prototype.push on V8 before 12.2 (Node 20) with one written in
 * JavaScript, for the error type of a push past 2^32 elements: every push in the thread, pdf.js's
 * and the other readers', then costs several times as much (a sixth of a PDF's reading time).
 * Node's own is put back after each.
 */
const NODE_PUSH = Array.prototype.push;
function nodePush(): void {
  if (Array.prototype.push !== NODE_PUSH) Object.defineProperty(Array.prototype, 'push', { value: NODE_PUSH, writable: true, enumerable: false, configurable: true });
}

/** Page numbers as footers print them: `3`, `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共12页`, `3/12`. */
export function isPageNumber(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return /^[-－—–]*\d{1,4}[-－—–]*$/.test(t) || /^第\d{1,4}页(共\d{1,4}页)?$/.test(t) || /^\d{1,4}\/\d{1,4}$/.test(t) || /^Page\d+(of\d+)?$/i.test(t);
}

function linesOf(items: Item[], page: number, height: number): PdfLine[] {
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfLine[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    // One baseline: within a third of the text's size (superscripts and mixed fonts stay on it).
    if (last && Math.abs(item.y - last.y) <= Math.max(2, 0.35 * item.size)) last.items.push(item);
    else lines.push({ page, y: item.y, items: [item], zone: 'body' });
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    l.zone = l.y < height * MARGIN ? 'top' : l.y > height * (1 - MARGIN) ? 'bottom' : 'body';
  }
  return lines;
}

const lineText = (l: PdfLine): string => l.items.map((i) => i.str).join('');
const ascii = (c: string | undefined): boolean => !!c && /[A-Za-z0-9.%]/.test(c);

/** Drops page numbers and the running heads and feet that repeat across pages. */
function withoutFurniture(lines: PdfLine[], pages: number): PdfLine[] {
  const key = (l: PdfLine) => `${l.zone}|${lineText(l).replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  const counts = new Map<string, Set<number>>();
  for (const l of lines) {
    if (l.zone === 'body') continue;
    const k = key(l);
    if (!counts.has(k)) counts.set(k, new Set());
    counts.get(k)!.add(l.page);
  }
  return lines.filter((l) => {
    if (l.zone === 'body') return true;
    if (isPageNumber(lineText(l))) return false;
    return !(pages >= 3 && counts.get(key(l))!.size >= Math.max(3, pages / 2));
  });
}

/** Is the extracted text what the page shows? Checked before anything is read from it. */
function textProblem(text: string): Text2 | undefined {
  let visible = 0;
  let cjk = 0;
  let odd = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c <= 32 || c === 0xa0 || c === 0x3000) continue;
    visible++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) cjk++;
    else if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || c < 32 || (c >= 0x7f && c < 0xa0)) odd++;
  }
  if (visible < 20) return SCANNED;
  // A Chinese report is mostly Chinese; fonts without ToUnicode give private-use or Latin garbage.
  if (odd * 5 > visible) return GARBLED;
  if (cjk * 10 < visible) return NOT_CHINESE;
  return undefined;
}

/** What is left of the document's budgets (see MAX_ITEMS and after). */
interface Budget {
  items: number;
  operators: number;
  segments: number;
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/**
 * A page's text items and drawn segments, from the top left of its box (x0, y1 in pdf.js's
 * space, y up); undefined when a budget runs out.
 */
async function readPage(page: PdfPage, ops: Ops, budget: Budget, x0: number, y1: number): Promise<{ items: Item[]; segments: Segment2[] } | undefined> {
  const items: Item[] = [];
  // The text as pdf.js streams it, so that a page of millions of items, or one whose text takes
  // seconds to find (Form XObjects drawing each other by the thousand), is left off early.
  const started = performance.now();
  const reader = page.streamTextContent().getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    budget.items -= chunk.value.items.length;
    if (budget.items < 0 || performance.now() - started > PAGE_MS) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    for (const it of chunk.value.items) {
      if (!('str' in it) || !it.str) continue;
      const [a, b, , , e, f] = it.transform as number[];
      items.push({ str: it.str, x: e - x0, y: y1 - f, width: it.width, size: Math.hypot(a, b) || it.height || 10 });
    }
  }
  // The rules drawn on the page make its tables; their text is read cell by cell.
  const list = await page.getOperatorList();
  budget.operators -= list.fnArray.length;
  if (budget.operators < 0) return undefined;
  const drawn = pathSegments(list.fnArray, list.argsArray, ops);
  budget.segments -= drawn.length;
  if (budget.segments < 0) return undefined;
  return { items, segments: drawn.map((s) => ({ x1: s.x1 - x0, y1: y1 - s.y1, x2: s.x2 - x0, y2: y1 - s.y2 })) };
}

export async function readPdf(bytes: Uint8Array): Promise<SourceResult> {
  if (typeof (process as { getBuiltinModule?: unknown }).getBuiltinModule !== 'function') return { kind: 'pdf', error: OLD_NODE };
  const lib = await loadPdfJs();
  // pdfjs takes the buffer over (and wants a plain Uint8Array): a copy leaves the caller's bytes alone.
  // Images are never decoded (maxImageSize: text and rules are all that is read; a flate bomb
  // in an image stays compressed).
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
    maxImageSize: 1,
    cMapUrl: CMAPS,
    cMapPacked: true,
  });
  let doc;
  try {
    doc = await task.promise;
    nodePush();
  } catch (e) {
    await task.destroy().catch(() => undefined);
    return { kind: 'pdf', error: (e as Error)?.name === 'PasswordException' ? ENCRYPTED : DAMAGED };
  }
  try {
    if (doc.numPages > MAX_PAGES) return { kind: 'pdf', error: TOO_MANY_PAGES(doc.numPages) };
    const lines: PdfLine[] = [];
    let tables = 0;
    const budget: Budget = { items: MAX_ITEMS, operators: MAX_OPERATORS, segments: MAX_DRAWN };
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, , , y1] = page.view;
      const height = page.view[3] - page.view[1];
      const content = await readPage(page, lib.OPS as unknown as Ops, budget, x0, y1);
      if (!content) return { kind: 'pdf', error: TOO_COMPLEX };
      const { items, segments } = content;
      const found = pageTables(segments, items, n, () => ++tables);
      const rest = items.filter((i) => !found.some((t) => t.items.has(i)));
      const pageLines = linesOf(rest, n, height);
      for (const t of found) pageLines.push({ page: n, y: t.top, items: [...t.items], zone: 'body', table: t });
      pageLines.sort((a, b) => a.y - b.y);
      for (const l of pageLines) lines.push(l);
      // Only the text is kept; the page's fonts and objects go.
      page.cleanup();
    }
    const problem = textProblem(lines.map(lineText).join(''));
    if (problem) return { kind: 'pdf', error: problem };
    return write(withoutFurniture(lines, doc.numPages));
  } catch (e) {
    return { kind: 'pdf', error: (e as Error)?.name === 'PasswordException' ? ENCRYPTED : DAMAGED };
  } finally {
    await doc.destroy();
  }
}

/** Lines as paragraphs (items far apart, cells of an unruled table, kept apart by spaces), tables as tables. */
function write(lines: PdfLine[]): SourceResult {
  const blocks: Block[] = [];
  let tables = 0;
  for (const line of lines) {
    if (line.table) {
      // A table cut by a page break goes on under the same number (its rows counted on each page).
      const t = line.table.table;
      const prev = blocks[blocks.length - 1];
      const continued = prev?.type === 'table' && prev.rows[0]?.length === t.rows[0]?.length && !t.rows.some((r) => opening(r));
      t.number = continued ? tables : ++tables;
      for (const row of t.rows) for (const cell of row) if (cell) cell.place.table = t.number;
      blocks.push(t);
      continue;
    }
    let text = '';
    let prev: Item | undefined;
    for (const item of line.items) {
      if (prev) {
        const gap = item.x - (prev.x + prev.width);
        // A wide gap parts cells; after a heading's 一、 or （一） it is only Word's tab.
        if (gap > 0.8 * item.size && !/[、．.）)]$/.test(prev.str)) text += '  ';
        else if (gap > 0.15 * item.size && (ascii(prev.str.at(-1)) || ascii(item.str[0]))) text += ' ';
      }
      text += item.str.replace(/[\r\n]+/g, ' ');
      prev = item;
    }
    blocks.push({ type: 'paragraph', text, place: { kind: 'pdf', page: line.page, x: Math.round(line.items[0].x), y: Math.round(line.y) } });
  }
  return render('pdf', blocks);
}
