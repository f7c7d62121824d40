/**
 * The folder's settings (.govreport.json) and accepted findings
 * (.govreport-baseline.json) in the language server: read for each report
 * over the editor's settings, read again when the editor says they changed,
 * and "Accept this finding" writing the baseline.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { FIXTURES, tempDirs } from '../support/fixtures';
import { TestClient, type Published } from '../support/lsp';
import { cleanSpec, nextYearSpec, render, scaledSpec } from '../support/reports';

const tempDir = tempDirs('lsp-config');

const HINT = 4;
const WARNING = 2;
const ERROR = 1;
const uriOf = (path: string) => pathToFileURL(path).href;
const severityOf = (p: Published, code: string) => p.diagnostics.filter((d) => d.code === code).map((d) => d.severity);

/** Tells the server that files changed on disk (as the editor's watcher does). */
async function changed(client: TestClient, paths: string[], type = 2): Promise<void> {
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: paths.map((p) => ({ uri: uriOf(p), type })) });
}

describe('folder settings in the language server', { timeout: 30_000 }, () => {
  it('rules: the folder’s file over the editor’s settings where both speak; a change on disk re-checks the open report', async () => {
    const dir = tempDir();
    const report = join(dir, 'cells.report.txt');
    copyFileSync(join(FIXTURES, 'cells.report.txt'), report);
    writeFileSync(join(dir, '.govreport.json'), '{ "rules": { "subtotal": "warning", "conversion-artifact": "off" } }');
    const client = await TestClient.start({ settings: { rules: { subtotal: 'hint', 'table-shape': 'info' } }, workspaceFolders: [uriOf(dir)], watchFiles: true });
    try {
      // The server reads the editor's settings after initialisation: wait for them applied.
      const applied = client.diagnostics(uriOf(report), (p) => severityOf(p, 'table-shape')[0] === 3);
      await client.open(uriOf(report), readFileSync(report, 'utf8'));
      const opened = await applied;
      assert.deepEqual(severityOf(opened, 'subtotal'), [WARNING], 'the folder wins');
      assert.deepEqual(severityOf(opened, 'table-shape'), [3], 'the editor’s setting stands where the folder says nothing');
      assert.deepEqual(severityOf(opened, 'conversion-artifact'), []);
      writeFileSync(join(dir, '.govreport.json'), '{ "rules": { "subtotal": "off" } }');
      const again = client.diagnostics(uriOf(report), (p) => severityOf(p, 'subtotal').length === 0);
      await changed(client, [join(dir, '.govreport.json')]);
      assert.deepEqual(severityOf(await again, 'conversion-artifact'), [WARNING]);
      // Gone: the editor's own settings again.
      rmSync(join(dir, '.govreport.json'));
      const gone = client.diagnostics(uriOf(report), (p) => severityOf(p, 'subtotal')[0] === HINT);
      await changed(client, [join(dir, '.govreport.json')], 3);
      await gone;
    } finally {
      await client.stop();
    }
  });

  it('a bad file is said once, naming the key; its defaults are used and checking goes on', async () => {
    const dir = tempDir();
    const report = join(dir, 'cells.report.txt');
    copyFileSync(join(FIXTURES, 'cells.report.txt'), report);
    writeFileSync(join(dir, '.govreport.json'), '{ "rules": { "subtotal": "warn" }, "locale": "en" }');
    const client = await TestClient.start({ workspaceFolders: [uriOf(dir)], locale: 'zh-cn' });
    try {
      const opened = await client.open(uriOf(report), readFileSync(report, 'utf8'));
      assert.deepEqual(severityOf(opened, 'subtotal'), [ERROR]);
      // The rest of the file stands: it speaks English.
      assert.match(opened.diagnostics.find((d) => d.code === 'subtotal')!.message as string, /^\(7\) Total/);
      await client.open(uriOf(join(dir, 'b.report.txt')), readFileSync(report, 'utf8'));
      const said = client.shown.filter((m) => m.message.includes('.govreport.json'));
      assert.equal(said.length, 1, JSON.stringify(client.shown));
      assert.equal(said[0].type, WARNING);
      assert.match(said[0].message, /\.govreport\.json:1:26: "rules\.subtotal" should be one of off, error, warning, info, hint, not "warn"; its default is used$/);
    } finally {
      await client.stop();
    }
  });

  it('ignores: an ignored report says nothing, open or in the workspace review', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '草稿'));
    const kept = join(dir, 'a.report.txt');
    const ignored = join(dir, '草稿', 'b.report.txt');
    copyFileSync(join(FIXTURES, 'cells.report.txt'), kept);
    copyFileSync(join(FIXTURES, 'cells.report.txt'), ignored);
    writeFileSync(join(dir, '.govreport.json'), '{ "ignores": ["草稿/"] }');
    const client = await TestClient.start({ workspaceFolders: [uriOf(dir)] });
    try {
      const result = await client.request<{ files: number }>('govreport/reviewWorkspace', null);
      assert.equal(result.files, 1);
      assert.ok(!client.published.some((p) => p.uri === uriOf(ignored) && p.diagnostics.length));
      const opened = await client.open(uriOf(ignored), readFileSync(ignored, 'utf8'));
      assert.deepEqual(opened.diagnostics, []);
    } finally {
      await client.stop();
    }
  });

  it('bodies: an alias joins two names across years in the workspace review, so that carry-over compares them', async () => {
    const dir = tempDir();
    const before = cleanSpec('2021', 2023);
    before.title = ['洪泽县人民政府', '2023年政府信息公开工作年度报告'];
    const now = nextYearSpec(true);
    now.title = ['洪泽区人民政府', '2024年政府信息公开工作年度报告'];
    writeFileSync(join(dir, '2023.report.txt'), render(before, 'cells'));
    const later = join(dir, '2024.report.txt');
    writeFileSync(later, render(now, 'pipe'));
    writeFileSync(join(dir, '.govreport.json'), '{ "bodies": { "洪泽区人民政府": ["洪泽县人民政府"] } }');
    const client = await TestClient.start({ workspaceFolders: [uriOf(dir)] });
    try {
      const carried = client.diagnostics(uriOf(later), (p) => p.diagnostics.some((d) => d.code === 'carry-over'));
      await client.request('govreport/reviewWorkspace', null);
      const found = (await carried).diagnostics.filter((d) => d.code === 'carry-over');
      assert.equal(found.length, 2);
      assert.equal(found[0].relatedInformation![0].location.uri, uriOf(join(dir, '2023.report.txt')));
    } finally {
      await client.stop();
    }
  });

  it('unit-sum: a summary report’s cell that is not the sum of its units, the units’ cells as related information', async () => {
    const dir = tempDir();
    const city = join(dir, '某某市2024年报.txt');
    const spec = scaledSpec('某某市人民政府', 6);
    spec.review[1] = '1'; // 行政复议 结果纠正: 0 + 0 + 0 would be 0
    spec.review[0] = String(Number(spec.review[0]) - 1);
    writeFileSync(city, render(spec, 'markdown'));
    writeFileSync(join(dir, '教育.txt'), render(scaledSpec('某某市教育局', 1), 'cells'));
    writeFileSync(join(dir, '公安.txt'), render(scaledSpec('某某市公安局', 2), 'pipe'));
    writeFileSync(join(dir, '民政.txt'), render(scaledSpec('某某市民政局', 3), 'markdown'));
    writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ units: { '某某市人民政府': ['某某市教育局', '公安.txt', '民政.txt'] } }));
    const client = await TestClient.start({ workspaceFolders: [uriOf(dir)] });
    try {
      const found = client.diagnostics(uriOf(city), (p) => p.diagnostics.some((d) => d.code === 'unit-sum'));
      await client.request('govreport/reviewWorkspace', null);
      const sums = (await found).diagnostics.filter((d) => d.code === 'unit-sum');
      assert.deepEqual(sums.map((d) => d.message), ['「行政复议结果维持」为 5，但 3 个下级单位之和为 6', '「行政复议结果纠正」为 1，但 3 个下级单位之和为 0']);
      assert.deepEqual(sums[0].relatedInformation!.map((r) => [r.location.uri, r.message]), [
        [uriOf(join(dir, '教育.txt')), '教育.txt：1'],
        [uriOf(join(dir, '公安.txt')), '公安.txt：2'],
        [uriOf(join(dir, '民政.txt')), '民政.txt：3'],
      ]);
    } finally {
      await client.stop();
    }
  });
});

