/**
 * Hostile input: the library never throws and keeps its ranges inside the
 * text; the command line answers with a clear result (exit 0/1, or 2 with a
 * message, never a stack trace or a hang); the server stays up and keeps
 * serving other documents, also after malformed messages.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { fixtureText, govreport, ROOT, tempDirs } from '../support/fixtures';
import { TestClient } from '../support/lsp';
import { cleanSpec, render } from '../support/reports';

const report = render(cleanSpec(), 'cells');
const MB = 1024 * 1024;

/** Each hostile input, as text (for the library and the server) and as bytes (for the CLI). */
const INPUTS: { name: string; bytes: () => Buffer; text?: () => string }[] = [
  { name: 'empty file', bytes: () => Buffer.alloc(0) },
  { name: 'binary noise', bytes: () => Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 256)) },
  { name: 'NUL bytes in a report', bytes: () => Buffer.from(report.replace('一、总体情况', '一、总体\u0000情况\u0000'), 'utf8') },
  { name: 'a byte-order mark', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(report, 'utf8')]), text: () => `\ufeff${report}` },
  { name: 'lone CR line endings', bytes: () => Buffer.from(report.replace(/\n/g, '\r'), 'utf8') },
  { name: 'a 12 MB report', bytes: () => Buffer.from(report.repeat(Math.ceil((12 * MB) / Buffer.byteLength(report))), 'utf8') },
  { name: 'a 5 MB single line', bytes: () => Buffer.from('一、总体情况本年度共收到申请12件，'.repeat(Math.ceil((5 * MB) / 48)), 'utf8') },
  { name: 'a row of 50,000 cells', bytes: () => Buffer.from(`${report}\n一、本年新收政府信息公开申请数量 | ${'1 | '.repeat(50_000)}\n`, 'utf8') },
  { name: '200,000 open brackets', bytes: () => Buffer.from('（'.repeat(200_000), 'utf8') },
  { name: 'broken surrogate pairs', bytes: () => Buffer.from([0xed, 0xa0, 0x80, 0x61, 0xed, 0xb0, 0x80]), text: () => `${report}\ud800x\udc00\ud83d` },
  { name: 'GBK bytes', bytes: () => Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6]), text: () => '年度报告' },
  { name: 'a table of 200 tabs per line', bytes: () => Buffer.from('\t'.repeat(200).concat('\n').repeat(5000), 'utf8') },
];

const textOf = (input: (typeof INPUTS)[number]) => input.text?.() ?? input.bytes().toString('utf8');

