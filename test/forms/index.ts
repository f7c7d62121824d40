/**
 * The fixture forms: every report (the shared seeds and corpus when beside
 * the project, and the project's own rendered reports) built as .docx, Word's
 * HTML, a GBK CMS page and a PDF, each plain and with one planted defect, and
 * converted by real converters. Built once into a cache folder keyed by a
 * hash of the reports' documents, this generator's code and the converters'
 * versions; later runs reuse it.
 *
 *   const set = await fixtureForms();
 *   set.variants[0].forms.docx      // a path
 *   set.variants[0].converted['pandoc-gfm']
 *
 * Cache folder: $GOVREPORT_FIXTURE_CACHE, or ~/.cache/govreport-fixtures.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { libreOffice, pool, runChecked, type Converter } from './convert';
import { docxBytes } from './docx';
import { cmsHtml, gbkBytes, wordHtml } from './html';
import { reportDocument, type ReportDocument } from './model';
import { plantDefect } from './planted';
import { sourceReports, type SourceReport } from './inputs';

export { CONVERTERS, CONVERTER_COMMANDS, type Converter } from './convert';

/** The native forms of a report. `libreoffice-html` is LibreOffice's own HTML export. */
export const FORMS = ['text', 'docx', 'word-html', 'cms-html', 'pdf', 'libreoffice-html'] as const;
export type Form = (typeof FORMS)[number];

const FILES: Record<Form, string> = {
  text: 'report.txt',
  docx: 'report.docx',
  'word-html': 'report.word.html',
  'cms-html': 'report.cms.html',
  pdf: 'report.pdf',
  'libreoffice-html': 'report.libreoffice.html',
};
const CONVERTED: Record<Converter, string> = {
  'pandoc-gfm': 'pandoc-gfm.md',
  'pandoc-markdown': 'pandoc-markdown.md',
  'pandoc-plain': 'pandoc-plain.txt',
  'libreoffice-txt': 'libreoffice.txt',
  'pdftotext-layout': 'pdftotext-layout.txt',
  'pdftotext-raw': 'pdftotext-raw.txt',
  'w3m-libreoffice-html': 'w3m-libreoffice-html.txt',
  'w3m-cms-html': 'w3m-cms-html.txt',
};

export type Variant = 'plain' | 'planted';

export interface FixtureVariant {
  /** The report's name: a seed's or corpus file's name without `.txt`, or `project-…`. */
  report: string;
  origin: SourceReport['origin'];
  variant: Variant;
  /** `report` for the plain variant, `report+planted` for the other. */
  id: string;
  /** For `planted`: what was changed, and the arithmetic findings it adds (`code: message`). */
  change?: string;
  expected?: string[];
  /** Absolute paths of the native forms (`text` is the report's text, UTF-8). */
  forms: Record<Form, string>;
  /** Absolute paths of the converted texts (UTF-8). */
  converted: Record<Converter, string>;
}

export interface FixtureSet {
  /** The cache folder of this build. */
  dir: string;
  /** Whether this call built it (false: reused from the cache). */
  built: boolean;
  /** The converters' versions the forms were made with. */
  versions: string[];
  variants: FixtureVariant[];
}

interface Planned {
  source: SourceReport;
  variant: Variant;
  id: string;
  text: string;
  doc: ReportDocument;
  change?: string;
  expected?: string[];
}

const root = resolve(__dirname, '..', '..', '..');

export function cacheRoot(): string {
  return resolve(process.env.GOVREPORT_FIXTURE_CACHE || join(homedir(), '.cache', 'govreport-fixtures'));
}

/** Installs the converters when missing (scripts/fixtures/setup.mjs); their versions. */
export function setupConverters(): string[] {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'fixtures', 'setup.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = (result.stdout ?? '').trim().split('\n');
  if (result.status !== 0) {
    const why = (result.stderr ?? '').split('\n').filter((l) => l.includes('FAILED') || l.startsWith('  ')).join('\n');
    throw new Error(`the converters could not be set up:\n${why || result.stderr || result.stdout}`);
  }
  return (JSON.parse(lines[lines.length - 1]) as { versions: string[] }).versions;
}

function plan(): Planned[] {
  const out: Planned[] = [];
  for (const source of sourceReports()) {
    out.push({ source, variant: 'plain', id: source.name, text: source.text, doc: reportDocument(source.text) });
    const planted = plantDefect(source.text);
    if (planted) {
      out.push({
        source,
        variant: 'planted',
        id: `${source.name}+planted`,
        text: planted.text,
        doc: reportDocument(planted.text),
        change: planted.change,
        expected: planted.expected,
      });
    }
  }
  return out;
}

/** The modules that make the files (not those that check or print them). */
const GENERATOR = ['index', 'inputs', 'model', 'planted', 'docx', 'html', 'convert'];

/** This generator's own code, as it runs (the compiled files beside this one). */
function generatorSource(): string {
  const hash = createHash('sha256');
  for (const name of GENERATOR) hash.update(name).update(readFileSync(join(__dirname, `${name}.js`)));
  hash.update(readFileSync(join(root, 'scripts', 'fixtures', 'setup.mjs')));
  for (const pkg of ['docx', 'iconv-lite']) hash.update(readFileSync(join(root, 'node_modules', pkg, 'package.json')));
  return hash.digest('hex');
}

function cacheKey(planned: Planned[], versions: string[]): string {
  const hash = createHash('sha256');
  hash.update(generatorSource());
  hash.update(JSON.stringify(versions));
  for (const p of planned) hash.update(JSON.stringify([p.id, p.text, p.doc, p.expected]));
  return hash.digest('hex').slice(0, 16);
}

