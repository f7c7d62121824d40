/** The project's own fixture reports, each with its expected findings beside it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decode } from '../../server/src/inputs';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/**
 * The environment to run the command line in: this machine's, without a
 * language (so it speaks its default, Chinese) or a colour setting, so that
 * what it prints does not depend on where the tests run.
 */
export const CLI_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(LANG|LANGUAGE|LC_ALL|LC_MESSAGES|NO_COLOR|FORCE_COLOR)$/.test(name)),
);

/** Every fixture report (`*.report.txt`), as paths relative to the fixtures folder. */
export function fixtureReports(): string[] {
  return readdirSync(FIXTURES, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.report.txt'))
    .sort();
}

/** The expected findings (`line:col severity code`), without comments. */
export function expectedFindings(report: string): string[] {
  const file = join(FIXTURES, report.replace(/\.report\.txt$/, '.expected'));
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** A fixture's text (`name` relative to the fixtures folder), decoded as a report file is (some are GBK or UTF-16). */
export function fixtureText(name: string): string {
  const decoded = decode(readFileSync(join(FIXTURES, name)));
  if (!('text' in decoded)) throw new Error(`${name}: ${decoded.error.en}`);
  return decoded.text;
}
