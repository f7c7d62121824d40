/**
 * A web page (.html/.htm) as a report: decoded by its declared charset, parsed
 * with htmlparser2, the report's body found inside the site's chrome, its
 * paragraphs and tables turned into blocks. Every walk over the tree is
 * iterative, so deeply nested markup cannot overflow the stack.
 */
import iconv from 'iconv-lite';
import { layoutGrid, type SourceCell } from './grid';
import { parseMarkup, SourceFailure } from './markup';
import type { Block, SourceResult } from './model';
import { firstFrom } from './sorted';
import { cellText, render } from './render';

/** The part of a DOM node these walks use (htmlparser2's domhandler nodes). */
interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'select', 'option', 'button', 'iframe', 'object', 'svg', 'textarea']);
/** Elements that end a line of text (the rest are inline: span, font, a, b, o:p…). */
const BLOCK = new Set([
  'p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'td', 'th', 'table', 'caption',
  'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'blockquote', 'pre', 'form', 'fieldset', 'address', 'center', 'body', 'html',
  'ucapcontent', 'ucaptitle',
]);
const HEADING = new Set(['h1', 'h2', 'h3', 'ucaptitle']);

/** What only a report's body holds: its parts' headings and its tables' labels. */
const SIGNALS = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请', '行政复议、行政诉讼情况', '存在的主要问题', '其他需要报告的事项', '第二十条第', '本年新收政府信息公开申请', '申请人情况', '结果维持'];

const hidden = (n: Node): boolean => /display\s*:\s*none/i.test(n.attribs?.style ?? '');
const skipped = (n: Node): boolean => n.type === 'script' || n.type === 'style' || n.type === 'comment' || (n.type === 'tag' && (SKIP.has(n.name!) || hidden(n)));

/** Depth-first, without recursion: `enter` returns false to skip a node's children. */
function walk(root: Node, enter: (n: Node) => boolean | void, exit?: (n: Node) => void): void {
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (leaving) {
      exit?.(node);
      continue;
    }
    if (enter(node) === false) continue;
    stack.push([node, true]);
    const kids = node.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
  }
}

// ---------------------------------------------------------------------------
// Charset

/** The charset a page declares: BOM, else `<meta charset>` or `http-equiv` in its first bytes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8192)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const name = m?.[1].toLowerCase();
  // A page whose <meta> could be read as ASCII is not UTF-16, whatever it says: browsers take UTF-8 then.
  return name && /^(utf-?16|unicode)/.test(name) ? 'utf-8' : name;
}

export function decodeHtml(bytes: Uint8Array): string {
  const declared = declaredCharset(bytes);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    // GB2312 and GBK pages often hold characters only GB18030 names; it is their superset.
    const charset = /^(gb2312|gbk|x-gbk|gb_2312-80|cp936)$/.test(declared) ? 'gb18030' : declared;
    return iconv.decode(buf, charset);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    // Declared UTF-8 (or nothing) but not valid UTF-8: Chinese sites' other charset.
    return iconv.decode(buf, 'gb18030');
  }
}

// ---------------------------------------------------------------------------
// Finding the report's body

interface Ranges {
  /** The page's text without whitespace, for finding signals. */
  compact: string;
  range: Map<Node, [number, number]>;
  /** Tables that hold other tables: page layout, not report tables. */
  layoutTables: Set<Node>;
}

function measure(root: Node): Ranges {
  let compact = '';
  const range = new Map<Node, [number, number]>();
  const layoutTables = new Set<Node>();
  const openTables: Node[] = [];
  walk(
    root,
    (n) => {
      if (skipped(n)) return false;
      if (n.type === 'text') {
        compact += n.data!.replace(/[\s\u00a0\u3000]+/g, '');
        return false;
      }
      if (n.type === 'tag' || n.type === 'root') {
        range.set(n, [compact.length, compact.length]);
        if (n.name === 'table') {
          if (openTables.length) layoutTables.add(openTables[openTables.length - 1]);
          openTables.push(n);
        }
      }
      return true;
    },
    (n) => {
      const r = range.get(n);
      if (r) r[1] = compact.length;
      if (n.type === 'tag' && n.name === 'table') openTables.pop();
    },
  );
  return { compact, range, layoutTables };
}

/** The smallest element holding the most kinds of signal (each element asks each signal once: a page of many hits stays linear). */
function findBody(ranges: Ranges): { body: Node; score: number } | undefined {
  const hits: number[][] = SIGNALS.map((s) => {
    const at: number[] = [];
    for (let i = ranges.compact.indexOf(s); i >= 0; i = ranges.compact.indexOf(s, i + s.length)) at.push(i);
    return at;
  });
  let best: { body: Node; score: number; size: number } | undefined;
  for (const [node, [start, end]] of ranges.range) {
    let score = 0;
    for (const at of hits) {
      const i = firstFrom(at, start);
      if (i < at.length && at[i] < end) score++;
    }
    const size = end - start;
    if (!best || score > best.score || (score === best.score && size < best.size)) best = { body: node, score, size };
  }
  return best;
}

