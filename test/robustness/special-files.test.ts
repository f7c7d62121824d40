/**
 * The command line against what a file system can hold besides reports: named
 * pipes, devices, huge files, symbolic links (and loops of them), names that
 * are not UTF-8, folders without reports, and a reader that stops reading.
 * Each gets a clear line and an exit status, never a hang or a stack trace.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { main } from '../../server/src/cli/main';
import { CLI_ENV, FIXTURES, govreport, ROOT, tempDirs } from '../support/fixtures';

const BIN = join(ROOT, 'bin', 'govreport.js');
const posix = process.platform !== 'win32';
const linux = process.platform === 'linux';

/** `govreport ARGS...` in `cwd`, which must finish in its time and print no stack trace. */
function cli(args: string[], cwd = ROOT) {
  const r = govreport({ cwd, timeout: 30_000 }, ...args);
  assert.equal(r.error, undefined, `govreport ${args.join(' ')} finishes`);
  assert.doesNotMatch(r.stderr, /^\s+at |Error:/m, 'no stack trace');
  return r;
}

const files = (stdout: string): string[] => JSON.parse(stdout).map((f: { file: string }) => f.file);

describe('the command line: files that are not reports', () => {
  const tempDir = tempDirs('special');
  let dir: string;
  const report = join(FIXTURES, 'pipe.report.txt');
  before(() => {
    dir = tempDir();
    copyFileSync(report, join(dir, 'a.txt'));
  });

  it('a named pipe: one line, exit 2, no waiting for a writer; the other files are checked', { skip: !posix && 'no mkfifo' }, () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const r = cli(['check', fifo, join(dir, 'a.txt')]);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /pipe\.txt: 错误: 是命名管道（FIFO），不是普通文件/);
    assert.match(r.stdout, /a\.txt:1:1: warning missing-title/);
    const totals = cli(['totals', '--locale', 'en', fifo]);
    assert.equal(totals.status, 2);
    assert.match(totals.stderr, /pipe\.txt: is a named pipe \(FIFO\), not a regular file/);
    rmSync(fifo);
  });

  it('a device that never ends (/dev/zero, /dev/urandom): not read', { skip: !existsSync('/dev/zero') && 'no /dev/zero' }, () => {
    const r = cli(['check', '--format', 'json', '/dev/zero', '/dev/urandom']);
    assert.equal(r.status, 2);
    const [zero, random] = JSON.parse(r.stdout);
    assert.equal(zero.error, '是设备文件，不是普通文件，未读取');
    assert.equal(random.file, '/dev/urandom');
    assert.match(r.stderr, /\/dev\/zero: 是设备文件/);
  });

  it('a file over the read limit (100 MB) is not read', () => {
    const big = join(dir, 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 101 * 1024 * 1024); // sparse: no disk space taken
    closeSync(fd);
    const r = cli(['check', '--locale', 'en', big]);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /big\.txt: error: too large \(101 MB, the limit is 100 MB\); not checked/);
    rmSync(big);
  });

  it('a folder without reports: "no report files found", exit 2', () => {
    const empty = join(dir, 'empty');
    mkdirSync(join(empty, 'sub'), { recursive: true });
    writeFileSync(join(empty, 'notes.md'), '# not a report');
    const r = cli(['check', empty, join(dir, 'a.txt')]);
    assert.equal(r.status, 2);
    // Every kind of file a folder is searched for, as the help says.
    assert.match(r.stderr, /empty：没有找到报告文件（\.txt、\.govreport、\.docx、\.html、\.htm、\.xhtml、\.pdf）/);
    assert.match(cli(['check', '--locale', 'en', empty]).stderr, /empty: no report files found \(\.txt, \.govreport, \.docx, \.html, \.htm, \.xhtml, \.pdf\)/);
    assert.match(r.stdout, /a\.txt:1:1: warning missing-title/, 'the others are still checked');
    assert.equal(cli(['check', '--format', 'json', empty]).stdout, '[]\n');
  });
});

