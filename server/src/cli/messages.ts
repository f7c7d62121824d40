/**
 * What the command line says of its own (not the findings, which the rules
 * word), in both languages, and which language it speaks: `--locale`, else
 * the terminal's (LC_ALL, LC_MESSAGES, LANG, as POSIX orders them), else Chinese.
 */
import type { Text2 } from '../analysis';
import { searchedNames } from '../inputs/names';
import type { Locale } from './checked';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** `zh…` is Chinese, any other language English; no language set (unset, C, POSIX) is Chinese, the users' own. */
export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const language = tag.split(/[_.@-]/)[0].toLowerCase();
  if (!language || language === 'c' || language === 'posix' || language === 'zh') return 'zh-CN';
  return 'en';
}

/** The file kinds a folder is searched for, as the messages name them. */
const KINDS: Text2 = { zh: searchedNames('、'), en: searchedNames(', ') };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const MESSAGES = {
  missing: (arg: string): Text2 => ({ zh: `${arg}：文件、文件夹不存在，或没有匹配的文件`, en: `${arg}: no such file, folder or matching file` }),
  noReports: (arg: string): Text2 => ({ zh: `${arg}：没有找到报告文件（${KINDS.zh}）`, en: `${arg}: no report files found (${KINDS.en})` }),
  allSkipped: { zh: `没有找到报告文件（${KINDS.zh}）`, en: `no report files found (${KINDS.en})` } as Text2,
  notReport: {
    zh: '不是年度报告：开头没有中文的报告标题（政府信息公开……年度报告）或部分标题，未检查（若确是报告，改名为 .govreport 或 .report.txt 即照常检查）',
    en: 'not an annual report: no report title or part headings, in Chinese, near the start; not checked (if it is one, name it .govreport or .report.txt to check it anyway)',
  } as Text2,
  skipped: (n: number): Text2 => ({
    zh: `已跳过文件夹中 ${n} 个不是报告的文件：开头没有报告标题或部分标题（.govreport 与 .report.txt 文件总会检查）`,
    en: `${plural(n, 'file')} in the folders skipped: no report title or part headings near the start (.govreport and .report.txt files are always checked)`,
  }),
  error: { zh: '错误', en: 'error' } as Text2,
  ignored: (n: number): Text2 => ({
    zh: `已按 .govreport.json 的 ignores 跳过 ${n} 个文件`,
    en: `${plural(n, 'file')} left out by the ignores of .govreport.json`,
  }),
  allIgnored: { zh: '所有文件都被 .govreport.json 的 ignores 排除，没有可检查的报告', en: 'every file is left out by the ignores of .govreport.json; no report to check' } as Text2,
  summary: (files: number, errors: number, warnings: number, infos: number, unreadable: number, accepted = 0): Text2 => ({
    zh: `共检查 ${files} 个文件：${errors} 个错误，${warnings} 个警告，${infos} 条提示${unreadable ? `；${unreadable} 个文件无法检查` : ''}${accepted ? `；另有 ${accepted} 个已接受的问题未列出` : ''}`,
    en: `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info${unreadable ? `; ${plural(unreadable, 'file')} could not be checked` : ''}${accepted ? `; ${accepted} accepted ${accepted === 1 ? 'finding' : 'findings'} not shown` : ''}`,
  }),
  /** For json and sarif, which have no line that sums up: the findings left out as accepted. */
  acceptedNotShown: (n: number, files: string[]): Text2 => ({
    zh: `另有 ${n} 个已接受的问题未列出（${files.join('、')}）`,
    en: `${n} accepted ${n === 1 ? 'finding' : 'findings'} not shown (${files.join(', ')})`,
  }),
  baselineWritten: (file: string, now: number, all: number): Text2 => ({
    zh: `已写入 ${file}：本次接受 ${now} 个问题（共 ${all} 个）`,
    en: `wrote ${file}: ${plural(now, 'finding')} accepted in this run (${all} in all)`,
  }),
  progress: (files: number): Text2 => ({ zh: `已检查 ${files} 个文件…`, en: `${plural(files, 'file')} checked…` }),
  sameFile: (file: string): Text2 => ({ zh: `${file}：就是要转换的源文件，不会覆盖它（请指定另一个输出文件）`, en: `${file}: is the file being converted: not overwritten (name another output file)` }),
  wrote: (file: string): Text2 => ({ zh: `已写入 ${file}`, en: `wrote ${file}` }),
  configExists: (file: string): Text2 => ({ zh: `${file} 已存在，未覆盖`, en: `${file} exists already; not written over` }),
  notAFolder: (arg: string): Text2 => ({ zh: `${arg}：不是文件夹`, en: `${arg}: not a folder` }),
  cannotWrite: (file: string, code: string): Text2 => ({ zh: `${file}：无法写入（${code}）`, en: `${file}: cannot be written (${code})` }),
} as const;
