/**
 * The real converters, run as users run them: pandoc (docx → gfm, markdown,
 * plain), LibreOffice headless (docx → txt, html, pdf; many files per call, a
 * fresh profile per call), pdftotext (-layout, -raw) and w3m -dump.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The converted texts the matrix checks, each from one native form. */
export const CONVERTERS = [
  'pandoc-gfm',
  'pandoc-markdown',
  'pandoc-plain',
  'libreoffice-txt',
  'pdftotext-layout',
  'pdftotext-raw',
  'w3m-libreoffice-html',
  'w3m-cms-html',
] as const;
export type Converter = (typeof CONVERTERS)[number];

/** What each converter reads and how it is run, for the README and messages. */
export const CONVERTER_COMMANDS: Record<Converter, string> = {
  'pandoc-gfm': 'pandoc -t gfm report.docx',
  'pandoc-markdown': 'pandoc -t markdown report.docx',
  'pandoc-plain': 'pandoc -t plain report.docx',
  'libreoffice-txt': 'soffice --convert-to "txt:Text (encoded):UTF8" report.docx',
  'pdftotext-layout': 'pdftotext -layout report.pdf (the PDF from soffice --convert-to pdf)',
  'pdftotext-raw': 'pdftotext -raw report.pdf',
  'w3m-libreoffice-html': 'w3m -dump of soffice --convert-to html report.docx',
  'w3m-cms-html': 'w3m -dump of the GBK CMS page',
};

export interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs a command to its end (killed after `timeoutMs`), its output collected. */
export function run(command: string, args: string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${command} could not start: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: err });
    });
  });
}

export async function runChecked(command: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<Buffer> {
  const r = await run(command, args, options);
  if (r.code !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return r.stdout;
}

/**
 * Converts many .docx files with one LibreOffice start (it takes seconds to
 * start): `filter` as for --convert-to, results in `outDir` named as the
 * inputs. A fresh profile folder each call, so that no user profile, lock or
 * earlier crash gets in the way.
 */
export async function libreOffice(filter: string, files: string[], outDir: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'govreport-lo-'));
  try {
    await runChecked(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', filter, '--outdir', outDir, ...files],
      { timeoutMs: 15 * 60_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Runs `tasks` at most `limit` at a time (the machine may have two cores). */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
