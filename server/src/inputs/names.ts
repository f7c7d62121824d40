/**
 * Which files are reports, by their names: what a folder is searched for, the
 * names that say a file is a report whatever its text, the source formats
 * (.docx, web pages, PDF) and the formats GovReport cannot read. No I/O: the
 * client imports it too, for the files its commands accept.
 */
import type { Text2 } from '../analysis/schema/tables';
import type { SourceKind } from '../sources/model';

/** Documents read by a source reader, by extension. */
const SOURCE_KINDS: Readonly<Record<string, SourceKind>> = { docx: 'docx', html: 'html', htm: 'html', xhtml: 'html', pdf: 'pdf' };

/** Every extension a folder is searched for: text reports, then the sources. */
export const REPORT_EXTENSIONS: readonly string[] = ['txt', 'govreport', ...Object.keys(SOURCE_KINDS)];

/** Formats that cannot be read, with what to do instead. */
const LEGACY: Readonly<Record<string, Text2>> = {
  doc: { zh: '不支持 Word 97-2003 文档（.doc），请另存为 .docx 后再检查', en: 'Word 97-2003 documents (.doc) cannot be read: save it as .docx and check that' },
  wps: { zh: '不支持 WPS 文档（.wps），请另存为 .docx 后再检查', en: 'WPS documents (.wps) cannot be read: save it as .docx and check that' },
};

/** A name's extension, lower case, without the dot ('' when it has none). */
function extension(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** A name a folder is searched for (whether the file is a report is then read from it). */
export function isReportName(name: string): boolean {
  return REPORT_EXTENSIONS.includes(extension(name));
}

/** Names that say a file is a report, whatever its text (the language's own). */
export function isNamedReport(name: string): boolean {
  return /\.(govreport|report\.txt)$/i.test(name);
}

/** The source kind a file name says, if any. */
export function sourceKind(name: string): SourceKind | undefined {
  return Object.hasOwn(SOURCE_KINDS, extension(name)) ? SOURCE_KINDS[extension(name)] : undefined;
}

/** Formats GovReport cannot read, with what to do instead. */
export function legacyFormat(name: string): Text2 | undefined {
  const ext = extension(name);
  return Object.hasOwn(LEGACY, ext) ? LEGACY[ext] : undefined;
}

/** A document the editor's source commands take: a source, or a format to be told about. */
export function isSourceName(name: string): boolean {
  return sourceKind(name) !== undefined || legacyFormat(name) !== undefined;
}

/** The files whose changes on disk the workspace review follows. */
export const WATCH_GLOB = `**/*.{${REPORT_EXTENSIONS.join(',')}}`;

/** The extensions searched for, as a list for messages: `.txt、.govreport、.docx…`. */
export function searchedNames(separator: string): string {
  return REPORT_EXTENSIONS.map((e) => `.${e}`).join(separator);
}
