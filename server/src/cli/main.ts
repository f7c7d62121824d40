/**
 * The command line: `govreport check` for a folder of reports (reviewers, CI)
 * and `govreport totals` for one report's tables and sums.
 * Exit status: 0 no error found, 1 an error found, 2 bad usage or a file
 * that could not be read.
 */
import { parseArgs } from 'node:util';
import { analyze, reportView } from '../analysis';
import { check, type CheckFormat } from './check';
import { pick, type Locale } from './checked';
import { convert } from './convert';
import { processIo, type Io } from './output';
import { readReport } from '../inputs';
import { runSummary, SUMMARY_FORMATS } from './summary';
import { formatTotals } from './totals';

declare const GOVREPORT_VERSION: string | undefined;
const VERSION = typeof GOVREPORT_VERSION === 'string' ? GOVREPORT_VERSION : '0.0.0';

const USAGE = `用法 / Usage:
  govreport check [--format text|json|sarif] [--locale zh-CN|en] PATH...
  govreport totals [--format text|json] [--locale zh-CN|en] FILE
  govreport summary [--format csv|json|markdown] [--locale zh-CN|en] PATH...
  govreport convert [-o OUT] FILE

  check    检查报告：文件、文件夹（查找 .txt、.govreport、.docx、.html/.htm 与 .pdf 文件，跳过不是报告的文件）或通配模式；
           .docx、网页与 PDF 直接读取
           Check reports: files, folders (searched for .txt, .govreport, .docx, .html/.htm and .pdf
           files; files that are no report are skipped) or globs; .docx, web pages and PDF are read as they are
  totals   列出报告中读到的表格、每项合计及其是否成立
           Print the tables as read, with every sum and whether it holds
  summary  每份报告一行：机关、年度、申请与复议诉讼数字、错误与警告数（CSV 带 BOM，可用 Excel 打开）
           One row per report: body, year, figures, errors and warnings (CSV with a BOM for Excel)
  convert  把 .docx、网页或 PDF 写成报告文本（表格为 Markdown 表格），可在 VS Code 中编辑
           Write a .docx, web page or PDF as report text (tables as Markdown tables), to edit

退出码 / Exit status: 0 无错误 no error, 1 有错误 errors found, 2 用法错误或文件无法读取 bad usage or unreadable file
`;

export type { Io } from './output';

function usageError(io: Io, message: string): number {
  io.err(`govreport: ${message}\n\n${USAGE}`);
  return 2;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
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
    return check(paths, format as CheckFormat, locale, io, VERSION);
  }

  if (command === 'totals') {
    if (!['text', 'json'].includes(format)) return usageError(io, `未知的输出格式 unknown format「${format}」（text | json）`);
    if (paths.length !== 1) return usageError(io, '请指定一个报告文件 / name one report file');
    const input = await readReport(paths[0]);
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

  if (command === 'summary') {
    const summaryFormat = values.format ?? 'csv';
    if (!SUMMARY_FORMATS.includes(summaryFormat)) return usageError(io, `未知的输出格式 unknown format「${summaryFormat}」（csv | json | markdown）`);
    if (!paths.length) return usageError(io, '请指定报告文件或文件夹 / name the report files or folders');
    return runSummary(paths, summaryFormat, locale, io);
  }

  if (command === 'convert') {
    if (paths.length !== 1) return usageError(io, '请指定一个 .docx、网页或 PDF 文件 / name one .docx, web page or PDF file');
    return convert(paths[0], values.output, locale, io);
  }

  return usageError(io, `未知的命令 unknown command「${command}」`);
}