/** The report's title, when the page prints it above the body (a CMS's `<h1>`). */
function titleAbove(root: Node, ranges: Ranges, body: Node): string | undefined {
  const bodyStart = ranges.range.get(body)![0];
  let title: string | undefined;
  walk(root, (n) => {
    if (n === body || skipped(n)) return false;
    if (n.type !== 'tag') return true;
    const r = ranges.range.get(n)!;
    if (r[0] >= bodyStart) return false;
    const cls = `${n.attribs?.class ?? ''} ${n.attribs?.id ?? ''}`;
    if (HEADING.has(n.name!) || /title/i.test(cls)) {
      const text = ranges.compact.slice(r[0], r[1]);
      if (text.length <= 80 && /政府信息公开/.test(text) && /年度报告|年报/.test(text)) title = text;
    }
    return true;
  });
  return title;
}

// ---------------------------------------------------------------------------
// Blocks

function textOf(node: Node): string {
  let s = '';
  walk(node, (n) => {
    if (skipped(n)) return false;
    if (n.type === 'text') s += n.data!;
    return true;
  });
  return s;
}

function span(n: Node, name: string): number {
  const v = parseInt(n.attribs?.[name] ?? '1', 10);
  return Number.isFinite(v) && v > 0 ? v : 1;
}

function tableRows(table: Node): SourceCell[][] {
  const rows: SourceCell[][] = [];
  walk(table, (n) => {
    if (n !== table && n.type === 'tag' && n.name === 'table') return false;
    if (skipped(n)) return false;
    if (n.type === 'tag' && n.name === 'tr') {
      const cells: SourceCell[] = [];
      for (const c of n.children ?? []) {
        if (c.type === 'tag' && (c.name === 'td' || c.name === 'th') && !hidden(c)) {
          cells.push({ text: cellText(textOf(c)), rowSpan: span(c, 'rowspan'), colSpan: span(c, 'colspan') });
        }
      }
      rows.push(cells);
      return false;
    }
    return true;
  });
  return rows;
}

/** Does the body begin with its title (a short line naming the report)? */
function titled(blocks: Block[]): boolean {
  const first = blocks[0];
  return first?.type === 'paragraph' && first.text.replace(/\s+/g, '').length <= 80 && /年度报告|年报/.test(first.text);
}

function blocksOf(body: Node, layoutTables: Set<Node>): Block[] {
  const blocks: Block[] = [];
  let paragraph = 0;
  let tables = 0;
  let line = '';
  const flush = (): void => {
    if (line.replace(/[\s\u00a0\u3000]+/g, '')) blocks.push({ type: 'paragraph', text: line, place: { kind: 'html', paragraph: ++paragraph } });
    line = '';
  };
  walk(
    body,
    (n) => {
      if (skipped(n)) return false;
      if (n.type === 'text') {
        line += n.data;
        return false;
      }
      if (n.type !== 'tag') return true;
      if (BLOCK.has(n.name!)) flush();
      if (n.name === 'table' && !layoutTables.has(n)) {
        const rows = tableRows(n);
        // One cell a row is a frame around text (a layout table), not a table of figures: read through.
        if (rows.every((r) => r.length <= 1 && (r[0]?.colSpan ?? 1) <= 1)) return true;
        blocks.push(layoutGrid('html', ++tables, rows));
        return false;
      }
      return true;
    },
    (n) => {
      if (n.type === 'tag' && BLOCK.has(n.name!)) flush();
    },
  );
  flush();
  return blocks;
}

const NO_REPORT = { zh: '网页中没有找到年度报告的正文（没有报告的部分标题或表格）', en: 'no report found in the page (none of its part headings or tables)' };

export function readHtml(bytes: Uint8Array): SourceResult {
  const html = decodeHtml(bytes);
  let root: Node;
  try {
    root = parseMarkup(html, false);
  } catch (e) {
    if (e instanceof SourceFailure) return { kind: 'html', error: e.text };
    throw e;
  }
  const ranges = measure(root);
  const found = findBody(ranges);
  // Two kinds of signal at least: one stray word in a menu is not a report.
  if (!found || found.score < 2) return { kind: 'html', error: NO_REPORT, notReport: true };
  const blocks = blocksOf(found.body, ranges.layoutTables);
  const title = titled(blocks) ? undefined : titleAbove(root, ranges, found.body);
  // The page's heading above the body: outside the body, so it has no paragraph number.
  if (title) blocks.unshift({ type: 'paragraph', text: title, place: { kind: 'html' } });
  return render('html', blocks);
}
