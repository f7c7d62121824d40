/**
 * `govreport convert FILE [-o OUT]`: a .docx, web page or PDF written as the
 * report's canonical text (the standard tables as Markdown tables), to edit in
 * VS Code as a .govreport file. Checking it finds what checking the source does.
 */
import { statSync, writeFileSync } from 'node:fs';
import { pick, type Locale } from './checked';
import { readReportFile } from './sources';
import type { Io } from './main';

/** Are both paths one file (the same path, a link, another name for it)? */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export async function convert(file: string, out: string | undefined, locale: Locale, io: Io): Promise<number> {
  // The text would replace the document it was read from.
  if (out && out !== '-' && sameFile(file, out)) {
    io.err(`govreport: ${out}: ${locale === 'en' ? 'is the file being converted: not overwritten (name another output file)' : '就是要转换的源文件，不会覆盖它（请指定另一个输出文件）'}\n`);
    return 2;
  }
  const { input } = await readReportFile(file);
  if (input.text === undefined) {
    io.err(`govreport: ${input.file}: ${pick(input.error!, locale)}\n`);
    return 2;
  }
  if (!out || out === '-') {
    io.out(input.text);
    return 0;
  }
  try {
    writeFileSync(out, input.text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    io.err(`govreport: ${out}: ${locale === 'en' ? `cannot be written (${code})` : `无法写入（${code}）`}\n`);
    return 2;
  }
  io.err(locale === 'en' ? `govreport: wrote ${out}\n` : `govreport: 已写入 ${out}\n`);
  return 0;
}
