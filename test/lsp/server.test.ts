/**
 * The language server spoken to over stdio, as an editor does: diagnostics on
 * open, after an edit and after close; outline, folding, CodeLens, hover,
 * quick fixes and fix-all; the report model; settings.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, CompletionItem, DocumentSymbol, FoldingRange, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixtureText } from '../support/fixtures';
import { TestClient } from '../support/lsp';
import { SKIP_SHARED, sharedReports, sharedText } from '../support/shared';

const fixture = (name: string) => fixtureText(name);
const uriOf = (name: string) => `file:///reports/${name}`;

/** Applies an LSP WorkspaceEdit's edits to a text, as the editor would. */
function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'govreport', 1, text), edits);
}

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('announces its features, with incremental sync', () => {
    const caps = client.capabilities.capabilities;
    assert.equal((caps.textDocumentSync as { change: number }).change, 2);
    assert.ok(caps.documentSymbolProvider && caps.foldingRangeProvider && caps.hoverProvider && caps.codeLensProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.govreport', 'refactor.rewrite']);
    assert.ok(caps.documentFormattingProvider && caps.documentRangeFormattingProvider);
  });

  it('publishes diagnostics on open, after an edit, and clears them on close', async () => {
    const uri = uriOf('cells-edit.report.txt');
    const opened = await client.open(uri, fixture('cells.report.txt'));
    const codes = opened.diagnostics.map((d) => d.code);
    assert.deepEqual(codes, ['row-total', 'table-shape', 'subtotal', 'conversion-artifact']);
    const rowTotal = opened.diagnostics[0];
    assert.equal(rowTotal.message, '「（一）予以公开」行：总计为 8，但各类申请人之和为 7');
    assert.deepEqual(rowTotal.range, { start: { line: 102, character: 1 }, end: { line: 102, character: 2 } });
    assert.equal(rowTotal.severity, 1);
    assert.equal(rowTotal.source, 'govreport');
    assert.match(rowTotal.codeDescription!.href, /README\.md#row-total$/);
    // The cells that explain the failure: the total, then the items that are not nought.
    assert.deepEqual(
      rowTotal.relatedInformation!.map((r) => r.message),
      ['「（一）予以公开」行「总计」列：8', '「（一）予以公开」行「自然人」列：5', '「（一）予以公开」行「商业企业」列：1', '「（一）予以公开」行「法律服务机构」列：1'],
    );

    // Typing the right total: the two arithmetic findings go.
    const edited = await client.change(uri, [{ range: rowTotal.range, text: '7' }]);
    assert.deepEqual(edited.diagnostics.map((d) => d.code), ['table-shape', 'conversion-artifact']);
    // A full-text change is taken too.
    const full = await client.change(uri, [{ text: fixture('pdf.report.txt') }]);
    assert.deepEqual(full.diagnostics.map((d) => d.code), ['year-mismatch', 'table-shape', 'review-total']);

    const closed = await client.close(uri);
    assert.deepEqual(closed.diagnostics, []);
  });

  it('gives the outline: title, parts, sub-parts, tables and their rows', async () => {
    const uri = uriOf('outline.report.txt');
    await client.open(uri, fixture('markdown.report.txt'));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0].name, '某某市某某区人民政府 2023年政府信息公开工作年度报告');
    const parts = symbols.slice(1).map((s) => s.name);
    assert.deepEqual(parts, ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '六、其他需要报告的事项', '五、存在的主要问题及改进情况']);
    assert.equal(symbols[1].children!.length, 5, 'the five sub-parts of part 一');
    const table = symbols[3].children![0];
    assert.equal(table.name, '收到和处理政府信息公开申请情况');
    assert.equal(table.children!.length, 25);
    assert.equal(table.children![0].name, '一、本年新收');
    for (const s of symbols) assert.ok(s.range.start.line <= s.selectionRange.start.line);
    await client.close(uri);
  });

  it('folds parts and tables', async () => {
    const uri = uriOf('fold.report.txt');
    await client.open(uri, fixture('pdf.report.txt'));
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length >= 9);
    assert.ok(folds.every((f) => f.endLine > f.startLine));
    await client.close(uri);
  });

  it('shows each table’s balance in a CodeLens', async () => {
    const uri = uriOf('lens.report.txt');
    await client.open(uri, fixture('markdown.report.txt'));
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const titles = lenses.map((l) => l.command!.title);
    assert.equal(titles.length, 3);
    assert.equal(titles[0], '已读取 6/6 行 ✓');
    assert.equal(titles[1], '「自然人」列：（七）= 10，各项之和 = 11 ｜ 「总计」列：（七）= 13，各项之和 = 14 ✗');
    assert.equal(titles[2], '行政复议 2 ｜ 行政诉讼（未经复议直接起诉） 1 ｜ 行政诉讼（复议后起诉） 1 ✓');
    assert.equal(lenses[1].command!.command, 'govreport.showPreview');
    await client.close(uri);
  });

  it('hovers on a number, a row label and a heading', async () => {
    const uri = uriOf('hover.report.txt');
    const text = fixture('cells.report.txt');
    await client.open(uri, text);
    const at = async (line: number, character: number) =>
      (await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } }))?.contents as { value: string } | undefined;
    const number = await at(102, 1);
    assert.match(number!.value, /\*\*（一）予以公开\*\* · 总计：8/);
    assert.match(number!.value, /✗ 「（一）予以公开」行：总计 = 8，各类申请人之和 = 7/);
    assert.match(number!.value, /✗ 「总计」列：（七）总计 = 13，（一）至（六）各项之和 = 14/);
    // The failing sums come first, the cell's own line last.
    const blocks = number!.value.split('\n\n');
    assert.match(blocks[0], /^✗ /);
    assert.match(blocks[1], /^✗ /);
    assert.match(blocks[blocks.length - 1], /^\*\*（一）予以公开\*\* · 总计：8$/);
    // A cell the ratio is computed from shows the report's 实质公开率: (8 + 1) / 13.
    assert.equal(blocks[blocks.length - 2], '实质公开率 69.2%（予以公开与部分公开 9 ÷ （七）总计 13）');
    const lines = text.split(/\r?\n/);
    // And the review table's 总计 its 纠错率: (0 + 1 + 0) / (2 + 1 + 1).
    const review = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const numbers = lines.map((l, i) => (i > review && /^\t\d+$/.test(l) ? i : -1)).filter((i) => i >= 0);
    assert.match((await at(numbers[3], 1))!.value, /纠错率 25\.0%（结果纠正 1 ÷ 复议和诉讼总计 4）/);
    const partial = lines.findIndex((l) => l.startsWith('\t（二）部分公开'));
    assert.match((await at(partial, 3))!.value, /区分处理的，只计这一情形/);
    const heading = lines.findIndex((l) => l === '三、收到和处理政府信息公开申请情况');
    assert.match((await at(heading, 2))!.value, /每列中一 \+ 二 = 三 \+ 四/);
    assert.equal(await at(0, 0), undefined);
    await client.close(uri);
  });

  it('offers quick fixes that remove their findings, and fix all twice changes nothing more', async () => {
    for (const name of ['cells.report.txt', 'pipe.report.txt', 'markdown.report.txt', 'pdf.report.txt', 'flat.report.txt']) {
      const uri = uriOf(`fix-${name}`);
      let text = fixture(name);
      const opened = await client.open(uri, text);
      for (const diag of opened.diagnostics) {
        const all = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
        // Besides its fixes, each finding can be accepted (a command that writes the baseline, no edit).
        const accepting = (a: CodeAction) => a.command?.command === 'govreport.acceptFinding';
        assert.ok(all.some((a) => accepting(a) && a.diagnostics?.[0]?.message === diag.message), `${name}: 接受此问题 for ${diag.message}`);
        const actions = all.filter((a) => !accepting(a));
        for (const action of actions.filter((a) => a.diagnostics?.[0]?.code === diag.code && a.diagnostics?.[0]?.range.start.line === diag.range.start.line)) {
          const fixed = apply(text, action.edit!.changes![uri]);
          const probe = uriOf(`probe-${name}`);
          const after = await client.open(probe, fixed);
          const same = after.diagnostics.filter((d) => d.code === diag.code && d.message === diag.message);
          assert.equal(same.length, 0, `${name}: "${action.title}" should remove: ${diag.message}`);
          await client.close(probe);
        }
      }
      const fixAll = async () =>
        (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } }))[0];
      const first = await fixAll();
      if (first) {
        assert.equal(first.kind, 'source.fixAll.govreport');
        text = apply(text, first.edit!.changes![uri]);
        await client.change(uri, [{ text }]);
        assert.equal(await fixAll(), undefined, `${name}: a second fix-all has nothing to do`);
      }
      await client.close(uri);
    }
  });

  it('formats the document and a range: Markdown tables aligned, the findings unchanged', async () => {
    const uri = uriOf('format.report.txt');
    const text = fixture('markdown.report.txt');
    const opened = await client.open(uri, text);
    const options = { tabSize: 4, insertSpaces: true };
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
    assert.ok(edits.length > 10);
    const formatted = apply(text, edits);
    const row = formatted.split('\n').find((l) => l.includes('1.信访举报投诉类申请'))!;
    assert.match(row, /^\| +\| （五）不予处理 +\| 1\.信访举报投诉类申请 +\| +2 \| +0 \|/);
    const after = await client.change(uri, [{ text: formatted }]);
    assert.deepEqual(after.diagnostics.map((d) => [d.code, d.message]), opened.diagnostics.map((d) => [d.code, d.message]));
    assert.deepEqual(await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options }), []);
    // A range on prose touches no table.
    await client.change(uri, [{ text }]);
    const prose = { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } };
    assert.deepEqual(await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: prose, options }), []);
    const inTable = { start: { line: 40, character: 0 }, end: { line: 40, character: 0 } };
    const some = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: inTable, options });
    assert.ok(some.length > 0 && some.length < edits.length && some.every((e) => e.range.start.line >= 30 && e.range.start.line < 61));
    await client.close(uri);
  });

  it('rewrites a table read in another layout as the standard Markdown table', async () => {
    const uri = uriOf('rewrite.report.txt');
    const text = fixture('pdf.report.txt');
    const opened = await client.open(uri, text);
    const line = text.split('\n').indexOf('行政复议 行政诉讼');
    const at = { start: { line: line + 3, character: 0 }, end: { line: line + 3, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: at, context: { diagnostics: [] } });
    const rewrite = actions.find((a) => a.kind === 'refactor.rewrite');
    assert.equal(rewrite?.title, '将此表改写为标准 Markdown 表格');
    const rewritten = apply(text, rewrite!.edit!.changes![uri]);
    assert.match(rewritten, /\n\| 行政复议 +\| +\| +\| +\| +\| 行政诉讼 /);
    const after = await client.change(uri, [{ text: rewritten }]);
    assert.deepEqual(after.diagnostics.map((d) => [d.code, d.message]), opened.diagnostics.map((d) => [d.code, d.message]));
    // Only on request for refactorings of another kind: none.
    const only = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: at, context: { diagnostics: [], only: ['refactor.extract'] } });
    assert.equal(only.length, 0);
    await client.close(uri);
  });

  it('completes the whole report at the start of a line, for the year of the file name or last year', async () => {
    const complete = async (uri: string, text: string, line: number, character: number) => {
      await client.open(uri, text);
      const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
      await client.close(uri);
      return items;
    };
    const named = await complete(uriOf(encodeURIComponent('某某区2023年报.txt')), '年', 0, 1);
    assert.deepEqual(named.map((i) => i.label), ['年报', 'nianbao', 'report-skeleton']);
    const item = named[0];
    assert.equal(item.insertTextFormat, 2);
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.match((item.textEdit as TextEdit).newText, /^\$\{1:某某单位\}\$\{2:2023\}年政府信息公开工作年度报告\n/);
    assert.match(item.detail!, /^2023 年政府信息公开工作年度报告/);
    const unnamed = await complete(uriOf('draft.govreport'), '', 0, 0);
    assert.match((unnamed[0].textEdit as TextEdit).newText, new RegExp(`\\$\\{2:${new Date().getFullYear() - 1}\\}`));
    // Not in the middle of a line.
    assert.deepEqual(await complete(uriOf('prose.govreport'), '本机关 年', 0, 5), []);
  });

  it('returns the report model for the totals preview', async () => {
    const uri = uriOf('model.report.txt');
    await client.open(uri, fixture('pdf.report.txt'));
    const model = await client.request<{ version: number; view: { tables: { kind: string; sums: { status: string }[] }[]; counts: { error: number } } }>('govreport/tables', { textDocument: { uri } });
    assert.equal(model.version, 1);
    assert.deepEqual(model.view.tables.map((t) => t.kind), ['active', 'application', 'review']);
    assert.equal(model.view.tables[2].sums.filter((s) => s.status === 'fail').length, 1);
    assert.equal(model.view.counts.error, 1);
    assert.equal(await client.request('govreport/tables', { textDocument: { uri: uriOf('not-open.txt') } }), null);
    await client.close(uri);
  });

  it('checks the seeds as the CLI does', { skip: SKIP_SHARED }, async () => {
    for (const file of sharedReports('seeds')) {
      const uri = uriOf(file);
      const opened = await client.open(uri, sharedText('seeds', file));
      const arithmetic = opened.diagnostics.filter((d) => ['application-balance', 'subtotal', 'row-total', 'review-total'].includes(String(d.code)));
      assert.equal(arithmetic.length, file.startsWith('004') ? 2 : 0, file);
      await client.close(uri);
    }
  });
});

