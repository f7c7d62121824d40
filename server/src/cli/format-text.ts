/** Compiler-style output: `file:line:col: error subtotal message`, notes below. */
import type { Severity } from '../analysis/rules/rule';
import type { CrossFinding } from '../analysis/corpus';
import { pick, place, type Checked, type Locale } from './checked';
import { placeText, sourcePlace } from './sources';

/** One file's lines (its findings and their notes, or why it could not be read). */
export function formatTextFile(r: Checked, locale: Locale): string {
  if (r.input.error) return `${r.input.file}: ${locale === 'en' ? 'error' : '错误'}: ${pick(r.input.error, locale)}\n`;
  // A source's findings name its table, row and column (or paragraph, page), not lines of text.
  const at = (span: Parameters<typeof place>[1]): string => {
    if (!r.source) {
      const p = place(r.lines!, span);
      return `${r.input.file}:${p.line}:${p.column}:`;
    }
    const where = placeText(sourcePlace(r.source, span), locale);
    return `${r.input.file}:${where ? ` ${where}:` : ''}`;
  };
  const out: string[] = [];
  for (const f of r.findings) {
    out.push(`${at(f.span)} ${f.severity} ${f.code} ${pick(f.message, locale)}`);
    for (const rel of f.related ?? []) out.push(`    ${at(rel.span)} note: ${pick(rel.message, locale)}`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** What a run found, counted as the files go by (they are not kept). */
export class Tally {
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  files = 0;
  unreadable = 0;

  add(r: Checked): void {
    if (r.input.error) this.unreadable++;
    else this.files++;
    for (const f of r.findings) this.counts[f.severity]++;
  }

  /** Findings across reports, counted once every file has been read. */
  addCross(findings: readonly CrossFinding[]): void {
    for (const f of findings) this.counts[f.severity]++;
  }
}

/** One line that sums up a run, for the terminal. */
export function summary(tally: Tally, locale: Locale): string {
  const { counts, files, unreadable } = tally;
  if (locale === 'en') {
    const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    return `${n(files, 'file')} checked: ${n(counts.error, 'error')}, ${n(counts.warning, 'warning')}, ${counts.info + counts.hint} info${unreadable ? `; ${n(unreadable, 'file')} could not be read` : ''}`;
  }
  return `共检查 ${files} 个文件：${counts.error} 个错误，${counts.warning} 个警告，${counts.info + counts.hint} 条提示${unreadable ? `；${unreadable} 个文件无法读取` : ''}`;
}

/** Says how many files found in folders were left alone as not reports. */
export function skippedNote(skipped: number, locale: Locale): string {
  return locale === 'en'
    ? `${skipped} file${skipped === 1 ? '' : 's'} in the folders skipped: no report title or part headings near the start (name a file to check it anyway)`
    : `已跳过文件夹中 ${skipped} 个不是报告的文件：开头没有报告标题或部分标题（直接写出文件名可照常检查）`;
}
