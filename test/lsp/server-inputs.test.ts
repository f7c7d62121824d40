/**
 * What the language server reads, bounded as the command line's reading is:
 * a source sent to `govreport/readSource` within the same size limit; source
 * maps dropped when their documents close, and few kept; the workspace review
 * reading only regular files within the limit (a FIFO, /dev/zero or a huge
 * file named as a report, in the folder or from a change event, is said in
 * the log and passed over), and publishing each report once per change, not
 * once for every report of its body read.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, symlinkSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { READ_LIMIT } from '../../server/src/inputs';
import { sourceDocumentUri } from '../../server/src/protocol';
import { FIXTURES, tempDirs } from '../support/fixtures';
import { TestClient } from '../support/lsp';
import { officialDocx, officialLayout } from '../support/official';
import { cleanSpec, copySpec, render } from '../support/reports';

const posix = process.platform !== 'win32';
const folder = tempDirs('inputs');

const report = () => render(cleanSpec('2021', 2023), 'markdown');

/** Whether the server still answers at once: a hover on an open report. */
async function answers(client: TestClient, uri: string): Promise<number> {
  const begun = Date.now();
  await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
  return Date.now() - begun;
}

describe('the language server: reading sources within limits', { timeout: 60_000 }, () => {
  it('refuses a source over the read limit (100 MB), as the command line does, and goes on answering', async () => {
    const client = await TestClient.start();
    try {
      const open = 'file:///reports/open.report.txt';
      await client.open(open, report());
      const data = Buffer.alloc(READ_LIMIT + 1024).toString('base64');
      const read = await client.request<{ error?: string; text?: string }>('govreport/readSource', { name: '/reports/big.html', data, uri: sourceDocumentUri('file:///reports/big.html') });
      assert.equal(read.error, '文件过大（101 MB，上限 100 MB），未检查');
      assert.ok((await answers(client, open)) < 2000);
    } finally {
      await client.stop();
    }
  });

  it('keeps a source map while its document is open, drops it on close, and keeps few of those never opened', async () => {
    const client = await TestClient.start();
    try {
      const bytes = Buffer.from(officialDocx(officialLayout(readFileSync(join(FIXTURES, 'markdown.report.txt'), 'utf8'))!)).toString('base64');
      const uri = (i: number) => sourceDocumentUri(`file:///reports/r${i}.docx`);
      const read = (i: number) => client.request<{ text: string }>('govreport/readSource', { name: `/reports/r${i}.docx`, data: bytes, uri: uri(i) });
      const subtotal = async (i: number, text: string) => (await client.open(uri(i), text)).diagnostics.find((d) => d.code === 'subtotal')!.message;
      const placed = '（七）总计「自然人」列为 10，但（一）至（六）各项之和为 11（表二 第 27 行 第 4 列）';
      const unplaced = '（七）总计「自然人」列为 10，但（一）至（六）各项之和为 11';

      const { text } = await read(0);
      assert.equal(await subtotal(0, text), placed);
      await client.close(uri(0));
      // Shown again without being read again (no map): its findings say no place rather than a stale one.
      assert.equal(await subtotal(0, text), unplaced);
      await client.close(uri(0));

      // Read, never opened: the earliest are let go.
      for (let i = 1; i <= 40; i++) await read(i);
      assert.equal(await subtotal(1, text), unplaced);
      assert.equal(await subtotal(40, text), placed);
    } finally {
      await client.stop();
    }
  });
});

describe('the workspace review: only regular files within the limit', { timeout: 60_000, skip: !posix && 'FIFOs and /dev/zero are POSIX' }, () => {
  it('passes over a FIFO, /dev/zero and a 150 MB file named as reports, in the folder and from change events', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.report.txt'), report());
    assert.equal(spawnSync('mkfifo', [join(dir, 'fifo.govreport')]).status, 0);
    symlinkSync('/dev/zero', join(dir, 'zero.govreport'));
    // Sparse: 150 MB that take no room on disk.
    const fd = openSync(join(dir, 'big.govreport'), 'w');
    ftruncateSync(fd, 150 * 1024 * 1024);
    closeSync(fd);
    const client = await TestClient.start({ workspaceFolders: [pathToFileURL(dir).href], watchFiles: true });
    try {
      writeFileSync(join(dir, 'open.report.txt'), report());
      const open = pathToFileURL(join(dir, 'open.report.txt')).href;
      await client.open(open, report());
      const result = await client.request<{ files: number; cancelled: boolean }>('govreport/reviewWorkspace', null);
      assert.deepEqual(result, { files: 2, cancelled: false });
      const log = client.log.join('\n');
      assert.match(log, /fifo\.govreport: is a named pipe \(FIFO\), not a regular file; not read/);
      assert.match(log, /zero\.govreport: is a device, not a regular file; not read/);
      assert.match(log, /big\.govreport: too large \(150 MB, the limit is 100 MB\); not checked/);

      // Named by change events: passed over the same way; the next review answers, and so does a hover.
      const changes = ['fifo.govreport', 'zero.govreport', 'big.govreport'].map((name) => ({ uri: pathToFileURL(join(dir, name)).href, type: 2 }));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      assert.deepEqual(await client.request('govreport/reviewWorkspace', null), { files: 2, cancelled: false });
      assert.ok((await answers(client, open)) < 2000);
      assert.ok(!client.published.some((p) => /fifo|zero|big/.test(p.uri)));
    } finally {
      await client.stop();
    }
  });
});

describe('the workspace review: each report published once per change', { timeout: 120_000 }, () => {
  it('300 reports of one body: each published at most once per batch of files read, not once for every report of its body', async () => {
    const dir = folder();
    const n = 300;
    for (let i = 0; i < n; i++) {
      const spec = copySpec(cleanSpec('2021', 2000 + (i % 25)));
      spec.prose[5][1] = `本机关第 ${i} 号报告。`;
      writeFileSync(join(dir, `r${String(i).padStart(3, '0')}.report.txt`), render(spec, 'markdown'));
    }
    const client = await TestClient.start({ workspaceFolders: [pathToFileURL(dir).href], watchFiles: true });
    try {
      const result = await client.request<{ files: number }>('govreport/reviewWorkspace', null);
      assert.equal(result.files, n);
      const scanned = new Map<string, number>();
      for (const p of client.published) scanned.set(p.uri, (scanned.get(p.uri) ?? 0) + 1);
      assert.equal(scanned.size, n);
      // A batch of files is published as it is read (every 250 files), and what changed after, at the end.
      assert.ok(Math.max(...scanned.values()) <= 2, `at most twice each, not once per report of the body read (${Math.max(...scanned.values())})`);
      assert.ok(client.published.some((p) => p.diagnostics.some((d) => d.code === 'duplicate-report')));
    } finally {
      await client.stop();
    }
  });
});
