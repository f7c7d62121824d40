/**
 * `govreport convert FILE [-o OUT]`: a .docx, web page or PDF written as the
 * report's canonical text (the standard tables as Markdown tables), to edit in
 * VS Code as a .govreport file. Checking it finds what checking the source does.
 */
import { writeFileSync } from 'node:fs';
import { pick, type Locale } from './checked';
import { readReport } from '../inputs';
import { MESSAGES } from './messages';
import type { Io } from './main';

export async function convert(file: string, out: string | undefined, locale: Locale, io: Io): Promise<number> {
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
