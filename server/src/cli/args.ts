/**
 * The command line's grammar: its commands and their options, the help of
 * each (`govreport check --help`), and parsing, whose errors say what was
 * wrong in the user's language with the command's usage line (node's parser
 * reads the arguments; the words are ours).
 */
import { parseArgs } from 'node:util';
import type { RatioThresholds, Text2 } from '../analysis';
import { pick, type Locale } from './checked';
import { LOCALES, localeFromEnv } from './messages';

export type CommandName = 'check' | 'totals' | 'summary' | 'convert' | 'init';
type OptionName = 'format' | 'locale' | 'output' | 'disclosure-below' | 'correction-above' | 'update-baseline' | 'jobs' | 'verbose' | 'color' | 'no-color' | 'help' | 'version';

interface OptionDef {
  short?: string;
  /** Takes a value: its placeholder in the help. */
  value?: string;
  help: Text2;
}

const OPTIONS: Record<OptionName, OptionDef> = {
  format: { short: 'f', value: 'FORMAT', help: { zh: '输出格式', en: 'output format' } },
  locale: { short: 'l', value: 'zh-CN|en', help: { zh: '语言（默认按 LANG 等环境变量，未设置时为中文）', en: 'language (default: from LANG and the like; Chinese when none is set)' } },
  output: { short: 'o', value: 'OUT', help: { zh: '写入的文件（默认标准输出）', en: 'the file to write (default: standard output)' } },
  'disclosure-below': { value: 'PERCENT', help: { zh: 'Markdown 中标出实质公开率低于此百分数的报告（默认 40）', en: 'Markdown marks a substantive disclosure rate below this percentage (default 40)' } },
  'correction-above': { value: 'PERCENT', help: { zh: 'Markdown 中标出纠错率高于此百分数的报告（默认 15）', en: 'Markdown marks a correction rate above this percentage (default 15)' } },
  'update-baseline': {
    help: { zh: '接受现有的全部问题：写入 .govreport-baseline.json，以后只列出新问题', en: 'accept every finding there is: write them to .govreport-baseline.json, so that later runs list only new ones' },
  },
  jobs: {
    short: 'j',
    value: 'N',
    help: { zh: '同时检查的线程数（默认为处理器核数，两核及以下为 1；1 即在主线程中逐个检查）；输出顺序不变', en: 'threads that check files at once (default: the number of cores, 1 on two cores or fewer; 1: one by one in the main thread); the output is in the same order' },
  },
  verbose: { help: { zh: '没有问题的文件也列出一行（✓ 文件名）', en: 'a line for each file without findings too (✓ file)' } },
  color: { help: { zh: '总是使用颜色（默认只在终端上使用）', en: 'always colour the output (default: only on a terminal)' } },
  'no-color': { help: { zh: '不使用颜色（或设置环境变量 NO_COLOR）', en: 'no colour (or set NO_COLOR)' } },
  help: { short: 'h', help: { zh: '显示帮助', en: 'show this help' } },
  version: { short: 'v', help: { zh: '显示版本', en: 'show the version' } },
};

interface CommandDef {
  /** What it takes after the options. */
  operands: Text2;
  /** Exactly one operand, or one or more. */
  one: boolean;
  /** The operand may be left out (then `one` means at most one). */
  optional?: boolean;
  formats?: string[];
  options: OptionName[];
  summary: Text2;
  /** Said under the usage line of its own help. */
  details?: Text2;
}

const EXIT: Text2 = {
  zh: '退出码：0 没有错误，1 发现错误，2 用法错误、没有可检查的报告或有文件无法检查（其余文件照常检查）',
  en: 'Exit status: 0 no error found, 1 errors found, 2 bad usage, no report to check, or a file that could not be checked (the others are still checked)',
};