describe('settings', () => {
  it('turns rules off, changes severities and speaks English, and re-applies them on change', async () => {
    const client = await TestClient.start({ settings: { rules: { 'row-total': 'warning', 'conversion-artifact': 'off' } }, locale: 'en' });
    try {
      const uri = uriOf('settings.report.txt');
      // The server reads the settings after initialisation: wait for its first
      // round of diagnostics with them applied.
      let first = await client.open(uri, fixture('cells.report.txt'));
      while (first.diagnostics.some((d) => d.code === 'conversion-artifact')) first = await client.diagnostics(uri);
      assert.deepEqual(first.diagnostics.map((d) => d.code), ['row-total', 'table-shape', 'subtotal']);
      assert.equal(first.diagnostics[0].severity, 2);
      assert.equal(first.diagnostics[0].message, 'Row "(1) Disclosed": Total is 8, but the applicant columns sum to 7');

      client.settings = { locale: 'zh-CN', run: 'onSave' };
      const next = client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'conversion-artifact'));
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const refreshed = await next;
      assert.equal(refreshed.diagnostics[0].message, '「（一）予以公开」行：总计为 8，但各类申请人之和为 7');
    } finally {
      await client.stop();
    }
  });

  it('the content rules take their settings like the others, and the preview model the ratio thresholds', async () => {
    const client = await TestClient.start({ settings: { rules: { 'overview-topics': 'error', 'all-closed': 'off' }, ratios: { disclosureBelow: 70, correctionAbove: 30 } } });
    try {
      const uri = uriOf('content.report.txt');
      let opened = await client.open(uri, fixture('content/overview-topics.report.txt'));
      while (opened.diagnostics.some((d) => d.code === 'overview-topics' && d.severity !== 1)) opened = await client.diagnostics(uri);
      const topics = opened.diagnostics.filter((d) => d.code === 'overview-topics');
      assert.equal(topics.length, 1);
      assert.equal(topics[0].severity, 1);
      assert.match(String(topics[0].message), /^总体情况未写到“政府信息管理”、“政府信息公开平台建设”、“监督保障（工作考核、社会评议和责任追究）”；/);
      assert.equal((topics[0].codeDescription as { href: string }).href.split('#')[1], 'overview-topics');
      await client.close(uri);

      const closed = uriOf('closed.report.txt');
      assert.deepEqual((await client.open(closed, fixture('content/all-closed.report.txt'))).diagnostics.map((d) => d.code), []);
      const model = await client.request<{ thresholds: { disclosureBelow: number; correctionAbove: number }; view: { ratios: { disclosureRate: { value: number } } } }>('govreport/tables', { textDocument: { uri: closed } });
      assert.deepEqual(model.thresholds, { disclosureBelow: 70, correctionAbove: 30 });
      assert.equal(model.view.ratios.disclosureRate.value, 61.5);
      await client.close(closed);
    } finally {
      await client.stop();
    }
  });

  it('works with an editor that pushes settings instead of answering for them', async () => {
    const client = await TestClient.start({ configuration: false });
    try {
      const uri = uriOf('push.report.txt');
      await client.open(uri, fixture('pipe.report.txt'));
      const next = client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'missing-title'));
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { govreport: { rules: { 'missing-title': 'off' } } } });
      assert.ok(!(await next).diagnostics.some((d) => d.code === 'missing-title'));
    } finally {
      await client.stop();
    }
  });
});
