// Writes the rules' documentation from the rule modules: docs/rules/<code>.md
// and the rule sections of README.md and README.marketplace.md (between their
// marker comments). Run `npm run docs` after changing a rule's `doc`; a test
// fails when the committed files differ from what this writes.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['server/src/contributions/docs.ts'],
  bundle: true,
  write: false,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const files = module.exports.docFiles((file) => readFileSync(join(root, file), 'utf8'));
for (const [file, text] of Object.entries(files)) {
  const path = join(root, file);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${file}`);
}
