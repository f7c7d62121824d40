/** The language status item: `年报：2 个错误`, and a way to the totals preview. */
import * as vscode from 'vscode';

/** What the server says after each analysis (`govreport/analyzed`). */
export interface Analyzed {
  uri: string;
  version: number;
  counts: { error: number; warning: number; info: number; hint: number };
}

export class ReportStatus implements vscode.Disposable {
  private readonly problems = vscode.languages.createLanguageStatusItem('govreport.problems', { language: 'govreport' });
  private readonly preview = vscode.languages.createLanguageStatusItem('govreport.preview', { language: 'govreport' });
  private readonly latest = new Map<string, Analyzed>();
  private readonly listener = vscode.window.onDidChangeActiveTextEditor(() => this.render());

  constructor() {
    this.problems.name = vscode.l10n.t('Report problems');
    this.problems.text = vscode.l10n.t('Report: checking…');
    this.problems.command = { title: vscode.l10n.t('Show problems'), command: 'workbench.actions.view.problems' };
    this.preview.name = vscode.l10n.t('Totals preview');
    this.preview.text = vscode.l10n.t('Totals');
    this.preview.command = { title: vscode.l10n.t('Open totals preview'), command: 'govreport.showPreview' };
  }

  update(analyzed: Analyzed): void {
    this.latest.set(analyzed.uri, analyzed);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const a = uri ? this.latest.get(uri) : undefined;
    if (!a) return;
    const { error, warning } = a.counts;
    this.problems.text =
      error > 0
        ? vscode.l10n.t('Report: {0} errors', error)
        : warning > 0
          ? vscode.l10n.t('Report: {0} warnings', warning)
          : vscode.l10n.t('Report: no problems');
    this.problems.severity = error > 0 ? vscode.LanguageStatusSeverity.Error : warning > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.problems.dispose();
    this.preview.dispose();
    this.listener.dispose();
  }
}
