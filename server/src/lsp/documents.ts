/**
 * The open documents, kept exactly as the editor has them. Every change is
 * applied whatever version number it carries (a client may repeat one), and
 * a range is first brought inside the document, as editors do: a range past
 * the last line means the end of the text. (Handed to the text document
 * unchecked, such a range corrupts its line table for good.)
 */
import { TextDocuments, type Position, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPosition = (p: unknown): p is Position => !!p && typeof p === 'object' && isNumber((p as Position).line) && isNumber((p as Position).character);

/** The range as a range of `doc`'s text, or undefined when it is not a range at all. */
export function clampRange(doc: TextDocument, range: Range): Range | undefined {
  if (!range || !isPosition(range.start) || !isPosition(range.end)) return undefined;
  const at = (p: Position) => doc.positionAt(doc.offsetAt({ line: Math.floor(p.line), character: Math.max(0, Math.floor(p.character)) }));
  return { start: at(range.start), end: at(range.end) };
}

export function createDocuments(log: (message: string) => void): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(doc, changes, version) {
      for (const change of changes as (TextDocumentContentChangeEvent & { range?: Range })[]) {
        if (typeof change?.text !== 'string') {
          log(`a change to ${doc.uri} has no text; ignored (the document may no longer match the editor's)`);
          continue;
        }
        if (change.range === undefined || change.range === null) {
          TextDocument.update(doc, [{ text: change.text }], version);
          continue;
        }
        const range = clampRange(doc, change.range);
        if (!range) {
          log(`a change to ${doc.uri} has no valid range (${JSON.stringify(change.range)}); ignored (the document may no longer match the editor's)`);
          continue;
        }
        // One at a time: each change's range is a range of the text the previous ones left.
        TextDocument.update(doc, [{ range, text: change.text }], version);
      }
      return TextDocument.update(doc, [], version);
    },
  });
}
