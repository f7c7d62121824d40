/**
 * A web page (.html/.htm) as a report: decoded by its declared charset, read
 * from htmlparser2's event stream into a flat log (html-events.ts), the
 * report's body found inside the site's chrome, its paragraphs and tables
 * turned into blocks. No tree of the page is built, and nothing recurses, so
 * deeply nested markup cannot overflow the stack.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { layoutGrid, type SourceCell } from './grid';
import { CLOSE, IS_LAYOUT, IS_TABLE, MAY_TITLE, OPEN, readPage, TEXT, type Page } from './html-events';
import { SourceFailure } from './markup';
import type { Block, SourceResult } from './model';
import { firstFrom } from './sorted';
import { cellText, render } from './render';

/** Elements that end a line of text (the rest are inline: span, font, a, b, o:p…). */
const BLOCK = new Set([
  'p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'td', 'th', 'table', 'caption',
  'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'blockquote', 'pre', 'form', 'fieldset', 'address', 'center', 'body', 'html',
  'ucapcontent', 'ucaptitle',
]);

/** What only a report's body holds: its parts' headings and its tables' labels. */
const SIGNALS = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请', '行政复议、行政诉讼情况', '存在的主要问题', '其他需要报告的事项', '第二十条第', '本年新收政府信息公开申请', '申请人情况', '结果维持'];

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
  // Declared UTF-8 (or nothing) but not valid UTF-8: Chinese sites' other charset.
  if (!isUtf8(buf)) return iconv.decode(buf, 'gb18030');
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  return buf.toString('utf8', bom);
}

// ---------------------------------------------------------------------------
// Finding the report's body

/** The smallest element holding the most kinds of signal (each element asks each signal once: a page of many hits stays linear). */
function findBody(page: Page): { body: number; score: number } | undefined {
  const { compact, start, end } = page;
  const hits: number[][] = SIGNALS.map((s) => {
    const at: number[] = [];
    for (let i = compact.indexOf(s); i >= 0; i = compact.indexOf(s, i + s.length)) at.push(i);
    return at;
  });
  let best: { body: number; score: number; size: number } | undefined;
  for (let el = 0; el < start.length; el++) {
    let score = 0;
    for (const at of hits) {
      const i = firstFrom(at, start[el]);
      if (i < at.length && at[i] < end[el]) score++;
    }
    const size = end[el] - start[el];
    if (!best || score > best.score || (score === best.score && size < best.size)) best = { body: el, score, size };
  }
  return best;
}

/** The report's title, when the page prints it above the body (a CMS's `<h1>`): the last such before it. */
function titleAbove(page: Page, body: number): string | undefined {
  const bodyStart = page.start[body];
  let title: string | undefined;
  for (let el = 1; el < page.start.length; el++) {
    if (el === body || !(page.flags[el] & MAY_TITLE) || page.start[el] >= bodyStart) continue;
    const text = page.compact.slice(page.start[el], page.end[el]);
    if (text.length <= 80 && /政府信息公开/.test(text) && /年度报告|年报/.test(text)) title = text;
  }
  return title;
}

// ---------------------------------------------------------------------------
// Blocks

/** The texts of the log between two events, in order. */
function textBetween(page: Page, from: number, to: number): string {
  let s = '';
  for (let e = from; e < to; e++) if (page.kinds[e] === TEXT) s += page.texts[page.refs[e]];
  return s;
}

/** A table's rows: each `<tr>` outside the tables within, its cells those directly in it. */
function tableRows(page: Page, table: number): SourceCell[][] {
  const { kinds, refs, names, opens, closes } = page;
  const rows: SourceCell[][] = [];
  for (let e = opens[table] + 1; e < closes[table]; e++) {
    if (kinds[e] !== OPEN) continue;
    const el = refs[e];
    if (page.flags[el] & IS_TABLE) {
      e = closes[el];
      continue;
    }
    if (names[el] !== 'tr') continue;
    const cells: SourceCell[] = [];
    for (let c = e + 1; c < closes[el]; c++) {
      if (kinds[c] !== OPEN) continue;
      const child = refs[c];
      if (names[child] === 'td' || names[child] === 'th') {
        cells.push({ text: cellText(textBetween(page, c + 1, closes[child])), rowSpan: page.rowSpan[child], colSpan: page.colSpan[child] });
      }
      c = closes[child];
    }
    rows.push(cells);
    e = closes[el];
  }
  return rows;
}

/** Does the body begin with its title (a short line naming the report)? */
function titled(blocks: Block[]): boolean {
  const first = blocks[0];
  return first?.type === 'paragraph' && first.text.replace(/\s+/g, '').length <= 80 && /年度报告|年报/.test(first.text);
}

function blocksOf(page: Page, body: number): Block[] {
  const { kinds, refs, names } = page;
  const blocks: Block[] = [];
  let paragraph = 0;
  let tables = 0;
  let line = '';
  const flush = (): void => {
    if (line.replace(/[\s\u00a0\u3000]+/g, '')) blocks.push({ type: 'paragraph', text: line, place: { kind: 'html', paragraph: ++paragraph } });
    line = '';
  };
  for (let e = page.opens[body]; e <= page.closes[body]; e++) {
    const kind = kinds[e];
    if (kind === TEXT) {
      line += page.texts[refs[e]];
      continue;
    }
    const el = refs[e];
    if (kind === CLOSE) {
      if (BLOCK.has(names[el])) flush();
      continue;
    }
    if (BLOCK.has(names[el])) flush();
    if ((page.flags[el] & (IS_TABLE | IS_LAYOUT)) === IS_TABLE) {
      const rows = tableRows(page, el);
      // One cell a row is a frame around text (a layout table), not a table of figures: read through.
      if (rows.every((r) => r.length <= 1 && (r[0]?.colSpan ?? 1) <= 1)) continue;
      blocks.push(layoutGrid('html', ++tables, rows));
      e = page.closes[el];
    }
  }
  flush();
  return blocks;
}

const NO_REPORT = { zh: '网页中没有找到年度报告的正文（没有报告的部分标题或表格）', en: 'no report found in the page (none of its part headings or tables)' };

export function readHtml(bytes: Uint8Array): SourceResult {
  const html = decodeHtml(bytes);
  let page: Page;
  try {
    page = readPage(html);
  } catch (e) {
    if (e instanceof SourceFailure) return { kind: 'html', error: e.text };
    throw e;
  }
  const found = findBody(page);
  // Two kinds of signal at least: one stray word in a menu is not a report.
  if (!found || found.score < 2) return { kind: 'html', error: NO_REPORT, notReport: true };
  const blocks = blocksOf(page, found.body);
  const title = titled(blocks) ? undefined : titleAbove(page, found.body);
  // The page's heading above the body: outside the body, so it has no paragraph number.
  if (title) blocks.unshift({ type: 'paragraph', text: title, place: { kind: 'html' } });
  return render('html', blocks);
}
