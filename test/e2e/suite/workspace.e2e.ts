/// <reference types="mocha" />
// The reviewer's desk in a real VS Code: Review Workspace fills Problems with
// the findings of every report of a folder, open or not, the rules across
// years included, and a .docx among them, and keeps them current as files
// change on disk; the folder overview shows the summary table and its charts,
// and exports the CSV.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { officialDocx, officialLayout } from '../../support/official';
import { bump, cleanSpec, copySpec, render } from '../../support/reports';
import { fixtureUri, projectRoot, screenshot, waitForAsync, waitForDiagnostics, webviews } from './helpers';

const codes = (d: vscode.Diagnostic[]) => d.map((x) => String(typeof x.code === 'object' ? x.code.value : x.code));

/** One body's reports, 2022 to 2024; `carry` plants a carry-over defect in 2024. */
function reports(carry: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  [2022, 2023, 2024].forEach((year, k) => {
    const spec = copySpec(cleanSpec('2021', year));
    bump(spec, '1', 3 * k);
    bump(spec, '3.1', 2 * k);
    bump(spec, '3.4.1', k);
    bump(spec, '3.7', 3 * k);
    spec.prose[1][2] = `（二）依申请公开情况。${year}年共收到政府信息公开申请${spec.application['1'][6]}件。`;
    spec.active.normative = ['2', '1', String(15 + k)];
    if (carry && year === 2024) {
      bump(spec, '2', 2);
      bump(spec, '4', 2);
    }
    out[year === 2023 ? `desk/某某区${year}年报告.txt` : `desk/mmq-${year}.report.txt`] = render(spec, year === 2022 ? 'cells' : year === 2023 ? 'pdf' : 'pipe');
  });
  // Another body's report, consistent on its own.
  const other = copySpec(cleanSpec('2021', 2024));
  other.title = ['另一县人民政府', '2024年政府信息公开工作年度报告'];
  out['desk/other-2024.report.txt'] = render(other, 'markdown');
  return out;
}

async function write(files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, data] of Object.entries(files)) await vscode.workspace.fs.writeFile(fixtureUri(name), typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
}

/** A third body's report as a .docx (the Markdown fixture's, with its one subtotal error). */
const DOCX = 'desk/第三县2023年报.docx';
function docxReport(): Uint8Array {
  const text = readFileSync(join(projectRoot(), 'test', 'fixtures', 'markdown.report.txt'), 'utf8').replace('某某市某某区人民政府', '第三县人民政府');
  return officialDocx(officialLayout(text)!);
}

