/**
 * A web page read from htmlparser2's event stream, without a tree: one pass
 * keeps the page's text without whitespace (for finding the report's body),
 * each element's span in it, and a flat log of the elements opened and closed
 * and the texts between them, in typed arrays. The site's scripts, styles,
 * forms and hidden parts leave nothing in it. The report's body, once found,
 * is read again from the log, not from the page.
 */
import { Parser } from 'htmlparser2';
import { countElements, MAX_NESTING, MAX_NODES, SourceFailure, TOO_DEEP, TOO_MANY_NODES } from './markup';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'select', 'option', 'button', 'iframe', 'object', 'svg', 'textarea']);
const HEADING = new Set(['h1', 'h2', 'h3', 'ucaptitle']);
const TITLE = /title/i;

export const OPEN = 0;
export const CLOSE = 1;
export const TEXT = 2;

/** Element flags. */
export const IS_TABLE = 1;
/** A table holding another table: page layout, not a report table. */
export const IS_LAYOUT = 2;
/** A heading, or an element whose class or id says title: where a CMS prints the report's title. */
export const MAY_TITLE = 4;

/** Growable arrays of 32-bit integers. */
class Ints {
  data = new Int32Array(256);
  length = 0;
  push(v: number): number {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
}

export interface Page {
  /** The page's text without whitespace. */
  compact: string;
  /** Elements, in the order they open (0: the page itself): name, span in `compact`, flags, cell spans. */
  names: string[];
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
  rowSpan: Int32Array;
  colSpan: Int32Array;
  /** Where each element's open and close events are in the log. */
  opens: Int32Array;
  closes: Int32Array;
  /** The log: each event's kind (OPEN, CLOSE, TEXT) and its element or text. */
  kinds: Uint8Array;
  refs: Int32Array;
  texts: string[];
}

const hidden = (attribs: Record<string, string>): boolean => attribs.style !== undefined && /display\s*:\s*none/i.test(attribs.style);

function span(v: string | undefined): number {
  const n = parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** Reads the page's events into a Page, within the same bounds on nesting and size as a tree. */
export function readPage(html: string): Page {
  const budget = { left: MAX_NODES };
  countElements(html, budget);
  const compactParts: string[] = [];
  let compactLength = 0;
  const names: string[] = [''];
  const start = new Ints();
  const end = new Ints();
  const flags: number[] = [0];
  const rowSpan = new Ints();
  const colSpan = new Ints();
  const opens = new Ints();
  const closes = new Ints();
  const kinds = new Ints();
  const refs = new Ints();
  const texts: string[] = [];
  start.push(0);
  end.push(0);
  rowSpan.push(1);
  colSpan.push(1);
  opens.push(kinds.push(OPEN));
  refs.push(0);
  closes.push(-1);
  // The open elements: their index, or -1 for one skipped (with all it holds).
  const stack: number[] = [0];
  const openTables: number[] = [];
  let skipping = 0;
  let lastWasText = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stack.length > MAX_NESTING) throw new SourceFailure(TOO_DEEP);
        if (--budget.left < 0) throw new SourceFailure(TOO_MANY_NODES);
        lastWasText = false;
        if (skipping || SKIP.has(name) || hidden(attribs)) {
          skipping++;
          stack.push(-1);
          return;
        }
        const el = names.length;
        names.push(name);
        start.push(compactLength);
        end.push(compactLength);
        let f = 0;
        if (name === 'table') {
          if (openTables.length) flags[openTables[openTables.length - 1]] |= IS_LAYOUT;
          openTables.push(el);
          f |= IS_TABLE;
        }
        if (HEADING.has(name) || (attribs.class !== undefined && TITLE.test(attribs.class)) || (attribs.id !== undefined && TITLE.test(attribs.id))) f |= MAY_TITLE;
        flags.push(f);
        const cell = name === 'td' || name === 'th';
        rowSpan.push(cell ? span(attribs.rowspan) : 1);
        colSpan.push(cell ? span(attribs.colspan) : 1);
        opens.push(kinds.push(OPEN));
        refs.push(el);
        closes.push(-1);
        stack.push(el);
      },
      onclosetag() {
        lastWasText = false;
        if (stack.length <= 1) return;
        const el = stack.pop()!;
        if (el < 0) {
          skipping--;
          return;
        }
        end.data[el] = compactLength;
        if (names[el] === 'table') openTables.pop();
        closes.data[el] = kinds.push(CLOSE);
        refs.push(el);
      },
      ontext(data) {
        // Adjacent texts are one node of a tree: counted once, as a tree would count them.
        if (!lastWasText && --budget.left < 0) throw new SourceFailure(TOO_MANY_NODES);
        lastWasText = true;
        if (skipping) return;
        const compact = data.replace(/[\s\u00a0\u3000]+/g, '');
        if (compact) {
          compactParts.push(compact);
          compactLength += compact.length;
        }
        kinds.push(TEXT);
        refs.push(texts.push(data) - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // Elements left open at the end close there, the page itself last.
  while (stack.length > 1) {
    const el = stack.pop()!;
    if (el < 0) continue;
    end.data[el] = compactLength;
    closes.data[el] = kinds.push(CLOSE);
    refs.push(el);
  }
  end.data[0] = compactLength;
  closes.data[0] = kinds.push(CLOSE);
  refs.push(0);
  const n = names.length;
  return {
    compact: compactParts.join(''),
    names,
    start: start.data.subarray(0, n),
    end: end.data.subarray(0, n),
    flags: Uint8Array.from(flags),
    rowSpan: rowSpan.data.subarray(0, n),
    colSpan: colSpan.data.subarray(0, n),
    opens: opens.data.subarray(0, n),
    closes: closes.data.subarray(0, n),
    kinds: Uint8Array.from(kinds.data.subarray(0, kinds.length)),
    refs: refs.data.subarray(0, refs.length),
    texts,
  };
}
