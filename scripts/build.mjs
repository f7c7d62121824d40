// Builds the bundles in dist/ with esbuild; with --tests also transpiles the
// sources and tests to out/ for node's test runner (type checking is `npm run
// typecheck`, so this stays fast). With --watch, rebuilds on change.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const args = new Set(argv);
const production = args.has('--production');
// --dist DIR: the bundles go to DIR instead of dist/ (the packaging script builds them apart).
const dist = argv.includes('--dist') ? argv[argv.indexOf('--dist') + 1] : 'dist';
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The source readers (.docx, web pages, PDF) and their parsers run in a worker
// thread, a bundle of their own (dist/sources.js) that the CLI and the server
// start when a source is read (see server/src/sources/load.ts).
const worker = { GOVREPORT_SOURCES_WORKER: JSON.stringify('sources.js') };
// The command line checks files on every core (--jobs) in threads that run dist/check.js.
const checkWorker = { ...worker, GOVREPORT_CHECK_WORKER: JSON.stringify('check.js') };

// pdfjs-dist is an ES module with top-level imports of node built-ins: it is
// bundled as dist/pdfjs.mjs and imported from the readers when a PDF is read.
const pdfjs = {
  name: 'pdfjs-chunk',
  setup(build) {
    build.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf\.mjs$/ }, (args) =>
      args.importer.endsWith(join('server', 'src', 'sources', 'pdf.ts')) ? { path: './pdfjs.mjs', external: true } : undefined,
    );
  },
};

// jsonc-parser's main build is UMD, whose factory requires its own modules in
// a way no bundler follows; its ES module build bundles as it is.
const alias = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };

const bundles = [
  { entry: 'server/src/cli/main.ts', out: 'dist/cli.js', define: checkWorker },
  { entry: 'server/src/cli/worker.ts', out: 'dist/check.js', define: worker },
  { entry: 'server/src/server.ts', out: 'dist/server.js', define: worker },
  { entry: 'server/src/sources/worker.ts', out: 'dist/sources.js', plugins: [pdfjs], define: { GOVREPORT_CMAPS: JSON.stringify('cmaps') } },
  { entry: 'server/src/sources/pdfjs.ts', out: 'dist/pdfjs.mjs', format: 'esm', external: ['@napi-rs/canvas'] },
  { entry: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { entry: 'client/src/webview/preview.ts', out: 'dist/webview/preview.js', platform: 'browser', format: 'iife' },
  { entry: 'client/src/webview/overview.ts', out: 'dist/webview/overview.js', platform: 'browser', format: 'iife' },
].filter((b) => existsSync(join(root, b.entry)));

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) yield path;
  }
}

const bundleOptions = bundles.map((b) => ({
  absWorkingDir: root,
  entryPoints: [b.entry],
  outfile: join(dist, b.out.slice('dist/'.length)),
  bundle: true,
  platform: b.platform ?? 'node',
  target: b.platform === 'browser' ? 'es2022' : 'node20',
  format: b.format ?? 'cjs',
  sourcemap: !production,
  minify: production,
  external: b.external ?? [],
  plugins: b.plugins ?? [],
  alias,
  define: { GOVREPORT_VERSION: JSON.stringify(version), ...b.define },
  logLevel: 'warning',
}));

const testOptions = {
  absWorkingDir: root,
  entryPoints: ['server/src', 'client/src', 'test', 'bench']
    .map((d) => join(root, d))
    .filter((d) => existsSync(d))
    .flatMap((d) => [...walk(d)])
    .filter((f) => !f.includes(join('client', 'src', 'webview'))),
  outdir: join(root, 'out'),
  outbase: root,
  bundle: false,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
};

/**
 * Writes the contributions generated from the schema (snippets, grammar); run
 * with `npm run contributions` after changing the schema. A test fails when
 * the committed files differ from what this writes.
 */
async function writeContributions() {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['server/src/contributions/index.ts'],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    alias,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  for (const [file, data] of Object.entries(module.exports.contributions())) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), `${JSON.stringify(data, null, 2)}\n`);
    console.log(`wrote ${file}`);
  }
}

/** pdf.js's CMaps, which the PDF reader loads for Chinese fonts that are named, not embedded. */
function copyCMaps() {
  cpSync(join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps'), join(resolve(root, dist), 'cmaps'), { recursive: true });
}

if (args.has('--contributions')) {
  await writeContributions();
} else if (args.has('--watch')) {
  copyCMaps();
  for (const options of bundleOptions) (await esbuild.context(options)).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(bundleOptions.map((o) => esbuild.build(o)));
  copyCMaps();
  if (args.has('--tests')) {
    rmSync(join(root, 'out'), { recursive: true, force: true });
    await esbuild.build(testOptions);
  }
}
