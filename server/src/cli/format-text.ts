/** Compiler-style output: `file:line:col: error subtotal message`, notes below. */
import type { Severity } from '../analysis/rules/rule';
import { pick, place, type Checked, type Locale } from './checked';
import { placeText, sourcePlace } from './sources';

export function formatText(results: Checked[], locale: Locale): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.input.error) {
      out.push(`${r.input.file}: ${locale === 'en' ? 'error' : '错误'}: ${pick(r.input.error, locale)}`);
      continue;
    }
    // A source's findings name its table, row and column (or paragraph, page), not lines of text.
    const at = (span: Parameters<typeof place>[1]): string => {
      if (!r.source) {
        const p = place(r.lines!, span);
        return `${r.input.file}:${p.line}:${p.column}:`;
      }
      const where = placeText(sourcePlace(r.source, span), locale);
      return `${r.input.file}:${where ? ` ${where}:` : ''}`;
    };
    for (const f of r.findings) {
      out.push(`${at(f.span)} ${f.severity} ${f.code} ${pick(f.message, locale)}`);
      for (const rel of f.related ?? []) out.push(`    ${at(rel.span)} note: ${pick(rel.message, locale)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** One line that sums up a run, for the terminal. */
export function summary(results: Checked[], locale: Locale): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) for (const f of r.findings) counts[f.severity]++;
  const unreadable = results.filter((r) => r.input.error).length;
  const files = results.length - unreadable;
  if (locale === 'en') {
    const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    return `${n(files, 'file')} checked: ${n(counts.error, 'error')}, ${n(counts.warning, 'warning')}, ${counts.info + counts.hint} info${unreadable ? `; ${n(unreadable, 'file')} could not be read` : ''}`;
  }
  return `共检查 ${files} 个文件：${counts.error} 个错误，${counts.warning} 个警告，${counts.info + counts.hint} 条提示${unreadable ? `；${unreadable} 个文件无法读取` : ''}`;
}
