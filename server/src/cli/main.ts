/**
 * The command line: `govreport check` for a folder of reports (reviewers, CI)
 * and `govreport totals` for one report's tables and sums.
 * Exit status: 0 no error found, 1 an error found, 2 bad usage or a file
 * that could not be read.
 */
import { parseArgs } from 'node:util';
import { analyze, reportView } from '../analysis';
import { pick, type Checked, type Locale } from './checked';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText, summary } from './format-text';
import { convert } from './convert';
import { expandPaths } from './inputs';
import { readReportFile } from './sources';
import { formatTotals } from './totals';

declare const GOVREPORT_VERSION: string | undefined;
const VERSION = typeof GOVREPORT_VERSION === 'string' ? GOVREPORT_VERSION : '0.0.0';

const USAGE = `用法 / Usage:
  govreport check [--format text|json|sarif] [--locale zh-CN|en] PATH...
  govreport totals [--format text|json] [--locale zh-CN|en] FILE
  govreport convert [-o OUT] FILE

  check    检查报告：文件、文件夹（查找 .txt 与 .govreport 文件）或通配模式
           Check reports: files, folders (searched for .txt and .govreport files) or globs
           .docx、网页（.html/.htm）与 PDF 直接读取 / .docx, web pages (.html/.htm) and PDF are read as they are
  totals   列出报告中读到的表格、每项合计及其是否成立
           Print the tables as read, with every sum and whether it holds
  convert  把 .docx、网页或 PDF 写成报告文本（表格为 Markdown 表格），可在 VS Code 中编辑
           Write a .docx, web page or PDF as report text (tables as Markdown tables), to edit

退出码 / Exit status: 0 无错误 no error, 1 有错误 errors found, 2 用法错误或文件无法读取 bad usage or unreadable file
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

function usageError(io: Io, message: string): number {
  io.err(`govreport: ${message}\n\n${USAGE}`);
  return 2;
}

async function checkFiles(paths: string[]): Promise<{ results: Checked[]; missing: string[] }> {
  const { files, missing } = expandPaths(paths);
  const results: Checked[] = [];
  // One file at a time: a PDF's reader holds its pages until it is done.
  for (const file of files) {
    const { input, source } = await readReportFile(file);
    if (input.text === undefined) {
      results.push({ input, findings: [] });
      continue;
    }
    const analysis = analyze(input.text);
    results.push({ input, findings: analysis.findings, lines: analysis.report.lines, source });
  }
  return { results, missing };
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        locale: { type: 'string', short: 'l' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        output: { type: 'string', short: 'o' },
      },
    });
  } catch (e) {
    return usageError(io, (e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const locale = (values.locale ?? 'zh-CN') as Locale;
  if (locale !== 'zh-CN' && locale !== 'en') return usageError(io, `未知的语言 unknown locale「${values.locale}」（zh-CN | en）`);
  const format = values.format ?? 'text';

  if (command === 'check') {
    if (!['text', 'json', 'sarif'].includes(format)) return usageError(io, `未知的输出格式 unknown format「${format}」（text | json | sarif）`);
    if (!paths.length) return usageError(io, '请指定要检查的文件或文件夹 / name the files or folders to check');
    const { results, missing } = await checkFiles(paths);
    for (const m of missing) {
      io.err(locale === 'en' ? `govreport: ${m}: no such file, folder or matching file\n` : `govreport: ${m}：文件、文件夹不存在，或没有匹配的文件\n`);
    }
    if (format === 'json') io.out(formatJson(results, locale));
    else if (format === 'sarif') io.out(formatSarif(results, locale, VERSION));
    else {
      io.out(formatText(results, locale));
      io.err(`${summary(results, locale)}\n`);
    }
    if (format !== 'text') {
      for (const r of results) if (r.input.error) io.err(`govreport: ${r.input.file}: ${pick(r.input.error, locale)}\n`);
    }
    if (missing.length || results.some((r) => r.input.error)) return 2;
    return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  }

  if (command === 'totals') {
    if (!['text', 'json'].includes(format)) return usageError(io, `未知的输出格式 unknown format「${format}」（text | json）`);
    if (paths.length !== 1) return usageError(io, '请指定一个报告文件 / name one report file');
    const { input } = await readReportFile(paths[0]);
    if (input.text === undefined) {
      io.err(`govreport: ${input.file}: ${pick(input.error!, locale)}\n`);
      return 2;
    }
    const analysis = analyze(input.text);
    const view = reportView(analysis);
    if (format === 'json') io.out(`${JSON.stringify({ file: input.file, ...view }, null, 2)}\n`);
    else io.out(formatTotals(input.file, view, locale));
    return view.tables.some((t) => t.sums.some((s) => s.status === 'fail')) ? 1 : 0;
  }

  if (command === 'convert') {
    if (paths.length !== 1) return usageError(io, '请指定一个 .docx、网页或 PDF 文件 / name one .docx, web page or PDF file');
    return convert(paths[0], values.output, locale, io);
  }

  return usageError(io, `未知的命令 unknown command「${command}」`);
}
