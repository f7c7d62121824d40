/**
 * The source readers: a Word document, a web page or a PDF turned into the
 * report's canonical text and a map back to the source. Pure functions from
 * bytes; no editor, no LSP. This module and the libraries it uses are loaded
 * only when a source file is read (see load.ts).
 */
import { readDocx } from './docx';
import { readHtml } from './html';
import type { SourceKind, SourceResult } from './model';
import { readPdf } from './pdf';

export async function readSource(kind: SourceKind, bytes: Uint8Array): Promise<SourceResult> {
  switch (kind) {
    case 'docx':
      return readDocx(bytes);
    case 'html':
      return readHtml(bytes);
    case 'pdf':
      return readPdf(bytes);
  }
}
