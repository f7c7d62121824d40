/**
 * The one language of everything the extension shows: `govreport.locale`, or
 * VS Code's display language when it is `auto` (as the server resolves it, so
 * that squiggles, status item and preview speak alike). vscode.l10n follows
 * the display language alone, so the client keeps its strings here.
 */
import * as vscode from 'vscode';
import type { Locale } from '../../server/src/protocol';
import { resolveLocale } from '../../server/src/analysis/pages';

export type { Locale };

export function currentLocale(): Locale {
  return resolveLocale(vscode.workspace.getConfiguration('govreport').get<string>('locale', 'auto'), vscode.env.language);
}

const MESSAGES = {
  problemsName: { zh: '年报问题', en: 'Report problems' },
  checking: { zh: '年报：检查中…', en: 'Report: checking…' },
  showProblems: { zh: '显示问题', en: 'Show problems' },
  previewName: { zh: '合计预览', en: 'Totals preview' },
  totals: { zh: '合计', en: 'Totals' },
  openPreview: { zh: '打开合计预览', en: 'Open totals preview' },
  errors: { zh: '年报：{0} 个错误', en: 'Report: {0} errors' },
  oneError: { zh: '年报：1 个错误', en: 'Report: 1 error' },
  warnings: { zh: '年报：{0} 个警告', en: 'Report: {0} warnings' },
  oneWarning: { zh: '年报：1 个警告', en: 'Report: 1 warning' },
  clean: { zh: '年报：无问题', en: 'Report: no problems' },
  openReportFirst: { zh: '请先打开一份报告，再预览其合计。', en: 'Open a report to preview its totals.' },
  previewTitle: { zh: '合计：{0}', en: 'Totals: {0}' },
  sampleTitle: { zh: '示例报告', en: 'Sample report' },
  overviewTitle: { zh: '报告总览', en: 'Reports overview' },
  exportLabel: { zh: '导出', en: 'Export' },
  summarySaved: { zh: '已将 {0} 份报告的汇总表保存到 {1}', en: 'Summary of {0} reports saved to {1}' },
  workspaceChecked: { zh: '已检查工作区中的 {0} 份报告。', en: 'Checked {0} reports in the workspace.' },
  openSourceToCheck: { zh: '请打开一份 .docx、网页或 PDF 格式的报告再检查。', en: 'Open a .docx, web page or PDF report to check it.' },
  openSourceToImport: { zh: '请打开一份 .docx、网页或 PDF 格式的报告再导入。', en: 'Open a .docx, web page or PDF report to import it.' },
  readingSource: { zh: '正在读取报告…', en: 'Reading the report…' },
} satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;

/** The message in the current language, `{0}`… replaced by `args`. */
export function t(key: MessageKey, ...args: (string | number)[]): string {
  return MESSAGES[key][currentLocale()].replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}

/** Fires when the language setting changes. */
export function onDidChangeLocale(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('govreport.locale')) listener();
  });
}
