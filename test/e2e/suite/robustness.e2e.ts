/// <reference types="mocha" />
// Robustness as a person would meet it: report text that looks like HTML shows
// as plain text in the preview, under a strict Content-Security-Policy; and if
// the language server dies, the client starts it again and the squiggles return.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { GovReportApi } from '../../../client/src/extension';
import { needsBrowser, openReport, projectRoot, screenshot, waitFor, waitForAsync, waitForDiagnostics, webviews } from './helpers';

const codes = (d: vscode.Diagnostic[]) => d.map((x) => String(typeof x.code === 'object' ? x.code.value : x.code));

const HOSTILE = [
  "<script>document.title='pwned'</script>",
  '<img src=x onerror=alert(1)>',
  '</table><a href="javascript:alert(1)">点此</a>',
  '<style>*{display:none}</style>',
];

describe('robustness in the editor', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows report text that looks like HTML as plain text in the preview', async function () {
    needsBrowser(this, 'read the preview');
    // Report text reaches the preview through the title (with the line above
    // it) and through cells that are not numbers.
    const lines = readFileSync(join(projectRoot(), 'test', 'fixtures', 'cells.report.txt'), 'utf8').split('\r\n');
    lines[0] = HOSTILE[3];
    lines[1] = `${HOSTILE[0]}2022年政府信息公开工作年度报告`;
    const cells = lines.map((l, i) => (l === '\t0' ? i : -1)).filter((i) => i > 120);
    lines[cells[0]] = `\t0${HOSTILE[1]}`;
    lines[cells[1]] = `\t0${HOSTILE[2]}`;
    const editor = await openReport('hostile.report.txt', lines.join('\r\n'));
    await waitForDiagnostics(editor.document.uri, (d) => codes(d).filter((c) => c === 'non-numeric-cell').length === 2);
    await vscode.commands.executeCommand('govreport.showPreview');
    const view = await waitForAsync(async () => (await webviews())?.find((v) => v.text.includes('2022年政府信息公开工作年度报告')), {
      timeout: 15_000,
      message: 'the preview to show the title',
    });
    // Every piece appears literally: none was taken for HTML.
    for (const piece of HOSTILE) assert.ok(view.text.includes(piece), `shown as text: ${piece}`);
    assert.match(view.text, /收到和处理政府信息公开申请情况/, 'the rest of the preview is there (no style hid it)');
    // Only the extension's own script, under a policy that allows nothing else.
    const policy = Object.fromEntries(view.csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
    assert.deepEqual(policy['default-src'], ["'none'"]);
    assert.equal(policy['script-src'].length, 1);
    assert.match(policy['script-src'][0], /^'nonce-[A-Za-z0-9+/=]+'$/);
    // Styles, images and fonts only from the extension's own resources, as VS Code serves them.
    for (const name of ['style-src', 'img-src', 'font-src']) {
      for (const source of policy[name]) assert.match(source, /^('self'|https:\/\/\*\.vscode-cdn\.net|vscode-webview-resource:|https:\/\/file\+\.vscode-resource\.vscode-cdn\.net)$/, `${name} ${source}`);
    }
    assert.doesNotMatch(view.csp, /unsafe-inline|unsafe-eval|\*(?!\.vscode-cdn)/);
    // Script files: the extension's own alone (VS Code adds its inline host script to every webview).
    const files = view.scripts.filter(Boolean);
    assert.ok(files.length === 1 && files[0].endsWith('/dist/webview/preview.js'), JSON.stringify(view.scripts));
    await screenshot('preview-hostile-text');
  });

  it('closes the preview while it is being filled without an error or an unhandled rejection', async () => {
    const rejections: unknown[] = [];
    const record = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', record);
    try {
      const editor = await openReport('markdown.report.txt');
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, (d) => codes(d).includes('subtotal'));
      const { preview, client } = vscode.extensions.getExtension<GovReportApi>('govreport.govreport')!.exports;
      await vscode.commands.executeCommand('govreport.showPreview');
      // Shown again, and closed before the server answers (the model is asked for at once).
      const shown = preview.show(uri);
      preview.close();
      await assert.doesNotReject(shown);
      // Refreshed after an analysis, and closed before the server answers.
      await vscode.commands.executeCommand('govreport.showPreview');
      preview.refresh(uri.toString());
      preview.close();
      // The server answers in turn: once it has answered this, it has answered the preview.
      await client.sendRequest('govreport/tables', { textDocument: { uri: uri.toString() } });
      await new Promise((r) => setImmediate(r));
      assert.equal(preview.title, undefined);
      assert.deepEqual(rejections.map(String), []);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('restarts the language server when it dies, and the squiggles come back', async function () {
    if (process.platform !== 'linux') this.skip(); // finds the server's process through /proc
    const editor = await openReport('cells.report.txt');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => codes(d).includes('row-total'));
    const servers = () =>
      readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
            const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            return ppid === process.pid && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('dist/server.js');
          } catch {
            return false;
          }
        })
        .map(Number);
    const [old] = servers();
    assert.ok(old, 'the language server runs as a child of the extension host');
    process.kill(old, 'SIGKILL');
    // A new server process, started by the client.
    const fresh = await waitFor(() => servers().find((p) => p !== old), { timeout: 20_000, pollMs: 100, message: 'a new server process' });
    assert.notEqual(fresh, old);
    // It serves the open report again: an edit is checked.
    const line = editor.document.lineAt(102);
    await editor.edit((e) => e.replace(line.range, line.text.replace('8', '7')));
    const after = await waitForDiagnostics(uri, (d) => !codes(d).includes('row-total') && codes(d).includes('table-shape'), 20_000);
    assert.deepEqual(codes(after), ['table-shape', 'conversion-artifact']);
    await screenshot('after-server-restart');
  });
});