export const COMMANDS: Record<CommandName, CommandDef> = {
  check: {
    operands: { zh: '路径...', en: 'PATH...' },
    one: false,
    formats: ['text', 'json', 'sarif'],
    options: ['format', 'locale', 'update-baseline', 'jobs', 'verbose', 'color', 'no-color', 'help'],
    summary: { zh: '检查报告，按编译器格式列出问题（文件:行:列）', en: 'Check reports; findings listed as a compiler lists them (file:line:col)' },
    details: {
      zh: [
        '路径可以是文件、文件夹或通配模式。文件夹中查找 .txt、.govreport、.docx、.html/.htm 与 .pdf 文件，',
        '跳过开头没有报告标题或部分标题的文件；直接写出的文件不是报告时会说明，不按报告检查。',
        '.docx、网页与 PDF 直接读取，问题标出原文中的位置（表二 第 27 行 第 4 列）。',
        '只列出有问题的文件，最后一行是合计；加 --verbose 时没有问题的文件也列出一行。',
        '每份报告按其所在文件夹往上最近的 .govreport.json 检查（规则的严重程度、ignores、机关别名、汇总报告的下级单位）；',
        '.govreport-baseline.json 中已接受的问题不再列出，只说明其数量。--update-baseline 接受现有的全部问题。',
      ].join('\n'),
      en: [
        'Paths may be files, folders or glob patterns. Folders are searched for .txt, .govreport, .docx,',
        '.html/.htm and .pdf files; files with no report title or part headings near the start are skipped.',
        'A file named that is no report is said so, not checked as one. .docx, web pages and PDF are',
        'read as they are; their findings name the place in the source (table 2, row 27, column 4).',
        'Only files with findings are listed, then a line of totals; with --verbose, every file checked.',
        'Each report is checked by the nearest .govreport.json up from its folder (rule severities, ignores,',
        'body aliases, the units of summary reports). Findings accepted in .govreport-baseline.json are not',
        'listed, only counted; --update-baseline accepts every finding there is.',
      ].join('\n'),
    },
  },
  totals: {
    operands: { zh: '文件', en: 'FILE' },
    one: true,
    formats: ['text', 'json'],
    options: ['format', 'locale', 'help'],
    summary: { zh: '列出报告中读到的表格、每项合计及其是否成立', en: 'Print the tables as read, with every sum and whether it holds' },
  },
  summary: {
    operands: { zh: '路径...', en: 'PATH...' },
    one: false,
    formats: ['csv', 'json', 'markdown'],
    options: ['format', 'locale', 'disclosure-below', 'correction-above', 'jobs', 'help'],
    summary: {
      zh: '每份报告一行：机关、年度、申请与复议诉讼数字、实质公开率与纠错率、错误与警告数',
      en: 'One row per report: body, year, figures, the substantive disclosure and correction rates, errors and warnings',
    },
    details: {
      zh: 'CSV 为带 BOM 的 UTF-8，Excel 可直接打开。实质公开率 =（予以公开 + 部分公开）÷（七）总计，纠错率 = 结果纠正 ÷ 行政复议和行政诉讼总计。',
      en: 'CSV is UTF-8 with a byte-order mark, for Excel. Substantive disclosure rate = (disclosed + partly disclosed) / total handled; correction rate = corrected / all reconsideration and lawsuits.',
    },
  },
  convert: {
    operands: { zh: '文件', en: 'FILE' },
    one: true,
    options: ['output', 'locale', 'help'],
    summary: { zh: '把 .docx、网页或 PDF 写成报告文本（表格为 Markdown 表格），可在 VS Code 中编辑', en: 'Write a .docx, web page or PDF as report text (tables as Markdown tables), to edit' },
  },
  init: {
    operands: { zh: '[文件夹]', en: '[FOLDER]' },
    one: true,
    optional: true,
    options: ['locale', 'help'],
    summary: { zh: '在文件夹（默认当前文件夹）中写入带注释的 .govreport.json，各项为默认值', en: 'Write a commented .govreport.json with the defaults into the folder (default: the current one)' },
    details: {
      zh: '已有 .govreport.json 时不覆盖。命令行与 VS Code 都按此文件检查该文件夹及其子文件夹中的报告。',
      en: 'An existing .govreport.json is never written over. The command line and VS Code both check the reports in that folder and below by it.',
    },
  },
};

const NAMES = Object.keys(COMMANDS) as CommandName[];
const isCommand = (s: string | undefined): s is CommandName => !!s && (NAMES as string[]).includes(s);

const optionName = (name: OptionName) => `${OPTIONS[name].short ? `-${OPTIONS[name].short}, ` : '    '}--${name}${OPTIONS[name].value ? ` ${OPTIONS[name].value}` : ''}`;

/** `govreport check [--format text|json|sarif] [--locale zh-CN|en] PATH...` */
function usageLine(name: CommandName, locale: Locale): string {
  const c = COMMANDS[name];
  const shown = c.options.filter((o) => o !== 'help' && o !== 'no-color');
  const opts = shown.map((o) => `[--${o}${o === 'format' ? ` ${c.formats!.join('|')}` : OPTIONS[o].value ? ` ${OPTIONS[o].value}` : ''}]`);
  return `govreport ${name} ${opts.join(' ')} ${pick(c.operands, locale)}`;
}

