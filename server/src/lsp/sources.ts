/**
 * Reports read from a .docx, web page or PDF: the server reads the bytes the
 * client sends into the report's canonical text, which the client shows
 * read-only, and keeps the map back to the source so that diagnostics and
 * hovers on that text can say where they stand in the document.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describePlace, legacyFormat, placeAt, readSource, sourceKind, type SourceText } from '../sources/load';
import * as valid from './params';
import type { Locale } from './settings';

export interface ReadSourceParams {
  /** The file's name, which says its format. */
  name: string;
  /** Its bytes, base64. */
  data: string;
  /** The URI the client will show the text under, to keep the source map for. */
  uri?: string;
}

export type ReadSourceResult = { text: string; kind: string } | { error: string };

export class SourceDocuments {
  private readonly sources = new Map<string, SourceText>();

  /** `govreport/readSource`. The readers load on the first such request. */
  async read(p: ReadSourceParams, locale: Locale): Promise<ReadSourceResult> {
    if (typeof p?.name !== 'string' || typeof p.data !== 'string' || (p.uri !== undefined && typeof p.uri !== 'string')) throw valid.invalid('name and data (base64) are strings');
    const lang = locale === 'en' ? 'en' : 'zh';
    const legacy = legacyFormat(p.name);
    const kind = sourceKind(p.name);
    if (legacy || !kind) return { error: legacy ? legacy[lang] : lang === 'en' ? 'not a .docx, web page or PDF' : '不是 .docx、网页或 PDF 文件' };
    const result = await readSource(kind, Buffer.from(p.data, 'base64'));
    if ('error' in result) return { error: result.error[lang] };
    if (p.uri) this.sources.set(p.uri, result);
    return { text: result.text, kind: result.kind };
  }

  forget(uri: string): void {
    this.sources.delete(uri);
  }

  /** `表二 第 27 行 第 4 列`: where an offset of a document read from a source stands there (while its text is the source's). */
  where(doc: TextDocument, offset: number, locale: Locale): string | undefined {
    const source = this.sources.get(doc.uri);
    if (!source || source.text !== doc.getText()) return undefined;
    const place = placeAt(source, offset);
    return (place && describePlace(place)[locale === 'en' ? 'en' : 'zh']) || undefined;
  }
}
