/** The command line as a user runs it: output formats, exit status, bad input. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { CLI_ENV, govreport, ROOT, tempDirs } from '../support/fixtures';
import { cleanSpec, render } from '../support/reports';
import { SKIP_SHARED, sharedFile } from '../support/shared';

const fixture = (name: string) => join('test', 'fixtures', name);

/** Whether script(1) is there to run a command on a terminal of its own. */
const hasScript = () => spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** A fresh folder in the system's temp folder, removed when the tests end. */
const tempDir = tempDirs('cli');

describe('govreport check', () => {
  it('reads like a compiler, with the cells involved as notes', () => {
    const r = govreport(ROOT, 'check', fixture('cells.report.txt'));
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.includes(`${fixture('cells.report.txt')}:103:2: error row-total 「（一）予以公开」行：总计为 8，但各类申请人之和为 7`), r.stdout);
    assert.ok(lines.some((l) => /^ {4}test\/fixtures\/cells\.report\.txt:\d+:\d+: note: 「（一）予以公开」行「自然人」列：5$/.test(l)));
    assert.match(r.stderr, /共检查 1 个文件：2 个错误，2 个警告，0 条提示/);
  });

  it('exits 0 when no error is found, even with warnings', () => {
    const r = govreport(ROOT, 'check', fixture('old-format.report.txt'));
    assert.equal(r.status, 0);
    assert.match(r.stdout, /warning old-format/);
  });

  it('speaks English on request', () => {
    const r = govreport(ROOT, 'check', '--locale', 'en', fixture('pdf.report.txt'));
    assert.match(r.stdout, /error review-total Lawsuits after reconsideration: Total is 0, but upheld \+ corrected \+ other \+ pending is 1/);
    assert.match(r.stderr, /1 file checked: 1 error, 2 warnings/);
  });

  it('json: files with 1-based diagnostics', () => {
    const r = govreport(ROOT, 'check', '--format', 'json', fixture('pdf.report.txt'), fixture('pipe.report.txt'));
    assert.equal(r.status, 1);
    const data = JSON.parse(r.stdout);
    assert.equal(data.length, 2);
    assert.equal(data[0].file, fixture('pdf.report.txt'));
    const review = data[0].diagnostics.find((d: { code: string }) => d.code === 'review-total');
    assert.deepEqual(Object.keys(review).sort(), ['code', 'column', 'endColumn', 'endLine', 'line', 'message', 'related', 'severity']);
    // The cells involved, as the text output's note: lines; in text, a cell at the finding's own place is no note.
    const text = govreport(ROOT, 'check', fixture('pdf.report.txt')).stdout;
    assert.ok(review.related.length >= 2);
    for (const rel of review.related) {
      assert.deepEqual(Object.keys(rel).sort(), ['column', 'line', 'message']);
      const note = `${fixture('pdf.report.txt')}:${rel.line}:${rel.column}: note: ${rel.message}`;
      const own = rel.line === review.line && rel.column === review.column;
      assert.equal(text.includes(note), !own, JSON.stringify(rel));
    }
    assert.deepEqual([review.line, review.column, review.endLine, review.endColumn, review.severity], [78, 29, 78, 30, 'error']);
    assert.equal(data[1].diagnostics[0].code, 'missing-title');
    assert.equal(data[1].diagnostics[0].line, 1);
  });

  it('sarif: SARIF 2.1.0 with rules and related locations', () => {
    const r = govreport(ROOT, 'check', '--format', 'sarif', fixture('markdown.report.txt'));
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'GovReport');
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'subtotal');
    // package.json names no homepage: no link (a path on the machine that ran the check resolves nowhere else),
    // the rule's documentation inline instead.
    assert.equal(rule.helpUri, undefined);
    assert.doesNotMatch(r.stdout, /file:\/\/[^"]*README/i);
    assert.match(rule.help.text, /（七）总计等于（一）至（六）各项之和/);
    assert.match(rule.help.markdown, /申请情况表每一列中，（七）总计等于（一）予以公开至（六）其他处理各项之和。/);
    assert.match(rule.help.markdown, /"not verifiable" \(无法核实\)/);
    const subtotal = run.results.find((x: { ruleId: string }) => x.ruleId === 'subtotal');
    assert.equal(subtotal.level, 'error');
    // Relative to the working folder, a base that the log defines.
    const artifact = subtotal.locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(artifact, { uri: 'test/fixtures/markdown.report.txt', uriBaseId: '%SRCROOT%' });
    const base = run.originalUriBaseIds[artifact.uriBaseId].uri;
    assert.equal(base, pathToFileURL(`${ROOT}/`).href);
    assert.ok(existsSync(fileURLToPath(new URL(artifact.uri, base))));
    assert.equal(subtotal.locations[0].physicalLocation.region.startLine, 58);
    assert.ok(subtotal.relatedLocations.length >= 2);
    assert.equal(run.results.find((x: { ruleId: string }) => x.ruleId === 'section-order').level, 'warning');
  });

  it('sarif: a file outside the working folder by its absolute file: URI, never ../', () => {
    const dir = tempDir();
    const outside = join(dir, '某区 2023.txt');
    writeFileSync(outside, readFileSync(join(ROOT, fixture('pipe.report.txt'))));
    const run = JSON.parse(govreport(ROOT, 'check', '--format', 'sarif', outside).stdout).runs[0];
    const artifact = run.results[0].locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(artifact, { uri: pathToFileURL(outside).href });
    assert.ok(existsSync(fileURLToPath(artifact.uri)));
  });

  it('sarif: links each rule to its page under the homepage package.json names, when it is https', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'dist'));
    copyFileSync(join(ROOT, 'dist', 'cli.js'), join(dir, 'dist', 'cli.js'));
    const sarif = (homepage: string) => {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'govreport', homepage }));
      const out = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(dir, 'dist', 'cli.js'))}).main(process.argv.slice(1))`, 'check', '--format', 'sarif', fixture('pipe.report.txt')], { cwd: ROOT, encoding: 'utf8' });
      return JSON.parse(out.stdout).runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'carry-over');
    };
    const linked = sarif('https://example.org/govreport#readme');
    assert.equal(linked.helpUri, 'https://example.org/govreport/docs/rules/carry-over.md');
    assert.match(linked.help.markdown, /\[carry-over\]\(https:\/\/example\.org\/govreport\/docs\/rules\/carry-over\.md\)/);
    assert.match(linked.help.markdown, /本机关上年报告的“四、结转下年度继续办理”逐列一致/);
    // On GitHub, the page as the repository shows it.
    assert.equal(sarif('https://github.com/someone/govreport#readme').helpUri, 'https://github.com/someone/govreport/blob/HEAD/docs/rules/carry-over.md');
    assert.equal(sarif('http://example.org/govreport').helpUri, undefined);
  });

  it('checks folders and glob patterns', () => {
    const folder = govreport(ROOT, 'check', '--format', 'json', join('test', 'fixtures'));
    const files = JSON.parse(folder.stdout).map((f: { file: string }) => f.file.split('\\').join('/'));
    assert.ok(files.includes('test/fixtures/encoding/gbk.report.txt'));
    assert.ok(files.includes('test/fixtures/flat.report.txt'));
    const glob = govreport(ROOT, 'check', '--format', 'json', 'test/fixtures/p*.report.txt');
    assert.deepEqual(JSON.parse(glob.stdout).map((f: { file: string }) => f.file), ['test/fixtures/pdf.report.txt', 'test/fixtures/pipe.report.txt']);
  });

  it('in a folder, skips text that is no report and says so, before the line that sums up; a file named that is no report is said so', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), '会议记录：明天讨论预算。\n');
    writeFileSync(join(dir, 'todo.txt'), 'TODO\n');
    writeFileSync(join(dir, '2023年报.txt'), readFileSync(join(ROOT, 'test', 'fixtures', 'pdf.report.txt')));
    const r = govreport(ROOT, 'check', '--format', 'json', dir);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string }) => f.file), [join(dir, '2023年报.txt')]);
    assert.match(r.stderr, /已跳过文件夹中 2 个不是报告的文件/);
    assert.equal(govreport(ROOT, 'check', '--locale', 'en', dir).stderr.split('\n').filter((l) => /skipped/.test(l)).length, 1);
    const en = govreport(ROOT, 'check', '--locale', 'en', dir).stderr.trimEnd().split('\n');
    assert.match(en[0], /^2 files in the folders skipped/);
    assert.match(en[1], /^1 file checked: /, 'the line that sums up comes last');
    // Named, or matched by a pattern, a file that is no report is said to be none (exit 2), not told it lacks six parts;
    // the others are checked.
    for (const args of [[join(dir, 'notes.txt'), join(dir, '2023年报.txt')], [join(dir, 'no*.txt'), join(dir, '2023年报.txt')]]) {
      const named = govreport(ROOT, 'check', ...args);
      assert.equal(named.status, 2);
      assert.match(named.stdout, /notes\.txt: 错误: 不是年度报告：开头没有中文的报告标题/);
      assert.doesNotMatch(named.stdout, /missing-section/);
      assert.match(named.stdout, /2023年报\.txt:78:29: error review-total/);
    }
    // This project's README names the report's title and its parts, in English.
    const readme = govreport(ROOT, 'check', '--locale', 'en', 'README.md');
    assert.equal(readme.status, 2);
    assert.equal(readme.stdout, 'README.md: error: not an annual report: no report title or part headings, in Chinese, near the start; not checked (if it is one, name it .govreport or .report.txt to check it anyway)\n');
    // Named as a report, a file is checked whatever it holds.
    writeFileSync(join(dir, 'notes.govreport'), '会议记录：明天讨论预算。\n');
    assert.match(govreport(ROOT, 'check', join(dir, 'notes.govreport')).stdout, /notes\.govreport:1:1: error missing-section/);
    assert.equal(JSON.parse(govreport(ROOT, 'check', '--format', 'json', join(dir, 'notes.txt')).stdout)[0].error.slice(0, 6), '不是年度报告');
  });

  it('decodes GBK instead of garbling it', () => {
    const gbk = govreport(ROOT, 'check', '--format', 'json', fixture('encoding/gbk.report.txt'));
    const utf8 = govreport(ROOT, 'check', '--format', 'json', fixture('pipe.report.txt'));
    assert.deepEqual(JSON.parse(gbk.stdout)[0].diagnostics, JSON.parse(utf8.stdout)[0].diagnostics);
  });

  it('reports a missing file clearly, checks the others, and exits 2', () => {
    const r = govreport(ROOT, 'check', 'no-such-report.txt', fixture('pipe.report.txt'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no-such-report\.txt：文件、文件夹不存在/);
    assert.match(r.stdout, /pipe\.report\.txt:1:1: warning missing-title/);
    assert.doesNotMatch(r.stderr, /at .*\(.*\.js:\d+/, 'no stack trace');
  });

  it('reports a file that cannot be read, and a binary file', { skip: process.getuid?.() === 0 ? 'root reads any file' : false }, () => {
    const dir = tempDir();
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, '一、总体情况');
    chmodSync(locked, 0);
    const r = govreport(ROOT, 'check', locked);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /没有读取权限/);
  });

  it('says a sub-folder it cannot read, checks the rest, and exits 2', (t) => {
    // Root reads any folder: the command runs as nobody then, the folders on the way opened to it.
    const root = process.getuid?.() === 0;
    const nobody = { uid: 65534, gid: 65534 };
    if (root && govreport({ cwd: ROOT, ...nobody }, '--version').status !== 0) {
      t.skip('run as root where nobody cannot run the command');
      return;
    }
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'r.report.txt'), readFileSync(fixture('pipe.report.txt')));
    chmodSync(join(dir, 'a'), 0);
    const opened = [tmpdir(), dir].map((d) => [d, statSync(d).mode] as const);
    if (root) for (const [d] of opened) chmodSync(d, 0o755);
    try {
      for (const command of ['check', 'summary']) {
        const r = govreport({ cwd: ROOT, ...(root ? nobody : {}) }, command, '--locale', 'en', dir);
        assert.equal(r.status, 2, r.stderr);
        assert.equal(r.stderr.split('\n').filter((l) => l.includes(join(dir, 'a'))).join('\n'), `govreport: ${join(dir, 'a')}: permission denied`);
        assert.match(r.stdout, /r\.report\.txt/, 'the other folder is checked');
      }
    } finally {
      if (root) for (const [d, mode] of opened) chmodSync(d, mode);
    }
  });

  it('says a binary file is not a report', () => {
    const dir = tempDir();
    const binary = join(dir, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 1, 2, 0, 0]));
    const r = govreport(ROOT, 'check', binary);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /不是文本文件/);
  });

  it('answers bad usage in its own words, with the usage line, and exit 2', () => {
    const cases: [string[], RegExp][] = [
      [[], /^govreport: 请指定命令$/],
      [['check'], /^govreport: 请指定要处理的文件或文件夹$/],
      [['check', '--format', 'xml', 'a.txt'], /^govreport: 未知的输出格式「xml」（可用：text、json、sarif）$/],
      [['frobnicate'], /^govreport: 未知的命令「frobnicate」$/],
      [['check', '--locale', 'fr', 'a.txt'], /^govreport: 未知的语言「fr」（可用：zh-CN、en）$/],
      [['check', '--bogus', 'a.txt'], /^govreport: 未知的选项 --bogus$/],
      [['check', 'a.txt', '--format'], /^govreport: 选项 --format 需要一个值（FORMAT）$/],
      [['check', '--help=yes'], /^govreport: 选项 --help 不带值$/],
      [['totals', 'a.txt', 'b.txt'], /^govreport: 只能指定一个文件，而不是 2 个$/],
      [['convert', '--format', 'json', 'a.docx'], /^govreport: convert 命令没有 --format 选项$/],
      [['init', 'a', 'b'], /^govreport: 只能指定一个文件夹，而不是 2 个$/],
      [['summary', '--update-baseline', 'a'], /^govreport: summary 命令没有 --update-baseline 选项$/],
    ];
    for (const [args, first] of cases) {
      const r = govreport(ROOT, ...args);
      assert.equal(r.status, 2, args.join(' '));
      const lines = r.stderr.trimEnd().split('\n');
      assert.match(lines[0], first);
      assert.equal(lines[1], '用法：');
      // The usage of the command named, or of every command.
      const command = ['check', 'totals', 'summary', 'convert', 'init'].find((c) => args[0] === c);
      assert.deepEqual(lines.slice(2, -1).map((l) => l.trim().split(' ')[1]), command ? [command] : ['check', 'totals', 'summary', 'convert', 'init'], r.stderr);
      assert.equal(lines[lines.length - 1], `更多说明：govreport ${command ? `${command} ` : ''}--help`);
      assert.doesNotMatch(r.stderr, /ERR_PARSE_ARGS|To specify a positional|'--/, 'not node\'s own words');
    }
    const en = govreport(ROOT, '--locale', 'en', 'check', '--bogus');
    assert.deepEqual(en.stderr.trimEnd().split('\n').slice(0, 2), ['govreport: unknown option --bogus', 'Usage:']);
    assert.equal(govreport(ROOT, '--help').status, 0);
  });

  it('has help for each command: its usage, options and exit status', () => {
    const check = govreport(ROOT, 'check', '--help');
    assert.equal(check.status, 0);
    assert.match(check.stdout, /^用法：govreport check \[--format text\|json\|sarif\] \[--locale zh-CN\|en\] \[--update-baseline\] \[--jobs N\] \[--verbose\] \[--color\] 路径\.\.\.\n/);
    assert.match(check.stdout, /^ {6}--update-baseline +接受现有的全部问题/m);
    assert.match(check.stdout, /\.govreport-baseline\.json 中已接受的问题不再列出/);
    assert.match(check.stdout, /^ {2}-f, --format FORMAT +输出格式：text、json、sarif（默认 text）$/m);
    assert.match(check.stdout, /^ {6}--no-color +不使用颜色/m);
    assert.match(check.stdout, /^退出码：/m);
    assert.doesNotMatch(check.stdout, /govreport (totals|summary|convert)/, 'only its own usage');
    assert.equal(govreport(ROOT, 'help', 'check').stdout, check.stdout);
    assert.equal(govreport(ROOT, 'check', '-h').stdout, check.stdout);
    const totals = govreport(ROOT, 'totals', '--help', '--locale', 'en').stdout;
    assert.match(totals, /^Usage: govreport totals \[--format text\|json\] \[--locale zh-CN\|en\] FILE\n/);
    assert.doesNotMatch(totals, /--verbose/);
    assert.match(govreport(ROOT, 'convert', '--help').stdout, /-o, --output OUT/);
    assert.match(govreport(ROOT, 'init', '--help', '--locale', 'en').stdout, /^Usage: govreport init \[--locale zh-CN\|en\] \[FOLDER\]\n\nWrite a commented \.govreport\.json/);
    // The general help names every command and where each one's help is.
    const general = govreport(ROOT, '--help').stdout;
    for (const c of ['check', 'totals', 'summary', 'convert', 'init']) assert.match(general, new RegExp(`^ {2}${c} +\\S`, 'm'));
    assert.match(general, /govreport 命令 --help/);
  });

  it('finds what the seeds hold', { skip: SKIP_SHARED }, () => {
    const r = govreport(ROOT, 'check', '--format', 'json', sharedFile('seeds'));
    const data: { file: string; diagnostics: { code: string }[] }[] = JSON.parse(r.stdout);
    const arithmetic = new Set(['application-balance', 'subtotal', 'row-total', 'review-total']);
    const found = Object.fromEntries(data.map((f) => [f.file.split(/[\\/]/).pop()!.slice(0, 3), f.diagnostics.map((d) => d.code)]));
    assert.deepEqual(Object.keys(found), ['000', '001', '002', '003', '004']);
    assert.deepEqual(found['004'].filter((c) => arithmetic.has(c)), ['subtotal', 'subtotal']);
    for (const seed of ['000', '001', '002', '003']) assert.deepEqual(found[seed].filter((c) => arithmetic.has(c)), [], seed);
    assert.ok(found['001'].includes('missing-title'));
    assert.equal(r.status, 1);
  });
});

describe('the command line for a person at a terminal', () => {
  const CJK = /[\u2e80-\u9fff\uff00-\uffef]/;
  /** What the command line says of its own: without the report's words it quotes ("…") or shows (a title, a body). */
  const ownWords = (s: string) => s.replace(/"[^"\n]*"/g, '""');

  it('speaks the language of LANG or LC_ALL (else Chinese): under en_US.UTF-8 no Chinese of its own', () => {
    const dir = tempDir();
    for (const name of ['cells', 'pdf', 'pipe', 'old-format', 'markdown']) writeFileSync(join(dir, `${name}.txt`), readFileSync(join(ROOT, fixture(`${name}.report.txt`))));
    writeFileSync(join(dir, 'notes.txt'), '会议记录：明天讨论预算。\n');
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'folder', 'a.txt'), readFileSync(join(ROOT, fixture('pipe.report.txt'))));
    writeFileSync(join(dir, 'folder', 'todo.txt'), 'TODO\n');
    const run = (env: NodeJS.ProcessEnv, ...args: string[]) => {
      const r = govreport({ cwd: dir, env }, ...args);
      return { ...r, both: `${r.stdout}${r.stderr}` };
    };
    const english = { LANG: 'en_US.UTF-8' };
    const said: string[] = [];
    for (const name of ['cells', 'pdf', 'pipe', 'old-format', 'markdown']) said.push(run(english, 'check', '--verbose', `${name}.txt`).both);
    said.push(run(english, 'check', 'notes.txt', 'nope.txt', 'empty', 'folder').both);
    said.push(run(english, 'check', '--format', 'xml', 'a.txt').both, run(english, 'frobnicate').both, run(english, 'check', '--bogus').both);
    said.push(run(english, '--help').both, ...['check', 'totals', 'summary', 'convert'].map((c) => run(english, c, '--help').both));
    // The title is the report's own text; the rest of totals is ours.
    said.push(run(english, 'totals', 'markdown.txt').stdout.replace(/^Title: .*$/m, ''), run(english, 'totals', 'notes.txt').both);
    said.push(run(english, 'summary', '--format', 'markdown', 'cells.txt').stdout.split('\n')[0], run(english, 'convert', '-o', 'out.txt', 'cells.txt').both);
    for (const text of said) assert.doesNotMatch(ownWords(text), CJK, text);
    assert.match(said[5], /nope\.txt: no such file, folder or matching file/);
    assert.match(said[5], /notes\.txt: error: not an annual report/);
    assert.match(said[5], /1 file in the folders skipped/);
    // LC_ALL before LANG, as POSIX has it; --locale before either; no language set: Chinese.
    assert.match(run({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }, 'check', 'nope.txt').stderr, /no such file/);
    assert.match(run({ LANG: 'en_US.UTF-8' }, 'check', '--locale', 'zh-CN', 'nope.txt').stderr, /文件、文件夹不存在/);
    assert.match(run({}, 'check', 'nope.txt').stderr, /文件、文件夹不存在/);
    assert.match(run({ LANG: 'C.UTF-8' }, 'check', 'nope.txt').stderr, /文件、文件夹不存在/);
  });

  it('lists each file checked with --verbose (✓ file); by default only those with findings, then the count', () => {
    const dir = tempDir();
    const clean = join(dir, 'clean.txt');
    writeFileSync(clean, render(cleanSpec(), 'markdown'));
    const quiet = govreport(ROOT, 'check', clean);
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '');
    assert.match(quiet.stderr, /^共检查 1 个文件：0 个错误，0 个警告，0 条提示$/m);
    const verbose = govreport(ROOT, 'check', '--verbose', clean, fixture('pipe.report.txt'));
    const lines = verbose.stdout.trimEnd().split('\n');
    assert.equal(lines[0], `✓ ${clean}`);
    assert.ok(lines.some((l) => l.startsWith(`${fixture('pipe.report.txt')}:1:1: warning missing-title`)));
    assert.ok(!lines.includes(`✓ ${fixture('pipe.report.txt')}`), 'a file with findings is listed by them');
  });

  it('writes no note at its finding\'s own place', () => {
    const r = govreport(ROOT, 'check', fixture('cells.report.txt'));
    let own = '';
    for (const line of r.stdout.split('\n')) {
      if (!line.startsWith(' ')) own = line.split(': ')[0];
      else assert.notEqual(line.trim().split(': ')[0], own, line);
    }
    assert.match(r.stdout, /^test\/fixtures\/cells\.report\.txt:332:2: error subtotal .*\n {4}test\/fixtures\/cells\.report\.txt:103:2: note:/m);
  });

  it('colours its output on a terminal, not with NO_COLOR or --no-color, nor into a pipe', { skip: hasScript() ? false : 'needs script(1) for a terminal' }, () => {
    const onTerminal = (env: Record<string, string>, ...args: string[]) => {
      const command = [process.execPath, join(ROOT, 'bin', 'govreport.js'), ...args].map((a) => `'${a}'`).join(' ');
      return spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...CLI_ENV, ...env } }).stdout;
    };
    const ESC = /\x1b\[/;
    const coloured = onTerminal({}, 'check', fixture('cells.report.txt'));
    assert.match(coloured, /\x1b\[31m\x1b\[1merror\x1b\[22m\x1b\[39m/, JSON.stringify(coloured.slice(0, 300)));
    assert.match(coloured, /\x1b\[36mnote:\x1b\[39m/);
    assert.doesNotMatch(onTerminal({ NO_COLOR: '1' }, 'check', fixture('cells.report.txt')), ESC);
    assert.doesNotMatch(onTerminal({}, 'check', '--no-color', fixture('cells.report.txt')), ESC);
    assert.doesNotMatch(govreport(ROOT, 'check', fixture('cells.report.txt')).stdout, ESC, 'a pipe');
    assert.match(govreport(ROOT, 'check', '--color', fixture('cells.report.txt')).stdout, ESC, '--color into a pipe');
  });
});

describe('govreport totals', () => {
  it('prints every table as read with every sum and whether it holds', () => {
    const r = govreport(ROOT, 'totals', fixture('markdown.report.txt'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, /收到和处理政府信息公开申请情况（2021 年格式，Markdown）/);
    assert.match(r.stdout, /合计检查 39 项：37 项成立，2 项不成立，0 项无法检查/);
    assert.match(r.stdout, /✗ 「自然人」列：（七）总计 = 10，（一）至（六）各项之和 = 11/);
    assert.match(r.stdout, /✓ 「自然人」列：一 \+ 二 = 11，（七）总计 \+ 四 = 11/);
  });

  it('prints the review table as three rows by five columns, the group rows, the title on one line, the parts as 一…六 in order', () => {
    const r = govreport(ROOT, 'totals', fixture('pdf.report.txt'));
    const lines = r.stdout.split('\n');
    assert.ok(lines.every((l) => l.length <= 160), 'no line runs on');
    assert.ok(lines.includes('标题: 某某市某某区人民政府 2023年政府信息公开工作年度报告（2023 年）'), r.stdout);
    assert.ok(lines.includes('部分: 一 ✓  二 ✓  三 ✓  四 ✓  五 ✓  六 ✓'));
    const head = lines.findIndex((l) => l.startsWith('政府信息公开行政复议、行政诉讼情况'));
    assert.deepEqual(lines[head + 1].trim().split(/\s+/), ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    assert.deepEqual(lines.slice(head + 2, head + 5).map((l) => l.trim().split(/\s+/)), [
      ['行政复议', '1', '0', '1', '0', '2'],
      ['行政诉讼（未经复议直接起诉）', '0', '1', '0', '0', '1'],
      ['行政诉讼（复议后起诉）', '0', '0', '0', '1', '0'],
    ]);
    // The group rows of the applications table, its items below them.
    const outcomes = lines.indexOf('  三、本年度办理结果');
    assert.ok(outcomes > 0);
    assert.match(lines[outcomes + 1], /^ {4}（一）予以公开 +5 +1/);
    assert.equal(lines[outcomes + 3], '    （三）不予公开');
    assert.match(lines[outcomes + 4], /^ {6}1\.属于国家秘密 +0/);
    // Part 五 after 六, said so.
    const md = govreport(ROOT, 'totals', fixture('markdown.report.txt')).stdout;
    assert.match(md, /^部分: 一 ✓ {2}二 ✓ {2}三 ✓ {2}四 ✓ {2}五 ⚠ 在第六部分之后 {2}六 ✓$/m);
    assert.match(govreport(ROOT, 'totals', '--locale', 'en', fixture('markdown.report.txt')).stdout, /^Parts: 1 ✓ {2}2 ✓ {2}3 ✓ {2}4 ✓ {2}5 ⚠ after part 6 {2}6 ✓$/m);
  });

  it('prints the reviewer’s ratios with the figures they come from', () => {
    // 实质公开率 (7 + 1) / 13 in the 总计 column; 纠错率 (0 + 1 + 0) / (2 + 1 + 1).
    const zh = govreport(ROOT, 'totals', fixture('markdown.report.txt')).stdout;
    assert.match(zh, /^比率: 实质公开率 61\.5%（予以公开与部分公开 8 ÷ （七）总计 13）；纠错率 25\.0%（结果纠正 1 ÷ 复议和诉讼总计 4）$/m);
    const en = govreport(ROOT, 'totals', '--locale', 'en', fixture('markdown.report.txt')).stdout;
    assert.match(en, /^Ratios: Substantive disclosure rate 61\.5% \(disclosed and partly disclosed 8 ÷ total handled 13\); Correction rate 25\.0% /m);
  });

  it('json: the model the totals preview shows', () => {
    const r = govreport(ROOT, 'totals', '--format', 'json', fixture('pdf.report.txt'));
    const view = JSON.parse(r.stdout);
    assert.equal(view.year, 2023);
    assert.deepEqual(view.parts.map((p: { present: boolean }) => p.present), [true, true, true, true, true, true]);
    const review = view.tables.find((t: { kind: string }) => t.kind === 'review');
    const failing = review.sums.filter((s: { status: string }) => s.status === 'fail');
    assert.equal(failing.length, 1);
    assert.deepEqual([failing[0].left, failing[0].right], [0, 1]);
    assert.deepEqual(failing[0].range.start, { line: 77, character: 28 });
    // What the total would have to be, worked out once for the preview and the command line.
    assert.equal(failing[0].shouldBe, 1);
    const [block] = review.blocks;
    assert.deepEqual(block.columns.map((c: { id: string }) => c.id), ['upheld', 'corrected', 'other', 'pending', 'total']);
    assert.deepEqual(block.rows.map((row: { name: { zh: string } }) => row.name.zh), ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）']);
    assert.deepEqual(block.rows[2].cells.map((c: { value: number }) => c.value), [0, 0, 0, 1, 0]);
    // The failing total is the cell its sum points at.
    assert.deepEqual(block.rows[2].cells[4].range, failing[0].range);
    // The ratios as stated: 复议后起诉's total says 0 for items adding up to 1, so 1 ÷ (2 + 1 + 0).
    assert.deepEqual(view.ratios.correctionRate, { value: 33.3, numerator: 1, denominator: 3 });
  });

  it('takes exactly one file', () => {
    assert.equal(govreport(ROOT, 'totals').status, 2);
    assert.equal(govreport(ROOT, 'totals', 'a', 'b').status, 2);
    assert.equal(govreport(ROOT, 'totals', 'missing.txt').status, 2);
  });
});
