/**
 * The rules' documentation for SARIF: each rule's section of the README that
 * ships with the command line, inline (code scanning shows it beside the
 * finding), and a link to it only where the package says it is published
 * (package.json's `homepage`, an https address); a path on the machine that
 * ran the check would mean nothing where the log is read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package's folder: the nearest above this file with govreport's package.json (dist/.., or the project). */
function packageRoot(): string | undefined {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    try {
      if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'govreport') return dir;
    } catch {
      // Not a manifest we can read: keep looking.
    }
    if (dirname(dir) === dir) return undefined;
  }
}

interface Docs {
  homepage?: string;
  readme: string;
}

let docs: Docs | undefined;

function load(): Docs {
  const root = packageRoot();
  if (!root) return { readme: '' };
  const read = (file: string) => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : '');
  const { homepage } = JSON.parse(read('package.json')) as { homepage?: unknown };
  return { homepage: typeof homepage === 'string' && /^https:\/\//.test(homepage) ? homepage : undefined, readme: read('README.md') || read('readme.md') };
}

/** Where rule `code` is documented on the web, when the package says where (https only). */
export function ruleHelpUri(code: string): string | undefined {
  docs ??= load();
  return docs.homepage && `${docs.homepage.replace(/#.*$/, '')}#${code}`;
}

/** Rule `code`'s section of the README (Markdown), without its heading; undefined when there is none. */
export function ruleDoc(code: string): string | undefined {
  docs ??= load();
  const at = docs.readme.search(new RegExp(`^### ${code}$`, 'm'));
  if (at < 0) return undefined;
  const body = docs.readme.slice(docs.readme.indexOf('\n', at) + 1);
  const end = body.search(/^#/m);
  return (end < 0 ? body : body.slice(0, end)).trim() || undefined;
}
