/**
 * 5. Quick fixes on large documents: the language server over stdio with one
 * large document open: a report with fixable findings written again and
 * again up to 1, 2, 5 and 20 MB (many tables, many fixes: the worst case for
 * fix-all). The time of a quick-fix request on one cell (as the editor sends on
 * every cursor move), of a hover there, and of an explicit fix-all request.
 * A quick-fix request should cost time linear in the document, not more.
 */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../test/support/lsp';
import type { Sample } from './inputs';
import { median } from './stats';

export interface ActionsRow {
  mb: number;
  /** The first quick-fix request on the cell (its fixes verified: one more analysis), ms. */
  firstQuickFixMs: number;
  /** Median of the next four, ms. */
  quickFixMs: number;
  hoverMs: number;
  /** The explicit fix-all request (`only: source.fixAll`), ms. */
  fixAllMs: number;
  fixAllEdits: number;
  /** The server's peak resident memory after the requests, MB (Linux). */
  rssMB?: number;
  /** Its peak once the report is open, and after the quick-fix requests (before hover and fix-all), MB. */
  openPeakMB?: number;
  quickFixPeakMB?: number;
}

export interface ActionsResult {
  report: string;
  rows: ActionsRow[];
}

const SIZES = [1, 2, 5, 20];
const MB = 1024 * 1024;

function rssOf(pid: number | undefined): number | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const status: string = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function benchActions(report: Sample, log: (s: string) => void): Promise<ActionsResult> {
  const rows: ActionsRow[] = [];
  for (const mb of SIZES) {
    const text = report.text.repeat(Math.ceil((mb * MB) / report.bytes));
    const client = await TestClient.start();
    try {
      const uri = `file:///bench/actions-${mb}.report.txt`;
      const opened = await client.open(uri, text);
      const diag = opened.diagnostics.find((d: Diagnostic) => ['row-total', 'subtotal', 'empty-cell', 'non-numeric-cell'].includes(String(d.code)));
      if (!diag) throw new Error(`${report.name}: no fixable cell`);
      const openPeakMB = rssOf(client.process.pid);
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
        times.push(performance.now() - t);
      }
      const quickFixPeakMB = rssOf(client.process.pid);
      const th = performance.now();
      await client.request('textDocument/hover', { textDocument: { uri }, position: diag.range.start });
      const hoverMs = performance.now() - th;
      const tf = performance.now();
      const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      const fixAllMs = performance.now() - tf;
      const row = { mb, firstQuickFixMs: times[0], quickFixMs: median(times.slice(1)), hoverMs, fixAllMs, fixAllEdits: fixAll[0]?.edit?.changes?.[uri]?.length ?? 0, rssMB: rssOf(client.process.pid), openPeakMB, quickFixPeakMB };
      log(`  actions: ${mb} MB: quick fix ${row.firstQuickFixMs.toFixed(0)} ms first, then ${row.quickFixMs.toFixed(0)} ms, hover ${hoverMs.toFixed(0)} ms, fix all ${fixAllMs.toFixed(0)} ms (${row.fixAllEdits} edits); peak ${openPeakMB?.toFixed(0)} MB open, ${quickFixPeakMB?.toFixed(0)} MB after the quick fixes`);
      rows.push(row);
    } finally {
      await client.stop();
    }
  }
  return { report: report.name, rows };
}