const USAGE: Text2 = { zh: '用法', en: 'Usage' };

/** The general help: every command, one line each. */
export function generalHelp(locale: Locale): string {
  const zh = locale !== 'en';
  const lines = [`${pick(USAGE, locale)}${zh ? '：' : ':'}`, ...NAMES.map((n) => `  ${usageLine(n, locale)}`), ''];
  for (const n of NAMES) lines.push(`  ${n.padEnd(8)} ${pick(COMMANDS[n].summary, locale)}`);
  lines.push(
    '',
    zh ? '  govreport 命令 --help   该命令的选项与说明' : '  govreport COMMAND --help   that command’s options and details',
    zh ? '  govreport --version     版本' : '  govreport --version        the version',
    '',
    pick(EXIT, locale),
  );
  return `${lines.join('\n')}\n`;
}

/** One command's help: its usage, what it does, each option. */
export function commandHelp(name: CommandName, locale: Locale): string {
  const c = COMMANDS[name];
  const zh = locale !== 'en';
  const lines = [`${pick(USAGE, locale)}${zh ? '：' : ': '}${usageLine(name, locale)}`, '', pick(c.summary, locale)];
  if (c.details) lines.push('', pick(c.details, locale));
  lines.push('', zh ? '选项：' : 'Options:');
  const rows = c.options.map((o) => {
    const help = pick(OPTIONS[o].help, locale);
    const formats = zh ? `${help}：${c.formats?.join('、')}（默认 ${c.formats?.[0]}）` : `${help}: ${c.formats?.join(', ')} (default ${c.formats?.[0]})`;
    return [optionName(o), o === 'format' ? formats : help];
  });
  const width = Math.max(...rows.map(([n]) => n.length));
  for (const [n, help] of rows) lines.push(`  ${n.padEnd(width)}  ${help}`);
  lines.push('', pick(EXIT, locale));
  return `${lines.join('\n')}\n`;
}

export type Parsed =
  | { kind: 'run'; command: CommandName; operands: string[]; format: string; output?: string; verbose: boolean; color?: boolean; updateBaseline: boolean; thresholds: Partial<RatioThresholds>; jobs?: number }
  | { kind: 'help'; command?: CommandName }
  | { kind: 'version' }
  | { kind: 'error'; message: Text2; command?: CommandName };

/** An error's text, then the usage line of the command (or of every command) and where help is. */
export function usageError(message: Text2, command: CommandName | undefined, locale: Locale): string {
  const zh = locale !== 'en';
  const usage = command ? [usageLine(command, locale)] : NAMES.map((n) => usageLine(n, locale));
  const more = command ? `govreport ${command} --help` : 'govreport --help';
  return [
    `govreport: ${pick(message, locale)}`,
    `${pick(USAGE, locale)}${zh ? '：' : ':'}`,
    ...usage.map((u) => `  ${u}`),
    zh ? `更多说明：${more}` : `More: ${more}`,
    '',
  ].join('\n');
}

const SPEC = Object.fromEntries(
  (Object.keys(OPTIONS) as OptionName[]).map((name) => [name, { type: OPTIONS[name].value ? ('string' as const) : ('boolean' as const), ...(OPTIONS[name].short ? { short: OPTIONS[name].short } : {}) }]),
);

