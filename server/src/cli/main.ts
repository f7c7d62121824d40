/**
 * The command line: `govreport check` for a folder of reports (reviewers, CI)
 * and `govreport totals` for one report's tables and sums.
 * Exit status: 0 no error found, 1 an error found, 2 bad usage or a file
 * that could not be read.
 */
import { analyze, reportView } from '../analysis';
import { commandHelp, generalHelp, parseCommandLine, usageError } from './args';
import { SettingsStore } from '../config/folder';
import { check, type CheckFormat } from './check';
import { pick, type Locale } from './checked';
import { convert } from './convert';
import { init } from './init';
import { processIo, type Io } from './output';
import { readNamed } from './inputs';
import { runSummary } from './summary';
import { paint, useColor } from './terminal';
import { formatTotals } from './totals';

declare const GOVREPORT_VERSION: string | undefined;
const VERSION = typeof GOVREPORT_VERSION === 'string' ? GOVREPORT_VERSION : '0.0.0';

export type { Io } from './output';

/** The language: `--locale`, else the folder's settings (up from the current folder), else the terminal's. */
function settledLocale(asked: boolean, locale: Locale): Locale {
  if (asked) return locale;
  return new SettingsStore().forDir(process.cwd()).config.locale ?? locale;
}

export async function main(argv: string[], io: Io = processIo(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const line = parseCommandLine(argv, env);
  const { parsed } = line;
  const locale = settledLocale(line.localeAsked, line.locale);
  if (parsed.kind === 'version') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (parsed.kind === 'help') {
    io.out(parsed.command ? commandHelp(parsed.command, locale) : generalHelp(locale));
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(usageError(parsed.message, parsed.command, locale));
    return 2;
  }
  const { command, operands, format } = parsed;
  const colors = {
    out: paint(useColor(parsed.color, env, io.tty?.out)),
    err: paint(useColor(parsed.color, env, io.tty?.err)),
  };

  if (command === 'check') return check(operands, format as CheckFormat, locale, io, VERSION, { verbose: parsed.verbose, colors, updateBaseline: parsed.updateBaseline, jobs: parsed.jobs });

  if (command === 'init') return init(operands[0] ?? '.', locale, io);

  if (command === 'totals') {
    const input = await readNamed(operands[0]);
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

  if (command === 'summary') return runSummary(operands, format, locale, io, parsed.thresholds, parsed.jobs);

  return convert(operands[0], parsed.output, locale, io);
}
