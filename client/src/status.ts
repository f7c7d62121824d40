/** The language status item: `年报：2 个错误`, and a way to the totals preview. */
import * as vscode from 'vscode';
import type { AnalyzedParams as Analyzed } from '../../server/src/protocol';
import { onDidChangeLocale, t } from './locale';

export class ReportStatus implements vscode.Disposable {
  private readonly problems = vscode.languages.createLanguageStatusItem('govreport.problems', { language: 'govreport' });
  private readonly preview = vscode.languages.createLanguageStatusItem('govreport.preview', { language: 'govreport' });
  private readonly latest = new Map<string, Analyzed>();
  private readonly listeners = [vscode.window.onDidChangeActiveTextEditor(() => this.render()), onDidChangeLocale(() => this.render())];

  constructor() {
    this.render();
  }

  update(analyzed: Analyzed): void {
    this.latest.set(analyzed.uri, analyzed);
    this.render();
  }

  /** Every text in the current language; the counts of the active report, if known. */
  private render(): void {
    this.problems.name = t('problemsName');
    this.problems.command = { title: t('showProblems'), command: 'workbench.actions.view.problems' };
    this.preview.name = t('previewName');
    this.preview.text = t('totals');
    this.preview.command = { title: t('openPreview'), command: 'govreport.showPreview' };
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const a = uri ? this.latest.get(uri) : undefined;
    if (!a) {
      this.problems.text = t('checking');
      return;
    }
    const { error, warning } = a.counts;
    this.problems.text =
      error > 0
        ? error === 1 ? t('oneError') : t('errors', error)
        : warning > 0
          ? warning === 1 ? t('oneWarning') : t('warnings', warning)
          : t('clean');
    this.problems.severity = error > 0 ? vscode.LanguageStatusSeverity.Error : warning > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  /** What the status item says now (for tests). */
  get text(): string {
    return this.problems.text;
  }

  dispose(): void {
    this.problems.dispose();
    this.preview.dispose();
    for (const l of this.listeners) l.dispose();
  }
}
