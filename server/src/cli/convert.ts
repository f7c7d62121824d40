/**
 * `govreport convert FILE [-o OUT]`: a .docx, web page or PDF written as the
 * report's canonical text (the standard tables as Markdown tables), to edit in
 * VS Code as a .govreport file. Checking it finds what checking the source does.
 */
import { statSync, writeFileSync } from 'node:fs';
import { pick, type Locale } from './checked';
import { readReport } from '../inputs';
import { MESSAGES } from './messages';
import type { Io } from './output';

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
    io.err(`govreport: ${pick(MESSAGES.sameFile(out), locale)}\n`);
    return 2;
  }
  const input = await readReport(file);
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
    io.err(`govreport: ${pick(MESSAGES.cannotWrite(out, code), locale)}\n`);
    return 2;
  }
  io.err(`govreport: ${pick(MESSAGES.wrote(out), locale)}\n`);
  return 0;
}
