/// <reference types="mocha" />
// The extension as a person uses it, in a real VS Code: a report opens and its
// squiggles arrive; hover, CodeLens and quick fixes work; the table snippets
// insert tables that check clean; the totals preview shows the sums.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openReport, screenshot, waitFor, waitForAsync, waitForDiagnostics, webviewTexts } from './helpers';

const codes = (d: vscode.Diagnostic[]) => d.map((x) => String(typeof x.code === 'object' ? x.code.value : x.code));
const has = (code: string) => (d: vscode.Diagnostic[]) => codes(d).includes(code);
const lacks = (code: string) => (d: vscode.Diagnostic[]) => !codes(d).includes(code);

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('a report in the editor', () => {
  afterEach(closeAll);

  it('shows the diagnostics of a report as it opens, in Chinese, with the cells involved', async () => {
    const editor = await openReport('cells.report.txt');
    assert.equal(editor.document.languageId, 'govreport');
    const diagnostics = await waitForDiagnostics(editor.document.uri, has('row-total'));
    assert.deepEqual(codes(diagnostics), ['row-total', 'table-shape', 'subtotal', 'conversion-artifact']);
    const rowTotal = diagnostics[0];
    assert.equal(rowTotal.message, '「（一）予以公开」行：总计为 8，但各类申请人之和为 7');
    assert.equal(rowTotal.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(rowTotal.range.start.line, 102);
    assert.ok(rowTotal.relatedInformation?.some((r) => r.message === '「（一）予以公开」行「自然人」列：5'));
    editor.revealRange(rowTotal.range, vscode.TextEditorRevealType.InCenter);
    editor.selection = new vscode.Selection(rowTotal.range.start, rowTotal.range.start);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('report-diagnostics-and-problems');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('hovers on a number with its sums', async () => {
    const editor = await openReport('cells.report.txt');
    await waitForDiagnostics(editor.document.uri, has('row-total'));
    const at = new vscode.Position(102, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /（一）予以公开\*\* · 总计：8/);
    assert.match(text, /✗ 「（一）予以公开」行：总计 = 8，各类申请人之和 = 7/);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('report-hover');
  });

  it('shows each table’s balance in a CodeLens', async () => {
    const editor = await openReport('markdown.report.txt');
    await waitForDiagnostics(editor.document.uri, has('subtotal'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const titles = lenses.map((l) => l.command?.title);
    assert.equal(titles.length, 3);
    assert.match(titles[1] ?? '', /「自然人」列：（七）= 10，各项之和 = 11.*✗$/);
    assert.match(titles[2] ?? '', /✓$/);
    editor.revealRange(lenses[1].range, vscode.TextEditorRevealType.AtTop);
    await screenshot('report-codelens');
  });

  it('applies a quick fix, and the finding goes', async () => {
    const editor = await openReport('pipe.report.txt');
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, has('non-numeric-cell'));
    const letterO = diagnostics.find((d) => codes([d])[0] === 'non-numeric-cell')!;
    assert.equal(editor.document.getText(letterO.range), 'O');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, letterO.range);
    const fix = actions.find((a) => a.title === '改为 0');
    assert.ok(fix?.edit, `a fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const after = await waitForDiagnostics(uri, lacks('non-numeric-cell'));
    assert.equal(editor.document.getText(letterO.range), '0');
    assert.deepEqual(codes(after), ['missing-title', 'table-shape', 'section-heading']);
  });

  it('fixes everything safe at once, and a second time there is nothing to fix', async () => {
    const editor = await openReport('cells.report.txt');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, has('conversion-artifact'));
    const range = new vscode.Range(0, 0, 0, 0);
    const [fixAll] = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, 'source.fixAll.govreport');
    assert.ok(fixAll?.edit);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const after = await waitForDiagnostics(uri, (d) => !has('conversion-artifact')(d) && !has('row-total')(d));
    assert.deepEqual(codes(after), ['table-shape']);
    const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, 'source.fixAll.govreport');
    assert.equal(again.length, 0);
  });

  for (const [kind, part] of [
    ['active', '二、主动公开政府信息情况'],
    ['application', '三、收到和处理政府信息公开申请情况'],
    ['review', '四、政府信息公开行政复议、行政诉讼情况'],
  ] as const) {
    for (const style of ['markdown', 'pipe'] as const) {
      it(`inserts the ${kind} table snippet (${style}), which checks clean`, async () => {
        const editor = await openReport(`snippet-${kind}-${style}.report.txt`, SKELETON);
        const uri = editor.document.uri;
        const missing = (d: vscode.Diagnostic[]) => d.filter((x) => codes([x])[0] === 'missing-table').map((x) => editor.document.lineAt(x.range.start.line).text);
        await waitForDiagnostics(uri, (d) => missing(d).length === 3);
        const line = editor.document.getText().split('\n').indexOf(part) + 1;
        editor.selection = new vscode.Selection(line, 0, line, 0);
        // By the name the suggestion list shows beside the prefix.
        const name = `${{ active: '表一 主动公开政府信息情况', application: '表二 收到和处理政府信息公开申请情况', review: '表三 政府信息公开行政复议、行政诉讼情况' }[kind]}（${style === 'markdown' ? 'Markdown 表格' : '竖线分隔'}）`;
        await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'govreport', name });
        // Leave the snippet, as a person would after filling it in.
        await vscode.commands.executeCommand('leaveSnippet');
        assert.match(editor.document.getText(), new RegExp(`${part}\\n[|（第行]`));
        // Its part's table is no longer missing, and the table brings no finding.
        const after = await waitForDiagnostics(uri, (d) => missing(d).length === 2);
        assert.deepEqual(codes(after), ['missing-table', 'missing-table']);
        assert.ok(!missing(after).includes(part));
        if (kind === 'application' && style === 'markdown') await screenshot('snippet-application-markdown');
      });
    }
  }

  it('opens the totals preview beside the report, which shows the failing sums', async () => {
    const editor = await openReport('markdown.report.txt');
    await waitForDiagnostics(editor.document.uri, has('subtotal'));
    await vscode.commands.executeCommand('govreport.showPreview');
    await waitFor(
      () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('govreport.preview'))),
      { event: vscode.window.tabGroups.onDidChangeTabs, timeout: 15_000, message: 'the preview tab' },
    );
    if (process.env.GOVREPORT_E2E_CONTROL) {
      // What the preview shows, read from the browser.
      const text = await waitForAsync(async () => ((await webviewTexts()) ?? []).find((t) => t.includes('应为 11')), {
        timeout: 15_000,
        message: 'the preview to show the expected total',
      });
      assert.match(text, /收到和处理政府信息公开申请情况/);
      assert.match(text, /合计检查 39 项：37 项成立，2 项不成立/);
      // The report's ratios, the one beyond its threshold marked: (7 + 1) / 13; (0 + 1 + 0) / (2 + 1 + 1).
      assert.match(text, /实质公开率 61\.5%（予以公开与部分公开 8 ÷ （七）总计 13）/);
      assert.match(text, /纠错率 25\.0%（结果纠正 1 ÷ 复议和诉讼总计 4） ⚠ 超出阈值（高于 15%）/);
    }
    await screenshot('preview');
  });

  it('follows the report being edited', async () => {
    const editor = await openReport('markdown.report.txt');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, has('subtotal'));
    await vscode.commands.executeCommand('govreport.showPreview');
    // Mend the table: the preview should stop showing the failure.
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('1.信访举报投诉类申请'));
    const row = editor.document.lineAt(line).text;
    const fixed = row.replace('| 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '| 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
    assert.notEqual(fixed, row);
    await editor.edit((e) => e.replace(editor.document.lineAt(line).range, fixed));
    await waitForDiagnostics(uri, lacks('subtotal'));
    if (process.env.GOVREPORT_E2E_CONTROL) {
      await waitForAsync(async () => ((await webviewTexts()) ?? []).some((t) => t.includes('合计检查 39 项：39 项成立')), {
        timeout: 15_000,
        message: 'the preview to show every sum holding',
      });
    }
  });
});

describe('which files are reports', () => {
  afterEach(closeAll);

  it('knows a report by its first line, when its name does not say', async () => {
    const editor = await openReport('2023年报', '某某镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n');
    assert.equal(editor.document.languageId, 'govreport');
    await waitForDiagnostics(editor.document.uri, has('missing-section'));
  });

  it('treats any file as a report on request', async () => {
    const editor = await openReport('notes.txt', '一、总体情况\n本年度工作情况。\n');
    assert.equal(editor.document.languageId, 'plaintext');
    await vscode.commands.executeCommand('govreport.treatAsReport');
    await waitFor(() => vscode.window.activeTextEditor?.document.languageId === 'govreport', { message: 'the language to change' });
    const diagnostics = await waitForDiagnostics(vscode.window.activeTextEditor!.document.uri, has('missing-title'));
    assert.ok(codes(diagnostics).includes('missing-section'));
  });
});

describe('settings', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('govreport').update('locale', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('govreport').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  it('speaks English and turns rules off when the settings say so', async () => {
    const editor = await openReport('pdf.report.txt');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, has('review-total'));
    const config = vscode.workspace.getConfiguration('govreport');
    await config.update('rules', { 'year-mismatch': 'off', 'review-total': 'warning' }, vscode.ConfigurationTarget.Workspace);
    await config.update('locale', 'en', vscode.ConfigurationTarget.Workspace);
    const english = await waitForDiagnostics(uri, (d) => lacks('year-mismatch')(d) && d.some((x) => x.message.startsWith('Lawsuits after')));
    const review = english.find((d) => codes([d])[0] === 'review-total')!;
    assert.equal(review.message, 'Lawsuits after reconsideration: Total is 0, but upheld + corrected + other + pending is 1');
    assert.equal(review.severity, vscode.DiagnosticSeverity.Warning);
    await config.update('locale', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('locale', 'zh-CN', vscode.ConfigurationTarget.Workspace);
  });
});

/** A report with its six parts and the prose the format asks for, and no tables. */
const SKELETON = [
  '某某区人民政府2023年政府信息公开工作年度报告',
  '本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
  '一、总体情况',
  '本机关依法推进政务公开，主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障各项工作有序开展。',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '上年度报告指出的政策解读形式单一问题，已通过增加图解和问答完成整改。本年度仍存在主动公开的深度不够、信息更新不够及时等问题。下一步将加强业务培训。',
  '六、其他需要报告的事项',
  '本机关未收取信息处理费。',
  '',
].join('\n');
