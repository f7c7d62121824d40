/**
 * The workspace review over LSP: every report of the workspace folder checked
 * (open or not), its problems published with cancellable progress, the rules
 * across reports pointing into the other file, and kept current as files
 * change on disk (workspace/didChangeWatchedFiles).
 */
import assert from 'node:assert/strict';
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { tempDirs } from '../support/fixtures';
import { TestClient } from '../support/lsp';
import { cleanSpec, nextYearSpec, render } from '../support/reports';

const y2024 = (carry: boolean): string => render(nextYearSpec(carry), 'pipe');

const tempDir = tempDirs('ws');

describe('workspace review', { timeout: 30_000 }, () => {
  it('checks every report of the folder, closed ones included, and follows changes on disk', async () => {
    const dir = tempDir();
    const a = join(dir, '2023.report.txt');
    const b = join(dir, 'reports', '某某区2024年报.txt');
    const notes = join(dir, 'notes.txt');
    writeFileSync(a, render(cleanSpec('2021', 2023), 'cells'));
    require('node:fs').mkdirSync(join(dir, 'reports'));
    writeFileSync(b, y2024(true)); // a .txt named otherwise: found by its title
    writeFileSync(notes, '会议记录\n没有报告。\n');
    const [ua, ub, un] = [a, b, notes].map((p) => pathToFileURL(p).href);
    const client = await TestClient.start({ workspaceFolders: [pathToFileURL(dir).href], watchFiles: true });
    try {
      const carried = client.diagnostics(ub, (p) => p.diagnostics.some((d) => d.code === 'carry-over'));
      const result = await client.request<{ files: number; cancelled: boolean }>('govreport/reviewWorkspace', null);
      assert.deepEqual(result, { files: 2, cancelled: false });
      const published = await carried;
      // A report open in the editor under a name no scan looks for is in view too: the count said
      // when the review ends is the overview's count of rows.
      const draft = pathToFileURL(join(dir, 'draft')).href;
      await client.open(draft, render(cleanSpec('2021', 2022), 'pipe'));
      const again = await client.request<{ files: number }>('govreport/reviewWorkspace', null);
      const overview = await client.request<{ rows: { uri: string }[] }>('govreport/summary', {});
      assert.equal(again.files, 3);
      assert.equal(overview.rows.length, again.files);
      await client.close(draft);
      const carry = published.diagnostics.filter((d) => d.code === 'carry-over');
      assert.equal(carry.length, 2);
      assert.equal(carry[0].message, '「自然人」列：上年结转为 3，但 2023 年报告的结转下年度为 1');
      assert.equal(carry[0].relatedInformation![0].location.uri, ua);
      assert.ok(!client.published.some((p) => p.uri === un), 'a .txt that is no report is left alone');
      // Progress: begun cancellable, ended.
      const kinds = client.progress.map((p) => p.value.kind);
      assert.equal(kinds[0], 'begin');
      assert.equal(client.progress[0].value.cancellable, true);
      assert.equal(kinds[kinds.length - 1], 'end');

      // The summary the folder overview shows.
      type Summary = { rows: { file: string; uri: string; year: number; errors: number; disclosureRate: number; correctionRate: number }[]; columns: { key: string; name: string }[]; thresholds: object; csv: string };
      const summary = await client.request<Summary>('govreport/summary', { csv: true });
      assert.deepEqual(summary.rows.map((r) => [r.file, r.year, r.errors]), [['2023.report.txt', 2023, 0], ['reports/某某区2024年报.txt', 2024, 2]]);
      assert.ok(summary.csv.startsWith('\ufeff文件,机关,年度'));
      // The ratios, as columns of the table, with the thresholds that mark them: (7 + 1) / 13 and (9 + 1) / 15; 1 / 4.
      assert.deepEqual(summary.rows.map((r) => [r.disclosureRate, r.correctionRate]), [[61.5, 25], [66.7, 25]]);
      assert.deepEqual(summary.columns.filter((c) => c.key.endsWith('Rate')).map((c) => c.name), ['实质公开率', '纠错率']);
      assert.deepEqual(summary.thresholds, { disclosureBelow: 40, correctionAbove: 15 });
      assert.match(summary.csv, /,61\.5%,2,1,1,25\.0%,/);

      // Fixed on disk: the problem goes.
      writeFileSync(b, y2024(false));
      const fixed = client.diagnostics(ub, (p) => !p.diagnostics.some((d) => d.code === 'carry-over'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ub, type: 2 }] });
      assert.deepEqual((await fixed).diagnostics.map((d) => d.code), []);

      // Last year's report deleted: nothing to compare with, and its own problems cleared.
      writeFileSync(b, y2024(true));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ub, type: 2 }] });
      await client.diagnostics(ub, (p) => p.diagnostics.some((d) => d.code === 'carry-over'));
      unlinkSync(a);
      const gone = client.diagnostics(ub, (p) => p.diagnostics.length === 0);
      const cleared = client.diagnostics(ua, (p) => p.diagnostics.length === 0);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ua, type: 3 }] });
      await Promise.all([gone, cleared]);
    } finally {
      await client.stop();
    }
  });

  it('an open report is compared with the closed ones; closing it keeps it in view', async () => {
    const dir = tempDir();
    const a = join(dir, '2023.report.txt');
    const b = join(dir, '2024.report.txt');
    writeFileSync(a, render(cleanSpec('2021', 2023), 'cells'));
    writeFileSync(b, y2024(false));
    const [ua, ub] = [a, b].map((p) => pathToFileURL(p).href);
    const client = await TestClient.start({ workspaceFolders: [pathToFileURL(dir).href], settings: { scope: 'workspace' } });
    try {
      await client.diagnostics(ub);
      // Typing the defect into the open 2024 report.
      await client.open(ub, y2024(false));
      const typed = await client.change(ub, [{ text: y2024(true) }]);
      assert.deepEqual(typed.diagnostics.map((d) => d.code), ['carry-over', 'carry-over']);
      assert.equal(typed.diagnostics[0].relatedInformation![0].location.uri, ua);
      // Closed without saving: the file on disk is what counts again.
      const back = client.diagnostics(ub, (p) => p.version === undefined);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ub } });
      assert.deepEqual((await back).diagnostics.map((d) => d.code), []);
      // Scope back to open: the open report is on its own again.
      assert.deepEqual((await client.open(ub, y2024(true))).diagnostics.map((d) => d.code), ['carry-over', 'carry-over']);
      const typedAgain = client.diagnostics(ub, (p) => p.diagnostics.length === 0 && p.version !== undefined);
      client.settings = { scope: 'open' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await typedAgain;
    } finally {
      await client.stop();
    }
  });

  it('a report open from outside the workspace folders is not compared with the workspace', async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    const a = join(dir, '2024.report.txt');
    writeFileSync(a, y2024(false));
    const ua = pathToFileURL(a).href;
    // The same body and year, opened from elsewhere (a sample, a download): not a second report of the workspace.
    const outside = pathToFileURL(join(elsewhere, 'sample.govreport')).href;
    const client = await TestClient.start({ workspaceFolders: [pathToFileURL(dir).href], settings: { scope: 'workspace' } });
    try {
      await client.diagnostics(ua);
      const opened = await client.open(outside, y2024(false));
      assert.deepEqual(opened.diagnostics.map((d) => d.code), []);
      await client.request('govreport/reviewWorkspace', null);
      const summary = await client.request<{ rows: { file: string }[] }>('govreport/summary', {});
      assert.deepEqual(summary.rows.map((r) => r.file), ['2024.report.txt']);
    } finally {
      await client.stop();
    }
  });

  it('scope open: reports are compared only once the workspace is reviewed', async () => {
    const dir = tempDir();
    const ua = pathToFileURL(join(dir, '2023.report.txt')).href;
    const ub = pathToFileURL(join(dir, '2024.report.txt')).href;
    writeFileSync(join(dir, '2023.report.txt'), render(cleanSpec('2021', 2023), 'cells'));
    writeFileSync(join(dir, '2024.report.txt'), y2024(true));
    const client = await TestClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      await client.open(ua, render(cleanSpec('2021', 2023), 'cells'));
      assert.deepEqual((await client.open(ub, y2024(true))).diagnostics.map((d) => d.code), []);
      // A diff view of the same report is not a second report.
      assert.deepEqual((await client.open(`git:${ub.slice(5)}?ref=HEAD`, y2024(true))).diagnostics.map((d) => d.code), []);
      const compared = client.diagnostics(ub, (p) => p.diagnostics.some((d) => d.code === 'carry-over'));
      await client.request('govreport/reviewWorkspace', null);
      assert.deepEqual((await compared).diagnostics.map((d) => d.code), ['carry-over', 'carry-over']);
      assert.ok(!client.published.some((p) => p.uri.startsWith('git:') && p.diagnostics.some((d) => d.code === 'duplicate-report')));
    } finally {
      await client.stop();
    }
  });

  it('the scan can be cancelled from its progress', async () => {
    const dir = tempDir();
    const text = render(cleanSpec('2021', 2023), 'cells');
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `${String(i).padStart(3, '0')}.report.txt`), text.replace('某某区', `某${i}区`));
    const client = await TestClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    try {
      let cancelled = false;
      client.connection.onNotification('$/progress', (p: { token: string; value: { kind: string } }) => {
        if (cancelled || p.value.kind !== 'report') return;
        cancelled = true;
        void client.connection.sendNotification('window/workDoneProgress/cancel', { token: p.token });
      });
      const result = await client.request<{ files: number; cancelled: boolean }>('govreport/reviewWorkspace', null);
      assert.equal(result.cancelled, true);
      assert.ok(result.files < 300, String(result.files));
    } finally {
      await client.stop();
    }
  });
});
