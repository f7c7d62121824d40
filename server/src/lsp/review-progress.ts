/**
 * The workspace review's progress in the editor: LSP work-done progress,
 * cancellable, reported at most ten times a second so that a scan of
 * thousands of files does not flood the client.
 */
import type { Connection } from 'vscode-languageserver/node';
import { EDITOR_WORDS, pick } from '../analysis';
import type { ScanProgress } from '../workspace/review';
import type { Locale } from './settings';

const REPORT_EVERY_MS = 100;

/** Runs `scan` with a progress bar; the user's cancel stops it. */
export async function withReviewProgress<T>(connection: Connection, locale: Locale, scan: (progress: ScanProgress) => Promise<T>): Promise<T> {
  const progress = await connection.window.createWorkDoneProgress();
  let last = 0;
  try {
    return await scan({
      begin: (total) => progress.begin(pick(EDITOR_WORDS.reviewing, locale), 0, pick(EDITOR_WORDS.reports(total), locale), true),
      report: (done, total, file) => {
        const now = Date.now();
        if (now - last < REPORT_EVERY_MS && done < total) return;
        last = now;
        progress.report(Math.floor((done / total) * 100), `${done}/${total} ${file}`);
      },
      cancelled: () => progress.token.isCancellationRequested,
    });
  } finally {
    progress.done();
  }
}