/**
 * Reads the arguments. The language is settled first (a valid `--locale`,
 * else the environment's), so that every error after it is in that language.
 */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): { locale: Locale; parsed: Parsed; localeAsked: boolean } {
  // Not strict: node's own errors would be in its words; every token is checked below.
  const { tokens } = parseArgs({ args: argv, options: SPEC, allowPositionals: true, strict: false, tokens: true });
  const values: Partial<Record<OptionName, string | boolean>> = {};
  const operands: string[] = [];
  let problem: Text2 | undefined;
  let afterTerminator = false;
  for (const t of tokens) {
    if (t.kind === 'option-terminator') {
      afterTerminator = true;
      continue;
    }
    if (t.kind === 'positional') {
      operands.push(t.value);
      continue;
    }
    if (afterTerminator) continue;
    const name = t.name as OptionName;
    const def = OPTIONS[name];
    if (!def) {
      problem ??= { zh: `未知的选项 ${t.rawName}`, en: `unknown option ${t.rawName}` };
    } else if (def.value && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-') && t.value !== '-'))) {
      problem ??= { zh: `选项 ${t.rawName} 需要一个值（${def.value}）`, en: `option ${t.rawName} needs a value (${def.value})` };
    } else if (!def.value && t.value !== undefined) {
      problem ??= { zh: `选项 ${t.rawName} 不带值`, en: `option ${t.rawName} takes no value` };
    } else {
      values[name] = def.value ? t.value! : true;
    }
  }
  const asked = values.locale as string | undefined;
  const locale = asked && (LOCALES as string[]).includes(asked) ? (asked as Locale) : localeFromEnv(env);
  const [first, ...rest] = operands;
  const command = isCommand(first) ? first : undefined;
  const localeAsked = !!asked && (LOCALES as string[]).includes(asked);
  const fail = (message: Text2): { locale: Locale; parsed: Parsed; localeAsked: boolean } => ({ locale, parsed: { kind: 'error', message, command }, localeAsked });

  if (problem) return fail(problem);
  if (asked && !(LOCALES as string[]).includes(asked)) return fail({ zh: `未知的语言「${asked}」（可用：${LOCALES.join('、')}）`, en: `unknown locale "${asked}" (use ${LOCALES.join(' or ')})` });
  if (values.version && !first) return { locale, parsed: { kind: 'version' }, localeAsked };
  if (first === 'help') return { locale, parsed: { kind: 'help', command: isCommand(rest[0]) ? rest[0] : undefined }, localeAsked };
  if (values.help) return { locale, parsed: { kind: 'help', command }, localeAsked };
  if (!first) return fail({ zh: '请指定命令', en: 'name a command' });
  if (!command) return fail({ zh: `未知的命令「${first}」`, en: `unknown command "${first}"` });

  const def = COMMANDS[command];
  const foreign = (Object.keys(values) as OptionName[]).find((o) => !def.options.includes(o));
  if (foreign) return fail({ zh: `${command} 命令没有 --${foreign} 选项`, en: `${command} takes no --${foreign} option` });
  const format = (values.format as string | undefined) ?? def.formats?.[0] ?? '';
  if (def.formats && !def.formats.includes(format)) {
    return fail({ zh: `未知的输出格式「${format}」（可用：${def.formats.join('、')}）`, en: `unknown format "${format}" (use ${def.formats.join(', ')})` });
  }
  if (def.one && rest.length > 1) return fail(def.optional ? { zh: `只能指定一个文件夹，而不是 ${rest.length} 个`, en: `name one folder, not ${rest.length}` } : { zh: `只能指定一个文件，而不是 ${rest.length} 个`, en: `name one file, not ${rest.length}` });
  if (!rest.length && !def.optional) return fail(def.one ? { zh: '请指定一个文件', en: 'name one file' } : { zh: '请指定要处理的文件或文件夹', en: 'name the files or folders' });
  // Only what was given: the folder's .govreport.json, then the defaults, stand for the rest.
  const thresholds: Partial<RatioThresholds> = {};
  for (const [option, key] of [['disclosure-below', 'disclosureBelow'], ['correction-above', 'correctionAbove']] as const) {
    const raw = values[option] as string | undefined;
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!raw.trim() || !Number.isFinite(n) || n < 0 || n > 100) return fail({ zh: `--${option} 应为 0 至 100 的百分数，而不是「${raw}」`, en: `--${option} takes a percentage from 0 to 100, not "${raw}"` });
    thresholds[key] = n;
  }
  const rawJobs = values.jobs as string | undefined;
  if (rawJobs !== undefined && !/^[1-9]\d{0,3}$/.test(rawJobs.trim())) return fail({ zh: `--jobs 应为 1 至 9999 的整数，而不是「${rawJobs}」`, en: `--jobs takes a whole number from 1 to 9999, not "${rawJobs}"` });
  const jobs = rawJobs === undefined ? undefined : Number(rawJobs.trim());
  const color = values['no-color'] ? false : values.color ? true : undefined;
  const run: Parsed = { kind: 'run', command, operands: rest, format, output: values.output as string | undefined, verbose: !!values.verbose, color, updateBaseline: !!values['update-baseline'], thresholds, jobs };
  return { locale, parsed: run, localeAsked };
}
