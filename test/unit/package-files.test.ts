/**
 * Every file the extension loads at run time is in the .vsix, as `vsce ls`
 * lists what .vscodeignore lets in: what the manifest names, the modules each
 * bundle loads beside itself (the server its readers, the readers pdf.js),
 * the files the client opens in its own folder, each webview's script and
 * stylesheet, and pdf.js's CMaps. (The end-to-end tests then run against the installed .vsix.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/fixtures';

function packaged(): Set<string> {
  const ls = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(ls.status, 0, ls.stderr);
  return new Set(ls.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
}

/** The files the manifest points at. */
function manifestFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const c = manifest.contributes;
  const files = [manifest.main, manifest.icon, ...c.languages.map((l: { configuration?: string }) => l.configuration), ...c.grammars.map((g: { path: string }) => g.path), ...c.snippets.map((s: { path: string }) => s.path), ...(c.jsonValidation ?? []).map((v: { url: string }) => v.url)];
  for (const w of c.walkthroughs ?? []) for (const step of w.steps) files.push(...Object.values(step.media as Record<string, string>).filter((v) => typeof v === 'string'));
  // %keys% are looked up in package.nls.json, and in package.nls.<language>.json for each display language.
  files.push(...readdirSync(ROOT).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f)));
  return files.filter(Boolean).map((f: string) => posix.normalize(f));
}

/** The files the client opens in its own folder: by path, by Uri.joinPath on its URI, and the webviews' pages. */
function clientFiles(): string[] {
  const files: string[] = [];
  const dir = join(ROOT, 'client', 'src');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(dir, name), 'utf8');
    for (const m of source.matchAll(/asAbsolutePath\(\s*'([^']+)'\s*\)/g)) files.push(m[1]);
    for (const m of source.matchAll(/joinPath\(\s*[\w.]*extensionUri\s*,\s*((?:'[^']+'\s*,?\s*)+)\)/g)) files.push([...m[1].matchAll(/'([^']+)'/g)].map((p) => p[1]).join('/'));
    // webview-page.ts: media/<name>.css and dist/webview/<name>.js.
    for (const m of source.matchAll(/setWebviewPage\([^,]+,[^,]+,\s*'([\w-]+)'\s*\)/g)) files.push(`media/${m[1]}.css`, `dist/webview/${m[1]}.js`);
  }
  return files;
}

/** The modules a bundle loads from beside itself, and theirs in turn. */
function loadedModules(entries: string[]): string[] {
  const out = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    const text = readFileSync(join(ROOT, file), 'utf8');
    // require('./x'), import('./x'), from './x', and files opened by path beside the bundle: join(__dirname, 'x') (a worker's script, pdf.js's CMaps).
    // (A path out of the bundle's folder, join(__dirname, '..', …), is the README the diagnostics link to: see package.test.ts.)
    for (const m of text.matchAll(/(?:\brequire|\bimport)\(\s*["'](\.\.?\/[^"']+)["']\s*\)|\bfrom\s*["'](\.\.?\/[^"']+)["']|\bjoin\)?\(__dirname,\s*(?:true \?\s*)?["']([^"'.][^"']*)["']/g)) {
      const loaded = posix.join(dirname(file), m[1] ?? m[2] ?? m[3]);
      if (!out.has(loaded)) {
        out.add(loaded);
        if (/\.m?js$/.test(loaded)) queue.push(loaded);
      }
    }
  }
  return [...out];
}

test('the .vsix holds every file the extension loads at run time', () => {
  const files = packaged();
  const client = clientFiles();
  // What the scan must find, or it finds nothing at all.
  for (const f of ['dist/server.js', 'dist/webview/preview.js', 'dist/webview/overview.js', 'media/overview.css', 'media/sample/sample.govreport']) assert.ok(client.includes(f), `${f} among ${client.join(', ')}`);
  const modules = loadedModules([...client, 'dist/client.js'].filter((f) => /^dist\/.*\.m?js$/.test(f)));
  for (const f of ['dist/sources.js', 'dist/pdfjs.mjs', 'dist/cmaps']) assert.ok(modules.includes(f), `${f} among ${modules.join(', ')}`);
  // The files the readers open by path: pdf.js's CMaps, for Chinese fonts that PDFs name without embedding.
  const opened = ['dist/cmaps/UniGB-UCS2-H.bcmap', 'dist/cmaps/Adobe-GB1-UCS2.bcmap'];
  const needed = new Set([...manifestFiles(), ...client, ...modules, ...opened]);
  // A folder (a webview's local resource root) is there when files are in it.
  const missing = [...needed].filter((f) => !files.has(f) && ![...files].some((p) => p.startsWith(`${f}/`)));
  assert.deepEqual(missing, [], `not in the package: ${missing.join(', ')}`);
});
