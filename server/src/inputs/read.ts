/**
 * Reading a report in any form into the text the analysis reads: a text file
 * decoded (UTF-8, UTF-16, GBK), a .docx, web page or PDF through its reader
 * (with the map back to its places). The command line, the language server's
 * source documents and the workspace review all read through here, so that a
 * file gives the same text, and the same findings, through every door.
 */
import type { Text2 } from '../analysis/schema/tables';
import { looksLikeReport } from '../analysis/features/recognize';
import { readSource, type SourceText } from '../sources/load';
import { decode } from './decode';
import { isNamedReport, legacyFormat, sourceKind } from './names';
import { displayPath } from './paths';
import { IN_BACKGROUND, readRegularFile, type FileCalls, type FilePath } from './read-file';

/** What was read of a report: its text, or why there is none. */
export interface ReportRead {
  text?: string;
  /** The .docx, web page or PDF the text was read from, with its places. */
  source?: SourceText;
  error?: Text2;
  /**
   * Nothing in it looks like a report: a source with no report in it, or a
   * text with neither a report's title nor part headings near its start (and
   * no report's name). A file found in a folder is then left alone.
   */
  notReport?: boolean;
}

export interface ReportFile extends ReportRead {
  /** The path as shown to the user. */
  file: string;
  /** The path itself, when its bytes are not UTF-8 (`file` shows them as \xNN). */
  path?: FilePath;
}

/** The start of a text file that tells whether it is a report (looksLikeReport reads 10,000 characters). */
const SNIFF_BYTES = 64 * 1024;

const notReport = (name: string, text: string) => !isNamedReport(name) && !looksLikeReport(text);

/** A report from its bytes, in the form its `name` says. */
export async function readReportBytes(name: string, bytes: Uint8Array): Promise<ReportRead> {
  const legacy = legacyFormat(name);
  if (legacy) return { error: legacy };
  const kind = sourceKind(name);
  if (!kind) {
    const decoded = decode(bytes);
    if ('error' in decoded) return { error: decoded.error };
    return { text: decoded.text, notReport: notReport(name, decoded.text) };
  }
  const source = await readSource(kind, bytes);
  if ('error' in source) return { error: source.error, notReport: source.notReport };
  return { text: source.text, source, notReport: notReport(name, source.text) };
}

/**
 * Reads a report file (regular files only, at most READ_LIMIT bytes).
 * `found`: the file was found by searching a folder, not named; a text file
 * that is no report is then told from its start, without reading it whole.
 * `calls`: how to wait for the disk (the command line reads in line).
 */
export async function readReport(path: FilePath, found = false, calls: FileCalls = IN_BACKGROUND): Promise<ReportFile> {
  const file: ReportFile = typeof path === 'string' ? { file: path } : { file: displayPath(path), path };
  const legacy = legacyFormat(file.file);
  if (legacy) return { ...file, error: legacy };
  if (found && !sourceKind(file.file) && !isNamedReport(file.file)) {
    const head = await readRegularFile(path, SNIFF_BYTES, calls);
    if ('error' in head) return { ...file, error: head.error };
    // The whole file was its start: read already.
    if (head.bytes.length < SNIFF_BYTES) return { ...file, ...(await readReportBytes(file.file, head.bytes)) };
    const decoded = decode(head.bytes, true);
    if ('text' in decoded && notReport(file.file, decoded.text)) return { ...file, notReport: true };
  }
  const read = await readRegularFile(path, undefined, calls);
  if ('error' in read) return { ...file, error: read.error };
  return { ...file, ...(await readReportBytes(file.file, read.bytes)) };
}