describe('the workspace review and the folder overview', () => {
  /** How many reports Review Workspace said it checked. */
  let reviewed = 0;

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fixtureUri('desk'), { recursive: true });
  });

  it('Review Workspace puts every report’s problems in Problems, across years too, and follows the disk', async function () {
    this.timeout(60_000);
    await write({ ...reports(true), [DOCX]: docxReport() });
    const result = await vscode.commands.executeCommand<{ files: number; cancelled: boolean }>('govreport.reviewWorkspace');
    assert.equal(result.cancelled, false);
    assert.ok(result.files >= 5, `${result.files} reports checked`);
    reviewed = result.files;

    // The .docx too, closed, under the document its report text shows in, each finding at its place in the Word file.
    const docx = vscode.Uri.from({ scheme: 'govreport-source', path: `${fixtureUri(DOCX).path}.govreport`, query: fixtureUri(DOCX).toString() });
    const inDocx = await waitForDiagnostics(docx, (d) => codes(d).includes('subtotal'));
    assert.ok(inDocx.some((d) => d.message === '（七）总计「自然人」列为 10，但（一）至（六）各项之和为 11（表二 第 27 行 第 4 列）'), inDocx.map((d) => d.message).join('\n'));
    // One click away: the report text opens at the finding, and the finding stands as it did.
    const subtotal = inDocx.find((d) => codes([d])[0] === 'subtotal')!;
    const shown = await vscode.window.showTextDocument(docx, { selection: subtotal.range, preview: false });
    assert.equal(shown.document.languageId, 'govreport');
    assert.match(shown.document.getText(subtotal.range), /^\d+$/);
    await waitForDiagnostics(docx, (d) => d.filter((x) => codes([x])[0] === 'subtotal').length === inDocx.filter((x) => codes([x])[0] === 'subtotal').length);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const later = fixtureUri('desk/mmq-2024.report.txt');
    const diagnostics = await waitForDiagnostics(later, (d) => codes(d).includes('carry-over'));
    assert.deepEqual(codes(diagnostics), ['carry-over', 'carry-over']);
    assert.equal(diagnostics[0].message, '「自然人」列：上年结转为 3，但 2023 年报告的结转下年度为 1');
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics[0].relatedInformation?.[0].location.uri.toString(), fixtureUri('desk/某某区2023年报告.txt').toString());
    // Not open in any editor: found by the workspace review.
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === later.toString()));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('workspace-review-problems');

    // Mended on disk, outside the editor: the problem goes.
    await write({ 'desk/mmq-2024.report.txt': reports(false)['desk/mmq-2024.report.txt'] });
    await waitForDiagnostics(later, (d) => !codes(d).includes('carry-over'));
    await write({ 'desk/mmq-2024.report.txt': reports(true)['desk/mmq-2024.report.txt'] });
    await waitForDiagnostics(later, (d) => codes(d).includes('carry-over'));
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('the folder overview shows the summary table and draws its charts under the strict CSP', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('govreport.showOverview');
    const view = await waitForAsync(
      async () => (await webviews())?.find((v) => v.text.includes('报告总览') && v.text.includes('mmq-2024.report.txt') && (v.canvases ?? []).filter((c) => c.painted > 0).length >= 2),
      { timeout: 30_000, message: 'the overview with its table and charts' },
    );
    assert.match(view.text, /另一县人民政府/);
    assert.match(view.text, /第三县2023年报\.docx/);
    assert.match(view.text, /某某市某某区人民政府/);
    assert.match(view.text, /本年新收/);
    // The CSP allows the page's own nonce'd script and nothing else: no eval, nothing remote.
    const scriptSrc = view.csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    assert.match(scriptSrc ?? '', /^script-src 'nonce-[^' ]+'$/);
    assert.match(view.csp, /default-src 'none'/);
    assert.doesNotMatch(view.csp, /unsafe-eval|unsafe-inline/);
    // The ratio columns: 实质公开率 (7 + 1) / 13, (9 + 1) / 16, (11 + 1) / 19 over the three years;
    // 纠错率 (0 + 1 + 0) / (2 + 1 + 1) each year, above the default 15%: marked.
    assert.match(view.text, /实质公开率/);
    assert.match(view.text, /纠错率/);
    for (const rate of ['61.5%', '62.5%', '63.2%']) assert.ok(view.text.includes(rate), rate);
    assert.match(view.text, /25\.0% ⚠/);
    const charts = view.canvases!;
    assert.ok(charts.some((c) => c.label.includes('实质公开率与纠错率') && c.painted > 0), JSON.stringify(charts));
    assert.ok(charts.some((c) => c.label.includes('办理结果') && c.painted > 0), JSON.stringify(charts));
    assert.ok(charts.some((c) => c.label.includes('历年情况') && c.painted > 0), JSON.stringify(charts));
    // One count everywhere: the reports Review Workspace said it checked are the table's rows.
    const counted = Number(/(\d+) 份报告/.exec(view.text)?.[1]);
    assert.equal(counted, reviewed, view.text.slice(0, 200));
    // The page never scrolls sideways; the wide table scrolls in its own box.
    const { page, scrollers } = view.layout!;
    assert.ok(page.scrollWidth <= page.clientWidth, JSON.stringify(view.layout));
    const table = scrollers.find((b) => b.className.includes('table-scroll'));
    assert.ok(table && table.clientWidth <= page.clientWidth, JSON.stringify(view.layout));
    // A row of the outcomes chart for every report, its name read level (the bars run sideways).
    const outcomes = charts.find((c) => c.label.includes('办理结果'))!;
    assert.ok(outcomes.height >= Math.min(1100, 22 * counted), JSON.stringify(outcomes));
    await screenshot('overview');
  });

  it('exports the summary as CSV with a BOM', async () => {
    const target = fixtureUri('desk-summary.csv');
    await vscode.commands.executeCommand('govreport.exportSummary', target);
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = Buffer.from(bytes).toString('utf8').slice(1).split('\r\n');
    assert.match(lines[0], /^文件,机关,年度,格式,本年新收,/);
    const row = lines.find((l) => l.startsWith('desk/mmq-2024.report.txt,'));
    assert.ok(row, lines.join('\n'));
    assert.match(row!, /^desk\/mmq-2024\.report\.txt,某某市某某区人民政府,2024,2021,19,3,/);
    assert.match(row!, /,63\.2%,2,1,1,25\.0%,/);
    await vscode.workspace.fs.delete(target);
  });
});
