/**
 * Hostile source files (test/support/hostile.ts: made here, a few KB to a few
 * MB) as a sender would mail them: the command line gives each one line and
 * exit 2, in bounded time and memory, and checks the report beside it; the
 * reading thread's own limits (GOVREPORT_READ_TIMEOUT, GOVREPORT_READ_MEMORY)
 * stop what gets past the readers' budgets; the language server answers a
 * hover on one document while another's hostile source is being read.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, ROOT, tempDirs } from '../support/fixtures';
import { contentBomb, emptyParagraphs, flateBomb, formFanOut, lyingSizes, manyRules, manyTables, openFields, vMergeRow, zip64Count } from '../support/hostile';
import { TestClient } from '../support/lsp';

const GOOD = join(FIXTURES, 'pipe.report.txt');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** The process's peak resident memory, MB (Linux; undefined elsewhere). */
  peakMB?: number;
}

/** `govreport ARGS`, timed, its peak memory sampled (worker threads are in the same process). */
function govreport(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'govreport.js'), ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let peak: number | undefined;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const sample = setInterval(() => {
      try {
        const kb = /^VmHWM:\s*(\d+)/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (kb) peak = Math.max(peak ?? 0, Number(kb[1]) / 1024);
      } catch {
        // not Linux, or the process has just ended
      }
    }, 20);
    const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (status) => {
      clearInterval(sample);
      clearTimeout(killer);
      resolve({ status, stdout, stderr, seconds: (performance.now() - started) / 1000, peakMB: peak });
    });
  });
}

/** Each file, at a size that trips its budget, and the line it must get. */
const CASES: { name: string; ext: string; bytes: () => Uint8Array; says: RegExp }[] = [
  { name: 'a zip64 end record declaring 4,294,967,295 entries (212 bytes)', ext: 'docx', bytes: zip64Count, says: /文件已损坏/ },
  { name: '20 parts declaring 1 KB, each inflating to 64 MB', ext: 'docx', bytes: () => lyingSizes(20, 64 * 2 ** 20), says: /压缩炸弹/ },
  { name: '120,000 open fields', ext: 'docx', bytes: () => openFields(120_000), says: /元素过多/ },
  { name: 'a vMerge row of 70,000 cells', ext: 'docx', bytes: () => vMergeRow(70_000), says: /元素过多/ },
  { name: '12 MB of <w:p/>', ext: 'docx', bytes: () => emptyParagraphs(12), says: /元素过多/ },
  { name: 'a page of 100,000 small tables', ext: 'html', bytes: () => manyTables(100_000), says: /元素过多/ },
  { name: '40 pages of 8,000 rules', ext: 'pdf', bytes: () => manyRules(40), says: /过于复杂/ },
  { name: 'an image whose stream inflates to 900 MB', ext: 'pdf', bytes: () => flateBomb(900), says: /扫描件/ },
  { name: 'Form XObjects ×10 over 6 levels', ext: 'pdf', bytes: () => formFanOut(), says: /过于复杂/ },
  // pdf.js keeps what it inflates outside the thread's heap: the process's memory is watched.
  { name: 'a page whose content inflates to 1.9 GB', ext: 'pdf', bytes: () => contentBomb(1920), says: /已停止读取（内存超过 512 MB）/ },
];

describe('hostile sources: the command line', () => {
  const tempDir = tempDirs('hostile-sources');
  let dir: string;
  before(() => {
    dir = tempDir();
  });

  const checkBeside = async (file: string, env: Record<string, string> = {}) => {
    const r = await govreport(['check', '--format', 'json', file, GOOD], env);
    assert.equal(r.status, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /^\s+at |FATAL|Fatal/m, 'no stack trace, no fatal error');
    const entries = JSON.parse(r.stdout) as { file: string; error?: string; diagnostics?: unknown[] }[];
    const hostile = entries.find((e) => e.file === file);
    const good = entries.find((e) => e.file === GOOD);
    assert.ok(Array.isArray(good?.diagnostics) && good.diagnostics.length > 0, 'the report beside it is checked');
    assert.equal(r.stderr.split('\n').filter((l) => l.includes(file)).length, 1, 'one line for the file');
    return { r, error: hostile?.error ?? '' };
  };

  for (const c of CASES) {
    it(`${c.name}: exit 2 and one line, in bounded time and memory; the report beside it is checked`, async () => {
      const file = join(dir, `${c.name.replace(/\W+/g, '-')}.${c.ext}`);
      writeFileSync(file, c.bytes());
      // The readers' own budgets stop these, whatever the load on the machine: the deadline is set aside.
      const { r, error } = await checkBeside(file, { GOVREPORT_READ_TIMEOUT: '120' });
      assert.match(error, c.says);
      assert.ok(r.seconds < 45, `${r.seconds.toFixed(1)} s`);
      if (r.peakMB !== undefined) assert.ok(r.peakMB < 1024, `peak ${r.peakMB.toFixed(0)} MB`);
    });
  }

  it('what takes longer than GOVREPORT_READ_TIMEOUT is stopped with one line', async () => {
    const file = join(dir, 'fan-out.pdf');
    writeFileSync(file, formFanOut());
    const { r, error } = await checkBeside(file, { GOVREPORT_READ_TIMEOUT: '0.5' });
    assert.equal(error, '文件过大或结构异常，已停止读取（用时超过 0.5 秒）');
    assert.ok(r.seconds < 10, `${r.seconds.toFixed(1)} s`);
  });

  it('what needs more memory than GOVREPORT_READ_MEMORY is stopped with one line, in English too', async () => {
    // An honest page, only large: 30 MB of text in a few paragraphs.
    const file = join(dir, 'large.html');
    writeFileSync(file, `<html><body><p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>${'本年度共收到申请。'.repeat(1_200_000)}</p></body></html>`);
    const { r } = await checkBeside(file, { GOVREPORT_READ_MEMORY: '64' });
    assert.match(r.stdout, /文件过大或结构异常，已停止读取（内存超过 64 MB）/);
    const en = await govreport(['check', '--locale', 'en', file], { GOVREPORT_READ_MEMORY: '64' });
    assert.equal(en.status, 2);
    assert.match(en.stdout + en.stderr, /the file is too large or abnormally structured: reading it was stopped \(over 64 MB of memory\)/);
  });
});

describe('hostile sources: the language server', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('answers a hover on one document within a second while another document’s hostile source is being read', async () => {
    const uri = 'file:///hostile/open.report.txt';
    const published = await client.open(uri, readFileSync(GOOD, 'utf8'));
    const finding = published.diagnostics.find((d) => d.code === 'non-numeric-cell')!;
    let settled = false;
    const read = client.request<{ error?: string }>('govreport/readSource', { name: 'fan-out.pdf', data: Buffer.from(formFanOut()).toString('base64') }).finally(() => (settled = true));
    // The read has begun (its bytes are with the server) before the hover is asked.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: finding.range.start });
    const ms = performance.now() - started;
    assert.ok(hover?.contents.value, 'the hover is answered');
    assert.ok(ms < 1000, `answered in ${ms.toFixed(0)} ms`);
    assert.equal(settled, false, 'while the source was still being read');
    assert.match((await read).error!, /过于复杂/);
    await client.close(uri);
  });
});
