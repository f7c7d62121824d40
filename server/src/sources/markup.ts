/**
 * HTML and XML parsed by htmlparser2 into a tree, with bounds on nesting and
 * size: real pages and documents nest a few dozen levels, and the parser's cost
 * per element grows with the depth, so a hostile file nesting thousands of
 * levels is refused instead of parsed for minutes; and a report is some
 * thousands of elements (a long Word document, a hundred thousand), so a file
 * of millions (a few MB of `<w:p/>` inflating to 95 MB) is refused before its
 * tree fills the memory.
 */
import { Parser } from 'htmlparser2';
import type { Text2 } from '../analysis/schema/tables';

/** A reader's failure with the message for the user. */
export class SourceFailure extends Error {
  constructor(readonly text: Text2) {
    super(text.en);
  }
}

export const MAX_NESTING = 512;
export const MAX_NODES = 500_000;
export const TOO_MANY_NODES: Text2 = { zh: '文件的元素过多（超过 50 万个），不像一份报告，拒绝读取', en: 'the file holds too many elements (over 500,000) for a report, not read' };
export const TOO_DEEP: Text2 = { zh: `文件的标记嵌套过深（超过 ${MAX_NESTING} 层），无法读取`, en: `the file's markup is nested too deeply (over ${MAX_NESTING} levels) to be read` };

/** A node of the tree: an element (`tag`), a text (`text`) or the document (`root`). */
export interface MarkupNode {
  type: string;
  name: string;
  data?: string;
  attribs: Record<string, string>;
  children: MarkupNode[];
}

// A text has neither: one shared (never written) empty object and array for all of them.
const NONE: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: MarkupNode[] = Object.freeze([]) as unknown as MarkupNode[];

/** Elements and texts a file may still have: one budget for all the parts of a document. */
export interface NodeBudget {
  left: number;
}

/**
 * Refuses a text that opens more elements than the budget leaves, from a count of its
 * `<` (not `</`): a few milliseconds, where parsing so far would take seconds.
 */
export function countElements(text: string, budget: NodeBudget): void {
  let opened = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    if (text.charCodeAt(i + 1) !== 47 /* / */ && ++opened > budget.left) throw new SourceFailure(TOO_MANY_NODES);
  }
}

/**
 * The tree, built straight from the parser's events: elements and text only
 * (comments, directives and processing instructions are not content). A
 * lighter tree than domhandler's, which costs several times the parse itself.
 */
export function parseMarkup(text: string, xmlMode: boolean, budget: NodeBudget = { left: MAX_NODES }): MarkupNode {
  countElements(text, budget);
  const root: MarkupNode = { type: 'root', name: '', attribs: {}, children: [] };
  const stack: MarkupNode[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stack.length > MAX_NESTING) throw new SourceFailure(TOO_DEEP);
        if (--budget.left < 0) throw new SourceFailure(TOO_MANY_NODES);
        const el: MarkupNode = { type: 'tag', name, attribs, children: [] };
        stack[stack.length - 1].children.push(el);
        stack.push(el);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
      ontext(data) {
        const kids = stack[stack.length - 1].children;
        const last = kids[kids.length - 1];
        if (last?.type === 'text') last.data += data;
        else {
          if (--budget.left < 0) throw new SourceFailure(TOO_MANY_NODES);
          kids.push({ type: 'text', name: '', attribs: NONE, children: NO_CHILDREN, data });
        }
      },
    },
    xmlMode ? { xmlMode: true } : { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
  return root;
}
