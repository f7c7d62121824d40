/** The project's own fixture reports, each with its expected findings beside it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after } from 'node:test';
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

/** Where and how to run the command line, beyond the folder: more environment, another user, a time limit. */
export interface RunOptions {
  cwd: string;
  /** Set over `CLI_ENV`. */
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
  /** Milliseconds, after which the command is killed (its status null). */
  timeout?: number;
  maxBuffer?: number;
}

/** `govreport ARGS...` run in `cwd` as a user runs it, with what it printed and its exit status (`error`: it could not be run, or was killed at its time limit). */
export function govreport(at: string | RunOptions, ...args: string[]): { status: number | null; stdout: string; stderr: string; error?: Error } {
  const { env, ...options } = typeof at === 'string' ? { cwd: at } : at;
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'govreport.js'), ...args], { ...options, encoding: 'utf8', env: { ...CLI_ENV, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

/** A maker of temp folders named `govreport-<name>-…`, every one removed after the file's tests. */
export function tempDirs(name: string): () => string {
  const made: string[] = [];
  after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), `govreport-${name}-`));
    made.push(dir);
    return dir;
  };
}

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