function variantOf(dir: string, p: Planned): FixtureVariant {
  const at = join(dir, p.id);
  return {
    report: p.source.name,
    origin: p.source.origin,
    variant: p.variant,
    id: p.id,
    change: p.change,
    expected: p.expected,
    forms: Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, join(at, f)])) as Record<Form, string>,
    converted: Object.fromEntries(Object.entries(CONVERTED).map(([k, f]) => [k, join(at, f)])) as Record<Converter, string>,
  };
}

const say = (message: string): void => void process.stderr.write(`[fixtures] ${message}\n`);

/** Builds every form and conversion into `dir` (a fresh folder). */
async function build(dir: string, planned: Planned[]): Promise<void> {
  const started = Date.now();
  const variants = planned.map((p) => variantOf(dir, p));
  const staging = join(dir, '.staging');
  mkdirSync(staging, { recursive: true });
  // The native forms the project writes itself.
  for (const [i, p] of planned.entries()) {
    const v = variants[i];
    mkdirSync(join(dir, p.id), { recursive: true });
    writeFileSync(v.forms.text, p.text);
    writeFileSync(v.forms.docx, await docxBytes(p.doc));
    writeFileSync(v.forms['word-html'], wordHtml(p.doc));
    writeFileSync(v.forms['cms-html'], gbkBytes(cmsHtml(p.doc)));
    // LibreOffice names its output after its input: one distinct name each.
    writeFileSync(join(staging, `${i}.docx`), readFileSync(v.forms.docx));
  }
  say(`wrote ${planned.length} reports as .docx, Word HTML and CMS pages (${Date.now() - started} ms)`);

  // LibreOffice: one start per output format, every file in it.
  const docs = planned.map((_, i) => join(staging, `${i}.docx`));
  for (const [filter, ext, form] of [
    ['pdf', 'pdf', 'pdf'],
    ['txt:Text (encoded):UTF8', 'txt', undefined],
    ['html', 'html', 'libreoffice-html'],
  ] as const) {
    const t = Date.now();
    const out = join(staging, ext);
    mkdirSync(out);
    await libreOffice(filter, docs, out);
    planned.forEach((_, i) => {
      const made = join(out, `${i}.${ext}`);
      if (!existsSync(made)) throw new Error(`LibreOffice made no ${ext} for ${planned[i].id}`);
      renameSync(made, form ? variants[i].forms[form] : variants[i].converted['libreoffice-txt']);
    });
    say(`LibreOffice → ${ext}: ${planned.length} files in ${Date.now() - t} ms`);
  }

  // The other converters, two at a time.
  const t = Date.now();
  const tasks: (() => Promise<void>)[] = [];
  for (const v of variants) {
    const to = (c: Converter, args: () => Promise<Buffer>) => tasks.push(async () => writeFileSync(v.converted[c], await args()));
    to('pandoc-gfm', () => runChecked('pandoc', ['-f', 'docx', '-t', 'gfm', v.forms.docx]));
    to('pandoc-markdown', () => runChecked('pandoc', ['-f', 'docx', '-t', 'markdown', v.forms.docx]));
    to('pandoc-plain', () => runChecked('pandoc', ['-f', 'docx', '-t', 'plain', v.forms.docx]));
    to('pdftotext-layout', () => runChecked('pdftotext', ['-layout', '-enc', 'UTF-8', v.forms.pdf, '-']));
    to('pdftotext-raw', () => runChecked('pdftotext', ['-raw', '-enc', 'UTF-8', v.forms.pdf, '-']));
    to('w3m-libreoffice-html', () => runChecked('w3m', ['-dump', '-T', 'text/html', '-I', 'UTF-8', '-O', 'UTF-8', '-cols', '200', v.forms['libreoffice-html']]));
    to('w3m-cms-html', () => runChecked('w3m', ['-dump', '-T', 'text/html', '-I', 'GBK', '-O', 'UTF-8', '-cols', '200', v.forms['cms-html']]));
  }
  await pool(2, tasks);
  say(`pandoc, pdftotext, w3m: ${tasks.length} conversions in ${Date.now() - t} ms`);
  rmSync(staging, { recursive: true, force: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ built: new Date().toISOString(), seconds: (Date.now() - started) / 1000, variants: planned.map((p) => p.id) }, null, 2));
}

/**
 * The forms of every report, built on first use (converters installed when
 * missing) and reused from the cache while nothing they depend on changes.
 */
export async function fixtureForms(): Promise<FixtureSet> {
  const versions = setupConverters();
  const planned = plan();
  const cache = cacheRoot();
  const dir = join(cache, cacheKey(planned, versions));
  const variants = planned.map((p) => variantOf(dir, p));
  if (existsSync(join(dir, 'manifest.json'))) return { dir, built: false, versions, variants };

  mkdirSync(cache, { recursive: true });
  // One build at a time: test files running in parallel wait for the first.
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (existsSync(join(dir, 'manifest.json'))) return { dir, built: false, versions, variants };
      // A lock older than any build is what a killed build left behind.
      if (Date.now() - statSync(lock).mtimeMs > 30 * 60_000) rmSync(lock, { recursive: true, force: true });
      else await new Promise((done) => setTimeout(done, 1000));
    }
  }
  try {
    if (existsSync(join(dir, 'manifest.json'))) return { dir, built: false, versions, variants };
    // Built apart and moved into place whole, so a half-built folder is never
    // used; with the lock held, any other is what a killed build left.
    const partial = `${dir}.partial-${process.pid}`;
    const name = basename(dir);
    for (const other of readdirSync(cache)) if (other.startsWith(`${name}.partial-`)) rmSync(join(cache, other), { recursive: true, force: true });
    say(`building the fixture forms into ${dir}`);
    try {
      await build(partial, planned);
      renameSync(partial, dir);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return { dir, built: true, versions, variants };
}