describe('the command line: symbolic links', { skip: !posix && 'symbolic links need privileges on Windows' }, () => {
  const tempDir = tempDirs('links');
  let dir: string;
  before(() => {
    dir = tempDir();
    const reports = join(dir, 'reports');
    mkdirSync(join(reports, '2023'), { recursive: true });
    copyFileSync(join(FIXTURES, 'pipe.report.txt'), join(reports, '2023', 'a.txt'));
    copyFileSync(join(FIXTURES, 'pdf.report.txt'), join(dir, 'outside.txt'));
    mkdirSync(join(dir, 'elsewhere'));
    copyFileSync(join(FIXTURES, 'markdown.report.txt'), join(dir, 'elsewhere', 'm.txt'));
    symlinkSync(join(dir, 'outside.txt'), join(reports, 'linked.txt')); // a linked file
    symlinkSync(join(dir, 'elsewhere'), join(reports, 'linked-folder')); // a linked folder
    symlinkSync('..', join(reports, '2023', 'up')); // a loop
    symlinkSync(join(reports, '2023', 'a.txt'), join(reports, 'same.txt')); // the same file twice
    symlinkSync(join(dir, 'nowhere.txt'), join(reports, 'dangling.txt'));
  });

  it('a folder walk follows links to files and folders, once each, through loops, and says a dangling one', () => {
    const r = cli(['check', '--format', 'json', 'reports'], dir);
    assert.equal(r.status, 2, 'the dangling link cannot be read');
    const data: { file: string; error?: string }[] = JSON.parse(r.stdout);
    assert.deepEqual(
      data.map((f) => f.file),
      ['reports/2023/a.txt', 'reports/dangling.txt', 'reports/linked-folder/m.txt', 'reports/linked.txt'],
    );
    assert.equal(data[1].error, '文件不存在');
    assert.equal(data[2].error, undefined);
  });

  it('a glob through a loop checks each file once', () => {
    // Through `up`, the pattern reaches every report again, and again: each is checked once.
    const r = cli(['check', '--format', 'json', 'reports/2023/**/*.txt'], dir);
    assert.deepEqual(files(r.stdout), ['reports/2023/a.txt', 'reports/2023/up/linked-folder/m.txt', 'reports/2023/up/linked.txt']);
    const twice = cli(['check', '--format', 'json', 'reports', 'reports/same.txt', 'reports/2023'], dir);
    assert.equal(files(twice.stdout).filter((f) => f.endsWith('a.txt') || f.endsWith('same.txt')).length, 1);
  });
});

describe('the command line: names that are not UTF-8', { skip: !linux && 'only Linux file systems take any bytes as a name' }, () => {
  const tempDir = tempDirs('names');
  let dir: string;
  // 报告.txt in GBK, as a zip made on Windows unpacks it.
  const gbkName = Buffer.concat([Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.txt')]);
  before(() => {
    dir = tempDir();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'reports') + '/'), gbkName]), readFileSync(join(FIXTURES, 'pipe.report.txt')));
  });

  const shown = 'reports/\\xB1\\xA8\\xB8\\xE6.txt';

  it('a folder walk and a glob find it, check it and name its bytes', () => {
    for (const arg of ['reports', 'reports/*.txt']) {
      const r = cli(['check', '--format', 'json', arg], dir);
      assert.equal(r.status, 1, arg);
      const [entry] = JSON.parse(r.stdout);
      assert.equal(entry.file, shown);
      assert.equal(entry.error, undefined);
      assert.ok(entry.diagnostics.some((d: { code: string }) => d.code === 'missing-title'));
    }
    const sarif = JSON.parse(cli(['check', '--format', 'sarif', 'reports'], dir).stdout);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'reports/%B1%A8%B8%E6.txt');
  });

  it('named on the command line, it is found', () => {
    // Arguments of child_process are strings; the shell passes the bytes.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check "reports/$(printf '\\261\\250\\270\\346').txt"`], { cwd: dir, encoding: 'utf8', env: CLI_ENV });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^reports\/\\xB1\\xA8\\xB8\\xE6\.txt:1:1: warning missing-title/m);
  });
});

describe('the command line: output', () => {
  const tempDir = tempDirs('output');
  let dir: string;
  before(() => {
    dir = tempDir();
    for (let i = 0; i < 300; i++) copyFileSync(join(FIXTURES, i % 2 ? 'cells.report.txt' : 'markdown.report.txt'), join(dir, `r${String(i).padStart(3, '0')}.txt`));
    writeFileSync(join(dir, 'r999.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 1, 2, 0, 0]));
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`${format}: a reader that stops reading (| head) ends the run quietly`, async () => {
      const child = spawn(process.execPath, [BIN, 'check', '--format', format, dir], { stdio: ['ignore', 'pipe', 'pipe'], env: CLI_ENV });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(status, 2);
      assert.doesNotMatch(stderr, /EPIPE|Unhandled|^\s+at /m);
    });
  }

  it('json and sarif, written file by file, are the documents they always were', async () => {
    const run = async (format: string) => {
      let out = '';
      const status = await main(['check', '--format', format, join(FIXTURES, 'pdf.report.txt'), join(dir, 'r999.txt'), join(FIXTURES, 'cells.report.txt')], { out: (s) => (out += s), err: () => {} });
      return { status, out };
    };
    const json = await run('json');
    assert.equal(json.status, 2);
    const data = JSON.parse(json.out);
    assert.equal(json.out, `${JSON.stringify(data, null, 2)}\n`, 'pretty-printed as one document');
    assert.deepEqual(data.map((f: { error?: string }) => f.error), [undefined, '不是文本文件（内容多为二进制数据）', undefined]);
    assert.ok(data[2].diagnostics.length > 3);
    const sarif = await run('sarif');
    const log = JSON.parse(sarif.out);
    assert.equal(sarif.out, `${JSON.stringify(log, null, 2)}\n`);
    assert.ok(log.runs[0].results.length > 4);
    assert.equal(log.runs[0].invocations[0].toolExecutionNotifications.length, 1);
    assert.equal((await run('json')).out.length, json.out.length);
  });
});