describe('accepted findings in the language server', { timeout: 30_000 }, () => {
  it('"Accept this finding" writes the baseline; accepted, it is a hint that says so; an edit above keeps it, a changed value is new', async () => {
    const dir = tempDir();
    const report = join(dir, 'cells.report.txt');
    const text = readFileSync(join(FIXTURES, 'cells.report.txt'), 'utf8');
    writeFileSync(report, text);
    const uri = uriOf(report);
    const client = await TestClient.start({ workspaceFolders: [uriOf(dir)], watchFiles: true });
    try {
      const opened = await client.open(uri, text);
      const rowTotal = opened.diagnostics.find((d) => d.code === 'row-total')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: rowTotal.range, context: { diagnostics: [rowTotal] } });
      const accept = actions.find((a) => a.title === '接受此问题（row-total）')!;
      assert.ok(accept, actions.map((a) => a.title).join(', '));
      assert.equal(accept.kind, 'quickfix');
      assert.deepEqual(accept.diagnostics?.map((d) => d.message), [rowTotal.message]);
      // As the editor runs it: the command, then the report shown again with the finding accepted.
      const hinted = client.diagnostics(uri, (p) => severityOf(p, 'row-total')[0] === HINT);
      await client.request('workspace/executeCommand', { command: accept.command!.command, arguments: accept.command!.arguments });
      const after = await hinted;
      const accepted = after.diagnostics.find((d) => d.code === 'row-total') as Diagnostic;
      assert.equal(accepted.message, `${rowTotal.message}（已接受）`);
      assert.deepEqual(severityOf(after, 'subtotal'), [ERROR], 'only that finding');
      const baseline = JSON.parse(readFileSync(join(dir, '.govreport-baseline.json'), 'utf8'));
      assert.deepEqual(baseline.accepted.map((e: { file: string; code: string; values: unknown[] }) => [e.file, e.code, e.values]), [['cells.report.txt', 'row-total', ['（一）予以公开', 8, 7]]]);
      // Accepted, it is offered no more.
      const again = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: accepted.range, context: { diagnostics: [accepted] } });
      assert.ok(!again.some((a) => a.title.startsWith('接受此问题（row-total')));

      // Lines written above: still accepted.
      const moved = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '（审核意见）\n\n' }]);
      assert.deepEqual(severityOf(moved, 'row-total'), [HINT]);
      // The total changed: another finding.
      const line = moved.diagnostics.find((d) => d.code === 'row-total')!.range.start.line;
      const other = await client.change(uri, [{ range: { start: { line, character: 1 }, end: { line, character: 2 } }, text: '9' }]);
      assert.deepEqual(severityOf(other, 'row-total'), [ERROR]);
      assert.match(other.diagnostics.find((d) => d.code === 'row-total')!.message as string, /总计为 9/);

      // The baseline edited by hand (emptied): read again when the editor says it changed.
      writeFileSync(join(dir, '.govreport-baseline.json'), '{ "version": 1, "accepted": [] }\n');
      await client.change(uri, [{ text }]);
      const none = client.diagnostics(uri, (p) => severityOf(p, 'row-total')[0] === ERROR);
      await changed(client, [join(dir, '.govreport-baseline.json')]);
      await none;
    } finally {
      await client.stop();
    }
  });
});
