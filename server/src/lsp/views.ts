/** What the client's pages show: the folder overview and the totals preview, from the library's view models. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, pick, reportView, SUMMARY_COLUMNS } from '../analysis';
import type { SummaryResult, TablesResult } from '../protocol';
import { summaryCsv } from '../summary/format';
import type { WorkspaceReview } from '../workspace/review';
import type { EditorFolders } from './folders';

/** `govreport/summary`: the folder overview's table, one row per report checked, and the CSV to export. */
export function overview(review: WorkspaceReview, folders: EditorFolders, csv: boolean): SummaryResult {
  const locale = folders.localeOf();
  const rows = review.summary().map((r) => ({ ...r, uri: r.file, file: review.displayPath(r.file) }));
  const columns = SUMMARY_COLUMNS.map((c) => ({ key: c.key, name: pick(c.name, locale) }));
  return { locale, reviewed: review.reviewing, columns, rows, thresholds: folders.ratiosOf(), csv: csv ? summaryCsv(rows, locale) : undefined };
}

/** `govreport/tables`: the report model the totals preview shows, its findings as the editor shows them. */
export function tables(doc: TextDocument, a: Analysis, folders: EditorFolders): TablesResult {
  return { uri: doc.uri, version: doc.version, locale: folders.localeOf(doc.uri), thresholds: folders.ratiosOf(doc.uri), view: reportView({ ...a, findings: folders.shownOf(doc.uri, a).findings }) };
}
