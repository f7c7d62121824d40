/**
 * Where the rules' documentation is for SARIF: a link to each rule's page,
 * docs/rules/<code>.md, only where the package says it is published
 * (package.json's `homepage`, an https address); a path on the machine that
 * ran the check would mean nothing where the log is read. (The documentation
 * itself goes inline, from the rule modules.)
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

let homepage: string | null | undefined;

function load(): string | null {
  const root = packageRoot();
  if (!root) return null;
  try {
    const { homepage: page } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { homepage?: unknown };
    return typeof page === 'string' && /^https:\/\//.test(page) ? page : null;
  } catch {
    return null;
  }
}

/**
 * Where rule `code`'s page is on the web, when the package says where (https
 * only): docs/rules/<code>.md under the homepage; on GitHub, in the tree of the
 * default branch, where the page is shown rendered.
 */
export function ruleHelpUri(code: string): string | undefined {
  if (homepage === undefined) homepage = load();
  if (!homepage) return undefined;
  const base = new URL(homepage.replace(/#.*$/, '').replace(/\/?$/, '/'));
  if (base.hostname === 'github.com' && /^\/[^/]+\/[^/]+\/$/.test(base.pathname)) base.pathname += 'blob/HEAD/';
  return new URL(`docs/rules/${code}.md`, base).href;
}
