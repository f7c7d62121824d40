/// <reference types="mocha" />
// What a new user meets, in a real VS Code: one language everywhere, the hover
// on a failing total with its sums first, the review table as three rows by
// five columns and the parts in order in the preview, Format Document and the
// table rewrite, the year-aware skeleton, snippet names, the walkthrough's
// sample, and the sample open at start.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GovReportApi } from '../../../client/src/extension';
import { HAS_BROWSER, needsBrowser, openReport, screenshot, waitFor, waitForAsync, waitForDiagnostics, waitForWorkbench, webviewTexts } from './helpers';

const codes = (d: vscode.Diagnostic[]) => d.map((x) => String(typeof x.code === 'object' ? x.code.value : x.code));
const has = (code: string) => (d: vscode.Diagnostic[]) => codes(d).includes(code);

function api(): GovReportApi {
  return vscode.extensions.getExtension<GovReportApi>('govreport.govreport')!.exports;
}

/** The label of the totals preview's tab, as the tab bar shows it. */
function previewTab(): string | undefined {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('govreport.preview')) return tab.label;
  }
  return undefined;
}

async function setLocale(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('govreport').update('locale', value, vscode.ConfigurationTarget.Workspace);
}

describe('a new user', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('finds the sample report open at start, as npm start opens it', function () {
    needsBrowser(this, 'open the workbench at a file, as npm start does');
    assert.equal(process.env.GOVREPORT_E2E_STARTUP, process.env.GOVREPORT_E2E_OPENED);
    assert.equal(process.env.GOVREPORT_E2E_STARTUP, 'sample.govreport');
  });

  it('reads one language everywhere: status item, preview tab, messages follow govreport.locale', async () => {
    try {
      await setLocale('zh-CN');
      const editor = await openReport('markdown.report.txt');
      await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => x.message.includes('总计')));
      await vscode.commands.executeCommand('govreport.showPreview');
      await waitFor(() => previewTab() === '合计：markdown.report.txt', { event: vscode.window.tabGroups.onDidChangeTabs, pollMs: 100, timeout: 15_000, message: 'the Chinese tab title' });
      await waitFor(() => api().status.text === '年报：2 个错误', { pollMs: 100, message: `the Chinese status (${api().status.text})` });
      await waitForWorkbench('.codelens-decoration:has-text("「自然人」列")');
      await setLocale('en');
      await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => x.message.includes('Total')));
      await waitFor(() => previewTab() === 'Totals: markdown.report.txt', { pollMs: 100, timeout: 15_000, message: `the English tab title (${previewTab()})` });
      await waitFor(() => api().status.text === 'Report: 2 errors', { pollMs: 100, message: `the English status (${api().status.text})` });
      // The lenses above the tables, as the editor draws them: asked for again when the language changes.
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      assert.ok(lenses.some((l) => l.command?.title.startsWith('column "Natural persons": (7) = 10, items = 11')), lenses.map((l) => l.command?.title).join(' / '));
      await waitForWorkbench(`.codelens-decoration:has-text('column "Natural persons": (7) = 10')`);
      // Hovers: a row's English name from the schema, as the diagnostics have it.
      const text = editor.document.getText().split('\n');
      const row = text.findIndex((l) => l.includes('（一）予以公开'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(row, text[row].indexOf('（一）予以公开') + 2));
      const hover = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(hover, /^\*\*\(1\) Disclosed\*\*/, hover);
      assert.doesNotMatch(hover.replace(/"[^"]*"/g, ''), /[\u4e00-\u9fff]/, hover);
      if (HAS_BROWSER) {
        // The preview: captions, group rows and their items in English, none cut short.
        const shown = await waitForAsync(async () => ((await webviewTexts()) ?? []).find((t) => t.includes('Applications received and handled') && t.includes('Article 20, item (1)')), {
          timeout: 15_000,
          message: 'the preview in English',
        });
        const lines = shown.split('\n').map((l) => l.trim());
        for (const heading of ['3. Outcomes this year', '(3) Not disclosed', '(4) Cannot provide', '(5) Not processed', '(6) Otherwise handled']) assert.ok(lines.includes(heading), heading);
        assert.ok(lines.some((l) => /^1\. state secret\s/.test(l)), shown);
        assert.doesNotMatch(shown, /第二十条|三、本年度办理结果|（三）不予公开|…/);
      }
      await screenshot('locale-english');
    } finally {
      await setLocale('zh-CN');
    }
  });

  it('hovers on a failing total with the failing sums first and only the cells that explain it', async () => {
    const editor = await openReport('cells.report.txt');
    const [rowTotal] = await waitForDiagnostics(editor.document.uri, has('row-total'));
    assert.deepEqual(
      rowTotal.relatedInformation?.map((r) => r.message),
      ['「（一）予以公开」行「总计」列：8', '「（一）予以公开」行「自然人」列：5', '「（一）予以公开」行「商业企业」列：1', '「（一）予以公开」行「法律服务机构」列：1'],
    );
    const at = rowTotal.range.start;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const ours = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).find((t) => t.includes('予以公开'))!;
    const blocks = ours.split('\n\n');
    // Both sums through this cell fail; they come first.
    assert.deepEqual(blocks.slice(0, 2).sort(), ['✗ 「总计」列：（七）总计 = 13，（一）至（六）各项之和 = 14', '✗ 「（一）予以公开」行：总计 = 8，各类申请人之和 = 7']);
    assert.match(blocks[blocks.length - 1], /（一）予以公开\*\* · 总计：8$/);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection: new vscode.Range(at, at) });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    await waitForWorkbench('.monaco-hover:has-text("各类申请人之和")');
    await screenshot('hover-failing-total');
  });

  it('sees the review table as three rows by five columns, and the parts in order, in the preview', async () => {
    // Parts 五 and 六 swapped, the review table near the top.
    const text = [
      '某某区人民政府2023年政府信息公开工作年度报告',
      '本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
      '一、总体情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
      '| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '| 1 | 0 | 1 | 0 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 0 |',
      '六、其他需要报告的事项',
      '五、存在的主要问题及改进情况',
      '',
    ].join('\n');
    const editor = await openReport('review-grid.report.txt', text);
    await waitForDiagnostics(editor.document.uri, has('review-total'));
    await vscode.commands.executeCommand('govreport.showPreview');
    if (HAS_BROWSER) {
      const shown = await waitForAsync(async () => ((await webviewTexts()) ?? []).find((t) => t.includes('行政诉讼（复议后起诉）')), { timeout: 15_000, message: 'the review table in the preview' });
      const lines = shown.split('\n').map((l) => l.trim()).filter(Boolean);
      const header = lines.findIndex((l) => /^结果维持\s+结果纠正\s+其他结果\s+尚未审结\s+总计$/.test(l));
      assert.ok(header >= 0, shown);
      assert.deepEqual(lines.slice(header + 1, header + 4).map((l) => l.split(/\s+/)), [
        ['行政复议', '1', '0', '1', '0', '2'],
        ['行政诉讼（未经复议直接起诉）', '0', '1', '0', '0', '1'],
        ['行政诉讼（复议后起诉）', '0', '0', '0', '1', '0'],
      ]);
      // Under the failing total, the value it should hold.
      assert.equal(lines[header + 4], '应为 1');
      assert.doesNotMatch(shown, /复议和诉讼数字/);
      assert.match(shown, /⚠ 五、存在的主要问题及改进情况（在第六部分之后）/);
      assert.match(shown, /✗ 二、主动公开政府信息情况（缺失）/);
    }
    // Room for the editor and the preview side by side, as on a laptop screen.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    try {
      await waitForWorkbench('.part.sidebar', 'hidden');
      await screenshot('preview-review-table');
    } finally {
      await vscode.commands.executeCommand('workbench.view.explorer');
    }
  });

  it('shows the group rows of the applications table in the preview', async function () {
    needsBrowser(this, 'read the preview');
    const editor = await openReport('markdown.report.txt');
    await waitForDiagnostics(editor.document.uri, has('subtotal'));
    await vscode.commands.executeCommand('govreport.showPreview');
    const shown = await waitForAsync(async () => ((await webviewTexts()) ?? []).find((t) => t.includes('应为 11')), { timeout: 15_000, message: 'the preview' });
    const lines = shown.split('\n').map((l) => l.trim());
    const group = lines.indexOf('三、本年度办理结果');
    assert.ok(group > 0, shown);
    assert.match(lines[group + 1], /^（一）予以公开\s/);
    assert.ok(lines.includes('（三）不予公开'));
    assert.ok(lines.some((l) => /^1\.属于国家秘密\s/.test(l)));
  });

  it('formats the document: tables aligned, every cell the same', async () => {
    const editor = await openReport('markdown.report.txt');
    const before = await waitForDiagnostics(editor.document.uri, has('subtotal'));
    await vscode.commands.executeCommand('editor.action.formatDocument');
    const text = editor.document.getText();
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith('| 第二十条第（一）项'));
    assert.deepEqual(lines.slice(start + 2, start + 5), [
      '| 信息内容           | 本年制发件数               | 本年废止件数 | 现行有效件数 |',
      '| 规章               |                          0 |            0 |            3 |',
      '| 行政规范性文件     |                          2 |            1 |           15 |',
    ]);
    const after = await waitForDiagnostics(editor.document.uri, (d) => d.length === before.length && d.some((x) => x.range.start.character !== before.find((y) => y.message === x.message)?.range.start.character));
    assert.deepEqual(after.map((d) => d.message), before.map((d) => d.message));
    // Wrapping off, as the README says, to read the formatted table as a grid,
    // in a font that draws a Chinese character two columns wide.
    await vscode.workspace.getConfiguration('editor', { languageId: 'govreport' }).update('wordWrap', 'off', vscode.ConfigurationTarget.Workspace, true);
    await vscode.workspace.getConfiguration('editor').update('fontFamily', "'Noto Sans Mono CJK SC', 'WenQuanYi Micro Hei Mono', monospace", vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    try {
      const application = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
      editor.revealRange(new vscode.Range(start, 0, start, 0), vscode.TextEditorRevealType.AtTop);
      editor.selection = new vscode.Selection(application, 0, application, 0);
      await waitForWorkbench('.part.sidebar', 'hidden');
      await waitForWorkbench('.view-line:has-text("第二十条第（一）项")');
      await screenshot('formatted-table');
    } finally {
      await vscode.workspace.getConfiguration('editor', { languageId: 'govreport' }).update('wordWrap', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.workspace.getConfiguration('editor').update('fontFamily', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.view.explorer');
    }
  });

  it('rewrites a table read from a PDF as the standard Markdown table', async () => {
    const editor = await openReport('pdf.report.txt');
    const before = await waitForDiagnostics(editor.document.uri, has('review-total'));
    const line = editor.document.getText().split('\n').indexOf('行政复议 行政诉讼');
    const range = new vscode.Range(line, 0, line, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range, vscode.CodeActionKind.RefactorRewrite.value);
    const rewrite = actions.find((a) => a.title === '将此表改写为标准 Markdown 表格');
    assert.ok(rewrite?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(rewrite.edit));
    assert.match(editor.document.lineAt(line).text, /^\| 行政复议 +\|/);
    const after = await waitForDiagnostics(editor.document.uri, (d) => d.length === before.length && editor.document.lineAt(line).text.startsWith('|'));
    assert.deepEqual(after.map((d) => d.message), before.map((d) => d.message));
  });

  it('completes the whole report for the year in the file name; the snippets say what they insert', async () => {
    const editor = await openReport('某某区2023年报.govreport', '年');
    await waitForDiagnostics(editor.document.uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 1));
    const skeleton = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '年报' && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(skeleton, list.items.map((i) => JSON.stringify(i.label)).join(' '));
    assert.ok(skeleton.insertText instanceof vscode.SnippetString, typeof skeleton.insertText);
    assert.match(skeleton.insertText.value, /\$\{2:2023\}年政府信息公开工作年度报告/);
    editor.selection = new vscode.Selection(0, 1, 0, 1);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await waitForWorkbench('.suggest-widget .monaco-list-row:has-text("年报")');
    await screenshot('completion-skeleton');
    await vscode.commands.executeCommand('hideSuggestWidget');
    // The static table snippets: named by what they insert, never by an internal id.
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, 0, 1), '表'));
    const tables = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 1));
    const names = tables.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : `${i.label.label} ${i.label.description ?? ''}`));
    assert.ok(names.includes('表二 表二 收到和处理政府信息公开申请情况（Markdown 表格）'), names.join(' | '));
    assert.ok(names.every((n) => !n.includes('govreport.')), names.join(' | '));
  });

  it('walks through the sample: its squiggle, its fix, the preview', async () => {
    await vscode.commands.executeCommand('govreport.openSample');
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('/示例报告.govreport'), editor.document.uri.toString());
    assert.equal(editor.document.languageId, 'govreport');
    await waitForDiagnostics(editor.document.uri, (d) => codes(d).join() === 'row-total,subtotal');
    await vscode.commands.executeCommand('govreport.showSampleProblem');
    const [error] = vscode.languages.getDiagnostics(editor.document.uri);
    assert.deepEqual(vscode.window.activeTextEditor!.selection.active, error.range.start);
    await waitForWorkbench('.view-overlays .squiggly-error');
    await screenshot('walkthrough-squiggle');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, error.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('将「（一）予以公开」行「总计」列改为 7'));
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(editor.document.uri, (d) => d.length === 0);
    await vscode.commands.executeCommand('govreport.showPreview');
    if (HAS_BROWSER) {
      await waitForAsync(async () => ((await webviewTexts()) ?? []).some((t) => t.includes('合计检查 39 项：39 项成立')), { timeout: 15_000, message: 'the preview of the mended sample' });
    }
    await screenshot('walkthrough-preview');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
