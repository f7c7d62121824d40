/**
 * HTML and XML parsed by htmlparser2 into a tree, with a bound on nesting:
 * real pages and documents nest a few dozen levels, and the parser's cost per
 * element grows with the depth, so a hostile file nesting thousands of levels
 * is refused instead of parsed for minutes.
 */
import { DomHandler, Parser } from 'htmlparser2';
import type { Text2 } from '../analysis/schema/tables';

/** A reader's failure with the message for the user. */
export class SourceFailure extends Error {
  constructor(readonly text: Text2) {
    super(text.en);
  }
}

export const MAX_NESTING = 512;
export const TOO_DEEP: Text2 = { zh: `文件的标记嵌套过深（超过 ${MAX_NESTING} 层），无法读取`, en: `the file's markup is nested too deeply (over ${MAX_NESTING} levels) to be read` };

/** The part of a DOM node the readers use (htmlparser2's domhandler nodes). */
export interface MarkupNode {
  type: string;
  name: string;
  data?: string;
  attribs: Record<string, string>;
  children: MarkupNode[];
}

export function parseMarkup(text: string, xmlMode: boolean): MarkupNode {
  const handler = new DomHandler();
  let depth = 0;
  const open = handler.onopentag.bind(handler);
  const close = handler.onclosetag.bind(handler);
  handler.onopentag = (name, attribs) => {
    if (++depth > MAX_NESTING) throw new SourceFailure(TOO_DEEP);
    open(name, attribs);
  };
  handler.onclosetag = () => {
    depth--;
    close();
  };
  const parser = new Parser(handler, xmlMode ? { xmlMode: true } : { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(text);
  return handler.root as unknown as MarkupNode;
}