describe('hostile input: the library', () => {
  for (const input of INPUTS) {
    it(`${input.name}: no exception, every range inside the text`, () => {
      const text = textOf(input);
      const { findings, failures } = analyze(text);
      assert.deepEqual(failures, []);
      for (const f of findings) {
        for (const span of [f.span, ...(f.related ?? []).map((r) => r.span), ...(f.fixes ?? []).flatMap((x) => x.edits.map((e) => e.span))]) {
          assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${f.code}: ${JSON.stringify(span)}`);
        }
      }
    });
  }
});

describe('hostile input: the command line', () => {
  const tempDir = tempDirs('hostile');
  let dir: string;
  before(() => {
    dir = tempDir();
  });

  for (const input of INPUTS) {
    it(`${input.name}: a clear answer`, () => {
      const file = join(dir, `${input.name.replace(/\W+/g, '-')}.txt`);
      writeFileSync(file, input.bytes());
      const r = govreport({ cwd: ROOT, timeout: 60_000, maxBuffer: 256 * MB }, 'check', '--format', 'json', file);
      assert.equal(r.error, undefined, 'finishes');
      assert.ok([0, 1, 2].includes(r.status!), `exit ${r.status}`);
      assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
      const [result] = JSON.parse(r.stdout);
      if (r.status === 2) assert.ok(result.error, 'exit 2 comes with a message');
      else assert.ok(Array.isArray(result.diagnostics));
    });
  }
});

describe('hostile input: the server', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  const stillServing = async (name: string) => {
    const uri = `file:///hostile/after-${name.replace(/\W+/g, '-')}.report.txt`;
    const published = await client.open(uri, report);
    assert.deepEqual(published.diagnostics, [], 'a clean report still checks clean');
    await client.close(uri);
  };

  for (const input of INPUTS) {
    it(`${input.name}: stays up and serves other documents`, async () => {
      const uri = `file:///hostile/${input.name.replace(/\W+/g, '-')}.report.txt`;
      const published = await client.open(uri, textOf(input));
      assert.ok(published.diagnostics.length <= 1001, 'the editor is not flooded');
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('govreport/tables', { textDocument: { uri } });
      await client.close(uri);
      await stillServing(input.name);
    });
  }

  it('answers requests with nonsense parameters with InvalidParams (-32602), and goes on', async () => {
    const rejected = async (method: string, params: unknown) => {
      const error = await client.request(method, params).then(
        () => undefined,
        (e: { code: number; message: string }) => e,
      );
      assert.ok(error, `${method} ${JSON.stringify(params)} is rejected`);
      assert.equal(error.code, -32602, `${method}: ${error.message}`);
      assert.doesNotMatch(error.message, /TypeError|Cannot read|undefined/);
    };
    const uri = 'file:///hostile/nonsense.report.txt';
    await client.open(uri, report);
    await rejected('textDocument/hover', { textDocument: { uri: 42 }, position: 'here' });
    await rejected('textDocument/hover', { textDocument: { uri }, position: { line: -5, character: 'x' } });
    await rejected('textDocument/hover', { textDocument: { uri } });
    await rejected('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    await rejected('textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [] } });
    await rejected('textDocument/documentSymbol', {});
    await rejected('govreport/tables', { textDocument: null });
    await rejected('codeAction/resolve', null);
    // Numbers out of range are no error: they are clamped, as the protocol says.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: -5, character: 1e9 } }), null);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 1e9, character: 0 }, end: { line: -1, character: 0 } }, context: { diagnostics: [] } });
    assert.deepEqual(actions, []);
    await client.close(uri);
    await stillServing('bad-params');
  });

  it('report text in a hover is text: no image, link, command link or HTML comes out of it', async () => {
    const uri = 'file:///hostile/markdown-in-cells.report.txt';
    const lines = fixtureText('pipe.report.txt').split('\n');
    // A cell is what starts like a number: the rest of it is the report's text all the same.
    const one = lines.findIndex((l) => l.includes('（一）予以公开'));
    lines[one] = '（一）予以公开 | 1.5![x](https://a.example/p.png) | 0 | 0 | 0 | 1 | 0 | 1';
    const two = lines.findIndex((l) => l.includes('（二）部分公开'));
    lines[two] = '（二）部分公开 | 1 | 1.5[点此](command:workbench.action.quit)<img src=x> | 0 | 0 | 0 | 0 | 1';
    await client.open(uri, lines.join('\n'));
    const hover = async (needle: string) => {
      const row = lines.findIndex((l) => l.includes(needle));
      const character = lines[row].indexOf(needle) + 1;
      const h = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: row, character } });
      return h?.contents.value ?? '';
    };
    const image = await hover('1.5!');
    assert.ok(image.includes('「1\\.5\\!\\[x\\]\\(https\\:\\/\\/a\\.example\\/p\\.png\\)」'), image);
    const link = await hover('1.5[点此');
    assert.ok(link.includes('「1\\.5\\[点此\\]\\(command\\:workbench\\.action\\.quit\\)\\<img src\\=x\\>」'), link);
    for (const value of [image, link]) assert.doesNotMatch(value, /(^|[^\\])(!\[|\]\(|<img|https:\/\/)/, 'no unescaped Markdown or HTML');
    await client.close(uri);
  });
});

describe('malformed messages', () => {
  it('a broken frame (Content-Length: abc) is logged and the server exits non-zero, for the editor to restart it', async () => {
    const server = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    let out = '';
    let err = '';
    server.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    server.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const send = (body: string) => server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    send('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}');
    server.stdin.write('Content-Length: abc\r\n\r\n{}');
    send('{"jsonrpc":"2.0","id":2,"method":"shutdown"}');
    const timer = setTimeout(() => server.kill(), 10_000);
    const status = await exited;
    clearTimeout(timer);
    assert.notEqual(status, null, 'the server exits by itself (it was not killed)');
    assert.notEqual(status, 0);
    assert.match(err, /Content-Length value must be a number/);
    assert.match(out, /"method":"window\/logMessage".*Content-Length value must be a number/s, 'the editor is told too');
  });

  it('a broken message does not bring the server down, and is logged', async () => {
    const server = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    let out = '';
    let err = '';
    server.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    server.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const send = (body: string) => server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    send('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}');
    send('{"jsonrpc":"2.0", this is not json');
    send('{"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol"}');
    send('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x.report.txt","languageId":"govreport","version":1,"text":"一、总体情况"}}}');
    send('{"jsonrpc":"2.0","id":3,"method":"shutdown"}');
    const answered = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 10_000);
      const check = setInterval(() => {
        if (out.includes('"id":3')) {
          clearTimeout(timer);
          clearInterval(check);
          resolve(true);
        }
      }, 20);
    });
    server.kill();
    await exited;
    assert.ok(answered, `the server answered after the broken message; it said:\n${out.slice(0, 2000)}`);
    assert.match(out, /"id":1,"result"/);
    assert.match(err, /a message from the editor is not JSON and was ignored/);
  });
});
