/** `govreport/summary`: the folder overview's table, one row per report checked, and the CSV to export. */
import { pick, SUMMARY_COLUMNS } from '../analysis';
import type { SummaryResult } from '../protocol';
import { summaryCsv } from '../summary/format';
import type { WorkspaceReview } from '../workspace/review';
import type { EditorFolders } from './folders';

export function overview(review: WorkspaceReview, folders: EditorFolders, csv: boolean): SummaryResult {
  const locale = folders.localeOf();
  const rows = review.summary().map((r) => ({ ...r, uri: r.file, file: review.displayPath(r.file) }));
  const columns = SUMMARY_COLUMNS.map((c) => ({ key: c.key, name: pick(c.name, locale) }));
  return { locale, reviewed: review.reviewing, columns, rows, thresholds: folders.ratiosOf(), csv: csv ? summaryCsv(rows, locale) : undefined };
}
