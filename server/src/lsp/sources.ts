/**
 * Reports read from a .docx, web page or PDF for the editor: the server reads
 * the bytes the client sends (as the command line reads a file: the same
 * limit, the same readers) into the report's canonical text, which the client
 * shows read-only, and keeps the map back to the source so that diagnostics
 * and hovers on that text can say where they stand in the document. The maps
 * are dropped when their documents close, and few are kept at once.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EDITOR_WORDS, pick } from '../analysis';
import { isSourceName, READ_LIMIT, readReportBytes, tooLarge } from '../inputs';
import type { ReadSourceParams, ReadSourceResult } from '../protocol';
import { describePlace, placeAt, type SourceText } from '../sources/load';
import * as valid from './params';
import type { Locale } from './settings';

/** Source maps kept at most: those of documents not open go first. */
const MAX_SOURCES = 32;

export class SourceDocuments {
  /** By the URI the client shows the text under, the most recently read last. */
  private readonly sources = new Map<string, SourceText>();

  constructor(private readonly isOpen: (uri: string) => boolean) {}

  /** `govreport/readSource`. The readers load on the first such request. */
  async read(p: ReadSourceParams, locale: Locale): Promise<ReadSourceResult> {
    if (typeof p?.name !== 'string' || typeof p.data !== 'string' || (p.uri !== undefined && typeof p.uri !== 'string')) throw valid.invalid('name and data (base64) are strings');
    if (!isSourceName(p.name)) return { error: pick(EDITOR_WORDS.notSource, locale) };
    // A file over the limit is refused before it is decoded.
    const size = Buffer.byteLength(p.data, 'base64');
    if (size > READ_LIMIT) return { error: pick(tooLarge(size), locale) };
    const result = await readReportBytes(p.name, Buffer.from(p.data, 'base64'));
    if (result.text === undefined || !result.source) return { error: pick(result.error ?? EDITOR_WORDS.cannotRead, locale) };
    if (p.uri) this.keep(p.uri, result.source);
    return { text: result.text, kind: result.source.kind };
  }

  private keep(uri: string, source: SourceText): void {
    this.sources.delete(uri);
    this.sources.set(uri, source);
    for (const old of [...this.sources.keys()]) {
      if (this.sources.size <= MAX_SOURCES) break;
      if (!this.isOpen(old)) this.sources.delete(old);
    }
    // Were they all open, the longest kept goes.
    while (this.sources.size > MAX_SOURCES) this.sources.delete(this.sources.keys().next().value!);
  }

  forget(uri: string): void {
    this.sources.delete(uri);
  }

  /** `表二 第 27 行 第 4 列`: where an offset of a document read from a source stands there (while its text is the source's). */
  where(doc: TextDocument, offset: number, locale: Locale): string | undefined {
    const source = this.sources.get(doc.uri);
    if (!source || source.text !== doc.getText()) return undefined;
    const place = placeAt(source, offset);
    return (place && pick(describePlace(place), locale)) || undefined;
  }
}
