/**
 * The .vsix holds the source readers' bundle (the worker thread the server starts when a .docx, web page or
 * PDF is opened), pdf.js, and pdf.js's CMaps for Chinese fonts that PDFs name without embedding.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/fixtures';

test('the packaged extension holds dist/sources.js, dist/pdfjs.mjs and dist/cmaps/ beside dist/server.js', () => {
  const ls = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(ls.status, 0, ls.stderr);
  const files = ls.stdout.split('\n').map((l) => l.trim());
  for (const f of ['dist/server.js', 'dist/sources.js', 'dist/pdfjs.mjs', 'dist/cmaps/UniGB-UCS2-H.bcmap', 'dist/cmaps/Adobe-GB1-UCS2.bcmap']) assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
});
